import { componentReady, emptyProgramState, isReadyPod, programState } from '../addons/components';
import { topController, vpaWebhookActive } from '../admission/vpa';
import type { Pod } from '../k8s';
import { parseQuantity } from '../quantity';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';

export const UPDATER_APP = 'vpa-updater';
/** --updater-interval (1m). */
const LOOP_MS = 60_000;
/** --min-replicas (2): controllers with fewer live replicas are never evicted from. */
const MIN_REPLICAS = 2;
/** --eviction-tolerance (0.5). */
const EVICTION_TOLERANCE = 0.5;
/** priority_processor.go: in-range pods are updated only after 12 h and a 10 % change. */
const POD_LIFETIME_UPDATE_THRESHOLD_MS = 12 * 3_600_000;
const UPDATE_THRESHOLD = 0.1;
const SOURCE = { component: 'vpa-updater' };
const EVICTING_MODES = new Set(['Auto', 'Recreate', 'InPlaceOrRecreate']);

/**
 * vpa-updater (pkg/updater/logic/updater.go RunOnce): every minute, for VPAs in Auto/Recreate
 * mode with a recommendation, pods whose requests fall outside [lowerBound, upperBound] (or
 * differ by ≥ 10 % after 12 h) are evicted, most different first, within the eviction tolerance
 * of their controller (pods_eviction_restriction.go). The admission controller gives the
 * recreated pod the new requests. Without a running admission controller nothing is evicted
 * (--use-admission-controller-status). Events: EvictedByVPA on the pod, EvictedPod on the VPA.
 */
export class VpaUpdater implements Controller {
  readonly name = UPDATER_APP;
  readonly handlers = { 'vpa-update': () => this.loop() };
  private unsubscribe?: () => void;

  constructor(private ctx: ControllerContext) {}

  start(): void {
    this.unsubscribe = this.ctx.store.subscribe((ev) => {
      const pod = ev.object as Pod;
      if (ev.type === 'DELETED' || pod.metadata?.labels?.app !== UPDATER_APP || !isReadyPod(pod)) return;
      const state = programState(this.ctx.store, UPDATER_APP);
      if (state?.next !== undefined && state.next > this.ctx.now()) return;
      this.ctx.store.put({ ...(state ?? emptyProgramState(UPDATER_APP)), next: this.ctx.now() + LOOP_MS } as unknown as StoredObject);
      this.ctx.enqueue(LOOP_MS, { type: 'vpa-update' });
    }, { kind: 'Pod' });
  }

  stop(): void { this.unsubscribe?.(); }

  private loop(): void {
    const state = { ...(programState(this.ctx.store, UPDATER_APP) ?? emptyProgramState(UPDATER_APP)) };
    if (!componentReady(this.ctx.store, UPDATER_APP)) {
      delete state.next;
      this.ctx.store.put(state as unknown as StoredObject);
      return;
    }
    const list = (k: string, n?: string) => this.ctx.store.peek(k, n) as StoredObject[];
    if (vpaWebhookActive({ list })) {
      for (const vpa of this.ctx.store.list('VerticalPodAutoscaler')) this.update(vpa, list);
    }
    this.ctx.store.put({ ...state, next: this.ctx.now() + LOOP_MS } as unknown as StoredObject);
    this.ctx.enqueue(LOOP_MS, { type: 'vpa-update' });
  }

  private update(vpa: StoredObject, list: (k: string, n?: string) => StoredObject[]): void {
    if (!EVICTING_MODES.has(vpa.spec?.updatePolicy?.updateMode ?? 'Auto')) return;
    const recs: Record<string, any>[] = vpa.status?.recommendation?.containerRecommendations ?? []; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (!recs.length) return;
    const ns = vpa.metadata.namespace!;
    const ref = vpa.spec.targetRef;
    const pods = (this.ctx.store.peek('Pod', ns) as Pod[]).filter((p) => {
      const top = topController(p, list);
      return top?.kind === ref.kind && top?.name === ref.name;
    });
    // Eviction restriction per controller: configured replicas vs running and already evicted pods.
    const target = this.ctx.store.peekOne(ref.kind, ns, ref.name);
    const configured: number = target?.spec?.replicas ?? pods.length;
    const running = pods.filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp).length;
    const minReplicas: number = vpa.spec?.updatePolicy?.minReplicas ?? MIN_REPLICAS;
    if (configured < minReplicas) return; // "too few replicas"
    const tolerance = Math.floor(configured * EVICTION_TOLERANCE);
    const now = this.ctx.now();
    const candidates: { pod: Pod; diff: number }[] = [];
    for (const pod of pods) {
      if (pod.status?.phase !== 'Running' || pod.metadata?.deletionTimestamp) continue;
      const p = priority(pod, recs);
      if (!p) continue;
      const age = now - Date.parse(pod.status?.startTime ?? pod.metadata?.creationTimestamp ?? '');
      if (!p.outside && (age < POD_LIFETIME_UPDATE_THRESHOLD_MS || p.diff < UPDATE_THRESHOLD)) continue;
      candidates.push({ pod, diff: p.diff });
    }
    candidates.sort((a, b) => b.diff - a.diff);
    let evicted = 0;
    for (const { pod } of candidates) {
      const can = running - evicted > configured - tolerance || (running === configured && tolerance === 0 && evicted === 0);
      if (!can) break;
      this.ctx.events.record(pod, 'Normal', 'EvictedByVPA', 'Pod was evicted by VPA Updater to apply resource recommendation.', SOURCE);
      this.ctx.events.record(vpa, 'Normal', 'EvictedPod', `VPA Updater evicted Pod ${pod.metadata!.name} to apply resource recommendation.`, SOURCE);
      this.ctx.api.delete('Pod', ns, pod.metadata!.name!);
      evicted++;
    }
  }
}

/** update_priority_calculator.go: outside the recommended range, and the relative request change. */
function priority(pod: Pod, recs: Record<string, any>[]): { outside: boolean; diff: number } | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any
  let outside = false;
  const totalReq: Record<string, number> = {}, totalRec: Record<string, number> = {};
  let any = false;
  for (const c of pod.spec?.containers ?? []) {
    const rec = recs.find((r) => r.containerName === c.name);
    if (!rec?.target) continue;
    any = true;
    for (const res of Object.keys(rec.target)) {
      const want = parseQuantity(rec.target[res]) ?? 0;
      const have = parseQuantity(c.resources?.requests?.[res] as string | undefined) ?? 0;
      totalReq[res] = (totalReq[res] ?? 0) + have;
      totalRec[res] = (totalRec[res] ?? 0) + want;
      const lo = parseQuantity(rec.lowerBound?.[res]), hi = parseQuantity(rec.upperBound?.[res]);
      if ((lo !== undefined && have < lo) || (hi !== undefined && have > hi)) outside = true;
    }
  }
  if (!any) return undefined;
  let diff = 0;
  for (const res of Object.keys(totalRec)) {
    diff += totalReq[res] ? Math.abs(totalRec[res] - totalReq[res]) / totalReq[res] : totalRec[res] > 0 ? 1 : 0;
  }
  return { outside, diff };
}
