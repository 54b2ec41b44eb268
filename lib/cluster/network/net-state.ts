import type { Controller, ControllerContext } from '../controllers/controller';
import type { StoredObject } from '../types';
import type { NetView } from './dns';

/**
 * The data plane's own state: the request counters behind kube-proxy's random endpoint choice
 * and ingress-nginx's weighted canary draw, the ClientIP session-affinity table (kube-proxy's
 * `recent` match) and the requests each pod served over the last minute (metrics-server turns
 * them into CPU). It lives beside the object store, not in it: a request changes no API object,
 * so it must not bump `cluster.revision` (the terminal treats a revision change as a mutating
 * command). It is part of the snapshot (`net`), so a saved and restored lab draws the same as
 * one that kept running.
 */

/** The kind earlier versions kept this state under, as a hidden store object (read on restore). */
export const LEGACY_NET_STATE_KIND = 'KubelabNetState';
/** Affinity entries kept at most (oldest dropped), so a long load loop cannot grow the snapshot. */
const MAX_AFFINITY = 256;
/** How long served requests are remembered (metrics windows are shorter). */
const REQUEST_MEMORY_MS = 60_000;

/** The snapshot form (plain JSON; key order is insertion order, so a restore writes it back the same). */
export interface NetStateJson {
  counters: Record<string, number>;
  /** `ns/svc/port/clientIP` → [endpoint ip, last used ms]. */
  affinity: Record<string, [string, number]>;
  /** pod uid → { ms: requests served at that instant }. */
  requests?: Record<string, Record<string, number>>;
}

const registry = new WeakMap<object, NetState>();
/** Views without a cluster behind them (test doubles) count in memory. */
const fallback = new WeakMap<object, Record<string, number>>();

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a saved state (or a legacy store object), dropping malformed entries rather than failing later. */
export function parseNetState(raw: unknown): NetStateJson | undefined {
  if (!isRecord(raw)) return undefined;
  const counters: Record<string, number> = {};
  for (const [k, v] of Object.entries(isRecord(raw.counters) ? raw.counters : {})) if (Number.isFinite(v)) counters[k] = v as number;
  const affinity: Record<string, [string, number]> = {};
  for (const [k, v] of Object.entries(isRecord(raw.affinity) ? raw.affinity : {})) {
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isFinite(v[1])) affinity[k] = [v[0], v[1]];
  }
  const requests: Record<string, Record<string, number>> = {};
  for (const [uid, byMs] of Object.entries(isRecord(raw.requests) ? raw.requests : {})) {
    if (!isRecord(byMs)) continue;
    const kept: Record<string, number> = {};
    for (const [ms, n] of Object.entries(byMs)) if (Number.isFinite(n)) kept[ms] = n as number;
    requests[uid] = kept;
  }
  return { counters, affinity, requests };
}

export class NetState implements Controller {
  readonly name = 'net-state';
  readonly handlers = {};
  private counters = new Map<string, number>();
  private affinities = new Map<string, [string, number]>();
  /** pod uid → ms → requests; an inner map per pod, so a request costs two lookups. */
  private requests = new Map<string, Map<number, number>>();
  private prunedAt = -1;

  constructor(_ctx: ControllerContext, view: NetView, saved?: NetStateJson) {
    registry.set(view, this);
    if (!saved) return;
    for (const [k, v] of Object.entries(saved.counters)) this.counters.set(k, v);
    for (const [k, v] of Object.entries(saved.affinity)) this.affinities.set(k, [v[0], v[1]]);
    for (const [uid, byMs] of Object.entries(saved.requests ?? {})) {
      this.requests.set(uid, new Map(Object.entries(byMs).map(([ms, n]) => [Number(ms), n])));
    }
  }

  start(): void {}
  stop(): void {}

  /** The snapshot form; undefined while nothing was ever counted (a fresh lab's snapshot stays as it was). */
  toJSON(): NetStateJson | undefined {
    if (!this.counters.size && !this.affinities.size && !this.requests.size) return undefined;
    const requests: Record<string, Record<string, number>> = {};
    for (const [uid, byMs] of this.requests) requests[uid] = Object.fromEntries(byMs);
    return { counters: Object.fromEntries(this.counters), affinity: Object.fromEntries(this.affinities), requests };
  }

