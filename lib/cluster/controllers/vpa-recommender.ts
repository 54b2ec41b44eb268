import { componentReady, emptyProgramState, isReadyPod, programState, PROGRAM_KIND, type ProgramState } from '../addons/components';
import { formatBytes, formatCpu, topController } from '../admission/vpa';
import { rfc3339 } from '../api/time';
import type { Pod } from '../k8s';
import { readMetrics } from '../metrics/metrics-server';
import { parseQuantity } from '../quantity';
import { resolveResource } from '../resources';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';
import { addUsage, emptyModel, prunePeaks, recommend, type Amounts, type ContainerModel, type Histogram } from './vpa-model';

export const RECOMMENDER_APP = 'vpa-recommender';
/** --recommender-interval (1m): one loop reads the metrics API and updates every VPA. */
const LOOP_MS = 60_000;
type Rec = Record<string, Record<string, string>> & { containerName?: never };
interface State extends ProgramState { models?: Record<string, ContainerModel>; metricsAt?: number }

/**
 * vpa-recommender (pkg/recommender/routines/recommender.go RunOnce): every minute it feeds the
 * newest metrics-server sample of each container of each VPA's pods into the model
 * (vpa-model.ts), writes status.recommendation (target, lowerBound, upperBound, uncappedTarget,
 * capped by resourcePolicy as pkg/utils/vpa/capping.go does) with the RecommendationProvided
 * condition, and saves VerticalPodAutoscalerCheckpoints.
 */
export class VpaRecommender implements Controller {
  readonly name = RECOMMENDER_APP;
  readonly handlers = { 'vpa-recommend': () => this.loop() };
  private unsubscribe?: () => void;

  constructor(private ctx: ControllerContext) {}

  start(): void {
    this.unsubscribe = this.ctx.store.subscribe((ev) => {
      const pod = ev.object as Pod;
      if (ev.type === 'DELETED' || pod.metadata?.labels?.app !== RECOMMENDER_APP || !isReadyPod(pod)) return;
      const state = programState(this.ctx.store, RECOMMENDER_APP) as State | undefined;
      if (state?.next !== undefined && state.next > this.ctx.now()) return;
      this.ctx.store.put({ ...(state ?? emptyProgramState(RECOMMENDER_APP)), next: this.ctx.now() + LOOP_MS } as unknown as StoredObject);
      this.ctx.enqueue(LOOP_MS, { type: 'vpa-recommend' });
    }, { kind: 'Pod' });
  }

  stop(): void { this.unsubscribe?.(); }

