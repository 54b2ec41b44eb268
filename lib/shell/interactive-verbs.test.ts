import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);

async function lab(openEditor?: (path: string) => void) {
  const sh = createShell({ cluster: createCluster({ seed: 'interactive', now: T0 }), openEditor });
  await sh.exec('kubectl run web --image=nginx; kubectl run bb --image=busybox -- sleep 3600; sleep 20');
  return sh;
}

describe('kubectl exec -it: an in-pod shell until exit', () => {
  it('runs typed lines in a busybox pod with its tools, keeps cd and variables, and returns on exit', async () => {
    const sh = await lab();
    expect(await sh.exec('kubectl exec -it bb -- sh')).toEqual({ output: '', exitCode: 0 });
    expect(sh.prompt()).toBe('/ # ');
    expect(sh.context()).toEqual({ namespace: 'default', pod: 'bb', container: 'bb' });
    expect((await sh.exec('hostname; cd /tmp; export X=1; echo hi > f')).output).toBe('bb\n');
    expect(sh.prompt()).toBe('/tmp # ');
    expect(await sh.exec('cat f; echo $X')).toEqual({ output: 'hi\n1\n', exitCode: 0 });
    expect(await sh.exec('curl -s web')).toEqual({ output: 'sh: curl: not found\n', exitCode: 127 });
    expect(await sh.exec('exit')).toEqual({ output: '', exitCode: 0 });
    expect(sh.prompt()).toBe('root@k8s-master:~# ');
    expect(sh.context()).toBeNull();
    // The file written from the shell stays in the container.
    expect((await sh.exec('kubectl exec bb -- cat /tmp/f')).output).toBe('hi\n');
  });

  it('gives bash images a bash prompt and reports a non-zero exit like kubectl', async () => {
    const sh = await lab();
    await sh.exec('kubectl exec -it web -- bash');
    expect(sh.prompt()).toBe('root@web:/# ');
    expect((await sh.exec('ls /usr/share/nginx/html')).output).toBe('50x.html  index.html\n');
    expect(await sh.exec('exit 3')).toEqual({ output: 'command terminated with exit code 3\n', exitCode: 3 });
    expect(sh.prompt()).toBe('root@k8s-master:~# ');
  });

  it('fails like the runtime when the image has no such shell, and ends when the pod goes away', async () => {
    const sh = await lab();
    const r = await sh.exec('kubectl exec -it bb -- bash');
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('exec: "bash": executable file not found in $PATH: unknown');
    await sh.exec('kubectl exec -it bb -- sh');
    sh.cluster.delete('Pod', 'default', 'bb');
    sh.cluster.advanceBy(60_000);
    expect(await sh.exec('ls')).toEqual({ output: 'command terminated with exit code 137\n', exitCode: 137 });
    expect(sh.context()).toBeNull();
  });

  it('is not kept in the snapshot (a restored session starts on the master)', async () => {
    const sh = await lab();
    await sh.exec('kubectl exec -it bb -- sh');
    const again = createShell({ cluster: sh.cluster, state: sh.snapshot() });
    expect(again.prompt()).toBe('root@k8s-master:~# ');
  });
});

