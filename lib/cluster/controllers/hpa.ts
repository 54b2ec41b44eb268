import { matchesLabelSelector, selectorString } from '../api/label-selector';
import { rfc3339 } from '../api/time';
import type { Pod } from '../k8s';
import { readMetrics } from '../metrics/metrics-server';
import type { Task } from '../queue';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';
import { resourceReplicas } from './hpa-replicas';
import { customMetricReplicas } from './hpa-custom';
import type { NetView } from '../network/dns';
import { hpaSpec, normalize, type Rec, type ScaleEvent, type Cond } from './hpa-normalize';

const SOURCE = { component: 'horizontal-pod-autoscaler' };
const SYNC_MS = 15_000;
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

/**
 * pkg/controller/podautoscaler/horizontal.go: every 15 s (--horizontal-pod-autoscaler-sync-period)
 * reconcileAutoscaler reads the scale target, computes a proposal per metric (the largest wins),
 * normalizes it (stabilization window, scale rate, min/max), rescales and writes status.
 * The controller's in-memory recommendations and scale events travel in the queued task.
 */
export class HpaController implements Controller {
  readonly name = 'horizontal-pod-autoscaler';
  readonly handlers = { 'hpa-sync': (t: Task) => this.sync(t) };
  private unsubscribe?: () => void;

  private ns = '';

  /** `view`: the network view the custom metrics adapter reads request rates from. */
  constructor(private ctx: ControllerContext, private view?: NetView) {}

  start(): void {
    this.unsubscribe = this.ctx.store.subscribe((ev) => {
      if (ev.type !== 'ADDED') return;
      const o = ev.object as StoredObject;
      this.ctx.enqueue(0, { type: 'hpa-sync', ns: o.metadata.namespace, name: o.metadata.name, uid: o.metadata.uid, recs: [], ups: [], downs: [] });
    }, { kind: 'HorizontalPodAutoscaler' });
  }

  stop(): void { this.unsubscribe?.(); }

  private sync(task: Task): void {
    const hpa = this.ctx.store.get('HorizontalPodAutoscaler', task.ns as string, task.name as string);
    if (!hpa || hpa.metadata.uid !== task.uid) return;
    const state = { recs: task.recs as Rec[], ups: task.ups as ScaleEvent[], downs: task.downs as ScaleEvent[] };
    this.reconcile(hpa, state);
    this.ctx.enqueue(SYNC_MS, { ...task, ...state });
  }

