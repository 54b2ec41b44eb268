import type { Toleration } from 'kubernetes-types/core/v1';
import { controllerOf, newControllerRef } from '../api/owners';
import { isStatusError } from '../errors';
import type { ControllerRevision, DaemonSet, Node, Pod } from '../k8s';
import type { Task } from '../queue';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';
import { scaledValue } from './deployment-util';
import { computeHash } from './hash';
import { podMatchesNode } from './node-affinity';
import { isPodActive, isPodAvailable, isPodReady, KeyedQueue, podFromTemplate, podsWhere } from './pod-util';
import { tolerates } from './scheduler';
import { truncateHistory } from './history';

type DS = DaemonSet & StoredObject;
const SOURCE = { component: 'daemonset-controller' };
const HASH_LABEL = 'controller-revision-hash';
const GENERATION_LABEL = 'pod-template-generation';

/** util.AddOrUpdateDaemonPodTolerations (pkg/controller/daemon/util/daemonset_util.go). */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

/** NodeShouldRunDaemonPod: node selector/affinity match and every NoSchedule/NoExecute taint tolerated. */
function shouldRun(ds: DS, node: Node): boolean {
  const pod = { spec: ds.spec?.template?.spec } as Pod;
  if (!podMatchesNode(pod, node)) return false;
  const tolerations = [...(pod.spec?.tolerations ?? []), ...DAEMON_TOLERATIONS];
  return (node.spec?.taints ?? []).every((t) => t.effect === 'PreferNoSchedule' || tolerates(tolerations, t));
}

/**
 * The DaemonSet controller (pkg/controller/daemon/daemon_controller.go manage/syncNodes,
 * update.go rollingUpdate, status from updateDaemonSetStatus): one pod per eligible node, pinned
 * with a `metadata.name` node affinity term, replaced node by node within maxUnavailable.
 */
