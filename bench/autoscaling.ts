/**
 * Autoscaling budget (issue 5, "Performance"): one HPA sync over 50 pods ≤ 1 ms. Measured as the
 * extra cost of a 15 s step (one metrics-server scrape + one HPA sync) in a lab with a 50-pod
 * Deployment, with the HPA present versus absent.
 *
 *   npx tsx bench/autoscaling.ts     (also part of `npm run bench`)
 */
import { BUNDLED_URLS, createCluster, type Cluster } from '../lib/cluster';
import { createShell } from '../lib/shell';

const T0 = Date.parse('2026-11-26T00:00:00Z');
const APP = `cat <<'EOF' | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata: {name: php-apache}
spec:
  replicas: 50
  selector: {matchLabels: {run: php-apache}}
  template:
    metadata: {labels: {run: php-apache}}
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        resources: {requests: {cpu: 10m}, limits: {cpu: 500m}}
EOF`;

async function lab(withHpa: boolean): Promise<Cluster> {
  const cluster = createCluster({ seed: 'bench-hpa', now: T0 });
  const shell = createShell({ cluster });
  await shell.exec(`kubectl apply -f ${BUNDLED_URLS.find((u) => u.includes('metrics-server'))}`);
  await shell.exec(APP);
  if (withHpa) await shell.exec('kubectl autoscale deployment php-apache --cpu-percent=50 --min=50 --max=60');
  cluster.advanceBy(120_000);
  return cluster;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The HPA's share of a 15 s step: the same lab with and without the HPA, stepped in turn (so a
 * change in the machine's speed hits both alike), median of each minus the other.
 */
export async function benchAutoscaling(): Promise<string> {
  const plain = await lab(false);
  const scaled = await lab(true);
  const without: number[] = [];
  const withHpa: number[] = [];
  for (let i = 0; i < 120; i++) {
    for (const [cluster, out] of [[plain, without], [scaled, withHpa]] as const) {
      const t = performance.now();
      cluster.advanceBy(15_000);
      out.push(performance.now() - t);
    }
  }
  const w = median(withHpa);
  const wo = median(without);
  const sync = Math.max(0, w - wo);
  return `HPA sync over 50 pods: ${sync.toFixed(3)} ms (15 s step ${w.toFixed(3)} ms with, ${wo.toFixed(3)} ms without, stepped in turn; budget 1 ms, ratio ${sync.toFixed(3)})`;
}

if (process.argv[1]?.endsWith('autoscaling.ts')) void benchAutoscaling().then((l) => console.log(l));
