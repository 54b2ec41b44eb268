import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
const fresh = (seed = 'scenario') => createShell({ cluster: createCluster({ seed, now: T0 }) });

describe('a learner at the terminal', () => {
  it('runs a pod and watches it come up over simulated time', async () => {
    const sh = fresh();
    expect(await sh.exec('kubectl run web --image=nginx')).toEqual({ output: 'pod/web created\n', exitCode: 0 });
    expect((await sh.exec('kubectl get pods')).output).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          0s\n');
    await sh.exec('sleep 2');
    expect((await sh.exec('kubectl get pods')).output).toContain('web    0/1     ContainerCreating   0          2s');
    await sh.exec('sleep 8');
    expect((await sh.exec('kubectl get pods')).output).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10s\n');
    expect((await sh.exec('kubectl get pod web -o wide')).output).toMatch(/web +1\/1 +Running +0 +10s +10\.244\.[12]\.\d+ +k8s-node[12] +<none> +<none>/);
  });

  it('applies a heredoc, then deletes the pod', async () => {
    const sh = fresh();
    const manifest = 'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n' +
      '  - name: app\n    image: kubetm/app\nEOF';
    expect(sh.isComplete(manifest.split('\n').slice(0, 4).join('\n'))).toBe(false);
    expect(sh.isComplete(manifest)).toBe(true);
    expect(await sh.exec(manifest)).toEqual({ output: 'pod/app created\n', exitCode: 0 });
    expect((await sh.exec(manifest)).output).toBe('pod/app unchanged\n');
    await sh.exec('sleep 10');
    const del = await sh.exec('kubectl delete pod app');
    expect(del).toEqual({ output: 'pod "app" deleted from default namespace\n', exitCode: 0 });
    expect((await sh.exec('kubectl get pods')).output).toBe('No resources found in default namespace.\n');
  });

  it('uses shell features around kubectl', async () => {
    const sh = fresh();
    expect((await sh.exec('NAME=web; echo "pod: $NAME" > note.txt; cat note.txt')).output).toBe('pod: web\n');
    expect((await sh.exec('kubectl get pods 2>&1 | wc -l')).output).toBe('1\n');
    expect((await sh.exec('kubectl get nodes | grep -c Ready')).output).toBe('3\n');
    expect((await sh.exec('false || echo fallback && echo $?')).output).toBe('fallback\n0\n');
    expect((await sh.exec('mkdir -p k8s/pods && cd k8s && pwd')).output).toBe('/root/k8s\n');
    expect(sh.prompt()).toBe('root@k8s-master:~/k8s# ');
    expect(await sh.exec('nosuch')).toEqual({ output: 'bash: nosuch: command not found\n', exitCode: 127 });
    expect((await sh.exec("echo 'a\n")).exitCode).toBe(2);
    expect((await sh.exec('clear')).output).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect((await sh.exec('echo $(echo nested) ${MISSING:-default}')).output).toBe('nested default\n');
  });

  it('restores files, history and pods from snapshots, deterministically', async () => {
    const script = ['kubectl run web --image=nginx', 'sleep 5', 'echo hi > a.txt', 'kubectl get pods -o wide'];
    const a = fresh('same');
    const b = fresh('same');
    const outA: string[] = [];
    const outB: string[] = [];
    for (const line of script) outA.push((await a.exec(line)).output);
    for (const line of script) outB.push((await b.exec(line)).output);
    expect(outA).toEqual(outB);
    const restored = createShell({
      cluster: restoreCluster(JSON.parse(JSON.stringify(a.cluster.snapshot()))),
      state: JSON.parse(JSON.stringify(a.snapshot())),
    });
    expect((await restored.exec('cat a.txt')).output).toBe('hi\n');
    expect((await restored.exec('history')).output).toContain('    3  echo hi > a.txt');
    expect((await restored.exec('kubectl get pods -o wide')).output).toBe((await a.exec('kubectl get pods -o wide')).output);
  });

  it('passes time through the injected sleep', async () => {
    const waits: number[] = [];
    const cluster = createCluster({ seed: 's', now: T0 });
    const sh = createShell({ cluster, sleep: async (ms) => { waits.push(ms); cluster.advanceBy(ms); } });
    await sh.exec('sleep 1.5');
    expect(waits).toEqual([1500]);
    expect(cluster.now()).toBe(T0 + 1500);
  });
});

describe('the home directory API (editor pane)', () => {
  it('lists, reads and writes files under /root, creating parent directories', async () => {
    const sh = fresh();
    await sh.exec('echo hi > a.txt; mkdir -p d; echo x > d/b.yaml; echo t > /tmp/t.txt');
    expect(sh.listFiles()).toEqual([
      { path: '/root/a.txt', size: 3 },
      { path: '/root/d/b.yaml', size: 2 },
    ]);
    expect(sh.readFile('/root/a.txt')).toBe('hi\n');
    expect(sh.readFile('d/b.yaml')).toBe('x\n');
    expect(sh.readFile('/root/none')).toBeNull();
    expect(sh.readFile('/tmp/t.txt')).toBeNull();
    expect(sh.readFile('/root/d')).toBeNull();
    sh.writeFile('/root/new/deep/pod.yaml', 'kind: Pod\n');
    expect((await sh.exec('cat new/deep/pod.yaml')).output).toBe('kind: Pod\n');
    expect(() => sh.writeFile('/etc/passwd', 'x')).toThrow();
    expect(() => sh.writeFile('/root/d', 'x')).toThrow();
    expect(sh.snapshot().files['/root/new/deep/pod.yaml']).toBe('kind: Pod\n');
  });

  it('vi/nano/vim open the file in the editor pane when there is one', async () => {
    const opened: string[] = [];
    const sh = createShell({ cluster: createCluster({ seed: 'ed', now: T0 }), openEditor: (p) => opened.push(p) });
    const vi = await sh.exec('vi pod.yaml');
    expect(vi.exitCode).toBe(0);
    expect(vi.output).toContain("'pod.yaml' 파일을 편집기 창에서 열었습니다");
    await sh.exec('mkdir k && cd k && nano ../x.yaml && vim +3 y.yaml');
    expect(opened).toEqual(['/root/pod.yaml', '/root/x.yaml', '/root/k/y.yaml']);
    expect(await sh.exec('vi /etc/hosts')).toMatchObject({ exitCode: 1 });
    expect(await sh.exec('cd /root; vi k')).toEqual({ output: 'vi: k: Is a directory\n', exitCode: 1 });
    expect(opened).toHaveLength(3);
  });

  it('without an editor pane, vi only points to it', async () => {
    const r = await fresh().exec('vi pod.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('YAML editor pane');
  });
});
