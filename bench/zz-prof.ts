import { createCluster, restoreCluster } from '../lib/cluster';
import { createShell } from '../lib/shell';
const T0 = Date.parse('2026-11-26T00:00:00Z');
const manifest = ['apiVersion: apps/v1','kind: ReplicaSet','metadata:','  name: web0','spec:','  replicas: 1','  selector:','    matchLabels: {app: web}','  template:','    metadata:','      labels: {app: web}','    spec:','      containers:','      - name: web','        image: nginx'].join('\n');
const mode = process.argv[2] ?? 'scale';
(async () => {
  for (let r = 0; r < 10; r++) {
    const cluster = createCluster({ seed: 'b', now: T0 });
    const shell = createShell({ cluster });
    await shell.exec(`cat <<EOF | kubectl apply -f -\n${manifest}\nEOF`);
    cluster.advanceBy(120_000);
    const t = performance.now();
    await shell.exec('kubectl scale rs web0 --replicas=100');
    cluster.advanceBy(300_000);
    if (mode === 'scale') console.log('scale', (performance.now() - t).toFixed(1));
    if (mode === 'snap') { for (let i=0;i<30;i++){ const j = JSON.stringify(cluster.snapshot()); restoreCluster(JSON.parse(j)); } }
    if (mode === 'get') { for (let i=0;i<60;i++) await shell.exec('kubectl get pods'); }
  }
})();
