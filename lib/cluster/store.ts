import type { StoredObject, WatchEvent, WatchFilter, WatchListener } from './types';

const keyOf = (kind: string, namespace: string | undefined, name: string): string =>
  `${kind}/${namespace ?? ''}/${name}`;

const clone = <T>(o: T): T => structuredClone(o);

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
  private listeners = new Set<{ fn: WatchListener; filter?: WatchFilter }>();
  private rv: number;

  /** `owned`: the objects were made for this store (e.g. freshly parsed) and need no copy. */
  constructor(objects: StoredObject[] = [], rv = 0, owned = false) {
    for (const o of objects) this.index(keyOf(o.kind, o.metadata.namespace, o.metadata.name), owned ? o : clone(o));
    this.rv = rv;
  }

  private index(key: string, o: StoredObject): void {
    this.objects.set(key, o);
    let kindMap = this.byKind.get(o.kind);
    if (!kindMap) this.byKind.set(o.kind, (kindMap = new Map()));
    kindMap.set(key, o);
  }

  private unindex(key: string, kind: string): void {
    this.objects.delete(key);
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
   * Notifies watchers. All of them share ONE frozen copy of the object (informers hand out
   * shared cache objects too); a watcher that wants to change it must copy it first.
   */
  private emit(event: WatchEvent): void {
    const { kind, metadata } = event.object;
    let shared: WatchEvent['object'] | undefined;
    for (const { fn, filter } of [...this.listeners]) {
      if (filter?.kind && filter.kind !== kind) continue;
      if (filter?.namespace !== undefined && filter.namespace !== (metadata?.namespace ?? '')) continue;
      shared ??= deepFreeze(clone(event.object));
      fn({ type: event.type, object: shared });
    }
  }
}
