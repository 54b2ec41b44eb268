import { createCluster } from '../lib/cluster';
import { createShell } from '../lib/shell';
async function main() {
  for (const n of [10, 25, 50]) {
    const cluster = createCluster({ now: 0 });
    const shell = createShell({ cluster });
    const m = `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web\nspec:\n  replicas: ${n}\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx`;
    let t = performance.now();
    await shell.exec(`cat <<EOF | kubectl apply -f -\n${m}\nEOF`);
    const a = performance.now() - t; t = performance.now();
    cluster.advanceBy(120_000);
    const b = performance.now() - t; t = performance.now();
    await shell.exec('kubectl get pods');
    const c = performance.now() - t;
    console.log(n, 'apply', a.toFixed(1), 'advance', b.toFixed(1), 'get', c.toFixed(1), 'objects', JSON.stringify(cluster.snapshot()).length);
  }
}
main();
