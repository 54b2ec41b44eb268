/** revisionHistoryLimit for StatefulSet and DaemonSet ControllerRevisions and Deployment ReplicaSets. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { createShell } from '../../shell';

const T0 = Date.UTC(2025, 0, 1);

const workload = (kind: string, extra: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
${extra}  revisionHistoryLimit: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

async function lab(manifest: string) {
  const cluster = createCluster({ seed: 'history', now: T0 });
  const shell = createShell({ cluster });
  const sh = async (cmd: string) => (await shell.exec(cmd)).output;
  await sh(`cat <<'EOF' | kubectl apply -f -\n${manifest}EOF`);
  await sh('sleep 30');
  for (const tag of ['1.26', '1.27', '1.28', '1.29']) {
    await sh(`kubectl set image ${manifest.match(/kind: (\w+)/)![1].toLowerCase()}/web nginx=nginx:${tag}`);
    await sh('sleep 60');
  }
  return { cluster, sh };
}

describe('revision history', () => {
  it('keeps the StatefulSet update revision plus revisionHistoryLimit older ones, oldest pruned first', async () => {
    const { sh } = await lab(workload('StatefulSet', '  serviceName: web\n  replicas: 2\n'));
    const out = await sh('kubectl get controllerrevisions -o custom-columns=NAME:.metadata.name,REV:.revision --no-headers');
    expect(out.trim().split('\n').map((l) => l.trim().split(/\s+/)[1]).sort()).toEqual(['3', '4', '5']);
    expect(await sh('kubectl rollout history statefulset/web')).toMatch(/REVISION\s+CHANGE-CAUSE\n3\s+<none>\n4\s+<none>\n5\s+<none>/);
  });

  it('prunes DaemonSet ControllerRevisions the same way', async () => {
    const { cluster } = await lab(workload('DaemonSet', ''));
    const revs = cluster.list<{ revision: number }>('ControllerRevision', 'default').map((r) => r.revision).sort();
    expect(revs).toEqual([3, 4, 5]);
  });

  it('keeps revisionHistoryLimit old ReplicaSets of a Deployment', async () => {
    const { cluster } = await lab(workload('Deployment', '  replicas: 2\n'));
    const rs = cluster.list<{ metadata: { annotations: Record<string, string> } }>('ReplicaSet', 'default')
      .map((r) => r.metadata.annotations['deployment.kubernetes.io/revision']).sort();
    expect(rs).toEqual(['3', '4', '5']);
  });
});