  /** Takes the next value of each counter. */
  next(keys: readonly string[]): number[] {
    return keys.map((k) => { const n = this.counters.get(k) ?? 0; this.counters.set(k, n + 1); return n; });
  }

  /** The counters' next values, not taken yet (commit() takes them). */
  peek(keys: readonly string[]): number[] {
    return keys.map((k) => this.counters.get(k) ?? 0);
  }

  /** Takes the counters and records a served request. */
  commit(keys: readonly string[], served: { uid: string; at: number } | undefined): void {
    for (const k of keys) this.counters.set(k, (this.counters.get(k) ?? 0) + 1);
    if (!served) return;
    // Old instants are dropped once per simulated instant, not on every request.
    if (served.at !== this.prunedAt) {
      this.prunedAt = served.at;
      const horizon = served.at - REQUEST_MEMORY_MS;
      for (const [uid, byMs] of this.requests) {
        for (const ms of byMs.keys()) if (ms < horizon) byMs.delete(ms);
        if (!byMs.size) this.requests.delete(uid);
      }
    }
    let mine = this.requests.get(served.uid);
    if (!mine) this.requests.set(served.uid, (mine = new Map()));
    mine.set(served.at, (mine.get(served.at) ?? 0) + 1);
  }

  /** Requests per second each pod served over (now - windowMs, now]. */
  recentRates(now: number, windowMs: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const [uid, byMs] of this.requests) {
      let n = 0;
      for (const [ms, c] of byMs) if (ms > now - windowMs && ms <= now) n += c;
      if (n) out.set(uid, n / (windowMs / 1000));
    }
    return out;
  }

  affinity(key: string, now: number, timeoutMs: number): string | undefined {
    const hit = this.affinities.get(key);
    return hit && now - hit[1] <= timeoutMs ? hit[0] : undefined;
  }

  remember(key: string, ip: string, now: number): void {
    this.affinities.set(key, [ip, now]);
    if (this.affinities.size <= MAX_AFFINITY) return;
    const byUse = [...this.affinities].sort((a, b) => a[1][1] - b[1][1]);
    for (const [k] of byUse.slice(0, this.affinities.size - MAX_AFFINITY)) this.affinities.delete(k);
  }
}

/**
 * Splits a snapshot's objects into the store's and the data-plane state that earlier versions
 * kept as a hidden `KubelabNetState` object.
 */
export function takeLegacyNetState(objects: StoredObject[]): { objects: StoredObject[]; net?: NetStateJson } {
  const i = objects.findIndex((o) => o.kind === LEGACY_NET_STATE_KIND);
  if (i < 0) return { objects };
  return { objects: objects.filter((o) => o.kind !== LEGACY_NET_STATE_KIND), net: parseNetState(objects[i]) };
}

/** The next value of a named request counter of this lab (0, 1, 2, ...). */
export function nextCounter(view: NetView, key: string): number {
  return nextCounters(view, [key])[0];
}

/** Several counters advanced together. */
export function nextCounters(view: NetView, keys: readonly string[]): number[] {
  const st = registry.get(view);
  if (st) return st.next(keys);
  let c = fallback.get(view);
  if (!c) fallback.set(view, (c = {}));
  return keys.map((k) => { const n = c![k] ?? 0; c![k] = n + 1; return n; });
}

/**
 * The next values of `keys` without taking them yet: the caller passes `pending` on to
 * commitRequest (with the request it leads to). Without a NetState the values are taken at once
 * and nothing is pending.
 */
export function reserveCounters(view: NetView, keys: readonly string[]): { values: number[]; pending: readonly string[] } {
  const st = registry.get(view);
  return st ? { values: st.peek(keys), pending: keys } : { values: nextCounters(view, keys), pending: [] };
}

/** Takes the counters `keys` and records a request `served`. */
export function commitRequest(view: NetView, keys: readonly string[], served: { uid: string; at: number } | undefined,
  fallbackRecord: (uid: string, at: number) => void): void {
  const st = registry.get(view);
  if (st) { st.commit(keys, served); return; }
  nextCounters(view, keys);
  if (served) fallbackRecord(served.uid, served.at);
}

export function netStateOf(view: NetView): NetState | undefined {
  return registry.get(view);
}
