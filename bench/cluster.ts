/**
 * Simulator benchmarks (issue 3 budgets). Each line prints the measured figure and its ratio to
 * the budget (≤ 1 is within budget). Growth with the number of objects is printed too.
 *
 *   npx tsx bench/cluster.ts     (also part of `npm run bench`)
 */
import { createCluster, restoreCluster, type Cluster } from '../lib/cluster';
import { createShell } from '../lib/shell';

const T0 = Date.parse('2026-11-26T00:00:00Z');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function line(label: string, value: number, unit: string, budget: number): string {
  return `${label}: ${value.toFixed(unit === 'KB' ? 1 : 3)} ${unit} (budget ${budget} ${unit}, ratio ${(value / budget).toFixed(3)})`;
}

/** Heap growth per lab, measured over many labs kept alive (needs --expose-gc for accuracy). */
function heapPerLab(make: () => Cluster, count: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const keep: Cluster[] = [];
  for (let i = 0; i < count; i++) keep.push(make());
  gc?.();
  const after = process.memoryUsage().heapUsed;
  if (keep.length !== count) throw new Error('unreachable');
  return (after - before) / count / 1024;
}

async function labWithPods(n: number): Promise<{ cluster: Cluster; shell: ReturnType<typeof createShell> }> {
  const cluster = createCluster({ seed: `bench-${n}`, now: T0 });
  const shell = createShell({ cluster });
  const manifest = [
    'apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata:', '  name: web', 'spec:', `  replicas: ${Math.min(n, 100)}`,
    '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}',
    '    spec:', '      containers:', '      - name: web', '        image: nginx',
  ].join('\n');
  let left = n;
  let i = 0;
  while (left > 0) {
    const r = Math.min(left, 100);
    await shell.exec(`cat <<EOF | kubectl apply -f -\n${manifest.replace('name: web', `name: web${i}`).replace(/replicas: \d+/, `replicas: ${r}`).replace(/app: web/g, `app: web${i}`)}\nEOF`);
    left -= r;
    i++;
  }
  cluster.advanceBy(120_000);
  return { cluster, shell };
}

export async function benchCluster(): Promise<string[]> {

  const out: string[] = [];
  // 1. A new default lab, ready.
  const creates: number[] = [];
  for (let i = 0; i < 200; i++) creates.push(time(() => createCluster({ seed: `s${i}`, now: T0 }))[0]);
  out.push(line('new default lab cluster, median', median(creates), 'ms', 2));
  out.push(line('heap per idle lab', heapPerLab(() => createCluster({ now: T0 }), 200), 'KB', 200));

  // 2. Scale 1 → 100 and settle in simulated time.
  const scaleRuns: number[] = [];
  for (let r = 0; r < 5; r++) {
    const { cluster, shell } = await labWithPods(1);
    scaleRuns.push(
      await timeAsync(async () => {
        await shell.exec('kubectl scale rs web0 --replicas=100');
        cluster.advanceBy(300_000);
      }),
    );
    const ready = cluster.list<{ status?: { phase?: string } }>('Pod', 'default').filter((p) => p.status?.phase === 'Running').length;
    if (ready !== 100) throw new Error(`expected 100 running pods, got ${ready}`);
  }
  out.push(line('scale a ReplicaSet 1 → 100 and settle, median', median(scaleRuns), 'ms', 50));

  // 3. get pods and snapshot/restore, and how they grow with the number of pods.
  for (const n of [50, 100, 200]) {
    const { cluster, shell } = await labWithPods(n);
    const gets: number[] = [];
    for (let i = 0; i < 30; i++) gets.push(await timeAsync(() => shell.exec('kubectl get pods')));
    const snaps: number[] = [];
    let size = 0;
    for (let i = 0; i < 20; i++) {
      snaps.push(
        time(() => {
          const json = JSON.stringify(cluster.snapshot());
          size = json.length;
          restoreCluster(JSON.parse(json));
        })[0],
      );
    }
    out.push(line(`kubectl get pods with ${n} pods, median`, median(gets), 'ms', 5));
    out.push(line(`snapshot + restore with ${n} pods (${(size / 1024).toFixed(0)} KB JSON), median`, median(snaps), 'ms', 5));
  }
  return out;
}

if (process.argv[1]?.endsWith('cluster.ts')) {
  benchCluster().then((lines) => {
    for (const l of lines) console.log(l);
    process.exit(0);
  });
}
