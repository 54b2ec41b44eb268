import { ADAPTER_APP, ADAPTER_NAMESPACE } from '../addons/prometheus-adapter';
import { matchesLabelSelector } from '../api/label-selector';
import type { Pod } from '../k8s';
import type { NetView } from '../network/dns';
import { SERVICE_NAME_LABEL } from '../network/endpoints-controller';
import type { KubeObject } from '../types';
import { generatorRates, recentRates } from './load';
import { SCRAPE_MS } from './metrics-server';
import { netList, netGet } from '../network/view-cache';

/**
 * The custom metrics API (custom.metrics.k8s.io/v1beta1) as the simulated prometheus-adapter
 * serves it: with its default rules, the counter `http_requests_total` of every pod becomes the
 * rate metrics `http_requests` and `http_requests_per_second` (requests per second over the last
 * scrape interval: load-generator pods and requests the network layer counted). Object metrics
 * sum the rate over the object's pods (Deployment/ReplicaSet/StatefulSet: selected pods;
 * Service: its ready endpoints; Ingress: its backend Services' endpoints).
 * Values are in milli-units, as resource.Quantity carries them.
 */
export const RATE_METRICS = new Set(['http_requests', 'http_requests_per_second']);
export const CUSTOM_API = 'v1beta1.custom.metrics.k8s.io';

export type CustomMetricsApi =
  | { ok: true; rates: Map<string, number> }
  | { ok: false; reason: 'no-api' | 'unavailable' };

const ready = (p: Pod) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp &&
  !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

export function readCustomMetrics(view: NetView, now: number): CustomMetricsApi {
  if (!netGet(view, 'APIService', undefined, CUSTOM_API)) return { ok: false, reason: 'no-api' };
  if (!netList<Pod>(view, 'Pod', ADAPTER_NAMESPACE).some((p) => p.metadata?.labels?.app === ADAPTER_APP && ready(p))) {
    return { ok: false, reason: 'unavailable' };
  }
  const rates = generatorRates(view);
  for (const [uid, r] of recentRates(view, now, SCRAPE_MS)) rates.set(uid, (rates.get(uid) ?? 0) + r);
  return { ok: true, rates };
}

const milli = (rps: number) => Math.round(rps * 1000);

/** Per-pod values of a Pods metric, by pod name; undefined when the adapter has no such metric. */
export function podMetric(api: { rates: Map<string, number> }, pods: Pod[], metric: string): Map<string, number> | undefined {
  if (!RATE_METRICS.has(metric)) return undefined;
  return new Map(pods.filter((p) => p.status?.phase === 'Running').map((p) => [p.metadata!.name!, milli(api.rates.get(p.metadata!.uid!) ?? 0)]));
}

function endpointIps(view: NetView, ns: string, svc: string): Set<string> {
  const ips = new Set<string>();
  for (const slice of netList<KubeObject>(view, 'EndpointSlice', ns)) {
    if (slice.metadata?.labels?.[SERVICE_NAME_LABEL] !== svc) continue;
    for (const e of (slice.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[]) {
      if (e.conditions?.ready !== false) for (const a of e.addresses) ips.add(a);
    }
  }
  return ips;
}

/**
 * An Object metric's value; `undefined` when the metric is unknown, `null` when the object does
 * not exist (the adapter finds no series for it).
 */
export function objectMetric(view: NetView, api: { rates: Map<string, number> }, ns: string, kind: string, name: string, metric: string): number | undefined | null {
  if (!RATE_METRICS.has(metric)) return undefined;
  const obj = netGet<KubeObject>(view, kind, ns, name);
  if (!obj) return null;
  const pods = netList<Pod>(view, 'Pod', ns).filter((p) => p.status?.phase === 'Running');
  let selected: Pod[];
  if (kind === 'Service' || kind === 'Ingress') {
    const services = kind === 'Service' ? [name] : ingressServices(obj);
    const ips = new Set(services.flatMap((s) => [...endpointIps(view, ns, s)]));
    selected = pods.filter((p) => ips.has(p.status?.podIP ?? ''));
  } else {
    selected = pods.filter((p) => matchesLabelSelector(obj.spec?.selector, p.metadata?.labels));
  }
  return milli(selected.reduce((a, p) => a + (api.rates.get(p.metadata!.uid!) ?? 0), 0));
}

function ingressServices(ing: KubeObject): string[] {
  const out = new Set<string>();
  if (ing.spec?.defaultBackend?.service?.name) out.add(ing.spec.defaultBackend.service.name);
  for (const rule of ing.spec?.rules ?? []) for (const p of rule.http?.paths ?? []) if (p.backend?.service?.name) out.add(p.backend.service.name);
  return [...out];
}
