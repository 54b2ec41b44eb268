import type { Controller, ControllerContext } from '../controllers/controller';
import type { StoredObject } from '../types';
import type { NetView } from './dns';

/**
 * The data plane's own state, kept in the store so it is part of the snapshot (a saved and
 * restored lab draws the same as one that kept running): the request counters behind
 * kube-proxy's random endpoint choice and ingress-nginx's weighted canary draw, and the
 * ClientIP session-affinity table (kube-proxy's `recent` match), and the requests each pod served
 * over the last minute (metrics-server turns them into CPU). It is a hidden object
 * (`KubelabNetState`), like metrics-server's state; a request costs one write.
 */
export const NET_STATE_KIND = 'KubelabNetState';
const NAME = 'network';
/** Affinity entries kept at most (oldest dropped), so a long load loop cannot grow the snapshot. */
const MAX_AFFINITY = 256;
/** How long served requests are remembered (metrics windows are shorter). */
const REQUEST_MEMORY_MS = 60_000;

interface State {
  kind: string;
  metadata: { name: string; namespace: string };
  counters: Record<string, number>;
  /** `ns/svc/port/clientIP` → [endpoint ip, last used ms]. */
  affinity: Record<string, [string, number]>;
  /** pod uid → { ms: requests served at that instant }. */
  requests?: Record<string, Record<string, number>>;
}

const registry = new WeakMap<object, NetState>();
/** Views without a cluster behind them (test doubles) count in memory. */
const fallback = new WeakMap<object, Record<string, number>>();

export class NetState implements Controller {
  readonly name = 'net-state';
  readonly handlers = {};
  /** Writes made here, so the read cache (view-cache.ts) can ignore them. */
  writes = 0;
  private prunedAt = -1;

  constructor(private ctx: ControllerContext, view: NetView) {
    registry.set(view, this);
  }

  start(): void {}
  stop(): void {}

  /** A fresh copy of the state (shallow: its maps hold numbers and [ip, ms] pairs that are replaced, never edited). */
  private read(): State {
    const cur = this.ctx.store.peekOne(NET_STATE_KIND, 'kube-system', NAME) as unknown as State | undefined;
    return { kind: NET_STATE_KIND, metadata: { ...(cur?.metadata ?? { name: NAME, namespace: 'kube-system' }) },
      counters: { ...cur?.counters }, affinity: { ...cur?.affinity }, requests: { ...cur?.requests } };
  }

  private write(s: State): void {
    this.writes++;
    this.ctx.store.putOwned(s as unknown as StoredObject);
  }

  /** Takes the next value of each counter in one write. */
  next(keys: readonly string[]): number[] {
    const s = this.read();
    const out = keys.map((k) => { const n = s.counters[k] ?? 0; s.counters[k] = n + 1; return n; });
    this.write(s);
    return out;
  }

  /** The counters' next values, not taken yet (commit() takes them). */
  peek(keys: readonly string[]): number[] {
    const cur = this.ctx.store.peekOne(NET_STATE_KIND, 'kube-system', NAME) as unknown as State | undefined;
    return keys.map((k) => cur?.counters[k] ?? 0);
  }

  /** Takes the counters and records a served request, in one write. */
  commit(keys: readonly string[], served: { uid: string; at: number } | undefined): void {
    if (!keys.length && !served) return;
    const s = this.read();
    for (const k of keys) s.counters[k] = (s.counters[k] ?? 0) + 1;
    if (served) {
      const requests = s.requests!;
      const horizon = served.at - REQUEST_MEMORY_MS;
      // Old instants are dropped once per simulated instant, not on every request.
      if (served.at !== this.prunedAt) {
        this.prunedAt = served.at;
        for (const [uid, byMs] of Object.entries(requests)) {
          const kept = Object.fromEntries(Object.entries(byMs).filter(([ms]) => Number(ms) >= horizon));
          if (Object.keys(kept).length) requests[uid] = kept; else delete requests[uid];
        }
      }
      const mine = { ...requests[served.uid] };
      mine[served.at] = (mine[served.at] ?? 0) + 1;
      requests[served.uid] = mine;
    }
    this.write(s);
  }

  /** Requests per second each pod served over (now - windowMs, now]. */
  recentRates(now: number, windowMs: number): Map<string, number> {
    const cur = this.ctx.store.peekOne(NET_STATE_KIND, 'kube-system', NAME) as unknown as State | undefined;
    const out = new Map<string, number>();
    for (const [uid, byMs] of Object.entries(cur?.requests ?? {})) {
      let n = 0;
      for (const [ms, c] of Object.entries(byMs)) if (Number(ms) > now - windowMs && Number(ms) <= now) n += c;
      if (n) out.set(uid, n / (windowMs / 1000));
    }
    return out;
  }

  affinity(key: string, now: number, timeoutMs: number): string | undefined {
    const hit = this.read().affinity[key];
    return hit && now - hit[1] <= timeoutMs ? hit[0] : undefined;
  }

  remember(key: string, ip: string, now: number): void {
    const s = this.read();
    s.affinity[key] = [ip, now];
    const keys = Object.keys(s.affinity);
    if (keys.length > MAX_AFFINITY) {
      keys.sort((a, b) => s.affinity[a][1] - s.affinity[b][1]).slice(0, keys.length - MAX_AFFINITY).forEach((k) => delete s.affinity[k]);
    }
    this.write(s);
  }
}

/** The next value of a named request counter of this lab (0, 1, 2, ...). */
export function nextCounter(view: NetView, key: string): number {
  return nextCounters(view, [key])[0];
}

/** Several counters advanced together (one store write). */
export function nextCounters(view: NetView, keys: readonly string[]): number[] {
  const st = registry.get(view);
  if (st) return st.next(keys);
  let c = fallback.get(view);
  if (!c) fallback.set(view, (c = {}));
  return keys.map((k) => { const n = c![k] ?? 0; c![k] = n + 1; return n; });
}

/**
 * The next values of `keys` without taking them yet: the caller passes `pending` on to
 * commitRequest (with the request it leads to), so a request costs one write. Without a NetState
 * the values are taken at once and nothing is pending.
 */
export function reserveCounters(view: NetView, keys: readonly string[]): { values: number[]; pending: readonly string[] } {
  const st = registry.get(view);
  return st ? { values: st.peek(keys), pending: keys } : { values: nextCounters(view, keys), pending: [] };
}

/** Takes the counters `keys` and records a request `served` (one write when the lab has a NetState). */
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
