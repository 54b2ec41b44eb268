import { deepCopy } from '../clone';
import { matchesLabelSelector } from '../api/label-selector';
import { controllerOf, newControllerRef } from '../api/owners';
import { isStatusError } from '../errors';
import type { Pod, ReplicaSet } from '../k8s';
import type { Task } from '../queue';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';
import { isPodActive, isPodReady, KeyedQueue, peekPods, podFromTemplate } from './pod-util';

const SOURCE = { component: 'replicaset-controller' };
// names.SimpleNameGenerator (apiserver/pkg/storage/names/generate.go): base truncated to 58 chars.
const MAX_GENERATED_BASE = 58;
const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * ActivePodsWithRanks.Less (pkg/controller/controller_utils.go): which pods a scale-down deletes
 * first — unassigned, then pending, not ready, doubled-up on a node, ready for less time,
 * more restarts, newer.
 */
function deletionOrder(pods: readonly Pod[], related: readonly Pod[]): Pod[] {
  const perNode = new Map<string, number>();
  for (const p of related) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const readyAt = (p: Pod) => Date.parse(p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime ?? '') || 0;
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, s) => Math.max(n, s.restartCount ?? 0), 0);
  const created = (p: Pod) => Date.parse(p.metadata?.creationTimestamp ?? '') || 0;
  return [...pods].sort((a, b) => {
    const assigned = Number(!!a.spec?.nodeName) - Number(!!b.spec?.nodeName);
    if (assigned) return assigned;
    const phase = (PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0) - (PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0);
    if (phase) return phase;
    const ready = Number(isPodReady(a)) - Number(isPodReady(b));
    if (ready) return ready;
    const rank = (perNode.get(b.spec?.nodeName ?? '') ?? 0) - (perNode.get(a.spec?.nodeName ?? '') ?? 0);
    if (rank) return rank;
    if (isPodReady(a) && readyAt(a) !== readyAt(b)) return readyAt(b) - readyAt(a);
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    return created(b) - created(a);
  });
}

/** The pod's Ready=True condition, if any. */
function readyCondition(p: Pod): { lastTransitionTime?: string } | undefined {
  const conds = p.status?.conditions;
  if (!conds) return undefined;
  for (let i = 0; i < conds.length; i++) if (conds[i].type === 'Ready' && conds[i].status === 'True') return conds[i];
  return undefined;
}

/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go syncReplicaSet and
 * manageReplicas; status from replica_set_utils.go calculateStatus): adopt matching orphans,
 * release pods that stopped matching, create or delete the difference, write status.
 */