describe('kubectl edit through the editor pane', () => {
  it('opens the YAML with kubectl\'s header and applies saves', async () => {
    const opened: string[] = [];
    const sh = await lab((p) => opened.push(p));
    const r = await sh.exec('kubectl edit pod/web');
    expect(r.exitCode).toBe(0);
    const path = '/root/.kube-edit/pod-web.yaml';
    expect(opened).toEqual([path]);
    expect(r.output).toContain(path);
    const text = sh.readFile(path)!;
    expect(text.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n")).toBe(true);
    expect(text).toContain('kind: Pod');
    expect(text).not.toContain('status:');
    expect(text).not.toContain('managedFields');
    expect(sh.onFileSaved(path)).toBe('Edit cancelled, no changes made.\n');
    sh.writeFile(path, text.replace('image: nginx', 'image: nginx:1.27'));
    expect(sh.onFileSaved(path)).toBe('pod/web edited\n');
    expect((await sh.exec("kubectl get pod web -o jsonpath='{.spec.containers[0].image}'")).output).toBe('nginx:1.27');
  });

  it('prints immutable-field errors and keeps the edit with the error on top', async () => {
    const sh = await lab(() => undefined);
    await sh.exec('kubectl edit pod web');
    const path = '/root/.kube-edit/pod-web.yaml';
    sh.writeFile(path, sh.readFile(path)!.replace('dnsPolicy: ClusterFirst', 'dnsPolicy: Default'));
    expect(sh.onFileSaved(path)).toBe('error: pods "web" is invalid\n' +
      `A copy of your changes has been stored to "${path}"\nerror: Edit cancelled, no valid changes were saved.\n`);
    const kept = sh.readFile(path)!;
    expect(kept).toContain('#\n# pods "web" was not valid:\n# * spec: Forbidden: pod updates may not change fields');
    expect(kept).toContain('dnsPolicy: Default');
  });

  it('scales a deployment by editing replicas; without the editor pane says it needs it', async () => {
    const sh = await lab(() => undefined);
    await sh.exec('kubectl create deployment d --image=nginx');
    await sh.exec('kubectl edit deploy/d');
    const path = '/root/.kube-edit/deployment-d.yaml';
    sh.writeFile(path, sh.readFile(path)!.replace('replicas: 1', 'replicas: 3'));
    expect(sh.onFileSaved(path)).toBe('deployment.apps/d edited\n');
    expect((await sh.exec("kubectl get deploy d -o jsonpath='{.spec.replicas}'")).output).toBe('3');
    expect(sh.onFileSaved('/root/other.yaml')).toBe('');
    const plain = await lab();
    const r = await plain.exec('kubectl edit pod/web');
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('kubectl edit needs the web lab\'s YAML editor pane');
    expect((await plain.exec('kubectl edit pod/nope')).output).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('kubectl cp and port-forward', () => {
  it('copies files both ways', async () => {
    const sh = await lab();
    await sh.exec('echo hello > a.txt');
    expect(await sh.exec('kubectl cp a.txt bb:/tmp/a.txt && kubectl exec bb -- cat /tmp/a.txt')).toEqual({ output: 'hello\n', exitCode: 0 });
    expect(await sh.exec('kubectl cp bb:/etc/hostname ./h && cat h')).toEqual({ output: "tar: removing leading '/' from member names\nbb\n", exitCode: 0 });
    expect(await sh.exec('kubectl cp nope bb:/tmp/')).toEqual({ output: "error: nope doesn't exist in local filesystem\n", exitCode: 1 });
    expect((await sh.exec('kubectl cp a b')).output).toBe('error: one of src or dest must be a remote file specification\n');
    expect((await sh.exec('kubectl cp web:/etc/nope x')).output).toContain('tar: etc/nope: Cannot stat: No such file or directory\n');
  });

  it('forwards a local port in the background until kill, for pods and services', async () => {
    const sh = await lab();
    await sh.exec('kubectl expose pod web --port=80');
    expect(await sh.exec('kubectl port-forward pod/web 8080:80 &')).toEqual({
      output: '[1] 4301\nForwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n', exitCode: 0 });
    expect((await sh.exec('curl -s localhost:8080')).output).toContain('<title>Welcome to nginx!</title>');
    expect((await sh.exec('kubectl port-forward svc/web 9090:80 &')).output).toContain('Forwarding from 127.0.0.1:9090 -> 80\n');
    expect((await sh.exec('curl -s -o /dev/null -w "%{http_code}" localhost:9090')).output).toBe('200');
    expect((await sh.exec('kubectl port-forward pod/web 8080:80 &')).output).toContain('bind: address already in use');
    expect((await sh.exec('kill %1')).output).toBe('[1]+  Terminated              kubectl port-forward pod/web 8080:80\n');
    expect((await sh.exec('curl -s localhost:8080')).exitCode).toBe(7);
  });

  it('blocks in the foreground until Ctrl-C, then stops forwarding', async () => {
    // The web terminal's sleep waits in real time (here 1 ms a step), so the forward stays up.
    const sh = createShell({ cluster: createCluster({ seed: 'interactive', now: T0 }),
      sleep: (ms, signal) => new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 1);
        signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); });
      }) });
    sh.cluster.advanceBy(0);
    await sh.exec('kubectl run web --image=nginx');
    sh.cluster.advanceBy(20_000);
    const ctl = new AbortController();
    let out = '';
    const done = sh.run('kubectl port-forward web 8080:80', { write: (c) => { out += c; }, signal: ctl.signal });
    await new Promise((r) => setTimeout(r, 20));
    expect(out).toContain('Forwarding from 127.0.0.1:8080 -> 80\n');
    ctl.abort();
    expect(await done).toBe(130);
    expect((await sh.exec('curl -s localhost:8080')).exitCode).toBe(7);
  });
});
