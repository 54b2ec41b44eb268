import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../k8s';
import type { ObjectStore } from '../store';

/** Claim names a pod's volumes reference. */
export function claimNamesOf(pod: Pod): { volume: string; claim: string }[] {
  return (pod.spec?.volumes ?? []).filter((v) => v.persistentVolumeClaim?.claimName)
    .map((v) => ({ volume: v.name, claim: v.persistentVolumeClaim!.claimName }));
}

/** Pods still using a claim (pvc_protection_controller.go podUsesPVC: not Succeeded/Failed). */
export function podsUsingClaim(store: ObjectStore, ns: string | undefined, claim: string): Pod[] {
  return store.filter((o) => o.kind === 'Pod' && o.metadata.namespace === ns &&
    o.status?.phase !== 'Succeeded' && o.status?.phase !== 'Failed' &&
    claimNamesOf(o as Pod).some((c) => c.claim === claim), 'Pod') as Pod[];
}

export function classOf(store: ObjectStore, pvc: PersistentVolumeClaim): StorageClass | undefined {
  const name = pvc.spec?.storageClassName;
  return name ? store.get('StorageClass', undefined, name) as StorageClass | undefined : undefined;
}

/**
 * The VolumeBinding plugin's PreFilter (pkg/scheduler/framework/plugins/volumebinding):
 * a missing or deleting claim, or an unbound claim of an Immediate class, keeps the pod Pending.
 */
export function volumeSchedulingProblem(store: ObjectStore, pod: Pod): string | undefined {
  let unboundImmediate = false;
  for (const { claim } of claimNamesOf(pod)) {
    const pvc = store.get('PersistentVolumeClaim', pod.metadata?.namespace, claim) as PersistentVolumeClaim | undefined;
    if (!pvc) return `persistentvolumeclaim "${claim}" not found`;
    if (pvc.metadata?.deletionTimestamp) return `persistentvolumeclaim "${claim}" is being deleted`;
    if (pvc.status?.phase === 'Bound') continue;
    if (classOf(store, pvc)?.volumeBindingMode !== 'WaitForFirstConsumer') unboundImmediate = true;
  }
  return unboundImmediate ? 'pod has unbound immediate PersistentVolumeClaims' : undefined;
}

export interface AttachProblem {
  volume: string;
  pv: string;
  holders: string[];
}

/**
 * What the attach/detach controller would refuse (reconciler.go reportMultiAttachError):
 * a ReadWriteOnce volume already attached to another node, or a ReadWriteOncePod volume in
 * use by another pod. "Attached" = used by a pod that got through mounting (has a sandbox).
 */
export function attachProblem(store: ObjectStore, pod: Pod): AttachProblem | undefined {
  for (const { volume, claim } of claimNamesOf(pod)) {
    const pvc = store.get('PersistentVolumeClaim', pod.metadata?.namespace, claim) as PersistentVolumeClaim | undefined;
    const pvName = pvc?.spec?.volumeName;
    if (!pvName) continue;
    const pv = store.get('PersistentVolume', undefined, pvName) as PersistentVolume | undefined;
    const modes = pv?.spec?.accessModes ?? [];
    const rwop = modes.includes('ReadWriteOncePod');
    if (modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany') || (!rwop && !modes.includes('ReadWriteOnce'))) continue;
    const holders = podsUsingClaim(store, pod.metadata?.namespace, claim).filter((p) =>
      p.metadata?.uid !== pod.metadata?.uid && !!p.status?.podIP && (rwop || p.spec?.nodeName !== pod.spec?.nodeName));
    if (holders.length) return { volume, pv: pvName, holders: holders.map((p) => p.metadata!.name!) };
  }
  return undefined;
}
