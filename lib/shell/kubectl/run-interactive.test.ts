/** `kubectl run -it`: an attached command or interactive shell as the container's main process. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { createShell } from '../session';

const T0 = Date.UTC(2025, 0, 1);
const lab = () => createShell({ cluster: createCluster({ seed: 'run-it', now: T0 }) });
const NOTICE = 'All commands and output from this session will be recorded in container logs, including credentials and sensitive ' +
  "information passed through the command prompt.\nIf you don't see a command prompt, try pressing enter.\n";

describe('kubectl run -it', () => {
  it('attaches to busybox sh with --rm; exit ends the container, the attach and the pod at once (restart Always: no wait)', async () => {
    const sh = lab();
    const r = await sh.exec('kubectl run -it --rm tmp --image=busybox -- sh');
    expect(r).toEqual({ output: NOTICE, exitCode: 0 });
    expect(sh.prompt()).toBe('/ # ');
    expect((await sh.exec('hostname')).output).toBe('tmp\n');
    // --restart defaults to Always, so run.go does not wait for an exit code: the deferred --rm
    // delete runs and kubectl returns 0 right away.
    const before = sh.cluster.now();
    const end = await sh.exec('exit');
    expect(end).toEqual({
      output: "Session ended, resume using 'kubectl attach tmp -c tmp -n default -i -t' command\n" +
        'pod "tmp" deleted from default namespace\n',
      exitCode: 0,
    });
    expect(sh.cluster.now() - before).toBeLessThan(5_000);
    expect((await sh.exec('kubectl get pod tmp -o jsonpath={.spec.restartPolicy}')).output).toBe('Always');
    expect(sh.prompt()).toBe('root@k8s-master:~# ');
    expect((await sh.exec('kubectl get pods')).output).toMatch(/tmp\s+0\/1\s+Terminating\s+0\s/);
    await sh.exec('sleep 35');
    expect((await sh.exec('kubectl get pods')).output).toBe('No resources found in default namespace.\n');
  });

  it('with --restart=Never: exit 3 fails the pod, kubectl deletes it and returns the code', async () => {
    const sh = lab();
    await sh.exec('kubectl run -it --rm tmp --image=busybox --restart=Never -- sh');
    const end = await sh.exec('exit 3');
    expect(end).toEqual({
      output: "Session ended, resume using 'kubectl attach tmp -c tmp -n default -i -t' command\n" +
        'pod "tmp" deleted from default namespace\npod default/tmp terminated (Error)\n',
      exitCode: 3,
    });
  });

  it('without --rm the shell exits 0 and the container restarts (Always); the pod stays', async () => {
    const sh = lab();
    await sh.exec('kubectl run -it bb --image=busybox');
    expect(sh.prompt()).toBe('/ # ');
    const end = await sh.exec('exit');
    expect(end).toEqual({ output: "Session ended, resume using 'kubectl attach bb -c bb -n default -i -t' command\n", exitCode: 0 });
    expect(sh.prompt()).toBe('root@k8s-master:~# ');
    await sh.exec('sleep 5'); // the kubelet restarts the exited shell (restartPolicy Always)
    expect((await sh.exec('kubectl get pod bb -o jsonpath={.spec.containers[0].stdin}')).output).toBe('true');
    expect((await sh.exec('kubectl get pod bb -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason}')).output).toBe('Completed');
    expect((await sh.exec('kubectl get pod bb')).output).toMatch(/bb\s+1\/1\s+Running\s+1 \(\S+ ago\)\s/);
  });

  it('--restart=Always does not wait for the pod after the session', async () => {
    const sh = lab();
    await sh.exec('kubectl run -it keep --image=busybox --restart=Always -- sh');
    expect((await sh.exec('exit')).output).toBe("Session ended, resume using 'kubectl attach keep -c keep -n default -i -t' command\n");
  });

  it('without -i the shell reads EOF, completes and crash-loops under restartPolicy Always', async () => {
    const sh = lab();
    expect((await sh.exec('kubectl run plain --image=busybox')).output).toBe('pod/plain created\n');
    await sh.exec('sleep 60');
    expect((await sh.exec('kubectl get pod plain')).output).toMatch(/plain\s+0\/1\s+(CrashLoopBackOff|Completed)\s+[2-9] \(\S+ ago\)/);
  });
});

describe('kubectl run -it --rm --restart=Never -- COMMAND', () => {
  it('runs nslookup in the new container, prints its answer and deletes the pod', async () => {
    const sh = lab();
    const r = await sh.exec('kubectl run -it --rm dns --image=busybox --restart=Never -- nslookup kubernetes');
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(`${NOTICE}Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n` +
      r.output.slice(NOTICE.length + 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n'.length, r.output.indexOf('Session ended')) +
      "Session ended, resume using 'kubectl attach dns -c dns -n default -i -t' command\npod \"dns\" deleted from default namespace\n");
    expect(r.output).toMatch(/Name:\tkubernetes\.default\.svc\.cluster\.local\nAddress: 10\.96\.0\.1\n/);
    expect(sh.prompt()).toBe('root@k8s-master:~# ');
  });

  it('resolves a StatefulSet pod through its headless Service (the notes\' habit)', async () => {
    const sh = lab();
    await sh.exec(`cat > sts.yaml <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
EOF`);
    await sh.exec('kubectl apply -f sts.yaml');
    await sh.exec('sleep 30');
    const ip = (await sh.exec('kubectl get pod web-0 -o jsonpath={.status.podIP}')).output;
    const r = await sh.exec('kubectl run -it --rm busybox --image=busybox --restart=Never -- nslookup web-0.nginx');
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain(`Name:\tweb-0.nginx.default.svc.cluster.local\nAddress: ${ip}\n`);
    expect(r.output.endsWith('pod "busybox" deleted from default namespace\n')).toBe(true);
  });

  it('a failing command fails the pod: kubectl prints the termination and exits with its code', async () => {
    const sh = lab();
    const r = await sh.exec("kubectl run -it --rm w --image=busybox --restart=Never -- sh -c 'echo hi; exit 4'");
    expect(r).toEqual({
      output: `${NOTICE}hi\nSession ended, resume using 'kubectl attach w -c w -n default -i -t' command\n` +
        'pod "w" deleted from default namespace\npod default/w terminated (Error)\n',
      exitCode: 4,
    });
  });

  it('without --rm the pod is left Completed or Error with the real exit code', async () => {
    const sh = lab();
    expect((await sh.exec('kubectl run -i ok --image=busybox --restart=Never -- echo hello')).output).toBe(`${NOTICE}hello\n`);
    await sh.exec("kubectl run -i bad --image=busybox --restart=Never -- sh -c 'exit 2'");
    expect((await sh.exec('kubectl get pods')).output).toMatch(/bad\s+0\/1\s+Error\s+0\s+\S+\nok\s+0\/1\s+Completed\s+0\s/);
    expect((await sh.exec('kubectl get pod bad -o jsonpath={.status.containerStatuses[0].state.terminated.exitCode}')).output).toBe('2');
  });

  it('curl in curlimages/curl and wget in busybox reach a Service', async () => {
    const sh = lab();
    await sh.exec('kubectl create deployment web --image=nginx && kubectl expose deployment web --port=80');
    await sh.exec('sleep 20');
    const c = await sh.exec('kubectl run -it --rm c --image=curlimages/curl --restart=Never -- curl -s web');
    expect(c.output).toContain('<title>Welcome to nginx!</title>');
    expect(c.exitCode).toBe(0);
    const w = await sh.exec('kubectl run -it --rm w --image=busybox --restart=Never -- wget -q -O- http://web');
    expect(w.output).toContain('<title>Welcome to nginx!</title>');
    const miss = await sh.exec('kubectl run -i --rm m --image=busybox --restart=Never -- wget -q -O- http://nope');
    expect(miss.output).toContain("wget: bad address 'nope'");
    expect(miss.output).toContain('pod default/m terminated (Error)\n');
    expect(miss.exitCode).toBe(1);
  });

  it('-i without a terminal: the default shell runs the piped script', async () => {
    const sh = lab();
    expect(await sh.exec('echo hostname | kubectl run -i --rm t --image=busybox --restart=Never'))
      .toEqual({ output: `${NOTICE}t\npod "t" deleted from default namespace\n`, exitCode: 0 });
    expect((await sh.exec("printf 'echo a\\nexit 3\\n' | kubectl run -i --rm t2 --image=busybox --restart=Never -- sh")).exitCode).toBe(3);
  });

  it('a program the image lacks fails to start: StartError, exit 128, no attach', async () => {
    const sh = lab();
    const r = await sh.exec('kubectl run -it nope --image=busybox --restart=Never -- curl -s web');
    expect(r).toEqual({ output: 'pod default/nope terminated (StartError)\nfailed to create containerd task: failed to create shim task: OCI runtime ' +
      'create failed: runc create failed: unable to start container process: error during container init: exec: "curl": executable file not found ' +
      'in $PATH: unknown\n', exitCode: 128 });
    expect((await sh.exec('kubectl get pod nope')).output).toMatch(/nope\s+0\/1\s+StartError\s+0\s/);
  });

  it('rejects the flag combinations kubectl rejects', async () => {
    const sh = lab();
    expect((await sh.exec('kubectl run x --image=busybox --rm -- true')).output).toBe('error: --rm should only be used for attached containers\n');
    expect((await sh.exec('kubectl run x --image=busybox -t -- true')).output).toBe('error: -i/--stdin is required for containers with -t/--tty=true\n');
    expect((await sh.exec('kubectl run x --image=busybox -i --dry-run=client -- true')).output)
      .toBe("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n");
    expect((await sh.exec('kubectl get pods')).output).toBe('No resources found in default namespace.\n');
  });
});

describe('kubectl attach', () => {
  it('reattaches to the restarted shell of a kubectl run -it pod; exit restarts it again', async () => {
    const sh = lab();
    await sh.exec('kubectl run -it bb --image=busybox --restart=Always');
    await sh.exec('exit');
    await sh.exec('sleep 5');
    const r = await sh.exec('kubectl attach bb -c bb -i -t');
    expect(r).toEqual({ output: NOTICE, exitCode: 0 });
    expect(sh.prompt()).toBe('/ # ');
    expect((await sh.exec('echo $HOSTNAME')).output).toBe('bb\n');
    expect((await sh.exec('exit')).output).toBe("Session ended, resume using 'kubectl attach bb -c bb -n default -i -t' command\n");
    // The second exit in a row is backed off (10s) before the kubelet restarts the shell.
    await sh.exec('sleep 5');
    expect((await sh.exec('kubectl get pod bb')).output).toMatch(/bb\s+0\/1\s+CrashLoopBackOff\s+1 \(\S+ ago\)/);
    await sh.exec('sleep 10');
    expect((await sh.exec('kubectl get pod bb')).output).toMatch(/bb\s+1\/1\s+Running\s+2 \(\S+ ago\)/);
    expect((await sh.exec('kubectl attach nope -i -t')).output).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
