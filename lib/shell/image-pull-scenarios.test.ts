/** Image references as containerd resolves them: known repositories, their real tags, and the errors. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);

describe('image pulls', () => {
  it('pulls the nginx-slim tags the StatefulSet tutorials use, from k8s.gcr.io and registry.k8s.io', async () => {
    const shell = createShell({ cluster: createCluster({ seed: 'pull', now: T0 }) });
    const sh = async (cmd: string) => (await shell.exec(cmd)).output;
    await sh('kubectl run a --image=k8s.gcr.io/nginx-slim:0.8 && kubectl run b --image=registry.k8s.io/nginx-slim:0.24');
    await sh('kubectl run c --image=registry.k8s.io/nginx-slim:0.9 && kubectl run d --image=registry.k8s.io/nginx-slim:1.0');
    await sh('sleep 30');
    const pods = await sh('kubectl get pods --no-headers');
    for (const p of ['a', 'b', 'c']) expect(pods).toMatch(new RegExp(`^${p}\\s+1/1\\s+Running\\s`, 'm'));
    expect(pods).toMatch(/^d\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s/m);
    expect(await sh('kubectl describe pod d')).toContain('Failed to pull image "registry.k8s.io/nginx-slim:1.0": failed to pull and unpack image ' +
      '"registry.k8s.io/nginx-slim:1.0": failed to resolve reference "registry.k8s.io/nginx-slim:1.0": registry.k8s.io/nginx-slim:1.0: not found');
  });

  it('an unknown repository is denied, as Docker Hub answers for a name that does not exist', async () => {
    const shell = createShell({ cluster: createCluster({ seed: 'pull2', now: T0 }) });
    await shell.exec('kubectl run x --image=busybx');
    await shell.exec('sleep 10');
    expect((await shell.exec('kubectl describe pod x')).output).toContain('pull access denied, repository does not exist or may require authorization');
  });
});
