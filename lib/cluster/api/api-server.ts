import { deepCopy } from '../clone';
import { strategyFor } from '../admission/strategies';
import { alreadyExists, forbidden, invalid, notFound } from '../errors';
import { LIMITS } from '../limits';
import { randomSuffix, randomUid, type Prng } from '../prng';
import { resourceForKind, type ResourceInfo } from '../resources';
import type { ObjectStore } from '../store';
import type { KubeObject, StoredObject } from '../types';
import { rfc3339 } from './time';
import { beginNamespaceDelete, refuseTerminating } from '../controllers/namespace-lifecycle';

export interface WriteOptions {
  dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  /** Overrides the object's grace period; 0 with force removes at once. */
  gracePeriodSeconds?: number;
  /** `kubectl delete --cascade`: Background (default), Foreground (treated as Background) or Orphan. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/** Callback the kubelet uses to learn that a pod started graceful termination. */
export type GracefulDeleteHook = (obj: StoredObject) => void;

/**
 * The simulated kube-apiserver request path: defaulting/admission, validation,
 * metadata (uid, resourceVersion, generation, creationTimestamp) and graceful deletion.
 * Every write either fully succeeds or throws a StatusError leaving the store untouched.
 */
export class ApiServer {
  private onGracefulDelete: GracefulDeleteHook[] = [];

  constructor(private store: ObjectStore, private prng: Prng, private clock: () => number) {}

  onGraceful(hook: GracefulDeleteHook): void {
    this.onGracefulDelete.push(hook);
  }

  private info(obj: KubeObject): ResourceInfo {
    const res = obj.kind ? resourceForKind(obj.kind) : undefined;
    if (!res) throw new Error(`unknown kind ${obj.kind}`);
    return res;
  }

  private requireNamespace(res: ResourceInfo, ns: string | undefined): void {
    if (res.namespaced && !this.store.has('Namespace', undefined, ns ?? '')) {
      throw notFound('namespaces', '', ns ?? '');
    }
  }

  create<T extends KubeObject>(input: T, opts: WriteOptions = {}): T {
    const res = this.info(input);
    const obj = deepCopy(input) as unknown as StoredObject;
    obj.apiVersion ??= res.group ? `${res.group}/${res.version}` : res.version;
    const meta = (obj.metadata ??= {} as StoredObject['metadata']);
    if (res.namespaced) meta.namespace ||= 'default';
    else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = meta.generateName + randomSuffix(this.prng);
    // Order as in the apiserver handler: NamespaceLifecycle admission, defaulting and
    // mutating admission, validation, then the storage layer's AlreadyExists.
    this.requireNamespace(res, meta.namespace);
    refuseTerminating(this.store, res, meta.namespace, meta.name ?? '');
    this.checkLimits(res, meta.name ?? '');
    const strategy = strategyFor(obj.kind);
    strategy.prepareForCreate?.(obj, { prng: this.prng, now: this.clock(), list: (k, ns) => this.store.list(k, ns) });
    const causes = strategy.validate(obj);
    if (causes.length) throw invalid(obj.kind, res.group, meta.name ?? '', causes);
    const denied = strategy.admit?.(obj, { prng: this.prng, now: this.clock(), list: (k, ns) => this.store.list(k, ns) });
    if (denied) throw denied;
    if (this.store.has(obj.kind, meta.namespace, meta.name)) throw alreadyExists(res.plural, res.group, meta.name);
    meta.uid = randomUid(this.prng);
    strategy.afterUid?.(obj);
    meta.creationTimestamp = rfc3339(this.clock());
    if (obj.spec !== undefined || obj.kind === 'Pod') meta.generation = 1;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    if (obj.kind === 'Pod' && obj.status) obj.status.observedGeneration = 1;
    if (opts.dryRun) return obj as unknown as T;
    return this.putOwn(obj) as unknown as T;
  }

  /** put() of an object this server made (a deep copy of the input): stored as it is, a copy returned. */
  private putOwn(obj: StoredObject): StoredObject {
    this.store.putOwned(obj);
    return deepCopy(obj);
  }

  /** Caps per lab (limits.ts), answered like a ResourceQuota rejection. */
  private checkLimits(res: ResourceInfo, name: string): void {
    const q = res.group ? `${res.plural}.${res.group}` : res.plural;
    if (res.kind === 'Pod' && this.store.count('Pod') >= LIMITS.pods) {
      throw forbidden(res.plural, res.group, name, `${q} "${name}" is forbidden: exceeded quota: kubelab-lab-limits, requested: pods=1, used: pods=${LIMITS.pods}, limited: pods=${LIMITS.pods}`);
    }
    if (res.kind !== 'Event' && this.store.count() - this.store.count('Event') >= LIMITS.objects) {
      throw forbidden(res.plural, res.group, name, `${q} "${name}" is forbidden: this lab already holds ${LIMITS.objects} objects (KubeLab limit); delete some first`);
    }
  }