  private loop(): void {
    const state = { ...(programState(this.ctx.store, RECOMMENDER_APP) ?? emptyProgramState(RECOMMENDER_APP)) } as State;
    if (!componentReady(this.ctx.store, RECOMMENDER_APP)) {
      delete state.next; // stopped; the model stays, as the checkpoints would bring it back
      this.ctx.store.put(state as unknown as StoredObject);
      return;
    }
    const now = this.ctx.now();
    const models: Record<string, ContainerModel> = structuredClone(state.models ?? {});
    const metrics = readMetrics({ get: (k, n, nm) => this.ctx.store.get(k, n, nm) as never, list: (k, n) => this.ctx.store.peek(k, n) as never });
    const fresh = metrics.ok && metrics.state.timestamp! > (state.metricsAt ?? 0);
    const usage = new Map((metrics.ok ? metrics.state.pods ?? [] : []).map((p) => [`${p.namespace}/${p.name}`, p]));
    const live = new Set<string>();
    for (const vpa of this.ctx.store.list('VerticalPodAutoscaler')) {
      const recommenders: { name?: string }[] = vpa.spec?.recommenders ?? [];
      if (recommenders.length && !recommenders.some((r) => r.name === 'default')) continue;
      const ns = vpa.metadata.namespace!;
      const ref = vpa.spec?.targetRef ?? {};
      const target = ref.kind && ref.name ? this.ctx.store.peekOne(ref.kind, ns, ref.name) : undefined;
      const list = (k: string, n?: string) => this.ctx.store.peek(k, n) as StoredObject[];
      const pods = (this.ctx.store.peek('Pod', ns) as Pod[]).filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp &&
        (() => { const top = topController(p, list); return top?.kind === ref.kind && top?.name === ref.name; })());
      const names = new Set<string>();
      for (const pod of pods) {
        for (const c of pod.spec?.containers ?? []) {
          const key = `${vpa.metadata.uid}/${c.name}`;
          names.add(c.name);
          const m = (models[key] ??= emptyModel());
          const u = usage.get(`${ns}/${pod.metadata!.name}`)?.containers.find((x) => x.name === c.name);
          if (fresh && u) addUsage(m, pod.metadata!.name!, metrics.state.timestamp!, u.nanoCores / 1e9, u.memoryBytes, parseQuantity(c.resources?.requests?.cpu as string | undefined) ?? 0);
        }
      }
      for (const [key, m] of Object.entries(models)) {
        if (!key.startsWith(`${vpa.metadata.uid}/`)) continue;
        live.add(key);
        prunePeaks(m, new Set(pods.map((p) => p.metadata!.name!)));
      }
      this.writeStatus(vpa, target, pods.length > 0, models);
      this.writeCheckpoints(vpa, models);
    }
    for (const key of Object.keys(models)) if (!live.has(key)) delete models[key];
    this.collectCheckpoints();
    this.ctx.store.put({ ...state, kind: PROGRAM_KIND, next: now + LOOP_MS, models, ...(fresh && { metricsAt: metrics.state.timestamp }) } as unknown as StoredObject);
    this.ctx.enqueue(LOOP_MS, { type: 'vpa-recommend' });
  }

  private writeStatus(vpa: StoredObject, target: unknown, matched: boolean, models: Record<string, ContainerModel>): void {
    const now = this.ctx.now();
    const prefix = `${vpa.metadata.uid}/`;
    const withSamples = Object.entries(models).filter(([k, m]) => k.startsWith(prefix) && m.samples > 0);
    const recs: Record<string, unknown>[] = [];
    for (const [key, m] of withSamples.sort(([a], [b]) => (a < b ? -1 : 1))) {
      const name = key.slice(prefix.length);
      const r = recommend(m, withSamples.length);
      const capped = capRecommendation(vpa, name, r);
      if (capped) recs.push({ containerName: name, ...capped });
    }
    const prev: { type: string; status: string; lastTransitionTime?: string }[] = vpa.status?.conditions ?? [];
    const conds: Record<string, unknown>[] = [];
    const cond = (type: string, status: string, reason?: string, message?: string) => {
      const old = prev.find((c) => c.type === type);
      conds.push({ lastTransitionTime: old?.status === status ? old.lastTransitionTime : rfc3339(now), ...(message && { message }), ...(reason && { reason }), status, type });
    };
    // pkg/recommender/model/vpa.go UpdateConditions (+ ConfigUnsupported when the targetRef cannot be read).
    // cluster_feeder.go getSelector: the selector fetcher's error, reason left empty.
    if (!target) {
      const ref = vpa.spec?.targetRef ?? {};
      const res = resolveResource(String(ref.kind ?? ''));
      cond('ConfigUnsupported', 'True', undefined, res && ref.name
        ? `Cannot read targetRef. Reason: ${res.group ? `${res.plural}.${res.group}` : res.plural} "${ref.name}" not found` : 'Cannot read targetRef');
    }
    if (!matched) cond('NoPodsMatched', 'True', 'NoPodsMatched', 'No pods match this VPA object');
    if (recs.length) cond('RecommendationProvided', 'True');
    else cond('RecommendationProvided', 'False', matched ? undefined : 'NoPodsMatched', matched ? undefined : 'No pods match this VPA object');
    const status = { ...(recs.length && { recommendation: { containerRecommendations: recs } }), conditions: conds };
    if (JSON.stringify(status) !== JSON.stringify(vpa.status ?? {})) this.ctx.api.write({ ...vpa, status });
  }

  /** VerticalPodAutoscalerCheckpoint `<vpa>-<container>` (checkpoint_writer.go; bucket weights normalised to 10000). */
  private writeCheckpoints(vpa: StoredObject, models: Record<string, ContainerModel>): void {
    if (!this.ctx.store.has('CustomResourceDefinition', undefined, 'verticalpodautoscalercheckpoints.autoscaling.k8s.io')) return;
    const prefix = `${vpa.metadata.uid}/`;
    for (const [key, m] of Object.entries(models)) {
      if (!key.startsWith(prefix) || !m.samples) continue;
      const container = key.slice(prefix.length);
      const name = `${vpa.metadata.name}-${container}`;
      const ns = vpa.metadata.namespace!;
      const old = this.ctx.store.get('VerticalPodAutoscalerCheckpoint', ns, name);
      const obj = {
        apiVersion: 'autoscaling.k8s.io/v1', kind: 'VerticalPodAutoscalerCheckpoint',
        metadata: old?.metadata ?? { name, namespace: ns },
        spec: { containerName: container, vpaObjectName: vpa.metadata.name },
        status: {
          cpuHistogram: checkpointHistogram(m.cpu), firstSampleStart: rfc3339(m.first), lastSampleStart: rfc3339(m.last),
          lastUpdateTime: rfc3339(this.ctx.now()), memoryHistogram: checkpointHistogram(m.memory), totalSamplesCount: m.samples, version: 'v3',
        },
      };
      if (old) this.ctx.api.write(obj as unknown as StoredObject);
      else this.ctx.api.createInternal({ ...obj, metadata: { ...obj.metadata, generation: 1 } });
    }
  }

  /** Checkpoints whose VPA is gone are garbage-collected (--checkpoints-gc-interval). */
  private collectCheckpoints(): void {
    for (const cp of this.ctx.store.peek('VerticalPodAutoscalerCheckpoint')) {
      if (!this.ctx.store.has('VerticalPodAutoscaler', cp.metadata.namespace, cp.spec?.vpaObjectName)) {
        this.ctx.store.remove('VerticalPodAutoscalerCheckpoint', cp.metadata.namespace, cp.metadata.name);
      }
    }
  }
}

