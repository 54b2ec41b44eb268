/**
 * ReplicaSet pod claiming (controller_ref_manager.go ClaimPods) through the shell: matching
 * orphans are adopted, owned pods whose labels stop matching are released and replaced.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from '../index';
import { createShell } from '../../shell';

const T0 = Date.UTC(2025, 0, 1);

const RS = `cat <<'EOF' | kubectl apply -f -
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: app, image: nginx}
EOF`;

describe('ReplicaSet claims pods', () => {
  it('adopts a matching orphan, releases a relabelled pod and keeps the replica count', async () => {
    const cluster = createCluster({ seed: 'rs-claim', now: T0 });
    const shell = createShell({ cluster });
    const sh = async (cmd: string) => (await shell.exec(cmd)).output;
    await sh('kubectl run lonely --image=nginx --labels=app=web');
    await sh('sleep 5');
    await sh(RS);
    await sh('sleep 10');
    const pods = () => cluster.list<KubeObject>('Pod', 'default');
    const owner = (p: KubeObject) => p.metadata?.ownerReferences?.find((r: { controller?: boolean }) => r.controller)?.name;
    // The orphan counts as one of the 2 replicas: one new pod only.
    expect(pods().map((p) => [p.metadata!.name!.startsWith('web-') ? 'web-*' : p.metadata!.name, owner(p)])).toEqual([['lonely', 'web'], ['web-*', 'web']]);
    await sh('kubectl label pod lonely app=other --overwrite');
    await sh('sleep 10');
    expect(owner(cluster.get<KubeObject>('Pod', 'default', 'lonely')!)).toBeUndefined();
    expect(pods().filter((p) => owner(p) === 'web')).toHaveLength(2);
    expect(await sh('kubectl get rs web --no-headers')).toMatch(/^web\s+2\s+2\s+2\s/);
  });
});
