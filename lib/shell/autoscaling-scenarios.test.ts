/**
 * Scenario S6 (autoscaling) of SCENARIOS.md through the shell: metrics-server from its URL,
 * `kubectl top`, the notes' HPA (requests 200m, target 50 %) under pod-generated load,
 * 2 → 6 → 3 → 2 with the 300 s scale-down window, in simulated time (`sleep`).
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_URLS, createCluster, restoreCluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
const METRICS_URL = BUNDLED_URLS.find((u) => u.includes('metrics-server'))!;

const APP = `cat <<'EOF' > php.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  replicas: 2
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
EOF`;

const HPA = `cat <<'EOF' > hpa.yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: php-apache
  minReplicas: 2
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 50
EOF`;

async function lab(seed = 's6') {
  const shell = createShell({ cluster: createCluster({ seed, now: T0 }) });
  const run = async (cmd: string) => {
    const r = await shell.exec(cmd);
    return { ...r, out: r.output };
  };
  return { shell, run };
}

// TARGETS holds a space (`cpu: 25%/50%`): REPLICAS is the 7th field.
const replicas = (out: string) => Number(out.split('\n')[1]?.trim().split(/\s+/)[6]);
const load = (name: string, sleep: string) =>
  `kubectl run ${name} --image=busybox -- /bin/sh -c "while sleep ${sleep}; do wget -q -O- http://php-apache; done"`;

describe('S6 autoscaling', () => {
  it('kubectl top needs metrics-server, then prints pod and node usage', async () => {
    const { run } = await lab();
    expect((await run('kubectl top pods')).out).toBe('error: Metrics API not available\n');
    await run(`kubectl apply -f ${METRICS_URL}`);
    expect((await run('kubectl top nodes')).out).toMatch(/ServiceUnavailable|metrics not available yet/);
    await run('sleep 10');
    expect((await run('kubectl top pods -A')).out).toBe('error: metrics not available yet\n');
    await run(APP);
    await run('kubectl apply -f php.yaml');
    await run('sleep 40');
    const pods = (await run('kubectl top pods')).out.split('\n');
    expect(pods[0]).toMatch(/^NAME +CPU\(cores\) +MEMORY\(bytes\)$/);
    expect(pods[1]).toMatch(/^php-apache-\S+ +1m +11Mi$/);
    const nodes = (await run('kubectl top nodes')).out.split('\n');
    expect(nodes[0]).toBe('NAME         CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)');
    expect(nodes[1]).toMatch(/^k8s-master +\d+m +\d+% +\d+Mi +\d+%$/);
    expect((await run('kubectl top pods -n kube-system --sort-by=memory')).out.split('\n')[1]).toMatch(/^kube-apiserver-k8s-master /);
    expect((await run('kubectl top pods --containers -l run=php-apache')).out.split('\n')[1]).toMatch(/^php-apache-\S+ +php-apache +1m +11Mi$/);
    expect((await run('kubectl top pods -A')).out.split('\n')[0]).toMatch(/^NAMESPACE +NAME +CPU\(cores\) +MEMORY\(bytes\)$/);
    // Requests typed at the master prompt count too (15 s window); the master has no cluster DNS.
    await run('kubectl expose deployment php-apache --port 80 2>/dev/null; IP=$(kubectl get svc php-apache -o jsonpath="{.spec.clusterIP}")');
    expect((await run('curl -s $IP')).out).toBe('OK!');
    await run('for i in $(seq 1 300); do curl -s $IP >/dev/null; done');
    const busy = (await run('sleep 15; kubectl top pods -l run=php-apache')).out;
    expect(busy).toMatch(/php-apache-\S+ +(?!1m)\d+m/);
  });

  it('scales 2 → 6 under load, then 6 → 3 → 2 after the scale-down window', async () => {
    const { run } = await lab();
    await run(`kubectl apply -f ${METRICS_URL}`);
    await run(APP);
    await run(HPA);
    await run('kubectl apply -f php.yaml -f hpa.yaml');
    expect((await run('kubectl get hpa')).out).toBe(
      'NAME         REFERENCE               TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\n' +
      'php-apache   Deployment/php-apache   cpu: <unknown>/50%   2         10        2          0s\n');
    await run('sleep 60');
    expect((await run('kubectl get hpa')).out).toMatch(/cpu: 0%\/50% +2 +10 +2 /);
    // 600m of load: 500m (sleep 0.01 → 50 req/s × 10 ms) + 100m (sleep 0.09 → 10 req/s).
    await run(load('load', '0.01'));
    await run(load('load2', '0.09'));
    let seen150 = false;
    for (let i = 0; i < 12 && !seen150; i++) { await run('sleep 5'); seen150 = (await run('kubectl get hpa')).out.includes('cpu: 150%/50%'); }
    expect(seen150).toBe(true);
    await run('sleep 60');
    const hpa = (await run('kubectl get hpa')).out;
    expect(hpa).toMatch(/cpu: 50%\/50% +2 +10 +6 /);
    const events = (await run('kubectl describe hpa php-apache')).out;
    expect(events).toContain('New size: 4; reason: cpu resource utilization (percentage of request) above target');
    // At 4 pods the 2 new ones have no metrics yet, so the proposal stays 4 (missing pods count
    // as 0 when scaling up); the highest recent recommendation (6) wins: an empty reason, as upstream.
    expect(events).toMatch(/SuccessfulRescale +\S+ +horizontal-pod-autoscaler +New size: 6; reason:\n/);
    expect(events).toMatch(/resource cpu on pods {2}\(as a percentage of request\): +50% \(101m\) \/ 50%/);
    // Load drops to 300m in all: 50m a pod → 3, but only once the 300 s window has passed.
    await run('kubectl delete pod load --grace-period=0 --force');
    await run(load('load3', '0.04'));
    await run('sleep 200');
    expect(replicas((await run('kubectl get hpa')).out)).toBe(6);
    expect((await run('kubectl describe hpa php-apache')).out).toMatch(/AbleToScale +True +ScaleDownStabilized +recent recommendations were higher than current one/);
    await run('sleep 145');
    expect(replicas((await run('kubectl get hpa')).out)).toBe(3);
    await run('kubectl delete pod load3 --grace-period=0 --force');
    await run('sleep 200');
    expect(replicas((await run('kubectl get hpa')).out)).toBe(3);
    await run('sleep 145');
    const last = (await run('kubectl describe hpa php-apache')).out;
    expect(replicas((await run('kubectl get hpa')).out)).toBe(2);
    expect(last).toContain('New size: 3; reason: All metrics below target');
    expect(last).toContain('New size: 2; reason: All metrics below target');
    expect((await run('kubectl get deploy php-apache')).out).toMatch(/php-apache +2\/2 /);
  }, 20_000);

  it('keeps its recommendations across a snapshot/restore of the lab', async () => {
    const cluster = createCluster({ seed: 's6r', now: T0 });
    let shell = createShell({ cluster });
    const run = async (cmd: string) => (await shell.exec(cmd)).output;
    await run(`kubectl apply -f ${METRICS_URL}`);
    await run(APP);
    await run(HPA);
    await run('kubectl apply -f php.yaml -f hpa.yaml');
    await run(load('load', '0.01'));
    await run(load('load2', '0.09'));
    await run('sleep 180');
    expect(replicas(await run('kubectl get hpa'))).toBe(6);
    await run('kubectl delete pod load load2 --grace-period=0 --force');
    await run('sleep 60');
    // The restored lab still holds the last 300 s of recommendations (they travel in the queue).
    shell = createShell({ cluster: restoreCluster(JSON.parse(JSON.stringify(cluster.snapshot()))) });
    await run('sleep 120');
    expect(replicas(await run('kubectl get hpa'))).toBe(6);
    await run('sleep 150');
    expect(replicas(await run('kubectl get hpa'))).toBe(2);
  });

  it('a shell loop at the prompt and an attached load pod generate load until stopped', async () => {
    const cluster = createCluster({ seed: 's6c', now: T0 });
    let stopAt = Infinity;
    const controller = { current: new AbortController() };
    const shell = createShell({ cluster, sleep: async (ms) => {
      cluster.advanceBy(ms);
      if (cluster.now() >= stopAt) controller.current.abort();
    } });
    const run = async (cmd: string, forMs?: number) => {
      controller.current = new AbortController();
      stopAt = forMs === undefined ? Infinity : cluster.now() + forMs;
      let out = '';
      const code = await shell.run(cmd, { write: (c) => { out += c; }, signal: controller.current.signal });
      return { out, code };
    };
    await run(`kubectl apply -f ${METRICS_URL}`);
    await run(APP);
    await run('kubectl apply -f php.yaml');
    await run('sleep 60');
    // 10 req/s for 30 s from the master (Ctrl-C ends it): 100m on the two pods together.
    await run('IP=$(kubectl get svc php-apache -o jsonpath="{.spec.clusterIP}")');
    await run('while true; do wget -q -O- http://$IP >/dev/null; sleep 0.1; done', 30_000);
    const during = (await run('kubectl top pods -l run=php-apache --no-headers')).out;
    const total = [...during.matchAll(/ (\d+)m /g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(total).toBeGreaterThanOrEqual(90);
    expect(total).toBeLessThanOrEqual(110);
    await run('sleep 30');
    expect((await run('kubectl top pods -l run=php-apache --no-headers')).out).toMatch(/^php-apache-\S+ +1m +11Mi\nphp-apache-\S+ +1m +11Mi\n$/);
    // The kubernetes.io walkthrough's load generator, attached, stopped with Ctrl-C after 60 s.
    const gen = await run('kubectl run -i --tty load-generator --rm --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"', 60_000);
    // (The shell drops output once Ctrl-C arrives, so kubectl's closing `pod "…" deleted` line is not seen.)
    expect(gen.out).toMatch(/^All commands and output from this session will be recorded in container logs, .*\nIf you don't see a command prompt, try pressing enter\.\n(OK!){100,}/);
    expect(gen.code).toBe(130);
    expect((await run('kubectl get pod load-generator')).out).toMatch(/NotFound|Terminating/);
    await run('sleep 40');
    expect((await run('kubectl top pods -l run=php-apache --no-headers')).out).toMatch(/^php-apache-\S+ +1m +11Mi\nphp-apache-\S+ +1m +11Mi\n$/);
  });

  it('autoscale, missing requests, AverageValue, several metrics and custom metrics', async () => {
    const { run } = await lab('s6b');
    await run(`kubectl apply -f ${METRICS_URL}`);
    await run('kubectl create deployment web --image=nginx');
    expect((await run('kubectl autoscale deployment web --cpu-percent=50 --min=1 --max=10')).out)
      .toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    expect((await run('kubectl autoscale deployment web --max=0')).out).toBe('error: --max=MAXPODS is required and must be at least 1, max: 0\n');
    expect((await run('kubectl autoscale deployment nope --max=3')).out).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    await run('sleep 60');
    const d = (await run('kubectl describe hpa web')).out;
    expect(d).toMatch(/ScalingActive +False +FailedGetResourceMetric +the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container nginx of Pod web-/);
    expect(d).toMatch(/Warning +FailedGetResourceMetric .*missing request for cpu in container nginx of Pod web-/);
    expect((await run('kubectl get hpa web')).out).toMatch(/cpu: <unknown>\/50% +1 +10 +1 /);

    await run(APP);
    await run('kubectl apply -f php.yaml');
    await run(`cat <<'EOF' > multi.yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: multi
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
  minReplicas: 1
  maxReplicas: 8
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
  - type: Resource
    resource: {name: memory, target: {type: AverageValue, averageValue: 5Mi}}
  - type: Pods
    pods:
      metric: {name: packets-per-second}
      target: {type: AverageValue, averageValue: 1k}
EOF`);
    await run('kubectl apply -f multi.yaml');
    await run('sleep 60');
    const m = (await run('kubectl describe hpa multi')).out;
    // memory 11Mi a pod vs 5Mi: ceil(2 × 2.2) = 5 wins over cpu's proposal, clamped to max(2 × 2, 4) = 4
    // (no behavior: the legacy rate limit); per-pod memory never falls, so it climbs to maxReplicas.
    expect(m).toContain('New size: 4; reason: memory resource above target');
    expect(m).toMatch(/ScalingLimited +True +TooManyReplicas +the desired replica count is more than the maximum replica count/);
    expect(m).toMatch(/FailedGetPodsMetric .* unable to get metric packets-per-second: unable to fetch metrics from custom metrics API: no custom metrics API \(custom\.metrics\.k8s\.io\) registered\n/);
    expect((await run('kubectl get hpa multi')).out).toMatch(/cpu: 0%\/50%, memory: 11Mi\/5Mi \+ 1 more\.\.\. +1 +8 +\d+ /);
  });
});
