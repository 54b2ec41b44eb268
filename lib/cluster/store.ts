import { controllerOf } from './api/owners';
import { deepCopy } from './clone';
import type { StoredObject, WatchEvent, WatchFilter, WatchListener } from './types';

const keyOf = (kind: string, namespace: string | undefined, name: string): string =>
  `${kind}/${namespace ?? ''}/${name}`;

const clone = deepCopy;

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

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
  /** Events by involvedObject.uid (event aggregation looks them up on every record). */
  private eventsByUid = new Map<string, Map<string, StoredObject>>();
  /** Pods by the uid of their controller reference ('' for pods without one). */
  private podsByController = new Map<string, Map<string, StoredObject>>();
  /** Insertion order of each key, so an index subset can be put back in list order. */
  private seq = new Map<string, number>();
  private nextSeq = 0;
  private seqOf = new WeakMap<StoredObject, number>();
  private listeners = new Set<{ fn: WatchListener; filter?: WatchFilter }>();
  private rv: number;

  /** `owned`: the objects were made for this store (e.g. freshly parsed) and need no copy. */
  constructor(objects: StoredObject[] = [], rv = 0, owned = false) {
    for (const o of objects) this.index(keyOf(o.kind, o.metadata.namespace, o.metadata.name), owned ? o : clone(o));
    this.rv = rv;
  }

  private index(key: string, o: StoredObject): void {
    const prev = this.objects.get(key);
    let n = this.seq.get(key);
    if (n === undefined) this.seq.set(key, (n = this.nextSeq++));
    this.seqOf.set(o, n);
    if (prev) this.unindexSecondary(key, prev);
    this.objects.set(key, o);
    let kindMap = this.byKind.get(o.kind);
    if (!kindMap) this.byKind.set(o.kind, (kindMap = new Map()));
    kindMap.set(key, o);
    const sec = this.secondary(o);
    if (sec) {
      let m = sec[0].get(sec[1]);
      if (!m) sec[0].set(sec[1], (m = new Map()));
      m.set(key, o);
    }
  }

  /** The secondary index (and its key) an object belongs in, if any. */
  private secondary(o: StoredObject): [Map<string, Map<string, StoredObject>>, string] | undefined {
    if (o.kind === 'Event') return [this.eventsByUid, String(o.involvedObject?.uid)];
    if (o.kind === 'Pod') {
      const ref = controllerOf(o);
      return [this.podsByController, ref ? `u:${ref.uid}` : ''];
    }
    return undefined;
  }

  private unindexSecondary(key: string, o: StoredObject): void {
    const sec = this.secondary(o);
    if (!sec) return;
    const m = sec[0].get(sec[1]);
    if (m?.delete(key) && m.size === 0) sec[0].delete(sec[1]);
  }

  /** Objects back in list (insertion) order, as `peek` would give them. */
  private inListOrder(out: StoredObject[]): StoredObject[] {
    let sorted = true;
    for (let i = 1; i < out.length && sorted; i++) sorted = this.seqOf.get(out[i - 1])! < this.seqOf.get(out[i])!;
    return sorted ? out : out.sort((a, b) => this.seqOf.get(a)! - this.seqOf.get(b)!);
  }

  /**
   * The stored Pods of a namespace whose controller reference has one of `uids` (`undefined`:
   * pods without a controller), in list order, NOT copied: what `peek('Pod', ns)` filtered by
   * controllerOf(pod)?.uid gives, without scanning every pod.
   */
  peekPodsControlledBy(namespace: string, uids: readonly (string | undefined)[]): readonly Readonly<StoredObject>[] {
    const out: StoredObject[] = [];
    for (const uid of uids) {
      for (const o of this.podsByController.get(uid === undefined ? '' : `u:${uid}`)?.values() ?? []) {
        if ((o.metadata.namespace ?? '') === namespace) out.push(o);
      }
    }
    return uids.length > 1 ? this.inListOrder(out) : out;
  }

  private unindex(key: string, kind: string): void {
    const o = this.objects.get(key);
    if (o) this.unindexSecondary(key, o);
    this.objects.delete(key);
    this.seq.delete(key);
    this.byKind.get(kind)?.delete(key);
  }

  /**
   * The stored Events of one namespace about the object with `uid`, in list (insertion) order,
   * NOT copied: what `peek('Event', ns)` filtered by involvedObject.uid gives, without the scan.
   */
  peekEventsAbout(uid: string | undefined, namespace: string): readonly Readonly<StoredObject>[] {
    const m = this.eventsByUid.get(String(uid));
    if (!m) return [];
    const out: StoredObject[] = [];
    for (const o of m.values()) if ((o.metadata.namespace ?? '') === namespace) out.push(o);
    return this.inListOrder(out);
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

  remove(kind: string, namespace: string | undefined, name: string): StoredObject | undefined {
    const key = keyOf(kind, namespace, name);
    const o = this.objects.get(key);
    if (!o) return undefined;
    this.unindex(key, kind);
    this.rv++;
    this.emit({ type: 'DELETED', object: o });
    return clone(o);
  }

  /** Copies of the objects `pred` accepts (pred sees stored state and must not change it). */
  filter(pred: (o: Readonly<StoredObject>) => boolean): StoredObject[] {
    const out: StoredObject[] = [];
    for (const o of this.objects.values()) if (pred(o)) out.push(clone(o));
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
   * Notifies watchers. All of them share the stored object, frozen (informers hand out shared
   * cache objects too); a watcher that wants to change it must copy it first.
   */
  private emit(event: WatchEvent): void {
    const { kind, metadata } = event.object;
    let shared: WatchEvent['object'] | undefined;
    for (const { fn, filter } of [...this.listeners]) {
      if (filter?.kind && filter.kind !== kind) continue;
      if (filter?.namespace !== undefined && filter.namespace !== (metadata?.namespace ?? '')) continue;
      // The stored object itself, frozen: the store never changes an object in place (put
      // replaces it), so sharing it is as safe as a frozen copy and saves the copy.
      shared ??= deepFreeze(event.object);
      fn({ type: event.type, object: shared });
    }
  }
}
