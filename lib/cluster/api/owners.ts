import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../types';

/**
 * ownerReferences helpers, after staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/controller_ref.go
 * (GetControllerOf, NewControllerRef).
 */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata?.ownerReferences;
  if (!refs) return undefined;
  // A plain loop: this runs for every pod on every controller sync.
  for (let i = 0; i < refs.length; i++) if (refs[i].controller) return refs[i];
  return undefined;
}

export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion!, kind: owner.kind!, name: owner.metadata!.name!, uid: owner.metadata!.uid!,
    controller: true, blockOwnerDeletion: true,
  };
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return controllerOf(obj)?.uid === owner.metadata?.uid;
}
