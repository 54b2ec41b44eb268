/**
 * S6: HPA Pods and Object metrics. Without a custom metrics adapter they fail with the HPA's real
 * condition and event texts; with the (simulated) prometheus-adapter installed, the request rate
 * of a wget loop becomes `http_requests_per_second` and the HPA scales on it.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, CUSTOM_METRICS_URLS } from '../cluster';
import { createShell } from './session';
import { APP } from './test-labs';

const T0 = Date.UTC(2025, 0, 1);

const HPA = (metric: string) => `cat <<'EOF' > hpa.yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 5
  metrics:
${metric}
EOF`;

const PODS_METRIC = `  - type: Pods
    pods:
      metric:
        name: http_requests_per_second
      target:
        type: AverageValue
        averageValue: "4"`;

const OBJECT_METRIC = `  - type: Object
    object:
      describedObject:
        apiVersion: v1
        kind: Service
        name: web
      metric:
        name: http_requests
      target:
        type: Value
        value: "5"`;

async function lab(metric: string, adapter: boolean) {
  const sh = createShell({ cluster: createCluster({ seed: 'custom', now: T0 }) });
  if (adapter) {
    await sh.exec('kubectl create namespace custom-metrics');
    const r = await sh.exec(`kubectl apply ${CUSTOM_METRICS_URLS.map((u) => `-f ${u}`).join(' ')}`);
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('apiservice.apiregistration.k8s.io/v1beta1.custom.metrics.k8s.io created');
  }
  await sh.exec(APP);
  await sh.exec('kubectl apply -f app.yaml');
  await sh.exec(HPA(metric));
  await sh.exec('kubectl apply -f hpa.yaml');
  return sh;
}

describe('HPA custom metrics', () => {
  it('fails with the real condition and events when no custom metrics API is registered', async () => {
    const sh = await lab(PODS_METRIC, false);
    await sh.exec('sleep 30');
    const desc = (await sh.exec('kubectl describe hpa web')).output;
    const err = 'unable to get metric http_requests_per_second: unable to fetch metrics from custom metrics API: ' +
      'no custom metrics API (custom.metrics.k8s.io) registered';
    expect(desc).toMatch(new RegExp(`ScalingActive\\s+False\\s+FailedGetPodsMetric\\s+the HPA was unable to compute the replica count: ${err.replace(/[().]/g, '\\$&')}`));
    expect(desc).toMatch(/Warning\s+FailedGetPodsMetric\s+.*horizontal-pod-autoscaler\s+unable to get metric http_requests_per_second/);
    expect(desc).toContain(`invalid metrics (1 invalid out of 1), first error is: failed to get pods metric value: ${err}`);
    expect((await sh.exec('kubectl get hpa web')).output).toMatch(/web\s+Deployment\/web\s+<unknown>\/4\s+1\s+5\s+1/);
  });

  it('Object metrics fail the same way, naming the described object', async () => {
    const sh = await lab(OBJECT_METRIC, false);
    await sh.exec('sleep 30');
    expect((await sh.exec('kubectl describe hpa web')).output).toContain('FailedGetObjectMetric  the HPA was unable to compute the replica count: ' +
      'unable to get metric http_requests: Service on default web/unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered');
  });

  it('scales on a Pods metric served by the adapter: ~10 req/s at 4 per pod → 3 replicas', async () => {
    const sh = await lab(PODS_METRIC, true);
    await sh.exec('sleep 60');
    const hpa = (await sh.exec('kubectl get hpa web')).output;
    expect(hpa).toMatch(/web\s+Deployment\/web\s+33\d\dm\/4\s+1\s+5\s+3\s+/);
    const desc = (await sh.exec('kubectl describe hpa web')).output;
    expect(desc).toContain('ScalingActive   True    ValidMetricFound    the HPA was able to successfully calculate a replica count from pods metric http_requests_per_second');
    expect(desc).toMatch(/New size: 3; reason: pods metric http_requests_per_second above target/);
  });

  it('scales on an Object metric of a Service, and names unknown metrics', async () => {
    const sh = await lab(OBJECT_METRIC, true);
    await sh.exec('sleep 60');
    expect((await sh.exec('kubectl describe hpa web')).output).toMatch(/New size: 2; reason: Service metric http_requests above target/);
    await sh.exec(HPA(OBJECT_METRIC.replace('name: http_requests', 'name: queue_length')));
    await sh.exec('kubectl apply -f hpa.yaml && sleep 20');
    expect((await sh.exec('kubectl describe hpa web')).output)
      .toContain('unable to fetch metrics from custom metrics API: the server could not find the metric queue_length for services');
  });
});
