import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../types';

/**
 * ownerReferences helpers, after staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/controller_ref.go
 * (GetControllerOf, NewControllerRef).
 */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller);
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
