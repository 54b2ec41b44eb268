/** Labs the simulator benchmarks measure (bench/cluster.ts). */
import { createCluster, type Cluster } from '../lib/cluster';
import { createShell } from '../lib/shell';

export const T0 = Date.parse('2026-11-26T00:00:00Z');

export type Shell = ReturnType<typeof createShell>;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function time<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
}

/** Wall ms and process CPU ms (user + system) of `fn`: on a busy machine the CPU figure is the steadier one. */
export async function measure(fn: () => unknown): Promise<{ wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  return (await measure(fn)).wall;
}

async function run(shell: Shell, cmd: string): Promise<void> {
  const r = await shell.exec(cmd);
  if (r.exitCode !== 0) throw new Error(`${cmd}: ${r.output}`);
}

/**
 * A lab holding `total` pods in all (the kube-system pods included, so 200 is the lab's cap),
 * made of Deployments of at most 100 replicas, settled.
 */
export async function labWithPods(total: number): Promise<{ cluster: Cluster; shell: Shell }> {
  const cluster = createCluster({ seed: `bench-${total}`, now: T0 });
  const shell = createShell({ cluster });
  let left = total - cluster.list('Pod').length;
  for (let i = 0; left > 0; i++) {
    const r = Math.min(left, 100);
    await run(shell, `kubectl create deployment web${i} --image=nginx --replicas=${r}`);
    left -= r;
  }
  cluster.advanceBy(300_000);
  const running = cluster.list<{ status?: { phase?: string } }>('Pod').filter((p) => p.status?.phase === 'Running').length;
  if (running !== total) throw new Error(`expected ${total} running pods, got ${running}`);
  return { cluster, shell };
}

const STATEFUL = `cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 3
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: db
        image: nginx
        volumeMounts: [{name: data, mountPath: /data}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
EOF`;

/** A lab with a 3-replica Deployment and a 3-replica StatefulSet with PVCs, settled. */
export async function labWithWorkloads(seed: string): Promise<Cluster> {
  const cluster = createCluster({ seed, now: T0 });
  const shell = createShell({ cluster });
  await run(shell, 'kubectl create deployment web --image=nginx --replicas=3');
  await run(shell, STATEFUL);
  cluster.advanceBy(120_000);
  if (cluster.list('PersistentVolumeClaim').length !== 3) throw new Error('expected 3 PVCs');
  return cluster;
}

/** A settled lab with a 1-replica Deployment `web`, ready to be scaled. */
export async function labWithDeployment(seed: string): Promise<{ cluster: Cluster; shell: Shell }> {
  const cluster = createCluster({ seed, now: T0 });
  const shell = createShell({ cluster });
  await run(shell, 'kubectl create deployment web --image=nginx');
  cluster.advanceBy(120_000);
  return { cluster, shell };
}

/** Heap growth per kept-alive result of `make` (needs --expose-gc to be accurate). */
export async function heapPer<T>(make: (i: number) => T | Promise<T>, count: number): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const keep: T[] = [];
  for (let i = 0; i < count; i++) keep.push(await make(i));
  gc?.();
  const after = process.memoryUsage().heapUsed;
  if (keep.length !== count) throw new Error('unreachable');
  return (after - before) / count / 1024;
}
