/** `kubectl run -it`: an interactive shell as the container's main process, attached until exit. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { createShell } from '../session';

const T0 = Date.UTC(2025, 0, 1);
const lab = () => createShell({ cluster: createCluster({ seed: 'run-it', now: T0 }) });

describe('kubectl run -it', () => {
  it('attaches to busybox sh with --rm and deletes the pod on exit', async () => {
    const sh = lab();
    const r = await sh.exec('kubectl run -it --rm tmp --image=busybox -- sh');
    expect(r).toEqual({ output: "If you don't see a command prompt, try pressing enter.\n", exitCode: 0 });
    expect(sh.prompt()).toBe('/ # ');
    expect((await sh.exec('hostname')).output).toBe('tmp\n');
    expect((await sh.exec('exit')).output).toBe('pod "tmp" deleted from default namespace\n');
    expect(sh.prompt()).toBe('root@k8s-master:~# ');
    expect((await sh.exec('kubectl get pods')).output).toMatch(/tmp\s+1\/1\s+Terminating/);
    await sh.exec('sleep 35');
    expect((await sh.exec('kubectl get pods')).output).toBe('No resources found in default namespace.\n');
  });

  it('keeps the image default shell running with stdin open (no command given)', async () => {
    const sh = lab();
    await sh.exec('kubectl run -it bb --image=busybox');
    expect(sh.prompt()).toBe('/ # ');
    await sh.exec('exit');
    expect(sh.prompt()).toBe('root@k8s-master:~# ');
    expect((await sh.exec('kubectl get pod bb -o jsonpath={.spec.containers[0].stdin}')).output).toBe('true');
    expect((await sh.exec('kubectl get pod bb')).output).toMatch(/bb\s+1\/1\s+Running\s+0\s/);
  });

  it('without -i the shell reads EOF, completes and crash-loops under restartPolicy Always', async () => {
    const sh = lab();
    expect((await sh.exec('kubectl run plain --image=busybox')).output).toBe('pod/plain created\n');
    await sh.exec('sleep 60');
    expect((await sh.exec('kubectl get pod plain')).output).toMatch(/plain\s+0\/1\s+(CrashLoopBackOff|Completed)\s+[2-9] \(\S+ ago\)/);
  });
});
