import { strategyFor } from '../admission/strategies';
import { alreadyExists, invalid, notFound } from '../errors';
import { randomSuffix, randomUid, type Prng } from '../prng';
import { resourceForKind, type ResourceInfo } from '../resources';
import type { ObjectStore } from '../store';
import type { KubeObject, StoredObject } from '../types';
import { rfc3339 } from './time';

export interface WriteOptions {
  dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  /** Overrides the object's grace period; 0 with force removes at once. */
  gracePeriodSeconds?: number;
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
    const obj = structuredClone(input) as unknown as StoredObject;
    obj.apiVersion ??= res.group ? `${res.group}/${res.version}` : res.version;
    const meta = (obj.metadata ??= {} as StoredObject['metadata']);
    if (res.namespaced) meta.namespace ||= 'default';
    else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = meta.generateName + randomSuffix(this.prng);
    // Order as in the apiserver handler: NamespaceLifecycle admission, defaulting and
    // mutating admission, validation, then the storage layer's AlreadyExists.
    this.requireNamespace(res, meta.namespace);
    const strategy = strategyFor(obj.kind);
    strategy.prepareForCreate?.(obj, { prng: this.prng, now: this.clock() });
    const causes = strategy.validate(obj);
    if (causes.length) throw invalid(obj.kind, res.group, meta.name ?? '', causes);
    if (this.store.has(obj.kind, meta.namespace, meta.name)) throw alreadyExists(res.plural, res.group, meta.name);
    meta.uid = randomUid(this.prng);
    meta.creationTimestamp = rfc3339(this.clock());
    if (obj.spec !== undefined || obj.kind === 'Pod') meta.generation = 1;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    if (obj.kind === 'Pod' && obj.status) obj.status.observedGeneration = 1;
    if (opts.dryRun) return obj as unknown as T;
    return this.store.put(obj) as unknown as T;
  }

  /** Replaces spec/metadata of an existing object (status is kept when it is a subresource). */
  update<T extends KubeObject>(input: T, opts: WriteOptions = {}): T {
    const res = this.info(input);
    const next = structuredClone(input) as unknown as StoredObject;
    const ns = res.namespaced ? next.metadata?.namespace || 'default' : undefined;
    const prev = this.store.get(next.kind, ns, next.metadata?.name ?? '');
    if (!prev) throw notFound(res.plural, res.group, next.metadata?.name ?? '');
    const strategy = strategyFor(next.kind);
    next.metadata = { ...next.metadata, namespace: ns, uid: prev.metadata.uid, creationTimestamp: prev.metadata.creationTimestamp };
    if (prev.metadata.deletionTimestamp) next.metadata.deletionTimestamp = prev.metadata.deletionTimestamp;
    if (strategy.hasStatus) strategy.prepareForUpdate?.(next, prev);
    const causes = strategy.validateUpdate ? strategy.validateUpdate(next, prev) : strategy.validate(next);
    if (causes.length) throw invalid(next.kind, res.group, next.metadata.name, causes);
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(prev.spec);
    next.metadata.generation = (prev.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    if (opts.dryRun) return next as unknown as T;
    return this.store.put(next) as unknown as T;
  }

  /** Writes an object as a controller would (status updates, bindings); no validation. */
  write<T extends KubeObject>(obj: T): T {
    return this.store.put(obj as unknown as StoredObject) as unknown as T;
  }

  /** Internal create for system components (events, topology); sets metadata only. */
  createInternal<T extends KubeObject>(input: T): T {
    const obj = structuredClone(input) as unknown as StoredObject;
    obj.metadata.uid ??= randomUid(this.prng);
    obj.metadata.creationTimestamp ??= rfc3339(this.clock());
    return this.store.put(obj) as unknown as T;
  }

  delete<T extends KubeObject>(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): T {
    const res = resourceForKind(kind);
    if (!res) throw new Error(`unknown kind ${kind}`);
    const ns = res.namespaced ? namespace || 'default' : undefined;
    const obj = this.store.get(kind, ns, name);
    if (!obj) throw notFound(res.plural, res.group, name);
    const strategy = strategyFor(kind);
    const grace = strategy.gracePeriod?.(obj, opts.gracePeriodSeconds) ?? 0;
    if (opts.dryRun) return obj as unknown as T;
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

  /** Final removal after graceful termination (the kubelet's delete with grace 0). */
  remove(kind: string, namespace: string | undefined, name: string): void {
    this.store.remove(kind, namespace, name);
  }
}
