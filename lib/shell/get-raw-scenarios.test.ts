/** `kubectl get --raw` against the metrics APIs of the installed add-ons, as the walkthroughs use it. */
import { describe, expect, it } from 'vitest';
import { createCluster, CUSTOM_METRICS_URLS } from '../cluster';
import { createShell } from './session';
import { APP } from './test-labs';

const T0 = Date.UTC(2025, 0, 1);
const METRICS_URL = 'https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml';

describe('kubectl get --raw', () => {
  it('metrics.k8s.io: NotFound before metrics-server, ServiceUnavailable while it starts, then NodeMetrics/PodMetrics', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'raw', now: T0 }) });
    const raw = async (p: string) => sh.exec(`kubectl get --raw ${p}`);
    expect((await raw('/apis/metrics.k8s.io/v1beta1/nodes')).output).toBe('Error from server (NotFound): the server could not find the requested resource\n');
    await sh.exec(`kubectl apply -f ${METRICS_URL}`);
    expect((await raw('/apis/metrics.k8s.io/v1beta1/nodes')).output).toBe('Error from server (ServiceUnavailable): the server is currently unable to handle the request\n');
    await sh.exec('kubectl run web --image=nginx');
    await sh.exec('sleep 90');
    const nodes = JSON.parse((await raw('/apis/metrics.k8s.io/v1beta1/nodes')).output);
    expect(nodes.kind).toBe('NodeMetricsList');
    expect(nodes.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['k8s-master', 'k8s-node1', 'k8s-node2']);
    expect(nodes.items[0].usage.cpu).toMatch(/^\d+n$/);
    expect(nodes.items[0].usage.memory).toMatch(/^\d+Ki$/);
    const pod = JSON.parse((await raw('/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web')).output);
    expect(pod).toMatchObject({ kind: 'PodMetrics', metadata: { name: 'web', namespace: 'default' }, containers: [{ name: 'web' }] });
    expect((await raw('/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/nope')).output)
      .toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "default/nope" not found\n');
  });

  it('custom.metrics.k8s.io from the prometheus-adapter: the metric list and per-pod and object values', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'raw-custom', now: T0 }) });
    const raw = async (p: string) => sh.exec(`kubectl get --raw "${p}"`);
    expect((await raw('/apis/custom.metrics.k8s.io/v1beta1')).output).toBe('Error from server (NotFound): the server could not find the requested resource\n');
    await sh.exec('kubectl create namespace custom-metrics');
    await sh.exec(`kubectl apply ${CUSTOM_METRICS_URLS.map((u) => `-f ${u}`).join(' ')}`);
    await sh.exec(APP);
    await sh.exec('kubectl apply -f app.yaml');
    await sh.exec('sleep 60');
    const list = JSON.parse((await raw('/apis/custom.metrics.k8s.io/v1beta1')).output);
    expect(list.resources.map((r: { name: string }) => r.name)).toContain('pods/http_requests');
    const pods = JSON.parse((await raw('/apis/custom.metrics.k8s.io/v1beta1/namespaces/default/pods/*/http_requests?labelSelector=app%3Dweb')).output);
    expect(pods.kind).toBe('MetricValueList');
    expect(pods.items).toHaveLength(1);
    expect(pods.items[0]).toMatchObject({ describedObject: { kind: 'Pod', namespace: 'default', apiVersion: '/v1' }, metricName: 'http_requests' });
    // ~10 requests per second from the load pod.
    expect(pods.items[0].value).toMatch(/^(9\d{3}m|10|10\d{3}m|1\d{4}m)$/);
    const svc = JSON.parse((await raw('/apis/custom.metrics.k8s.io/v1beta1/namespaces/default/services/web/http_requests')).output);
    expect(svc.items[0]).toMatchObject({ describedObject: { kind: 'Service', name: 'web' } });
    expect((await raw('/apis/custom.metrics.k8s.io/v1beta1/namespaces/default/pods/*/nope')).output)
      .toBe('Error from server (NotFound): the server could not find the metric nope for pods\n');
  });
});