export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
  readonly handlers = { 'sync-daemonset': (t: Task) => { this.queue.done(t.key); this.sync(t.ns as string, t.name as string); } };
  private queue: KeyedQueue;
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {
    this.queue = new KeyedQueue(ctx, 'sync-daemonset');
  }

  start(): void {
    const { store } = this.ctx;
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'DELETED') this.queue.add(ev.object.metadata?.namespace, ev.object.metadata!.name!);
    }, { kind: 'DaemonSet' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      const ref = controllerOf(ev.object);
      if (ref?.kind === 'DaemonSet') this.queue.add(ev.object.metadata?.namespace, ref.name);
    }, { kind: 'Pod' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type === 'MODIFIED') return;
      for (const ds of store.filter((o) => o.kind === 'DaemonSet', 'DaemonSet')) this.queue.add(ds.metadata.namespace, ds.metadata.name);
    }, { kind: 'Node' }));
  }

  stop(): void {
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
  }

  /** constructHistory: the ControllerRevision of the current template (`<ds>-<hash>`). */
  private revision(ds: DS): string {
    const hash = computeHash(ds.spec?.template);
    const name = `${ds.metadata.name}-${hash}`;
    const revs = this.ctx.store.filter((o) => o.kind === 'ControllerRevision' && controllerOf(o)?.uid === ds.metadata.uid, 'ControllerRevision') as ControllerRevision[];
    const max = Math.max(0, ...revs.map((r) => r.revision));
    const existing = revs.find((r) => r.metadata?.name === name);
    if (existing && existing.revision < max) {
      // dedupCurHistories / constructHistory: a template rolled back to becomes the newest revision again.
      existing.revision = max + 1;
      this.ctx.api.write(existing);
    }
    if (!existing) {
      const cr: ControllerRevision = {
        apiVersion: 'apps/v1', kind: 'ControllerRevision',
        metadata: { name, namespace: ds.metadata.namespace, labels: { ...ds.spec?.template?.metadata?.labels, [HASH_LABEL]: hash },
          ownerReferences: [newControllerRef(ds)] },
        data: { spec: { template: { ...structuredClone(ds.spec!.template), $patch: 'replace' } } },
        revision: max + 1,
      };
      this.ctx.api.createInternal(cr);
    }
    return hash;
  }

  private sync(ns: string, name: string): void {
    const { store, api, events } = this.ctx;
    const ds = store.get('DaemonSet', ns, name) as DS | undefined;
    if (!ds || ds.metadata.deletionTimestamp) return;
    const hash = this.revision(ds);
    const now = this.ctx.now();
    const pods = podsWhere(this.ctx, ns, (p) => controllerOf(p)?.uid === ds.metadata.uid);
    const nodes = store.list('Node') as Node[];
    const byNode = new Map<string, Pod[]>();
    for (const p of pods) {
      const n = nodeOf(p);
      if (n) byNode.set(n, [...(byNode.get(n) ?? []), p]);
    }
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const rolling = ds.spec?.updateStrategy?.type !== 'OnDelete';
    const eligible = nodes.filter((n) => shouldRun(ds, n));
    const maxUnavailable = Math.max(1, scaledValue(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, eligible.length, true));
    let unavailable = eligible.filter((n) => !(byNode.get(n.metadata!.name!) ?? []).some((p) => isPodActive(p) && isPodAvailable(p, minReady, now))).length;
    const toCreate: string[] = [];
    const toDelete: Pod[] = [];
    for (const node of nodes) {
      const nodeName = node.metadata!.name!;
      const mine = byNode.get(nodeName) ?? [];
      const live = mine.filter((p) => !p.metadata?.deletionTimestamp);
      if (!eligible.includes(node)) { toDelete.push(...live); continue; }
      const failed = live.filter((p) => p.status?.phase === 'Failed');
      toDelete.push(...failed);
      const running = live.filter((p) => p.status?.phase !== 'Failed');
      if (running.length === 0 && mine.every((p) => !p.metadata?.deletionTimestamp)) toCreate.push(nodeName);
      else if (running.length > 1) toDelete.push(...running.slice(1));
      else if (rolling && running.length === 1 && running[0].metadata?.labels?.[HASH_LABEL] !== hash) {
        const old = running[0];
        const oldAvailable = isPodAvailable(old, minReady, now);
        if (!oldAvailable) toDelete.push(old);
        else if (unavailable < maxUnavailable) { toDelete.push(old); unavailable++; }
      }
    }
    for (const nodeName of toCreate) {
      const tpl = structuredClone(ds.spec!.template!);
      const pod = podFromTemplate(tpl, ds, newControllerRef(ds));
      pod.metadata!.generateName = `${name}-`;
      pod.metadata!.labels = { ...pod.metadata!.labels, [HASH_LABEL]: hash, [GENERATION_LABEL]: String(ds.metadata.generation ?? 1) };
      const spec = pod.spec!;
      spec.affinity = { ...spec.affinity, nodeAffinity: { ...spec.affinity?.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } };
      spec.tolerations = [...(spec.tolerations ?? []), ...DAEMON_TOLERATIONS.filter((t) => !(spec.tolerations ?? []).some((x) => x.key === t.key))];
      try {
        const created = api.create(pod);
        events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name}`, SOURCE);
      } catch (e) {
        if (!isStatusError(e)) throw e;
        events.record(ds, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
        break;
      }
    }
    for (const p of toDelete) {
      try { api.delete('Pod', ns, p.metadata!.name!); } catch { continue; }
      events.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata!.name}`, SOURCE);
    }
    this.writeStatus(ds, eligible, hash, minReady);
    truncateHistory(this.ctx, ds, new Set([hash]), (p) => p.metadata?.labels?.[HASH_LABEL] ?? '');
  }

  /** updateDaemonSetStatus (daemon_controller.go). */
  private writeStatus(ds: DS, eligible: Node[], hash: string, minReady: number): void {
    const now = this.ctx.now();
    const names = new Set(eligible.map((n) => n.metadata!.name!));
    const pods = podsWhere(this.ctx, ds.metadata.namespace, (p) => controllerOf(p)?.uid === ds.metadata.uid && !!nodeOf(p) && isPodActive(p));
    const on = pods.filter((p) => names.has(nodeOf(p)!));
    const perNode = (f: (p: Pod) => boolean) => new Set(on.filter(f).map((p) => nodeOf(p))).size;
    const available = perNode((p) => isPodAvailable(p, minReady, now));
    const st = {
      currentNumberScheduled: perNode(() => true),
      desiredNumberScheduled: names.size,
      numberAvailable: available || undefined,
      numberMisscheduled: new Set(pods.filter((p) => !names.has(nodeOf(p)!)).map((p) => nodeOf(p))).size,
      numberReady: perNode(isPodReady),
      numberUnavailable: names.size - available || undefined,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: perNode((p) => p.metadata?.labels?.[HASH_LABEL] === hash) || undefined,
    };
    const fresh = this.ctx.store.get('DaemonSet', ds.metadata.namespace, ds.metadata.name);
    if (!fresh || fresh.metadata.uid !== ds.metadata.uid) return;
    const clean = JSON.parse(JSON.stringify(st));
    if (JSON.stringify(clean) === JSON.stringify(fresh.status)) return;
    fresh.status = clean;
    this.ctx.api.write(fresh);
    if (minReady && available < perNode(isPodReady)) this.queue.add(ds.metadata.namespace, ds.metadata.name, minReady * 1000);
  }
}

/** The node a daemon pod is bound to, or pinned to by its affinity term before binding. */
function nodeOf(p: Pod): string | undefined {
  return p.spec?.nodeName ?? p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]
    ?.matchFields?.find((f) => f.key === 'metadata.name')?.values?.[0];
}
