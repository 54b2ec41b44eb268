import { matchesLabelSelector } from '../api/label-selector';
import { controllerOf, newControllerRef } from '../api/owners';
import { isStatusError } from '../errors';
import type { PersistentVolumeClaim, Pod, StatefulSet } from '../k8s';
import type { Task } from '../queue';
import type { Controller, ControllerContext } from './controller';
import { isPodReady, KeyedQueue, podsWhere } from './pod-util';
import { truncateHistory } from './history';
import {
  claimsFor, ensureRevision, isRunningAndReady, newPod, ordinalOf, REVISION_LABEL, SOURCE, startOrdinal, templateOf, type Sts,
} from './statefulset-identity';

const isTerminating = (p: Pod) => !!p.metadata?.deletionTimestamp;
const isFinished = (p: Pod) => p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';
// StatefulSet pods carry the full revision name: `controller-revision-hash=web-6c8b8b8d9f`.
const revisionOf = (p: Pod) => p.metadata?.labels?.[REVISION_LABEL] ?? '';

/**
 * The StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go
 * updateStatefulSet, stateful_pod_control.go, stateful_set_utils.go): ordinal identities,
 * claims from volumeClaimTemplates before pods, OrderedReady (one at a time, waiting for
 * Running+Ready; scale-down highest ordinal first) or Parallel, RollingUpdate from the highest
 * ordinal down to the partition, OnDelete, claim retention through ownerReferences.
 */
export class StatefulSetController implements Controller {
  readonly name = 'statefulset-controller';
  readonly handlers = { 'sync-statefulset': (t: Task) => { this.queue.done(t.key); this.sync(t.ns as string, t.name as string); } };
  private queue: KeyedQueue;
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {
    this.queue = new KeyedQueue(ctx, 'sync-statefulset');
  }

