import type { Pod } from 'kubernetes-types/core/v1';
import { objectMetric, podMetric, RATE_METRICS, readCustomMetrics, rfc3339, type KubeObject } from '../../cluster';
import type { Kubectl } from './context';
import { KubectlError } from './errors';
import { parseSelector, matchesSelector } from './selector';

const NOT_FOUND = 'Error from server (NotFound): the server could not find the requested resource';
const UNAVAILABLE = 'Error from server (ServiceUnavailable): the server is currently unable to handle the request';
const GV = 'custom.metrics.k8s.io/v1beta1';

// The resources prometheus-adapter's default rules associate the request-rate series with.
const OBJECTS: Record<string, { kind: string; apiVersion: string }> = {
  pods: { kind: 'Pod', apiVersion: '/v1' }, services: { kind: 'Service', apiVersion: '/v1' },
  'deployments.apps': { kind: 'Deployment', apiVersion: 'apps/v1' }, 'replicasets.apps': { kind: 'ReplicaSet', apiVersion: 'apps/v1' },
  'statefulsets.apps': { kind: 'StatefulSet', apiVersion: 'apps/v1' }, 'ingresses.networking.k8s.io': { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1' },
};
const ALIASES: Record<string, string> = { deployments: 'deployments.apps', replicasets: 'replicasets.apps', statefulsets: 'statefulsets.apps', ingresses: 'ingresses.networking.k8s.io' };

/** resource.Quantity of milli-units: `66m`, or whole units when exact. */
const quantity = (m: number) => (m % 1000 === 0 ? String(m / 1000) : `${m}m`);

/**
 * /apis/custom.metrics.k8s.io/v1beta1/… as the simulated prometheus-adapter serves it
 * (custom-metrics-apiserver: the APIResourceList of metrics, and MetricValueLists for
 * `namespaces/NS/pods/*|NAME/METRIC` and `namespaces/NS/TYPE/NAME/METRIC`).
 */
export function customMetricsPath(k: Kubectl, rest: string[], query: string): string {
  const api = readCustomMetrics(k.cluster, k.cluster.now());
  if (!api.ok && api.reason === 'no-api') throw new KubectlError(NOT_FOUND);
  if (!api.ok) throw new KubectlError(UNAVAILABLE);
  if (rest.length === 0) {
    const resources = [...RATE_METRICS].flatMap((metric) => Object.keys(OBJECTS).map((r) => ({
      name: `${r}/${metric}`, singularName: '', namespaced: true, kind: 'MetricValueList', verbs: ['get'] })));
    return `${JSON.stringify({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: GV, resources })}\n`;
  }
  if (rest[0] !== 'namespaces' || rest.length !== 5) throw new KubectlError(NOT_FOUND);
  const [, ns, typed, name, metric] = rest;
  const resource = ALIASES[typed] ?? typed;
  const target = OBJECTS[resource];
  if (!target) throw new KubectlError(NOT_FOUND);
  const now = rfc3339(k.cluster.now());
  const item = (kind: string, apiVersion: string, objName: string, value: number) => ({
    describedObject: { kind, namespace: ns, name: objName, apiVersion }, metricName: metric, timestamp: now, value: quantity(value), selector: null });
  let items: ReturnType<typeof item>[];
  if (resource === 'pods') {
    const labelSelector = new URLSearchParams(query).get('labelSelector');
    const sel = labelSelector ? parseSelector(labelSelector) : [];
    const pods = k.cluster.list<Pod>('Pod', ns).filter((p) => (name === '*' || p.metadata?.name === name) && matchesSelector(p.metadata?.labels, sel));
    const values = podMetric(api, pods, metric);
    if (!values) throw new KubectlError(`Error from server (NotFound): the server could not find the metric ${metric} for pods`);
    items = [...values].map(([pod, v]) => item('Pod', '/v1', pod, v));
    if (name !== '*' && !items.length) throw new KubectlError(`Error from server (NotFound): the server could not find the metric ${metric} for pods ${name}`);
  } else {
    const names = name === '*' ? k.cluster.list<KubeObject>(target.kind, ns).map((o) => o.metadata!.name!) : [name];
    items = [];
    for (const n of names) {
      const v = objectMetric(k.cluster, api, ns, target.kind, n, metric);
      if (v === undefined) throw new KubectlError(`Error from server (NotFound): the server could not find the metric ${metric} for ${resource}`);
      if (v === null) { if (name !== '*') throw new KubectlError(`Error from server (NotFound): the server could not find the metric ${metric} for ${resource} ${n}`); continue; }
      items.push(item(target.kind, target.apiVersion, n, v));
    }
  }
  return `${JSON.stringify({ kind: 'MetricValueList', apiVersion: GV, metadata: {}, items })}\n`;
}
