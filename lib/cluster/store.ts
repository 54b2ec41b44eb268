import { controllerOf } from './api/owners';
import { deepCopy } from './clone';
import type { StoredObject, WatchEvent, WatchFilter, WatchListener } from './types';

const keyOf = (kind: string, namespace: string | undefined, name: string): string =>
  `${kind}/${namespace ?? ''}/${name}`;

/** The pods of one controller (or the orphans), and whether they are still in list order. */
interface PodBucket { pods: Map<string, StoredObject>; max: number; unordered: boolean }

const bucketOf = (pod: StoredObject): string => {
  const ref = controllerOf(pod);
  return ref ? `u:${ref.uid}` : '';
};

const clone = deepCopy;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    if (Array.isArray(o)) for (let i = 0; i < o.length; i++) deepFreeze(o[i]);
    else for (const k in o) deepFreeze((o as Record<string, unknown>)[k]);
  }
  return o;
}

/**
 * Test guard: with KUBELAB_FREEZE_STORE=1 (set by vitest.config.mts) every stored object is
 * deep-frozen when it is stored, so code that changes a stored, peeked or watched object in place
 * (or a restored one, whose unchanged parts are shared with other objects) throws a TypeError.
 */
const FREEZE_STORED = typeof process !== 'undefined' && process.env?.KUBELAB_FREEZE_STORE === '1';

/** Byte-wise order, like etcd's key order (and much cheaper than localeCompare). */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The etcd of the simulated cluster: typed objects by kind/namespace/name with a global
 * resourceVersion counter and synchronous watch listeners (informers).
 * Reads and writes copy, so callers can never mutate stored state by accident.
 */
export class ObjectStore {
  private objects = new Map<string, StoredObject>();
  /** Per-kind index over the same objects, so listing one kind does not scan every event. */
  private byKind = new Map<string, Map<string, StoredObject>>();
  /** Pods by the uid of their controller reference ('' for pods without one). */
  private podsByController = new Map<string, PodBucket>();
  /** Keys of the objects that name an owner uid in their ownerReferences (the garbage collector's graph). */
  private byOwner = new Map<string, Set<string>>();
  /** Insertion order of each key, so an index subset can be put back in list order. */
  private seq = new Map<string, number>();
  private nextSeq = 0;
  private listeners = new Set<{ fn: WatchListener; filter?: WatchFilter }>();
  private rv: number;

  /** `owned`: the objects were made for this store (e.g. freshly parsed) and need no copy. */
  constructor(objects: StoredObject[] = [], rv = 0, owned = false) {
    for (const o of objects) this.index(keyOf(o.kind, o.metadata.namespace, o.metadata.name), owned ? o : clone(o));
    this.rv = rv;
  }

  private index(key: string, o: StoredObject): void {
    if (FREEZE_STORED) deepFreeze(o);
    const prev = this.objects.get(key);
    if (!this.seq.has(key)) this.seq.set(key, this.nextSeq++);
    const bucket = o.kind === 'Pod' ? bucketOf(o) : undefined;
    // Same bucket: replaced in place (a Map keeps the position), so a bucket stays in list order.
    if (prev?.kind === 'Pod' && bucketOf(prev) !== bucket) this.unindexPod(key, prev);
    if (prev?.metadata.ownerReferences !== o.metadata.ownerReferences) {
      if (prev) this.unindexOwners(key, prev);
      for (const r of o.metadata.ownerReferences ?? []) {
        let keys = this.byOwner.get(r.uid);
        if (!keys) this.byOwner.set(r.uid, (keys = new Set()));
        keys.add(key);
      }
    }
    this.objects.set(key, o);
    let kindMap = this.byKind.get(o.kind);
    if (!kindMap) this.byKind.set(o.kind, (kindMap = new Map()));
    kindMap.set(key, o);
    if (bucket !== undefined) {
      let b = this.podsByController.get(bucket);
      if (!b) this.podsByController.set(bucket, (b = { pods: new Map(), max: -1, unordered: false }));
      if (!b.pods.has(key)) {
        // An older pod joining (adopted, released) lands after newer ones: the bucket is out of list order.
        const n = this.seq.get(key)!;
        if (n < b.max) b.unordered = true;
        else b.max = n;
      }
      b.pods.set(key, o);
    }
  }

