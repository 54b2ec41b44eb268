import { deepCopy, statusCopy } from '../clone';
import { matchesLabelSelector } from '../api/label-selector';
import { controllerOf, newControllerRef } from '../api/owners';
import { parseTime } from '../api/time';
import type { Pod } from '../k8s';
import type { Task } from '../queue';
import type { Controller, ControllerContext } from './controller';
import {
  isScalingEvent, newRSNewReplicas, reconcileNewReplicaSet, reconcileOldReplicaSets, scaleDeployment,
} from './deployment-scale';
import {
  byCreation, conditionOf, copiedAnnotations, deploymentComplete, DESIRED_REPLICAS, equalIgnoreHash, fenceposts, HASH_LABEL,
  MAX_REPLICAS, maxUnavailable, REVISION, REVISION_HISTORY, revisionOf, setCondition, specReplicas, sum, type Deploy, type RS,
} from './deployment-util';
import { computeHash } from './hash';
import { KeyedQueue } from './pod-util';

const SOURCE = { component: 'deployment-controller' };

/**
 * The Deployment controller (pkg/controller/deployment: deployment_controller.go syncDeployment,
 * sync.go getNewReplicaSet/getAllReplicaSetsAndSyncRevision/cleanupDeployment/syncDeploymentStatus,
 * rolling.go, recreate.go, progress.go syncRolloutStatus): `<name>-<pod-template-hash>`
 * ReplicaSets, revisions, RollingUpdate and Recreate, pause, progress deadline.
 */