function checkpointHistogram(h: Histogram) {
  const max = Math.max(0, ...Object.values(h.weights));
  const weights = Object.fromEntries(Object.entries(h.weights).map(([b, w]) => [b, Math.round((w / (max || 1)) * 10000)]).filter(([, w]) => (w as number) > 0));
  return { bucketWeights: weights, referenceTimestamp: rfc3339(h.ref), totalWeight: Number(h.total.toFixed(6)) };
}

/**
 * pkg/utils/vpa/capping.go: a container policy with mode Off gets no recommendation;
 * controlledResources filters; minAllowed/maxAllowed clamp target and bounds; uncappedTarget
 * keeps the raw target.
 */
function capRecommendation(vpa: StoredObject, container: string, r: { target: Amounts; lowerBound: Amounts; upperBound: Amounts }): Rec | undefined {
  const policies: Record<string, any>[] = vpa.spec?.resourcePolicy?.containerPolicies ?? []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const policy = policies.find((p) => p.containerName === container) ?? policies.find((p) => p.containerName === '*');
  if (policy?.mode === 'Off') return undefined;
  const controlled: string[] = policy?.controlledResources ?? ['cpu', 'memory'];
  const list = (a: Amounts, cap: boolean) => {
    const out: Record<string, string> = {};
    for (const res of ['cpu', 'memory'] as const) {
      if (!controlled.includes(res)) continue;
      let v = res === 'cpu' ? a.cpu / 1000 : a.memory;
      if (cap) {
        const lo = parseQuantity(policy?.minAllowed?.[res]), hi = parseQuantity(policy?.maxAllowed?.[res]);
        if (lo !== undefined && v < lo) v = lo;
        if (hi !== undefined && v > hi) v = hi;
      }
      out[res] = res === 'cpu' ? formatCpu(v * 1000) : formatBytes(v);
    }
    return out;
  };
  return { lowerBound: list(r.lowerBound, true), target: list(r.target, true), uncappedTarget: list(r.target, false), upperBound: list(r.upperBound, true) } as Rec;
}
