/**
 * Data-plane state and load through the shell: the ingress canary's weighted draws continue
 * the same after a save/restore as without one; sessionAffinity: ClientIP keeps a client on one
 * endpoint; a load loop sent through an Ingress is CPU on the backend pods, so the HPA reacts.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_URLS, createCluster, restoreCluster, type KubeObject } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
const INGRESS_URL = BUNDLED_URLS.find((u) => u.includes('ingress-nginx'))!;
const METRICS_URL = BUNDLED_URLS.find((u) => u.includes('metrics-server'))!;

const app = (name: string, replicas: number, image = 'kubetm/app', port = 8080, extra = '') => `cat <<'EOF' | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: ${image}
        resources: {requests: {cpu: 200m}, limits: {cpu: 500m}}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: ${name}}
  ports: [{port: ${port}}]${extra}
EOF`;

const CANARY = `cat <<'EOF' | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: app}
spec:
  ingressClassName: nginx
  rules:
  - host: www.app.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: svc-v1, port: {number: 8080}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: app-canary
  annotations:
    nginx.ingress.kubernetes.io/canary: "true"
    nginx.ingress.kubernetes.io/canary-weight: "30"
spec:
  ingressClassName: nginx
  rules:
  - host: www.app.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: svc-v2, port: {number: 8080}}}}
EOF`;

async function ingressLab(seed: string) {
  const sh = createShell({ cluster: createCluster({ seed, now: T0 }) });
  await sh.exec(`kubectl apply -f ${INGRESS_URL}`);
  await sh.exec(app('svc-v1', 2));
  await sh.exec(app('svc-v2', 1));
  await sh.exec('sleep 60');
  expect((await sh.exec(CANARY)).exitCode).toBe(0);
  await sh.exec('sleep 30');
  const svc = sh.cluster.get<KubeObject>('Service', 'ingress-nginx', 'ingress-nginx-controller')!;
  return { sh, nodePort: (svc.spec.ports as { nodePort: number }[])[0].nodePort };
}

const lines = (s: string) => new Set(s.split('\n').filter(Boolean));
const hits = async (sh: ReturnType<typeof createShell>, nodePort: number, n: number) =>
  (await sh.exec(`for i in $(seq ${n}); do curl -s -H "Host: www.app.com" 192.168.0.30:${nodePort}/hostname; echo; done`)).output;

describe('data-plane state and load', () => {
  it('continues the canary draws identically after a save and restore', async () => {
    const { sh, nodePort } = await ingressLab('canary-snap');
    const first = await hits(sh, nodePort, 20);
    expect(first).toMatch(/svc-v2/);
    const restored = createShell({ cluster: restoreCluster(JSON.parse(JSON.stringify(sh.cluster.snapshot()))) });
    const next = await hits(restored, nodePort, 40);
    const straight = await hits(sh, nodePort, 40);
    expect(next).toBe(straight);
    const v2 = next.split('\n').filter((l) => l.includes('svc-v2')).length;
    expect(v2).toBeGreaterThan(4);
    expect(v2).toBeLessThan(24);
  });

  it('requests typed at the prompt are CPU in the next scrape, after a save and restore too', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'typed-load', now: T0 }) });
    await sh.exec(`kubectl apply -f ${METRICS_URL}`);
    await sh.exec(app('php', 1, 'registry.k8s.io/hpa-example', 80));
    await sh.exec('sleep 60');
    const ip = sh.cluster.get<KubeObject>('Service', 'default', 'php')!.spec.clusterIP;
    await sh.exec('sleep 8');
    await sh.exec(`for i in $(seq 300); do curl -s ${ip} > /dev/null; done`);
    const restored = createShell({ cluster: restoreCluster(JSON.parse(JSON.stringify(sh.cluster.snapshot()))) });
    await sh.exec('sleep 15');
    await restored.exec('sleep 15');
    const top = (await sh.exec('kubectl top pods')).output;
    // 300 requests in the 15 s window × 10 ms of CPU each ≈ 200m.
    expect(top).toMatch(/php-\S+\s+20\dm/);
    expect((await restored.exec('kubectl top pods')).output).toBe(top);
  });

  it('sessionAffinity ClientIP keeps one client on one endpoint until the timeout', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'affinity', now: T0 }) });
    await sh.exec(app('sticky', 3, 'kubetm/app', 8080, '\n  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}'));
    await sh.exec(app('spread', 3));
    await sh.exec('sleep 30');
    const ip = (name: string) => sh.cluster.get<KubeObject>('Service', 'default', name)!.spec.clusterIP;
    const sticky = (await sh.exec(`for i in $(seq 12); do curl -s ${ip('sticky')}:8080/hostname; echo; done`)).output;
    expect(lines(sticky).size).toBe(1);
    const spread = (await sh.exec(`for i in $(seq 12); do curl -s ${ip('spread')}:8080/hostname; echo; done`)).output;
    expect(lines(spread).size).toBeGreaterThan(1);
    await sh.exec('sleep 61');
    const later = (await sh.exec(`for i in $(seq 30); do curl -s ${ip('sticky')}:8080/hostname; echo; sleep 61; done`)).output;
    expect(lines(later).size).toBeGreaterThan(1);
    expect((await sh.exec('kubectl describe service sticky')).output).toContain('Session Affinity:         ClientIP');
  });

  it('load sent through an Ingress is CPU on the backend pods, and the HPA scales them', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'ing-load', now: T0 }) });
    await sh.exec(`kubectl apply -f ${METRICS_URL}`);
    await sh.exec(`kubectl apply -f ${INGRESS_URL}`);
    await sh.exec(app('php', 1, 'registry.k8s.io/hpa-example', 80));
    await sh.exec('sleep 60');
    await sh.exec(`cat <<'EOF' | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: php}
spec:
  ingressClassName: nginx
  rules:
  - host: php.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: php, port: {number: 80}}}}
EOF`);
    await sh.exec('kubectl autoscale deployment php --cpu-percent=50 --min=1 --max=5');
    const svc = sh.cluster.get<KubeObject>('Service', 'ingress-nginx', 'ingress-nginx-controller')!;
    const nodePort = (svc.spec.ports as { nodePort: number }[])[0].nodePort;
    await sh.exec(`kubectl run load --image=busybox -- sh -c "while sleep 0.02; do wget -q -O- --header 'Host: php.example.com' http://192.168.0.30:${nodePort}/; done"`);
    await sh.exec('sleep 90');
    // ~45 req/s × 10 ms of CPU each: far above 50 % of 200m, so the HPA has scaled out and each pod still works.
    const top = (await sh.exec('kubectl top pods -A')).output;
    expect(top).toMatch(/ingress-nginx\s+ingress-nginx-controller-\S+\s+\d+m/);
    const php = [...top.matchAll(/default\s+php-\S+\s+(\d+)m/g)].map((m) => Number(m[1]));
    expect(php.length).toBeGreaterThan(1);
    expect(Math.min(...php)).toBeGreaterThan(50);
    expect((await sh.exec('kubectl describe hpa php')).output).toMatch(/SuccessfulRescale\s+.*New size: \d; reason: cpu resource utilization \(percentage of request\) above target/);
  });
});
