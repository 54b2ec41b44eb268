import { benchAutoscaling } from './autoscaling';
import { benchCluster } from './cluster';
import { benchFirstLoad } from './first-load-js';
import { benchIngressTraffic } from './ingress-traffic';
import { benchConcurrency } from './terminal-concurrency';
import { benchRoundTrip } from './terminal-roundtrip';

async function main(): Promise<void> {
  for (const l of await benchCluster()) console.log(l);
  console.log(await benchAutoscaling());
  console.log(await benchIngressTraffic());
  const rt = await benchRoundTrip();
  console.log(`terminal round trip: median ${rt.median.toFixed(2)} ms, p95 ${rt.p95.toFixed(2)} ms; median/budget(10 ms) = ${rt.ratio.toFixed(3)}`);
  for (const l of await benchConcurrency()) console.log(l);
  const fl = await benchFirstLoad();
  console.log(`lesson first-load JS: ${fl.kb.toFixed(1)} KB gzipped (${fl.files} scripts); size/budget(200 KB) = ${fl.ratio.toFixed(3)}`);
  process.exit(0);
}

void main();
