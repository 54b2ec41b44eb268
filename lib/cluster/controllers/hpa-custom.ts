import { formatCpu as formatMilli } from '../admission/vpa';
import type { Pod } from '../k8s';
import { objectMetric, podMetric, readCustomMetrics } from '../metrics/custom-metrics';
import type { NetView } from '../network/dns';
import { parseQuantity } from '../quantity';
import { resolveResource } from '../resources';
import { resourceReplicas, TOLERANCE } from './hpa-replicas';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Spec = Record<string, any>;

const CUSTOM = 'unable to fetch metrics from custom metrics API';

/** An error the HPA reports as `FailedGet<Type>Metric` (see hpa.ts). */
function metricError(m: Spec, msg: string): Error {
  return Object.assign(new Error(msg), { hpa: [`FailedGet${m.type}Metric`, String(m.type).toLowerCase(), msg] });
}

/**
 * replica_calculator.go's error wrapping for the custom and external metrics clients
 * (k8s.io/metrics multi_client.go): GetMetricReplicas `unable to get metric <name>: <err>`,
 * GetObjectMetricReplicas `unable to get metric <name>: <Kind> on <ns> <name>/<err>` (upstream's
 * argument order), GetExternalMetricReplicas `unable to get external metric <ns>/<name>/<selector>: <err>`.
 */
function wrap(m: Spec, ns: string, inner: string): Error {
  const src = m[String(m.type).toLowerCase()] ?? {};
  const name = src.metric?.name ?? '';
  if (m.type === 'Pods') return metricError(m, `unable to get metric ${name}: ${inner}`);
  if (m.type === 'Object') return metricError(m, `unable to get metric ${name}: ${src.describedObject?.kind} on ${ns} ${src.describedObject?.name}/${inner}`);
  const sel = src.metric?.selector ? '&LabelSelector{...}' : 'nil';
  return metricError(m, `unable to get external metric ${ns}/${name}/${sel}: ${inner}`);
}

const milli = (q: unknown) => Math.round((parseQuantity(q as string) ?? 0) * 1000);
const within = (r: number) => Math.abs(1 - r) <= TOLERANCE;
const resourceName = (kind: string) => {
  const res = resolveResource(kind);
  return res ? (res.group ? `${res.plural}.${res.group}` : res.plural) : `${kind.toLowerCase()}s`;
};

export interface CustomResult { replicas: number; name: string }

/**
 * computeStatusForPodsMetric / computeStatusForObjectMetric with the simulated prometheus-adapter
 * (metrics/custom-metrics.ts). Without it the clients fail as upstream does; External metrics
 * have no adapter in the lab.
 */
export function customMetricReplicas(m: Spec, current: number, pods: Pod[], ns: string, now: number, view: NetView | undefined,
  statuses: unknown[], readyPods: number): CustomResult {
  if (m.type === 'External') {
    throw wrap(m, ns, 'unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered');
  }
  const api = view ? readCustomMetrics(view, now) : { ok: false as const, reason: 'no-api' as const };
  if (!api.ok) {
    const what = m.type === 'Pods' ? 'pods' : resourceName(m.object?.describedObject?.kind ?? '');
    throw wrap(m, ns, api.reason === 'no-api' ? `${CUSTOM}: no custom metrics API (custom.metrics.k8s.io) registered`
      : `${CUSTOM}: the server is currently unable to handle the request (get ${what}.custom.metrics.k8s.io *)`);
  }
  const src = m.type === 'Pods' ? m.pods ?? {} : m.object ?? {};
  const metric: string = src.metric?.name ?? '';
  const target = src.target ?? {};
  if (m.type === 'Pods') {
    const values = podMetric(api, pods, metric);
    if (!values) throw wrap(m, ns, `${CUSTOM}: the server could not find the metric ${metric} for pods`);
    if (!values.size) throw wrap(m, ns, `${CUSTOM}: no metrics returned from custom metrics API`);
    let r;
    try {
      r = resourceReplicas(current, pods, values, 'pods-metric', now, now, { averageValue: milli(target.averageValue) });
    } catch (e) {
      throw metricError(m, (e as Error).message);
    }
    statuses.push({ type: 'Pods', pods: { metric: { name: metric, ...(src.metric?.selector && { selector: src.metric.selector }) },
      current: { averageValue: formatMilli(r.raw) } } });
    return { replicas: r.replicas, name: `pods metric ${metric}` };
  }
  const obj = src.describedObject ?? {};
  const usage = objectMetric(view!, api, ns, obj.kind, obj.name, metric);
  if (usage === undefined) throw wrap(m, ns, `${CUSTOM}: the server could not find the metric ${metric} for ${resourceName(obj.kind)}`);
  if (usage === null) throw wrap(m, ns, `${CUSTOM}: the server could not find the requested resource (get ${resourceName(obj.kind)}.custom.metrics.k8s.io ${obj.name})`);
  let replicas: number, current$: Record<string, string>;
  if (target.type === 'AverageValue') {
    // GetObjectPerPodMetricReplicas
    const per = milli(target.averageValue);
    replicas = within(usage / (per * current)) ? current : Math.ceil(usage / per);
    current$ = { averageValue: formatMilli(Math.round(usage / replicas)) };
  } else {
    // GetObjectMetricReplicas → getUsageRatioReplicaCount
    const ratio = usage / milli(target.value);
    replicas = current === 0 ? Math.ceil(ratio) : within(ratio) ? current : Math.ceil(ratio * readyPods);
    current$ = { value: formatMilli(usage) };
  }
  statuses.push({ type: 'Object', object: { describedObject: obj, metric: { name: metric }, current: current$ } });
  return { replicas, name: `${obj.kind} metric ${metric}` };
}
