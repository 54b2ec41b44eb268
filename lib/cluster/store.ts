import type { StoredObject, WatchEvent, WatchFilter, WatchListener } from './types';

const keyOf = (kind: string, namespace: string | undefined, name: string): string =>
  `${kind}/${namespace ?? ''}/${name}`;

const clone = <T>(o: T): T => structuredClone(o);

/**
 * The etcd of the simulated cluster: typed objects by kind/namespace/name with a global
 * resourceVersion counter and synchronous watch listeners (informers).
 * Reads and writes copy, so callers can never mutate stored state by accident.
 */
export class ObjectStore {
  private objects = new Map<string, StoredObject>();
  private listeners = new Set<{ fn: WatchListener; filter?: WatchFilter }>();
  private rv: number;
  private counts = new Map<string, number>();

  constructor(objects: StoredObject[] = [], rv = 0) {
    for (const o of objects) {
      this.objects.set(keyOf(o.kind, o.metadata.namespace, o.metadata.name), clone(o));
      this.bump(o.kind, 1);
    }
    this.rv = rv;
  }

  private bump(kind: string, by: number): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + by);
  }

  /** Number of stored objects, of one kind or in total. */
  count(kind?: string): number {
    return kind === undefined ? this.objects.size : this.counts.get(kind) ?? 0;
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
    for (const o of this.objects.values()) {
      if (o.kind !== kind) continue;
      if (namespace !== undefined && (o.metadata.namespace ?? '') !== namespace) continue;
      out.push(clone(o));
    }
    return out.sort((a, b) =>
      (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name));
  }

  /** Writes an object, bumping resourceVersion, and notifies watchers. */
  put(obj: StoredObject): StoredObject {
    const key = keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name);
    const existed = this.objects.has(key);
    const stored = clone(obj);
    stored.metadata.resourceVersion = String(++this.rv);
    this.objects.set(key, stored);
    if (!existed) this.bump(obj.kind, 1);
    this.emit({ type: existed ? 'MODIFIED' : 'ADDED', object: stored });
    return clone(stored);
  }

  remove(kind: string, namespace: string | undefined, name: string): StoredObject | undefined {
    const key = keyOf(kind, namespace, name);
    const o = this.objects.get(key);
    if (!o) return undefined;
    this.objects.delete(key);
    this.bump(kind, -1);
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

  subscribe(fn: WatchListener, filter?: WatchFilter): () => void {
    const entry = { fn, filter };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  private emit(event: WatchEvent): void {
    const { kind, metadata } = event.object;
    for (const { fn, filter } of [...this.listeners]) {
      if (filter?.kind && filter.kind !== kind) continue;
      if (filter?.namespace !== undefined && filter.namespace !== (metadata?.namespace ?? '')) continue;
      fn({ type: event.type, object: clone(event.object) });
    }
  }
}
