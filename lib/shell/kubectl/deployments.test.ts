/**
 * Deployments through the shell: create, scale, rolling update with maxSurge/maxUnavailable
 * visible over simulated time, Recreate, rollout history/undo/pause/resume, progress deadline.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from '../../cluster';
import { createShell } from '../session';

function lab() {
  const cluster = createCluster({ seed: 'deploy', now: Date.UTC(2025, 0, 1) });
  const shell = createShell({ cluster });
  const sh = async (cmd: string) => (await shell.exec(cmd)).output;
  const write = (name: string, text: string) => sh(`cat <<'EOF' > ${name}\n${text}EOF`);
  const rss = () => cluster.list<KubeObject>('ReplicaSet', 'default');
  const pods = () => cluster.list<KubeObject>('Pod', 'default').filter((p) => !p.metadata!.deletionTimestamp);
  return { cluster, shell, sh, write, rss, pods };
}

const DEPLOY = (strategy = '', image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
${strategy}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

const HASH = '[bcdfghjklmnpqrstvwxz2456789]{6,10}';

describe('Deployment', () => {
  it('creates a <name>-<pod-template-hash> ReplicaSet and scales it', async () => {
    const { cluster, sh, rss, pods } = lab();
    expect(await sh('kubectl create deployment web --image=nginx --replicas=3')).toBe('deployment.apps/web created\n');
    const [rs] = rss();
    expect(rs.metadata!.name).toMatch(new RegExp(`^web-${HASH}$`));
    expect(rs.metadata!.labels!['pod-template-hash']).toBe(rs.metadata!.name!.slice(4));
    expect(rs.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('1');
    expect(pods().every((p) => p.metadata!.name!.startsWith(`${rs.metadata!.name}-`))).toBe(true);
    await sh('sleep 15');
    expect(await sh('kubectl get deployment web')).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           15s\n');
    expect(await sh('kubectl scale deployment web --replicas=5')).toBe('deployment.apps/web scaled\n');
    await sh('sleep 10');
    expect(pods()).toHaveLength(5);
    expect(await sh('kubectl scale deploy/web --replicas=2')).toBe('deployment.apps/web scaled\n');
    await sh('sleep 40');
    expect(pods()).toHaveLength(2);
    const events = cluster.list<KubeObject>('Event', 'default').filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(events).toEqual([`Scaled up replica set ${rs.metadata!.name} from 0 to 3`, `Scaled up replica set ${rs.metadata!.name} from 3 to 5`,
      `Scaled down replica set ${rs.metadata!.name} from 5 to 2`]);
    expect(await sh('kubectl get all')).toMatch(/deployment\.apps\/web\s+2\/2\s+2\s+2\s+/);
  });

  it('rolls out within maxSurge/maxUnavailable (25% of 4: surge 1, unavailable 1)', async () => {
    const { cluster, sh, write, rss, pods } = lab();
    await write('web.yaml', DEPLOY());
    await sh('kubectl apply -f web.yaml');
    await sh('sleep 20');
    expect(await sh('kubectl set image deployment/web nginx=nginx:1.28')).toBe('deployment.apps/web image updated\n');
    let maxPods = 0;
    let minAvailable = Infinity;
    const sizes = new Set<string>();
    for (let t = 0; t < 60_000; t += 100) {
      cluster.advanceBy(100);
      const list = rss();
      maxPods = Math.max(maxPods, list.reduce((n, rs) => n + rs.spec!.replicas, 0));
      minAvailable = Math.min(minAvailable, list.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0));
      sizes.add(list.map((rs) => rs.spec!.replicas).join('/'));
    }
    expect(maxPods).toBe(5);
    expect(minAvailable).toBe(3);
    expect(sizes.size).toBeGreaterThan(3);
    const d = cluster.get<KubeObject>('Deployment', 'default', 'web')!;
    expect(d.status!.updatedReplicas).toBe(4);
    expect(d.metadata!.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(pods().every((p) => p.spec!.containers[0].image === 'nginx:1.28')).toBe(true);
    expect(rss().map((rs) => rs.spec!.replicas).sort()).toEqual([0, 4]);
  });

  it('prints rollout status steps, history, undo and pause/resume like kubectl', async () => {
    const { sh, write, rss } = lab();
    await write('web.yaml', DEPLOY());
    await sh('kubectl apply -f web.yaml');
    expect(await sh('kubectl rollout status deployment/web')).toMatch(
      /^(Waiting for deployment "web" rollout to finish: \d of 4 updated replicas are available\.\.\.\n)+deployment "web" successfully rolled out\n$/);
    await sh('kubectl set image deployment/web nginx=nginx:1.28');
    const status = await sh('kubectl rollout status deployment/web');
    expect(status).toMatch(/^Waiting for deployment "web" rollout to finish: [1-3] out of 4 new replicas have been updated\.\.\.\n/);
    expect(status).toContain('old replicas are pending termination...\n');
    expect(status.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
    expect(await sh('kubectl rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(await sh('kubectl rollout undo deployment/web')).toBe('deployment.apps/web rolled back\n');
    await sh('kubectl rollout status deployment/web');
    expect(await sh('kubectl rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(await sh('kubectl get deploy web -o wide')).toMatch(/nginx:1\.27/);
    expect(await sh('kubectl rollout undo deployment/web --to-revision=3')).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
    expect(await sh('kubectl rollout pause deployment/web')).toBe('deployment.apps/web paused\n');
    await sh('kubectl set image deployment/web nginx=nginx:1.29');
    await sh('sleep 30');
    expect(rss()).toHaveLength(2);
    expect(await sh('kubectl rollout undo deployment/web')).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
    expect(await sh('kubectl rollout resume deployment/web')).toBe('deployment.apps/web resumed\n');
    await sh('kubectl rollout status deployment/web');
    expect(rss()).toHaveLength(3);
    expect(await sh('kubectl rollout restart deployment/web')).toBe('deployment.apps/web restarted\n');
    await sh('sleep 60');
    expect(rss()).toHaveLength(4);
  });

  it('Recreate stops every old pod before starting new ones', async () => {
    const { cluster, sh, write, pods } = lab();
    await write('web.yaml', DEPLOY('  strategy:\n    type: Recreate\n'));
    await sh('kubectl apply -f web.yaml');
    await sh('sleep 20');
    await sh('kubectl set image deployment/web nginx=nginx:1.28');
    let mixed = false;
    for (let t = 0; t < 60_000; t += 100) {
      cluster.advanceBy(100);
      const images = new Set(cluster.list<KubeObject>('Pod', 'default').map((p) => p.spec!.containers[0].image));
      if (images.size > 1) mixed = true;
    }
    expect(mixed).toBe(false);
    expect(pods().map((p) => p.spec!.containers[0].image)).toEqual(Array(4).fill('nginx:1.28'));
  });

  it('reports ProgressDeadlineExceeded for an image that never pulls', async () => {
    const { cluster, sh, write } = lab();
    await write('web.yaml', DEPLOY('  progressDeadlineSeconds: 60\n', 'nginx:no-such-tag-xyz'.replace('nginx', 'example.com/nope')));
    await sh('kubectl apply -f web.yaml');
    const r = await createShell({ cluster }).exec('kubectl rollout status deployment/web');
    expect(r.exitCode).toBe(1);
    expect(r.output.endsWith('error: deployment "web" exceeded its progress deadline\n')).toBe(true);
    const cond = cluster.get<KubeObject>('Deployment', 'default', 'web')!.status!.conditions
      .find((c: { type: string }) => c.type === 'Progressing');
    expect(cond.reason).toBe('ProgressDeadlineExceeded');
    expect(await sh('kubectl get deploy web')).toMatch(/web\s+0\/4\s+4\s+0\s+/);
  });

  it('scales 1 → 100 and settles (timing lives in bench/cluster.ts)', async () => {
    const { cluster, sh } = lab();
    await sh('kubectl create deployment big --image=nginx');
    await sh('sleep 10');
    cluster.update({ ...cluster.get<KubeObject>('Deployment', 'default', 'big')!, spec: {
      ...cluster.get<KubeObject>('Deployment', 'default', 'big')!.spec, replicas: 100 } });
    cluster.advanceBy(120_000);
    expect(cluster.get<KubeObject>('Deployment', 'default', 'big')!.status!.availableReplicas).toBe(100);
  });

  it('settles (no resync storm) when the lab pod cap stops a ReplicaSet from growing', async () => {
    const { cluster, sh } = lab();
    await sh('kubectl create deployment a --image=nginx --replicas=100');
    await sh('kubectl create deployment b --image=nginx --replicas=100');
    cluster.advanceBy(120_000);
    const rs = cluster.list<KubeObject>('ReplicaSet', 'default').find((r) => r.metadata!.name!.startsWith('b-'))!;
    expect(rs.status!.conditions[0].reason).toBe('FailedCreate');
    expect(cluster.list('Pod').length).toBe(200);
  });
});