  private unindexOwners(key: string, o: StoredObject): void {
    for (const r of o.metadata.ownerReferences ?? []) {
      const keys = this.byOwner.get(r.uid);
      if (keys?.delete(key) && keys.size === 0) this.byOwner.delete(r.uid);
    }
  }

  /**
   * Copies of the objects whose ownerReferences name `uid`, in list order: what
   * filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === uid)) gives, without a scan.
   */
  dependentsOf(uid: string): StoredObject[] {
    const keys = [...this.byOwner.get(uid) ?? []];
    return this.inListOrder(keys, keys.map((k) => this.objects.get(k)!)).map(clone);
  }

  private unindexPod(key: string, o: StoredObject): void {
    const bucket = bucketOf(o);
    const b = this.podsByController.get(bucket);
    if (b?.pods.delete(key) && b.pods.size === 0) this.podsByController.delete(bucket);
  }

  /** Objects (with their keys) back in list (insertion) order, as `peek` would give them. */
  private inListOrder(keys: string[], out: StoredObject[]): StoredObject[] {
    const n = keys.map((k) => this.seq.get(k)!);
    let sorted = true;
    for (let i = 1; i < n.length && sorted; i++) sorted = n[i - 1] < n[i];
    if (sorted) return out;
    return n.map((_, i) => i).sort((a, b) => n[a] - n[b]).map((i) => out[i]);
  }

  /**
   * The stored Pods of a namespace whose controller reference has one of `uids` (`undefined`:
   * pods without a controller), in list order, NOT copied: what `peek('Pod', ns)` filtered by
   * controllerOf(pod)?.uid gives, without scanning every pod.
   */
  peekPodsControlledBy(namespace: string, uids: readonly (string | undefined)[]): readonly Readonly<StoredObject>[] {
    const out: StoredObject[] = [];
    let from = 0;
    let ordered = true;
    for (const uid of uids) {
      const b = this.podsByController.get(uid === undefined ? '' : `u:${uid}`);
      if (!b) continue;
      const before = out.length;
      for (const o of b.pods.values()) if ((o.metadata.namespace ?? '') === namespace) out.push(o);
      if (out.length > before && (++from > 1 || b.unordered)) ordered = false;
    }
    if (ordered) return out;
    const keys = out.map((o) => keyOf(o.kind, o.metadata.namespace, o.metadata.name));
    return this.inListOrder(keys, out);
  }

  private unindex(key: string, kind: string): void {
    const o = this.objects.get(key);
    if (o?.kind === 'Pod') this.unindexPod(key, o);
    if (o) this.unindexOwners(key, o);
    this.objects.delete(key);
    this.seq.delete(key);
    this.byKind.get(kind)?.delete(key);
  }

  /** Number of stored objects, of one kind or in total. */
  count(kind?: string): number {
    return kind === undefined ? this.objects.size : this.byKind.get(kind)?.size ?? 0;
  }

  get revision(): number {
    return this.rv;
  }

  get(kind: string, namespace: string | undefined, name: string): StoredObject | undefined {
    const o = this.objects.get(keyOf(kind, namespace, name));
    return o ? clone(o) : undefined;
  }

  /** The stored object itself, NOT copied (never mutate it). */
  peekOne(kind: string, namespace: string | undefined, name: string): Readonly<StoredObject> | undefined {
    return this.objects.get(keyOf(kind, namespace, name));
  }

  has(kind: string, namespace: string | undefined, name: string): boolean {
    return this.objects.has(keyOf(kind, namespace, name));
  }