  start(): void {
    const { store } = this.ctx;
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'DELETED') this.queue.add(ev.object.metadata?.namespace, ev.object.metadata!.name!);
    }, { kind: 'StatefulSet' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      const pod = ev.object as Pod;
      const ref = controllerOf(pod);
      if (ref?.kind === 'StatefulSet') this.queue.add(pod.metadata?.namespace, ref.name);
      else if (!ref && ev.type !== 'DELETED') {
        for (const s of store.filter((o) => o.kind === 'StatefulSet' && o.metadata.namespace === pod.metadata?.namespace &&
          matchesLabelSelector((o as StatefulSet).spec?.selector, pod.metadata?.labels), 'StatefulSet')) this.queue.add(s.metadata.namespace, s.metadata.name);
      }
    }, { kind: 'Pod' }));
    // A claim that finished deleting may unblock a pod waiting to be re-created.
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'DELETED') return;
      for (const s of store.filter((o) => o.kind === 'StatefulSet' && o.metadata.namespace === ev.object.metadata?.namespace, 'StatefulSet')) {
        this.queue.add(s.metadata.namespace, s.metadata.name);
      }
    }, { kind: 'PersistentVolumeClaim' }));
  }

  stop(): void {
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
  }

  private pods(sts: Sts): Pod[] {
    const uid = sts.metadata.uid;
    const out: Pod[] = [];
    for (const p of podsWhere(this.ctx, sts.metadata.namespace, (x) => {
      const ref = controllerOf(x);
      return ref ? ref.uid === uid : matchesLabelSelector(sts.spec?.selector, x.metadata?.labels);
    })) {
      const mine = controllerOf(p)?.uid === uid;
      if (!mine) {
        // Adopt orphans that match and are named like our pods (ClaimPods + isMemberOf).
        if (ordinalOf(sts, p) === undefined || isTerminating(p)) continue;
        p.metadata!.ownerReferences = [...(p.metadata!.ownerReferences ?? []), newControllerRef(sts)];
        out.push(this.ctx.api.write(p));
      } else out.push(p);
    }
    return out;
  }

  private createClaims(sts: Sts, ordinal: number, podName: string): boolean {
    const { store, api, events } = this.ctx;
    for (const claim of claimsFor(sts, ordinal)) {
      const live = store.get('PersistentVolumeClaim', sts.metadata.namespace, claim.metadata!.name!) as PersistentVolumeClaim | undefined;
      if (live) {
        if (live.metadata?.deletionTimestamp) return false; // wait until it is gone, then re-create
        continue;
      }
      if (sts.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete') claim.metadata!.ownerReferences = [newControllerRef(sts)];
      try {
        api.create(claim);
        events.record(sts, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata!.name} Pod ${podName} in StatefulSet ${sts.metadata.name} success`, SOURCE);
      } catch (e) {
        if (!isStatusError(e)) throw e;
        events.record(sts, 'Warning', 'FailedCreate', `create Claim ${claim.metadata!.name} for Pod ${podName} in StatefulSet ${sts.metadata.name} failed error: ${e.message}`, SOURCE);
        return false;
      }
    }
    return true;
  }

  private createPod(sts: Sts, ordinal: number, current: string, update: string, revisions: ReturnType<typeof ensureRevision>['revisions']): boolean {
    const name = `${sts.metadata.name}-${ordinal}`;
    if (!this.createClaims(sts, ordinal, name)) return false;
    const partition = sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    const useCurrent = sts.spec?.updateStrategy?.type !== 'OnDelete' && ordinal < startOrdinal(sts) + partition && current !== update;
    const revision = useCurrent ? current : update;
    const template = (useCurrent && templateOf(revisions, current)) || sts.spec!.template!;
    const pod = newPod(sts, template, revision, ordinal);
    try {
      this.ctx.api.create(pod);
      this.ctx.events.record(sts, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} successful`, SOURCE);
      return true;
    } catch (e) {
      if (!isStatusError(e)) throw e;
      this.ctx.events.record(sts, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${e.message}`, SOURCE);
      return false;
    }
  }

  private deletePod(sts: Sts, pod: Pod): void {
    this.ctx.api.delete('Pod', pod.metadata!.namespace, pod.metadata!.name!);
    this.ctx.events.record(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata!.name} in StatefulSet ${sts.metadata.name} successful`, SOURCE);
  }

  /** whenScaled: Delete — condemned pods own their claims so the garbage collector removes them. */
  private releaseClaims(sts: Sts, pod: Pod, ordinal: number): void {
    if (sts.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled !== 'Delete') return;
    for (const c of claimsFor(sts, ordinal)) {
      const live = this.ctx.store.get('PersistentVolumeClaim', sts.metadata.namespace, c.metadata!.name!);
      if (!live || live.metadata.ownerReferences?.some((r) => r.uid === pod.metadata?.uid)) continue;
      live.metadata.ownerReferences = [...(live.metadata.ownerReferences ?? []).filter((r) => r.kind !== 'StatefulSet'),
        { apiVersion: 'v1', kind: 'Pod', name: pod.metadata!.name!, uid: pod.metadata!.uid! }];
      this.ctx.api.write(live);
    }
  }

  private sync(ns: string, name: string): void {
    const sts = this.ctx.store.get('StatefulSet', ns, name) as Sts | undefined;
    if (!sts || sts.metadata.deletionTimestamp) return;
    const { update, revisions } = ensureRevision(this.ctx, sts);
    const current = revisions.some((r) => r.metadata?.name === sts.status?.currentRevision) ? sts.status!.currentRevision! : update;
    const pods = this.pods(sts);
    this.reconcile(sts, pods, current, update, revisions);
    this.writeStatus(sts, current, update);
    truncateHistory(this.ctx, sts, new Set([current, update]), revisionOf);
  }

  private reconcile(sts: Sts, pods: Pod[], current: string, update: string, revisions: ReturnType<typeof ensureRevision>['revisions']): void {
    const monotonic = sts.spec?.podManagementPolicy !== 'Parallel';
    const start = startOrdinal(sts);
    const end = start + (sts.spec?.replicas ?? 1);
    const byOrdinal = new Map<number, Pod>();
    const condemned: [number, Pod][] = [];
    for (const p of pods) {
      const ord = ordinalOf(sts, p);
      if (ord === undefined) continue;
      if (ord >= start && ord < end) byOrdinal.set(ord, p);
      else condemned.push([ord, p]);
    }
    condemned.sort((a, b) => b[0] - a[0]);
    for (let ord = start; ord < end; ord++) {
      const pod = byOrdinal.get(ord);
      if (!pod) {
        const created = this.createPod(sts, ord, current, update, revisions);
        if (monotonic || !created) return;
        continue;
      }
      if (isFinished(pod) && !isTerminating(pod)) {
        this.deletePod(sts, pod);
        if (monotonic) return;
        continue;
      }
      if (isTerminating(pod) || !isRunningAndReady(pod)) {
        if (monotonic) return;
        continue;
      }
      this.createClaims(sts, ord, pod.metadata!.name!);
    }
    for (const [ord, pod] of condemned) {
      if (isTerminating(pod)) {
        if (monotonic) return;
        continue;
      }
      this.releaseClaims(sts, pod, ord);
      this.deletePod(sts, pod);
      if (monotonic) return;
    }
    if (sts.spec?.updateStrategy?.type === 'OnDelete') return;
    // RollingUpdate: highest ordinal first, down to the partition, one pod at a time.
    const partition = sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let ord = end - 1; ord >= start + partition; ord--) {
      const pod = byOrdinal.get(ord)!;
      if (revisionOf(pod) !== update && !isTerminating(pod)) {
        this.deletePod(sts, pod);
        return;
      }
      if (!isRunningAndReady(pod)) return;
    }
  }

  private writeStatus(sts: Sts, current: string, update: string): void {
    const pods = podsWhere(this.ctx, sts.metadata.namespace, (p) => controllerOf(p)?.uid === sts.metadata.uid);
    const live = pods.filter((p) => !isTerminating(p));
    const count = (f: (p: Pod) => boolean) => pods.filter(f).length;
    const ready = count((p) => isPodReady(p) && !isTerminating(p));
    const currentReplicas = live.filter((p) => revisionOf(p) === current).length;
    const updated = live.filter((p) => revisionOf(p) === update).length;
    const replicas = sts.spec?.replicas ?? 1;
    const done = updated === replicas && live.length === replicas;
    const st: Record<string, unknown> = {
      availableReplicas: ready,
      collisionCount: sts.status?.collisionCount ?? 0,
      currentReplicas: done ? updated : currentReplicas,
      currentRevision: done ? update : current,
      observedGeneration: sts.metadata.generation,
      readyReplicas: ready,
      replicas: pods.length,
      updateRevision: update,
      updatedReplicas: updated,
    };
    for (const k of ['currentReplicas', 'readyReplicas', 'updatedReplicas']) if (!st[k]) delete st[k];
    if (JSON.stringify(st) === JSON.stringify(sts.status)) return;
    const fresh = this.ctx.store.get('StatefulSet', sts.metadata.namespace, sts.metadata.name);
    if (!fresh || fresh.metadata.uid !== sts.metadata.uid) return;
    fresh.status = st;
    this.ctx.api.write(fresh);
  }
}
