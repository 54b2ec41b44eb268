/**
 * Scenario S9 "Everyday kubectl" (../shared/SCENARIOS.md, note 003's kubectl table: apply, get,
 * describe, delete, logs, exec, config) typed as a learner would, plus `get -w` streaming and
 * the kubeconfig namespace persisting in the shell state.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster } from '../../cluster';
import { createShell } from '../session';

const T0 = Date.UTC(2025, 0, 1);
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: pod-1
  labels:
    app: pod
spec:
  containers:
  - name: container
    image: kubetm/app
    ports:
    - containerPort: 8080
`;

function shell() {
  return createShell({ cluster: createCluster({ seed: 's9', now: T0 }) });
}

describe('S9 everyday kubectl (note 003)', () => {
  it('apply, get, describe, logs, exec, config, delete', async () => {
    const sh = shell();
    await sh.exec(`cat > pod.yaml <<'EOF'\n${POD}EOF`);
    expect(await sh.exec('kubectl apply -f pod.yaml')).toEqual({ output: 'pod/pod-1 created\n', exitCode: 0 });
    await sh.exec('sleep 10');
    const get = await sh.exec('kubectl get pods');
    expect(get.output).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\npod-1 +1\/1 +Running +0 +10s\n$/);
    const desc = await sh.exec('kubectl describe pod pod-1');
    expect(desc.output).toContain('Events:');
    expect(desc.output).toMatch(/Normal +Scheduled/);
    expect((await sh.exec('kubectl logs pod-1')).exitCode).toBe(0);
    expect((await sh.exec('kubectl exec pod-1 -- hostname')).output).toBe('pod-1\n');
    expect((await sh.exec('kubectl config current-context')).output).toBe('kubernetes-admin@kubernetes\n');
    expect((await sh.exec('kubectl delete -f pod.yaml')).output).toBe('pod "pod-1" deleted from default namespace\n');
  });

  it('prints help for every verb of the table', async () => {
    const sh = shell();
    for (const verb of ['apply', 'get', 'describe', 'delete', 'logs', 'exec', 'config']) {
      const { output, exitCode } = await sh.exec(`kubectl ${verb} --help`);
      expect(exitCode).toBe(0);
      expect(output).toContain('Usage:\n  kubectl');
      if (verb !== 'config') expect(output).toContain('Examples:');
    }
  });

  it('set-context --namespace becomes the default and survives a snapshot', async () => {
    const cluster = createCluster({ seed: 's9', now: T0 });
    const sh = createShell({ cluster });
    await sh.exec('kubectl config set-context --current --namespace=kube-system');
    expect((await sh.exec('kubectl run web --image=nginx')).exitCode).toBe(0);
    expect(cluster.get('Pod', 'kube-system', 'web')).toBeDefined();
    const again = createShell({ cluster: restoreCluster(cluster.snapshot()), state: sh.snapshot() });
    expect((await again.exec('kubectl get pods -o name -l run=web')).output).toBe('pod/web\n');
    expect((await again.exec('kubectl get pods -n default -o name')).output).toBe('No resources found in default namespace.\n');
  });
});

describe('kubectl get -w', () => {
  it('prints the table, then one row per change, and ends when nothing is due', async () => {
    const sh = shell();
    await sh.exec('kubectl run web --image=nginx');
    const { output, exitCode } = await sh.exec('kubectl get pods -w');
    expect(exitCode).toBe(0);
    const lines = output.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +READY +STATUS/);
    expect(lines.filter((l) => l.startsWith('NAME'))).toHaveLength(1);
    expect(lines.some((l) => /^web +1\/1 +Running/.test(l))).toBe(true);
    expect(lines.some((l) => /ContainerCreating/.test(l))).toBe(true);
  });

  it('stops on Ctrl-C', async () => {
    const ctl = new AbortController();
    const sh = createShell({
      cluster: createCluster({ seed: 's9', now: T0 }),
      sleep: async () => { ctl.abort(); },
    });
    let out = '';
    const code = await sh.run('kubectl get pods -A --watch-only', { write: (c) => { out += c; }, signal: ctl.signal });
    expect(code).toBe(130);
    expect(out).toBe('');
  });
});