  /** Objects of a kind, sorted by namespace then name (the order the API server lists). */
  list(kind: string, namespace?: string): StoredObject[] {
    const out: StoredObject[] = [];
    for (const o of this.byKind.get(kind)?.values() ?? []) {
      if (namespace !== undefined && (o.metadata.namespace ?? '') !== namespace) continue;
      out.push(o);
    }
    out.sort((a, b) => cmp(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || cmp(a.metadata.name, b.metadata.name));
    return out.map(clone);
  }

  /**
   * The stored objects of a kind themselves, unsorted and NOT copied: for hot read-only paths
   * (scheduling, IP allocation, event aggregation). Callers must never mutate them.
   */
  peek(kind: string, namespace?: string): readonly Readonly<StoredObject>[] {
    const out: StoredObject[] = [];
    for (const o of this.byKind.get(kind)?.values() ?? []) {
      if (namespace === undefined || (o.metadata.namespace ?? '') === namespace) out.push(o);
    }
    return out;
  }

  /** Writes an object, bumping resourceVersion, and notifies watchers. */
  put(obj: StoredObject): StoredObject {
    const key = keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name);
    const existed = this.objects.has(key);
    const stored = clone(obj);
    stored.metadata.resourceVersion = String(++this.rv);
    this.index(key, stored);
    this.emit({ type: existed ? 'MODIFIED' : 'ADDED', object: stored });
    return clone(stored);
  }

  /** put() of an object made for this write and never touched again by the caller: no copies, nothing returned. */
  putOwned(obj: StoredObject): void {
    const key = keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name);
    const existed = this.objects.has(key);
    // The caller owns `obj`, not necessarily its metadata (often the stored one's): a copy of that level.
    obj.metadata = { ...obj.metadata };
    obj.metadata.resourceVersion = String(++this.rv);
    this.index(key, obj);
    this.emit({ type: existed ? 'MODIFIED' : 'ADDED', object: obj });
  }

  remove(kind: string, namespace: string | undefined, name: string): StoredObject | undefined {
    const key = keyOf(kind, namespace, name);
    const o = this.objects.get(key);
    if (!o) return undefined;
    this.unindex(key, kind);
    this.rv++;
    this.emit({ type: 'DELETED', object: o });
    return clone(o);
  }

  /**
   * Copies of the objects `pred` accepts (pred sees stored state and must not change it), in list
   * order. With `kind`, only objects of that kind are looked at (the same result when pred checks
   * the kind, without scanning every event).
   */
  filter(pred: (o: Readonly<StoredObject>) => boolean, kind?: string): StoredObject[] {
    const out: StoredObject[] = [];
    const from = kind === undefined ? this.objects : this.byKind.get(kind);
    for (const o of from?.values() ?? []) if (pred(o)) out.push(clone(o));
    return out;
  }

  all(): StoredObject[] {
    return [...this.objects.values()].map(clone);
  }

  /** The stored objects themselves, for serialisation only (never mutate them). */
  allRefs(): readonly Readonly<StoredObject>[] {
    return [...this.objects.values()];
  }

  subscribe(fn: WatchListener, filter?: WatchFilter): () => void {
    const entry = { fn, filter };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  /**
   * Notifies watchers. All of them share the stored object itself (informers hand out shared
   * cache objects too): the store never changes an object in place (put replaces it), and a
   * watcher that wants to change it must copy it first. Under Vitest every stored object is
   * deep-frozen (FREEZE_STORED), which proves the watchers do; production skips the freezing.
   */
  private emit(event: WatchEvent): void {
    const { kind, metadata } = event.object;
    for (const { fn, filter } of [...this.listeners]) {
      if (filter?.kind && filter.kind !== kind) continue;
      if (filter?.namespace !== undefined && filter.namespace !== (metadata?.namespace ?? '')) continue;
      fn(event);
    }
  }
}
