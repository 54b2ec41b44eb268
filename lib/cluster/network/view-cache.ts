import type { KubeObject } from '../types';
import type { NetView } from './dns';

/**
 * Read-through cache of the lists the network layer reads per request (Services,
 * EndpointSlices, Pods, Ingresses), valid while the store revision does not change — like an
 * informer's cache between watch events. A burst of requests (a load loop, the bench's 10,000)
 * then reads each list once instead of copying it for every request. Results are shared:
 * callers must not mutate them. Views without a `revision` (plain test doubles) are not cached.
 */
interface Entry { rev: number; lists: Map<string, unknown[]>; gets: Map<string, unknown> }
const cache = new WeakMap<object, Entry>();

function entry(view: NetView): Entry | undefined {
  // Requests write nothing to the store (their counters live in net-state.ts), so a burst of them reads one revision.
  const rev = (view as { revision?: number }).revision;
  if (typeof rev !== 'number') return undefined;
  let e = cache.get(view);
  if (!e || e.rev !== rev) cache.set(view, (e = { rev, lists: new Map(), gets: new Map() }));
  return e;
}

export function netList<T = KubeObject>(view: NetView, kind: string, namespace?: string): T[] {
  const e = entry(view);
  if (!e) return view.list<T>(kind, namespace);
  const key = `${kind}/${namespace ?? ''}`;
  let v = e.lists.get(key);
  if (!v) e.lists.set(key, (v = view.list<T>(kind, namespace)));
  return v as T[];
}

export function netGet<T = KubeObject>(view: NetView, kind: string, namespace: string | undefined, name: string): T | undefined {
  const e = entry(view);
  if (!e) return view.get<T>(kind, namespace, name);
  const key = `${kind}/${namespace ?? ''}/${name}`;
  if (!e.gets.has(key)) e.gets.set(key, view.get<T>(kind, namespace, name));
  return e.gets.get(key) as T | undefined;
}