export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  readonly handlers = { 'sync-deployment': (t: Task) => { this.queue.done(t.key); this.sync(t.ns as string, t.name as string); } };
  private queue: KeyedQueue;
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {
    this.queue = new KeyedQueue(ctx, 'sync-deployment');
  }

  start(): void {
    const { store } = this.ctx;
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'DELETED') this.queue.add(ev.object.metadata?.namespace, ev.object.metadata!.name!);
    }, { kind: 'Deployment' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      const ref = controllerOf(ev.object);
      const ns = ev.object.metadata?.namespace;
      if (ref?.kind === 'Deployment') this.queue.add(ns, ref.name);
      else if (!ref && ev.type !== 'DELETED') {
        for (const d of store.filter((o) => o.kind === 'Deployment' && o.metadata.namespace === ns &&
          matchesLabelSelector(o.spec?.selector, ev.object.metadata?.labels), 'Deployment')) this.queue.add(ns, d.metadata.name);
      }
    }, { kind: 'ReplicaSet' }));
    // Recreate waits for the old pods to be gone (recreate.go oldPodsRunning).
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'DELETED') return;
      const ref = controllerOf(ev.object as Pod);
      if (ref?.kind !== 'ReplicaSet') return;
      const rs = store.get('ReplicaSet', ev.object.metadata?.namespace, ref.name);
      const owner = rs && controllerOf(rs);
      if (owner?.kind === 'Deployment') this.queue.add(rs!.metadata.namespace, owner.name);
    }, { kind: 'Pod' }));
  }

  stop(): void {
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
  }

  /** claimReplicaSets: owned ones, adopting matching orphans and releasing those that stopped matching. */
  private replicaSets(d: Deploy): RS[] {
    const uid = d.metadata.uid;
    const out: RS[] = [];
    for (const rs of this.ctx.store.peek('ReplicaSet', d.metadata.namespace ?? '').map(deepCopy) as RS[]) {
      const ref = controllerOf(rs);
      const matches = matchesLabelSelector(d.spec?.selector, rs.metadata.labels);
      if (ref?.uid === uid) {
        if (matches) out.push(rs);
        else { rs.metadata.ownerReferences = rs.metadata.ownerReferences!.filter((r) => r.uid !== uid); this.ctx.api.write(rs); }
      } else if (!ref && matches && !rs.metadata.deletionTimestamp) {
        rs.metadata.ownerReferences = [...(rs.metadata.ownerReferences ?? []), newControllerRef(d)];
        out.push(this.ctx.api.write(rs));
      }
    }
    return out;
  }

  private sync(ns: string, name: string): void {
    const stored = this.ctx.store.peekOne('Deployment', ns, name) as Readonly<Deploy> | undefined;
    if (!stored || stored.metadata.deletionTimestamp) return;
    // A sync sets conditions and the revision annotation: those levels are copied, the spec shared.
    const d = statusCopy(stored);
    const all = this.replicaSets(d);
    const scale = (rs: RS, n: number) => this.scaleReplicaSet(d, rs, n);
    if (d.spec?.paused || isScalingEvent(d, all)) {
      const { newRS, oldRSs } = this.newAndOld(d, all, false);
      scaleDeployment(d, newRS, oldRSs, scale);
      if (d.spec?.paused) {
        setCondition(d, 'Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', this.ctx.now());
      }
      this.writeStatus(d, [...oldRSs, ...(newRS ? [newRS] : [])], newRS, false);
      return;
    }
    if (conditionOf(d, 'Progressing')?.reason === 'DeploymentPaused') {
      setCondition(d, 'Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', this.ctx.now());
    }
    if (d.spec?.strategy?.type === 'Recreate') this.recreate(d, all, scale);
    else this.rolling(d, all, scale);
  }

  private rolling(d: Deploy, all: RS[], scale: (rs: RS, n: number) => boolean): void {
    const { newRS, oldRSs } = this.newAndOld(d, all, true);
    const rsList = [...oldRSs, newRS!];
    if (!reconcileNewReplicaSet(d, rsList, newRS!, scale) && !reconcileOldReplicaSets(d, oldRSs, newRS!, scale) &&
      deploymentComplete(d, this.calculate(d, rsList, newRS))) this.cleanup(d, oldRSs);
    this.writeStatus(d, rsList, newRS, true);
  }

  private recreate(d: Deploy, all: RS[], scale: (rs: RS, n: number) => boolean): void {
    let { newRS, oldRSs } = this.newAndOld(d, all, false);
    let scaledDown = false;
    for (const rs of oldRSs) if (specReplicas(rs) > 0) scaledDown = scale(rs, 0) || scaledDown;
    const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
    const oldPodsRunning = this.ctx.store.filter((o) => o.kind === 'Pod' && o.metadata.namespace === d.metadata.namespace &&
      oldUids.has(controllerOf(o)?.uid ?? '') && o.status?.phase !== 'Failed' && o.status?.phase !== 'Succeeded', 'Pod').length > 0;
    if (!scaledDown && !oldPodsRunning) {
      if (!newRS) ({ newRS, oldRSs } = this.newAndOld(d, all, true));
      if (specReplicas(newRS!) !== (d.spec?.replicas ?? 1)) scale(newRS!, d.spec?.replicas ?? 1);
      else if (deploymentComplete(d, this.calculate(d, [...oldRSs, newRS!], newRS))) this.cleanup(d, oldRSs);
    }
    this.writeStatus(d, [...oldRSs, ...(newRS ? [newRS] : [])], newRS, true);
  }

  /** getAllReplicaSetsAndSyncRevision + getNewReplicaSet. */
  private newAndOld(d: Deploy, all: RS[], create: boolean): { newRS?: RS; oldRSs: RS[] } {
    const matching = all.filter((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template)).sort(byCreation);
    let newRS: RS | undefined = matching[0];
    const oldRSs = all.filter((rs) => rs !== newRS);
    const revision = String(Math.max(0, ...oldRSs.map(revisionOf)) + 1);
    const now = this.ctx.now();
    const { surge } = fenceposts(d);
    const replicas = d.spec?.replicas ?? 1;
    if (newRS) {
      const ann = { ...newRS.metadata.annotations };
      if (revisionOf(newRS) < Number(revision)) {
        const old = ann[REVISION];
        if (old) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${old}` : old;
        ann[REVISION] = revision;
      }
      if (JSON.stringify(ann) !== JSON.stringify(newRS.metadata.annotations ?? {})) {
        newRS.metadata.annotations = ann;
        newRS = this.ctx.api.write(newRS);
      }
      if (!conditionOf(d, 'Progressing')) {
        setCondition(d, 'Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${newRS.metadata.name}"`, now);
      }
    } else if (create) {
      let collisions = d.status?.collisionCount ?? 0;
      let hash = computeHash(d.spec?.template, collisions);
      while (this.ctx.store.has('ReplicaSet', d.metadata.namespace, `${d.metadata.name}-${hash}`)) hash = computeHash(d.spec?.template, ++collisions);
      if (collisions) (d.status ??= {}).collisionCount = collisions;
      const tpl = structuredClone(d.spec!.template);
      tpl.metadata = { ...tpl.metadata, labels: { ...tpl.metadata?.labels, [HASH_LABEL]: hash } };
      const count = newRSNewReplicas(d, oldRSs, undefined);
      const rs: RS = {
        apiVersion: 'apps/v1', kind: 'ReplicaSet',
        metadata: {
          name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: tpl.metadata.labels,
          annotations: { ...copiedAnnotations(d), [DESIRED_REPLICAS]: String(replicas), [MAX_REPLICAS]: String(replicas + surge), [REVISION]: revision },
          ownerReferences: [newControllerRef(d)],
        },
        spec: {
          replicas: count, minReadySeconds: d.spec?.minReadySeconds ?? 0,
          selector: { ...d.spec!.selector, matchLabels: { ...d.spec!.selector.matchLabels, [HASH_LABEL]: hash } }, template: tpl,
        },
      };
      newRS = this.ctx.api.create(rs) as RS;
      if (count > 0) this.event(d, `Scaled up replica set ${newRS.metadata.name} from 0 to ${count}`);
      setCondition(d, 'Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${newRS.metadata.name}"`, now, true);
    }
    if (newRS) d.metadata.annotations = { ...d.metadata.annotations, [REVISION]: revisionOf(newRS) > Number(revision) ? String(revisionOf(newRS)) : revision };
    return { newRS, oldRSs };
  }

  /** scaleReplicaSetAndRecordEvent / scaleReplicaSet (sync.go). */
  private scaleReplicaSet(d: Deploy, rs: RS, n: number): boolean {
    const from = specReplicas(rs);
    const replicas = String(d.spec?.replicas ?? 1);
    const max = String((d.spec?.replicas ?? 1) + fenceposts(d).surge);
    const ann = rs.metadata.annotations ?? {};
    if (from === n && ann[DESIRED_REPLICAS] === replicas && ann[MAX_REPLICAS] === max) return false;
    rs.spec!.replicas = n;
    rs.metadata.annotations = { ...ann, [DESIRED_REPLICAS]: replicas, [MAX_REPLICAS]: max };
    const written = this.ctx.api.write(rs);
    rs.metadata = written.metadata;
    if (from !== n) this.event(d, `Scaled ${n > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${n}`);
    return from !== n;
  }

  private event(d: Deploy, message: string): void {
    this.ctx.events.record(d, 'Normal', 'ScalingReplicaSet', message, SOURCE);
  }

  /** cleanupDeployment: keep revisionHistoryLimit old ReplicaSets that have scaled to zero. */
  private cleanup(d: Deploy, oldRSs: RS[]): void {
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const cleanable = oldRSs.filter((rs) => specReplicas(rs) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata.deletionTimestamp)
      .sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of cleanable.slice(0, Math.max(0, cleanable.length - limit))) this.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
  }

  /** calculateStatus (sync.go). */
  private calculate(d: Deploy, all: RS[], newRS: RS | undefined): NonNullable<Deploy['status']> {
    const available = sum(all, (rs) => rs.status?.availableReplicas);
    const st: NonNullable<Deploy['status']> = {
      observedGeneration: d.metadata.generation,
      replicas: sum(all, (rs) => rs.status?.replicas),
      updatedReplicas: newRS?.status?.replicas ?? 0,
      readyReplicas: sum(all, (rs) => rs.status?.readyReplicas),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, sum(all, specReplicas) - available),
      ...(d.status?.collisionCount !== undefined && { collisionCount: d.status.collisionCount }),
      conditions: d.status?.conditions,
    };
    const tmp = { ...d, status: st } as Deploy;
    const now = this.ctx.now();
    if (available >= (d.spec?.replicas ?? 1) - maxUnavailable(d)) setCondition(tmp, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now);
    else setCondition(tmp, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now);
    return tmp.status!;
  }

  /** syncRolloutStatus (progress.go) when `progress`, syncDeploymentStatus otherwise. */
  private writeStatus(d: Deploy, all: RS[], newRS: RS | undefined, progress: boolean): void {
    const now = this.ctx.now();
    const st = this.calculate(d, all, newRS);
    const tmp = { ...d, status: st } as Deploy;
    const cond = conditionOf(d, 'Progressing');
    const deadline = d.spec?.progressDeadlineSeconds ?? 600;
    const complete = st.replicas === st.updatedReplicas && cond?.reason === 'NewReplicaSetAvailable';
    if (progress && newRS && !complete) {
      const prev = d.status ?? {};
      const rsName = newRS.metadata.name;
      if (deploymentComplete(d, st)) {
        setCondition(tmp, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`, now);
      } else if ((st.updatedReplicas ?? 0) > (prev.updatedReplicas ?? 0) || (st.readyReplicas ?? 0) > (prev.readyReplicas ?? 0) ||
        (st.replicas ?? 0) - (st.updatedReplicas ?? 0) < (prev.replicas ?? 0) - (prev.updatedReplicas ?? 0) ||
        (st.availableReplicas ?? 0) > (prev.availableReplicas ?? 0)) {
        setCondition(tmp, 'Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`, now, true);
      } else if (cond && cond.reason !== 'ProgressDeadlineExceeded' && (parseTime(cond.lastUpdateTime) ?? now) + deadline * 1000 <= now) {
        setCondition(tmp, 'Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${rsName}" has timed out progressing.`, now);
      }
    }
    const fresh = this.ctx.store.peekOne('Deployment', d.metadata.namespace, d.metadata.name) as Readonly<Deploy> | undefined;
    if (!fresh || fresh.metadata.uid !== d.metadata.uid) return;
    const changed = JSON.stringify(fresh.status) !== JSON.stringify(tmp.status) ||
      JSON.stringify(fresh.metadata.annotations) !== JSON.stringify(d.metadata.annotations);
    // A new object around the stored spec; tmp and d are only read from here on.
    if (changed) this.ctx.api.writeOwned({ ...fresh, metadata: { ...fresh.metadata, annotations: d.metadata.annotations }, status: tmp.status } as Deploy);
    // requeueStuckDeployment: look again when the progress deadline would pass.
    const c = conditionOf(tmp, 'Progressing');
    if (progress && c?.status === 'True' && c.reason !== 'NewReplicaSetAvailable' && !deploymentComplete(d, st)) {
      const due = (parseTime(c.lastUpdateTime) ?? now) + deadline * 1000 - now;
      this.queue.add(d.metadata.namespace, d.metadata.name, Math.max(1000, due + 1000));
    }
  }
}
