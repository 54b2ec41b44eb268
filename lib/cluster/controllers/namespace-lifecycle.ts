import { forbidden } from '../errors';
import type { ResourceInfo } from '../resources';
import type { ObjectStore } from '../store';
import type { StoredObject } from '../types';
import type { KindStrategy } from '../admission/strategies';
import { validateObjectMeta } from '../admission/object-meta';

/**
 * The NamespaceLifecycle admission plugin (plugin/pkg/admission/namespace/lifecycle/admission.go)
 * and the namespace REST strategy (pkg/registry/core/namespace/strategy.go, storage/storage.go).
 */
const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);

const qualified = (res: ResourceInfo) => (res.group ? `${res.plural}.${res.group}` : res.plural);

/** Create in a namespace that is being deleted: Forbidden. */
export function refuseTerminating(store: ObjectStore, res: ResourceInfo, namespace: string | undefined, name: string): void {
  if (!res.namespaced || !namespace) return;
  const ns = store.get('Namespace', undefined, namespace);
  if (!ns?.metadata.deletionTimestamp) return;
  throw forbidden(res.plural, res.group, name,
    `${qualified(res)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
}

/**
 * Namespace delete: `default`, `kube-system` and `kube-public` may not be deleted; otherwise the
 * namespace turns Terminating (deletionTimestamp, status.phase) and stays until the namespace
 * controller has emptied it and removed the `kubernetes` finalizer. Returns the object to store,
 * or undefined when the namespace has no finalizers and can go at once.
 */
export function beginNamespaceDelete(ns: StoredObject, now: string): StoredObject | undefined {
  const name = ns.metadata.name;
  if (IMMORTAL.has(name)) throw forbidden('namespaces', '', name, `namespaces "${name}" is forbidden: this namespace may not be deleted`);
  if (ns.metadata.deletionTimestamp) return ns;
  const spec = (ns.spec ??= {}) as { finalizers?: string[] };
  if (spec.finalizers?.length === 0 && !ns.metadata.finalizers?.length) return undefined;
  spec.finalizers ??= ['kubernetes']; // what the namespace strategy gives every namespace on create
  ns.metadata.deletionTimestamp = now;
  ns.metadata.deletionGracePeriodSeconds = 0;
  ns.status = { ...(ns.status ?? {}), phase: 'Terminating' };
  return ns;
}

/** PrepareForCreate: the `kubernetes` finalizer, phase Active and the immutable name label. */
export const namespaceStrategy: KindStrategy = {
  prepareForCreate(obj) {
    const name = obj.metadata.name;
    obj.spec = { ...(obj.spec ?? {}), finalizers: ['kubernetes'] };
    obj.status = { phase: 'Active' };
    if (name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
  },
  /** PrepareForUpdate: spec.finalizers change only through /finalize, status only through /status. */
  prepareForUpdate(next, prev) {
    next.spec = { ...(next.spec ?? {}), finalizers: (prev.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [] };
    next.status = prev.status;
    next.metadata.labels = { ...(next.metadata.labels ?? {}), 'kubernetes.io/metadata.name': next.metadata.name };
  },
  validate: (obj) => validateObjectMeta(obj.metadata, 'label'),
  hasStatus: true,
};