export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';
  readonly handlers = { 'sync-replicaset': (t: Task) => { this.queue.done(t.key); this.sync(t.ns as string, t.name as string); } };
  private queue: KeyedQueue;
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {
    this.queue = new KeyedQueue(ctx, 'sync-replicaset');
  }

  start(): void {
    const { store } = this.ctx;
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'DELETED') this.queue.add(ev.object.metadata?.namespace, ev.object.metadata!.name!);
    }, { kind: 'ReplicaSet' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      const pod = ev.object as Pod;
      const ref = controllerOf(pod);
      if (ref) {
        if (ref.kind === 'ReplicaSet') this.queue.add(pod.metadata?.namespace, ref.name);
        return;
      }
      if (ev.type === 'DELETED' || !pod.metadata?.labels) return;
      for (const rs of store.filter((o) => o.kind === 'ReplicaSet' && o.metadata.namespace === pod.metadata?.namespace &&
        matchesLabelSelector((o as ReplicaSet).spec?.selector, pod.metadata?.labels), 'ReplicaSet')) {
        this.queue.add(rs.metadata.namespace, rs.metadata.name);
      }
    }, { kind: 'Pod' }));
  }

  stop(): void {
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
  }

  private sync(ns: string, name: string): void {
    const { store, api, events } = this.ctx;
    // Read only here (writeStatus writes a fresh copy): the stored object, not a copy.
    const rs = store.peekOne('ReplicaSet', ns, name) as (ReplicaSet & StoredObject) | undefined;
    if (!rs || rs.metadata.deletionTimestamp) return;
    const uid = rs.metadata.uid;
    const selector = rs.spec!.selector;
    // claimPods (controller_ref_manager.go): adopt orphans that match, release owned pods that do not.
    // The index holds this ReplicaSet's pods and the orphans; an orphan that does not match is no candidate.
    const owned: Pod[] = [];
    let claimed = false;
    // Usually there are no orphans: then the candidates are this ReplicaSet's own pods (in list order all the same).
    const orphans = store.peekPodsControlledBy(ns ?? '', [undefined]).length > 0;
    for (const stored of store.peekPodsControlledBy(ns ?? '', orphans ? [uid, undefined] : [uid]) as readonly Pod[]) {
      const mine = !orphans || controllerOf(stored) !== undefined;
      const matches = matchesLabelSelector(selector, stored.metadata?.labels);
      if (!mine && !matches) continue;
      if (mine && !matches) {
        const p = deepCopy(stored);
        p.metadata!.ownerReferences = p.metadata!.ownerReferences!.filter((r) => r.uid !== uid);
        api.write(p);
        claimed = true;
      } else if (!mine && matches && !stored.metadata?.deletionTimestamp) {
        const p = deepCopy(stored);
        p.metadata!.ownerReferences = [...(p.metadata!.ownerReferences ?? []), newControllerRef(rs)];
        owned.push(api.write(p));
        claimed = true;
      } else if (mine) {
        const p = stored;
        owned.push(p);
      }
    }
    const active = owned.filter(isPodActive);
    const diff = active.length - (rs.spec!.replicas ?? 1);
    let failure: string | undefined;
    if (diff < 0) {
      const base = `${name}-`.slice(0, MAX_GENERATED_BASE);
      for (let i = 0; i < -diff; i++) {
        const pod = podFromTemplate(rs.spec!.template!, rs, newControllerRef(rs));
        pod.metadata!.generateName = base;
        try {
          const created = api.create(pod);
          events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name}`, SOURCE);
          active.push(created);
        } catch (e) {
          if (!isStatusError(e)) throw e;
          failure = e.message;
          events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
          break;
        }
      }
    } else if (diff > 0) {
      const related = peekPods(this.ctx, ns, (p) => isPodActive(p) && matchesLabelSelector(selector, p.metadata?.labels));
      for (const victim of deletionOrder(active, related).slice(0, diff)) {
        api.delete('Pod', ns, victim.metadata!.name!);
        events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${victim.metadata!.name}`, SOURCE);
      }
    }
    // Nothing adopted, released, created or deleted: the active pods are the ones counted above.
    const counted = diff === 0 && !claimed ? active : (store.peekPodsControlledBy(ns ?? '', [uid]) as readonly Pod[]).filter(isPodActive);
    this.writeStatus(rs, counted, failure);
  }

  private writeStatus(rs: ReplicaSet & StoredObject, pods: readonly Pod[], failure?: string): void {
    const now = this.ctx.now();
    const tplLabels = rs.spec?.template?.metadata?.labels ?? {};
    const st: Record<string, unknown> = { replicas: pods.length };
    const tplKeys = Object.keys(tplLabels);
    const minReady = rs.spec?.minReadySeconds ?? 0;
    let fully = 0, ready = 0, available = 0;
    for (const p of pods) {
      const labels = p.metadata?.labels;
      let all = true;
      for (const k of tplKeys) if (labels?.[k] !== tplLabels[k]) { all = false; break; }
      if (all) fully++;
      // isPodReady / isPodAvailable (pod-util.ts) as one loop over the conditions: this runs for every pod on every sync.
      const c = readyCondition(p);
      if (!c) continue;
      ready++;
      // A ready pod is available at once without minReadySeconds.
      if (!minReady || (!!c.lastTransitionTime && Date.parse(c.lastTransitionTime) + minReady * 1000 <= now)) available++;
    }
    if (fully) st.fullyLabeledReplicas = fully;
    if (ready) st.readyReplicas = ready;
    if (available) st.availableReplicas = available;
    st.observedGeneration = rs.metadata.generation;
    const prevFailure = (rs.status?.conditions ?? []).find((c) => c.type === 'ReplicaFailure');
    if (failure) {
      // calculateStatus (replica_set_utils.go) keeps an existing ReplicaFailure condition as it is: the
      // message names a generated pod, and rewriting it on every retry would resync forever.
      st.conditions = [prevFailure ?? { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failure,
        lastTransitionTime: new Date(now).toISOString().replace(/\.\d+Z$/, 'Z') }];
      // The work queue's rate-limited requeue after a failed sync (capped, so an idle lab stays mostly idle).
      this.queue.add(rs.metadata.namespace, rs.metadata.name, 30_000);
    }
    if (JSON.stringify(st) === JSON.stringify(rs.status)) return;
    const cur = this.ctx.store.peekOne('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    if (!cur || cur.metadata.uid !== rs.metadata.uid) return;
    // A new object around the unchanged (never mutated) spec of the stored one.
    this.ctx.api.writeOwned({ ...cur, metadata: { ...cur.metadata }, status: st });
    // Pods become available minReadySeconds after Ready: look again then.
    if (rs.spec?.minReadySeconds && ready > available) this.queue.add(rs.metadata.namespace, rs.metadata.name, rs.spec.minReadySeconds * 1000);
  }
}
