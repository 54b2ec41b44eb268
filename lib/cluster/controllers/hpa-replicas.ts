import type { Pod } from '../k8s';
import { parseQuantity } from '../quantity';

/**
 * pkg/controller/podautoscaler/replica_calculator.go: ready/unready/missing pod grouping,
 * utilization vs requests, the 0.1 tolerance and the conservative rebalancing of missing and
 * unready pods (missing → 100 % / target when scaling down, 0 when scaling up).
 */
export const TOLERANCE = 0.1;
const CPU_INIT_PERIOD_MS = 300_000;
const INITIAL_READINESS_DELAY_MS = 30_000;

export type PodValues = Map<string, number>;
const within = (r: number) => 1 - TOLERANCE <= r && r <= 1 + TOLERANCE;

interface Groups { ready: number; unready: Set<string>; missing: Set<string>; ignored: Set<string> }

function groupPods(pods: Pod[], metrics: PodValues, cpu: boolean, now: number, metricTs: number): Groups {
  const g: Groups = { ready: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const p of pods) {
    const name = p.metadata!.name!;
    if (p.metadata?.deletionTimestamp || p.status?.phase === 'Failed') { g.ignored.add(name); continue; }
    if (p.status?.phase === 'Pending') { g.unready.add(name); continue; }
    if (!metrics.has(name)) { g.missing.add(name); continue; }
    if (cpu) {
      const cond = p.status?.conditions?.find((c) => c.type === 'Ready');
      const start = Date.parse(p.status?.startTime ?? '');
      let unready: boolean;
      if (!cond || Number.isNaN(start)) unready = true;
      else if (start + CPU_INIT_PERIOD_MS > now) {
        unready = cond.status === 'False' || metricTs < Date.parse(cond.lastTransitionTime ?? '') + 15_000;
      } else {
        unready = cond.status === 'False' && start + INITIAL_READINESS_DELAY_MS > Date.parse(cond.lastTransitionTime ?? '');
      }
      if (unready) { g.unready.add(name); continue; }
    }
    g.ready++;
  }
  return g;
}

/** calculatePodRequests: every container must request the resource. */
export function podRequests(pods: Pod[], resource: string, container?: string): PodValues {
  const out: PodValues = new Map();
  for (const p of pods) {
    let sum = 0;
    for (const c of p.spec?.containers ?? []) {
      if (container && c.name !== container) continue;
      const q = parseQuantity(c.resources?.requests?.[resource] as string | undefined);
      if (q === undefined) throw new Error(`missing request for ${resource} in container ${c.name} of Pod ${p.metadata?.name}`);
      sum += resource === 'cpu' ? Math.round(q * 1000) : q;
    }
    out.set(p.metadata!.name!, sum);
  }
  return out;
}

/** metricsclient.GetResourceUtilizationRatio. */
function utilizationRatio(metrics: PodValues, requests: PodValues, target: number) {
  let m = 0, r = 0, n = 0;
  for (const [pod, v] of metrics) {
    const req = requests.get(pod);
    if (req === undefined) continue;
    m += v; r += req; n++;
  }
  if (r === 0) throw new Error('no metrics returned matched known pods');
  const utilization = Math.trunc((m * 100) / r);
  return { ratio: utilization / target, utilization, raw: Math.trunc(m / n) };
}

function usageRatio(metrics: PodValues, target: number) {
  let m = 0;
  for (const v of metrics.values()) m += v;
  const usage = Math.trunc(m / metrics.size);
  return { ratio: usage / target, usage };
}

export interface ReplicaResult { replicas: number; utilization?: number; raw: number }

/**
 * GetResourceReplicas (target utilization) and calcPlainMetricReplicas (target average value).
 * `metrics` are per-pod values (millicores for cpu, bytes otherwise).
 */
export function resourceReplicas(current: number, pods: Pod[], metrics: PodValues, resource: string, now: number, metricTs: number,
  target: { utilization?: number; averageValue?: number }, container?: string): ReplicaResult {
  if (!pods.length) throw new Error('no pods returned by selector while calculating replica count');
  const m = new Map(metrics);
  const g = groupPods(pods, m, resource === 'cpu', now, metricTs);
  for (const n of [...g.ignored, ...g.unready]) m.delete(n);
  if (m.size === 0) throw new Error('did not receive metrics for targeted pods (pods might be unready)');
  const requests = target.utilization !== undefined ? podRequests(pods, resource, container) : undefined;
  const calc = (mm: PodValues) => requests
    ? utilizationRatio(mm, requests, target.utilization!)
    : (() => { const u = usageRatio(mm, target.averageValue!); return { ratio: u.ratio, utilization: undefined, raw: u.usage }; })();
  const first = calc(m);
  const result = (replicas: number): ReplicaResult => ({ replicas, utilization: first.utilization, raw: first.raw });
  const scaleUpWithUnready = g.unready.size > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    return result(within(first.ratio) ? current : Math.ceil(first.ratio * g.ready));
  }
  for (const name of g.missing) {
    if (first.ratio < 1) m.set(name, requests ? Math.trunc(requests.get(name)! * Math.max(100, target.utilization!) / 100) : target.averageValue!);
    else if (first.ratio > 1) m.set(name, 0);
  }
  if (scaleUpWithUnready) for (const name of g.unready) m.set(name, 0);
  const next = calc(m).ratio;
  if (within(next) || (first.ratio < 1 && next > 1) || (first.ratio > 1 && next < 1)) return result(current);
  const replicas = Math.ceil(next * m.size);
  if ((next < 1 && replicas > current) || (next > 1 && replicas < current)) return result(current);
  return result(replicas);
}
