/**
 * Autoscaling budget (issue 5, "Performance"): one HPA sync over 50 pods ≤ 1 ms. Measured as the
 * extra cost of a 15 s step (one metrics-server scrape + one HPA sync) in a lab with a 50-pod
 * Deployment, with the HPA present versus absent.
 *
 *   npx tsx bench/autoscaling.ts     (also part of `npm run bench`)
 */
import { BUNDLED_URLS, createCluster } from '../lib/cluster';
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

async function stepMs(withHpa: boolean): Promise<number> {
  const cluster = createCluster({ seed: 'bench-hpa', now: T0 });
  const shell = createShell({ cluster });
  await shell.exec(`kubectl apply -f ${BUNDLED_URLS.find((u) => u.includes('metrics-server'))}`);
  await shell.exec(APP);
  if (withHpa) await shell.exec('kubectl autoscale deployment php-apache --cpu-percent=50 --min=50 --max=60');
  cluster.advanceBy(120_000);
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    cluster.advanceBy(15_000);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function benchAutoscaling(): Promise<string> {
  const without = await stepMs(false);
  const withHpa = await stepMs(true);
  const sync = Math.max(0, withHpa - without);
  return `HPA sync over 50 pods: ${sync.toFixed(3)} ms (15 s step ${withHpa.toFixed(3)} ms with, ${without.toFixed(3)} ms without; budget 1 ms, ratio ${sync.toFixed(3)})`;
}

if (process.argv[1]?.endsWith('autoscaling.ts')) void benchAutoscaling().then((l) => console.log(l));