  /** Replaces spec/metadata of an existing object (status is kept when it is a subresource). */
  update<T extends KubeObject>(input: T, opts: WriteOptions = {}): T {
    const res = this.info(input);
    const next = deepCopy(input) as unknown as StoredObject;
    const ns = res.namespaced ? next.metadata?.namespace || 'default' : undefined;
    const prev = this.store.get(next.kind, ns, next.metadata?.name ?? '');
    if (!prev) throw notFound(res.plural, res.group, next.metadata?.name ?? '');
    const strategy = strategyFor(next.kind);
    next.metadata = { ...next.metadata, namespace: ns, uid: prev.metadata.uid, creationTimestamp: prev.metadata.creationTimestamp };
    if (prev.metadata.deletionTimestamp) next.metadata.deletionTimestamp = prev.metadata.deletionTimestamp;
    if (strategy.hasStatus) strategy.prepareForUpdate?.(next, prev, { prng: this.prng, now: this.clock(), list: (k, n) => this.store.list(k, n) });
    const causes = strategy.validateUpdate ? strategy.validateUpdate(next, prev) : strategy.validate(next);
    if (causes.length) throw invalid(next.kind, res.group, next.metadata.name, causes);
    const denied = strategy.admit?.(next, { prng: this.prng, now: this.clock(), list: (k, n) => this.store.list(k, n) });
    if (denied) throw denied;
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(prev.spec);
    next.metadata.generation = (prev.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    if (opts.dryRun) return next as unknown as T;
    if (this.finalized(next)) return this.store.remove(next.kind, ns, next.metadata.name) as unknown as T;
    return this.putOwn(next) as unknown as T;
  }

  /** An object being deleted whose last finalizer is gone is removed (pods are the kubelet's business). */
  private finalized(obj: StoredObject): boolean {
    return obj.kind !== 'Pod' && !!obj.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length) &&
      !(obj.kind === 'Namespace' && (obj.spec as { finalizers?: string[] } | undefined)?.finalizers?.length);
  }

  /** Writes an object as a controller would (status updates, bindings); no validation. */
  write<T extends KubeObject>(obj: T): T {
    const o = obj as unknown as StoredObject;
    if (this.finalized(o)) return this.store.remove(o.kind, o.metadata.namespace, o.metadata.name) as unknown as T;
    return this.store.put(o) as unknown as T;
  }

  /**
   * write() and createInternal() for an object the caller made for this one call and never
   * touches again (nested objects may be shared with stored ones, which nothing changes): stored without the
   * defensive copies, and nothing returned. For hot controller paths (events, status writes).
   */
  writeOwned(obj: KubeObject): void {
    const o = obj as StoredObject;
    if (this.finalized(o)) this.store.remove(o.kind, o.metadata.namespace, o.metadata.name);
    else this.store.putOwned(o);
  }

  createOwned(obj: KubeObject): void {
    const o = obj as StoredObject;
    o.metadata.uid ??= randomUid(this.prng);
    o.metadata.creationTimestamp ??= rfc3339(this.clock());
    this.store.putOwned(o);
  }

  /** Internal create for system components (events, topology); sets metadata only. */
  createInternal<T extends KubeObject>(input: T): T {
    const obj = deepCopy(input) as unknown as StoredObject;
    obj.metadata.uid ??= randomUid(this.prng);
    obj.metadata.creationTimestamp ??= rfc3339(this.clock());
    this.store.putOwned(obj); // obj is our own deep copy
    return deepCopy(obj) as unknown as T;
  }

  delete<T extends KubeObject>(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): T {
    const res = resourceForKind(kind);
    if (!res) throw new Error(`unknown kind ${kind}`);
    const ns = res.namespaced ? namespace || 'default' : undefined;
    const obj = this.store.get(kind, ns, name);
    if (!obj) throw notFound(res.plural, res.group, name);
    if (kind === 'Namespace') { // NamespaceLifecycle admission + the namespace's `kubernetes` finalizer
      const terminating = beginNamespaceDelete(obj, rfc3339(this.clock()));
      if (terminating && !opts.dryRun) return this.store.put(terminating) as unknown as T;
    }
    const strategy = strategyFor(kind);
    const grace = strategy.gracePeriod?.(obj, opts.gracePeriodSeconds) ?? 0;
    if (opts.dryRun) return obj as unknown as T;
    if (opts.propagationPolicy === 'Orphan') this.orphanDependents(obj);
    if (obj.metadata.finalizers?.length && obj.kind !== 'Pod') {
      // Finalizers (pvc-protection, ...): the object stays, Terminating, until they are removed.
      if (obj.metadata.deletionTimestamp) return obj as unknown as T;
      obj.metadata.deletionTimestamp = rfc3339(this.clock());
      obj.metadata.deletionGracePeriodSeconds = 0;
      return this.store.put(obj) as unknown as T;
    }
    if (grace > 0) {
      if (obj.metadata.deletionTimestamp) return obj as unknown as T;
      obj.metadata.deletionTimestamp = rfc3339(this.clock() + grace * 1000);
      obj.metadata.deletionGracePeriodSeconds = grace;
      const stored = this.store.put(obj);
      for (const hook of this.onGracefulDelete) hook(stored);
      return stored as unknown as T;
    }
    return this.store.remove(kind, ns, name) as unknown as T;
  }

  /**
   * Orphan propagation: the garbage collector removes the owner's reference from every
   * dependent before the owner goes (pkg/controller/garbagecollector/garbagecollector.go orphanDependents).
   */
  private orphanDependents(owner: StoredObject): void {
    const uid = owner.metadata.uid;
    for (const o of this.store.dependentsOf(uid ?? '')) {
      const refs = o.metadata.ownerReferences!;
      o.metadata.ownerReferences = refs.filter((r) => r.uid !== uid);
      if (o.metadata.ownerReferences.length === 0) delete o.metadata.ownerReferences;
      this.store.put(o);
    }
  }

  /** Final removal after graceful termination (the kubelet's delete with grace 0). */
  remove(kind: string, namespace: string | undefined, name: string): void {
    this.store.remove(kind, namespace, name);
  }
}
