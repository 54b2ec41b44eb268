import { deepCopy } from '../clone';
import { rfc3339 } from '../api/time';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Pod, PodTemplateSpec } from '../k8s';
import type { StoredObject } from '../types';
import type { ControllerContext } from './controller';

/** controller.IsPodActive (pkg/controller/controller_utils.go): not finished, not being deleted. */
export const isPodActive = (p: Pod): boolean =>
  !p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

export const isPodReady = (p: Pod): boolean =>
  p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** podutil.IsPodAvailable: Ready for at least minReadySeconds. */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  if (!c) return false;
  if (!minReadySeconds) return true;
  return !!c.lastTransitionTime && Date.parse(c.lastTransitionTime) + minReadySeconds * 1000 <= now;
}

/** GetPodFromTemplate (controller_utils.go): labels, annotations, finalizers and spec of the template. */
export function podFromTemplate(tpl: PodTemplateSpec, owner: StoredObject, ref: OwnerReference): Pod {
  const m = tpl.metadata ?? {};
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      namespace: owner.metadata.namespace,
      ...(m.labels && { labels: { ...m.labels } }),
      ...(m.annotations && { annotations: { ...m.annotations } }),
      ...(m.finalizers && { finalizers: [...m.finalizers] }),
      ownerReferences: [ref],
    },
    spec: deepCopy(tpl.spec),
  } as Pod;
}

/** Pods of a namespace `pred` accepts, NOT copied: read-only, for counting and choosing (hot paths). */
export function peekPods(ctx: ControllerContext, ns: string | undefined, pred: (p: Pod) => boolean): readonly Pod[] {
  return ctx.store.peek('Pod', ns ?? '').filter((o) => pred(o as Pod)) as Pod[];
}

/** Pods of a namespace, copied only when `pred` accepts them. */
export function podsWhere(ctx: ControllerContext, ns: string | undefined, pred: (p: Pod) => boolean): Pod[] {
  return ctx.store.filter((o) => o.kind === 'Pod' && o.metadata.namespace === ns && pred(o as Pod), 'Pod') as Pod[];
}

/**
 * A deduplicating enqueue per object key, like client-go's workqueue keyed by namespace/name.
 * The pending set is not part of a snapshot; a duplicate sync after restore is harmless.
 */
export class KeyedQueue {
  private pending = new Set<string>();

  constructor(private ctx: ControllerContext, private type: string) {}

  add(ns: string | undefined, name: string, delayMs = 0): void {
    const key = `${ns ?? ''}/${name}@${Math.round(this.ctx.now() + delayMs)}`;
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.ctx.enqueue(delayMs, { type: this.type, ns, name, key });
  }

  /** Call first thing in the task handler so changes made while syncing enqueue again. */
  done(key: unknown): void {
    this.pending.delete(String(key));
  }
}

/**
 * The Eviction API's mark on a pod before it deletes it (pkg/registry/core/pod/storage/
 * eviction.go addConditionAndDeletePod, PodDisruptionConditions GA in 1.31): condition
 * DisruptionTarget=True, reason EvictionByEvictionAPI. Job podFailurePolicy rules match on it.
 * Conditions not owned by the kubelet come first in its merged status (status_manager mergePodStatus).
 */
export function withDisruptionTarget(pod: Pod, now: number): Pod {
  const copy = deepCopy(pod);
  const st = (copy.status ??= {});
  const rest = (st.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
  st.conditions = [{
    type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(now),
    reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting',
  }, ...rest];
  return copy;
}