  private reconcile(hpa: StoredObject, state: { recs: Rec[]; ups: ScaleEvent[]; downs: ScaleEvent[] }): void {
    const now = this.ctx.now();
    const spec = hpaSpec(hpa);
    const ns = hpa.metadata.namespace!;
    this.ns = ns;
    const conds = new Map<string, Cond>(((hpa.status?.conditions ?? []) as Cond[]).map((c) => [c.type, c]));
    const set = (type: string, status: string, reason: string, message: string) => {
      const prev = conds.get(type);
      conds.set(type, { type, status, lastTransitionTime: prev?.status === status ? prev.lastTransitionTime : rfc3339(now), reason, message });
    };
    const ref = spec.scaleTargetRef;
    const target = SCALABLE.has(ref.kind) ? this.ctx.store.get(ref.kind, ns, ref.name) : undefined;
    const writeStatus = (status: Record<string, unknown>) => {
      const order = ['AbleToScale', 'ScalingActive', 'ScalingLimited'];
      const conditions = [...conds.values()].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
      const next = { ...hpa.status, ...status, conditions };
      // updateStatusIfNeeded: no write when nothing changed.
      if (JSON.stringify(next) !== JSON.stringify(hpa.status)) this.ctx.api.write({ ...hpa, status: next });
    };
    if (!target) {
      const msg = `the HPA controller was unable to get the target's current scale: ${ref.kind.toLowerCase()}s.apps "${ref.name}" not found`;
      set('AbleToScale', 'False', 'FailedGetScale', msg);
      this.ctx.events.record(hpa, 'Warning', 'FailedGetScale', `${ref.kind.toLowerCase()}s.apps "${ref.name}" not found`, SOURCE);
      writeStatus({});
      return;
    }
    set('AbleToScale', 'True', 'SucceededGetScale', 'the HPA controller was able to get the target\'s current scale');
    const current: number = target.spec?.replicas ?? 1;
    // Read-only views of the store (never mutated here).
    const pods = (this.ctx.store.peek('Pod', ns) as Pod[]).filter((p) => matchesLabelSelector(target.spec?.selector, p.metadata?.labels));
    let desired = 0, rescaleReason = '';
    const metricStatuses: unknown[] = [];
    const min = spec.minReplicas ?? 1;
    if (current === 0 && min !== 0) {
      set('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
    } else if (current > spec.maxReplicas) {
      desired = spec.maxReplicas; rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
    } else if (current < min) {
      desired = min; rescaleReason = 'Current number of replicas below Spec.MinReplicas';
    } else {
      // validateAndParseSelector: pods selected by more than one HPA make every one of them fail.
      const ambiguous = this.selectingHpas(ns, pods);
      if (ambiguous.length > 1) {
        const msg = `pods by selector ${selectorString(target.spec?.selector)} are controlled by multiple HPAs: [${ambiguous.join(' ')}]`;
        this.ctx.events.record(hpa, 'Warning', 'AmbiguousSelector', msg, SOURCE);
        set('ScalingActive', 'False', 'AmbiguousSelector', msg);
        this.ctx.events.record(hpa, 'Warning', 'FailedComputeMetricsReplicas', msg, SOURCE);
        writeStatus({ currentReplicas: current, desiredReplicas: hpa.status?.desiredReplicas ?? 0 });
        return;
      }
      let best = -1, bestName = '';
      const errors: string[] = [];
      let firstCond: [string, string] | undefined;
      for (const m of spec.metrics) {
        try {
          const r = this.metricReplicas(m, current, pods, now, metricStatuses);
          if (r.replicas > best) { best = r.replicas; bestName = r.name; }
        } catch (e) {
          // getUnableComputeReplicaCountCondition: an event per failing metric, the first one's condition.
          const [reason, what, msg] = (e as Error & { hpa?: [string, string, string] }).hpa ?? ['FailedGetResourceMetric', 'resource', (e as Error).message];
          this.ctx.events.record(hpa, 'Warning', reason, msg, SOURCE);
          firstCond ??= [reason, `the HPA was unable to compute the replica count: ${msg}`];
          errors.push(`failed to get ${what} metric value: ${msg}`);
          metricStatuses.push(emptyStatus(m));
        }
      }
      // computeReplicasForMetrics: all invalid, or some invalid and the rest would scale down.
      if (best === -1 || (errors.length && best < current)) {
        set('ScalingActive', 'False', firstCond![0], firstCond![1]);
        const msg = `invalid metrics (${errors.length} invalid out of ${spec.metrics.length}), first error is: ${errors[0]}`;
        this.ctx.events.record(hpa, 'Warning', 'FailedComputeMetricsReplicas', msg, SOURCE);
        writeStatus({ currentReplicas: current, desiredReplicas: hpa.status?.desiredReplicas ?? 0, currentMetrics: metricStatuses });
        return;
      }
      set('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${bestName}`);
      desired = best;
      if (desired > current) rescaleReason = `${bestName} above target`;
      if (desired < current) rescaleReason = 'All metrics below target';
      desired = normalize(spec, state, now, current, desired, min, set);
    }
    const rescale = desired !== current && !(current === 0 && min !== 0);
    if (rescale) {
      this.ctx.api.write({ ...target, spec: { ...target.spec, replicas: desired },
        metadata: { ...target.metadata, generation: (target.metadata.generation ?? 1) + 1 } });
      set('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
      this.ctx.events.record(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${rescaleReason}`, SOURCE);
      (desired > current ? state.ups : state.downs).push({ n: Math.abs(desired - current), t: now });
    }
    writeStatus({ currentReplicas: current, desiredReplicas: rescale ? desired : current, currentMetrics: metricStatuses,
      ...(rescale && { lastScaleTime: rfc3339(now) }) });
  }

  /** `ns/name` of every HPA whose target selects one of `pods` (the controller's hpaSelectors). */
  private selectingHpas(ns: string, pods: Pod[]): string[] {
    const out: string[] = [];
    for (const other of this.ctx.store.peek('HorizontalPodAutoscaler', ns) as StoredObject[]) {
      const ref = hpaSpec(other).scaleTargetRef;
      const t = SCALABLE.has(ref.kind) ? this.ctx.store.get(ref.kind, ns, ref.name) : undefined;
      if (t && pods.some((p) => matchesLabelSelector(t.spec?.selector, p.metadata?.labels))) out.push(`${ns}/${other.metadata.name}`);
    }
    return out.sort();
  }

  /** computeReplicasForMetric: Resource/ContainerResource from metrics.k8s.io, Pods/Object from custom.metrics.k8s.io (hpa-custom.ts). */
  private metricReplicas(m: Record<string, any>, current: number, pods: Pod[], now: number, statuses: unknown[]) { // eslint-disable-line @typescript-eslint/no-explicit-any
    if (m.type === 'Pods' || m.type === 'Object' || m.type === 'External') {
      const readyPods = pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
      return customMetricReplicas(m, current, pods, this.ns, now, this.view, statuses, readyPods);
    }
    const src = m.resource ?? m.containerResource ?? {};
    const resource: string = src.name;
    const api = readMetrics({ get: (k, n, nm) => this.ctx.store.get(k, n, nm) as never, list: (k, n) => this.ctx.store.peek(k, n) as never });
    const fail = (msg: string) => { throw Object.assign(new Error(msg), { hpa: ['FailedGetResourceMetric', `${resource} resource`, msg] }); };
    const t = src.target ?? {};
    const verb = t.type === 'AverageValue' ? 'usage' : 'utilization';
    if (!api.ok && api.reason !== 'not-yet') {
      const why = api.reason === 'no-api' ? 'the server could not find the requested resource' : 'the server is currently unable to handle the request';
      fail(`failed to get ${resource} ${verb}: unable to get metrics for resource ${resource}: unable to fetch metrics from resource metrics API: ${why} (get pods.metrics.k8s.io)`);
    }
    const values = new Map<string, number>();
    const names = new Set(pods.map((p) => p.metadata?.name));
    const ts = api.ok ? api.state.timestamp! : now;
    for (const pu of api.ok ? api.state.pods ?? [] : []) {
      if (!names.has(pu.name) || pu.namespace !== pods[0]?.metadata?.namespace) continue;
      const cs = pu.containers.filter((c) => !m.containerResource || c.name === src.container);
      values.set(pu.name, cs.reduce((a, c) => a + (resource === 'cpu' ? Math.ceil(c.nanoCores / 1e6) : c.memoryBytes), 0));
    }
    if (!values.size) fail(`failed to get ${resource} ${verb}: unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
    const avg = t.averageValue !== undefined ? toUnits(resource, t.averageValue) : undefined;
    let r;
    try {
      r = resourceReplicas(current, pods, values, resource, now, ts, t.type === 'AverageValue' ? { averageValue: avg } : { utilization: t.averageUtilization ?? 80 }, src.container);
    } catch (e) {
      return fail(`failed to get ${resource} ${verb}: ${(e as Error).message}`);
    }
    statuses.push({ type: m.type, [m.type === 'Resource' ? 'resource' : 'containerResource']: { name: resource, ...(src.container && { container: src.container }),
      current: { ...(r.utilization !== undefined && { averageUtilization: r.utilization }), averageValue: fromUnits(resource, r.raw) } } });
    const what = t.type === 'AverageValue' ? `${resource} resource` : `${resource} resource utilization (percentage of request)`;
    return { replicas: r.replicas, name: m.containerResource ? `${resource} container resource utilization (percentage of request)` : what };
  }
}

function emptyStatus(m: Record<string, any>) { // eslint-disable-line @typescript-eslint/no-explicit-any
  return m.type === 'Resource' ? { type: 'Resource', resource: { name: m.resource?.name, current: {} } } : { type: '' };
}

function toUnits(resource: string, q: string | number): number {
  const s = String(q);
  const mult: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 };
  const m = /^([\d.]+)([a-zA-Z]*)$/.exec(s);
  const v = m ? Number(m[1]) * (mult[m[2]] ?? 1) : Number(s);
  return resource === 'cpu' ? Math.round(v * 1000) : v;
}

function fromUnits(resource: string, v: number): string {
  if (resource === 'cpu') return `${v}m`;
  return v % (1024 * 1024) === 0 ? `${v / 1024 / 1024}Mi` : v % 1024 === 0 ? `${v / 1024}Ki` : String(v);
}
