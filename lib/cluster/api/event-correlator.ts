/**
 * client-go's EventCorrelator (k8s.io/client-go/tools/record/events_cache.go) with its default
 * options, on the simulated clock:
 *  - spam filter (EventSourceObjectSpamFilter): one token bucket per source + involved object,
 *    burst 25, refilled at 1 event per 5 minutes; an event without a token is dropped;
 *  - aggregation (EventAggregator with EventAggregatorByReasonFunc): when 10 events of one
 *    source/object/type/reason with different messages are seen, each less than 10 minutes after
 *    the previous one, further ones become one event "(combined from similar events): <message>".
 * EventCorrelate runs them in that order: aggregate, count (eventLogger: done by the recorder
 * against the stored events; a dropped event still counts, so the next one let through carries
 * the full count), then the spam filter.
 * The state is plain JSON and travels in the cluster snapshot, so a restored lab correlates the
 * same way; entries that equal a fresh one (full bucket, stale aggregate) are not kept. To keep it
 * small, objects are keyed by uid and messages by a 32-bit FNV-1a hash (they are only compared).
 */

const SPAM_BURST = 25;
const SPAM_QPS = 1 / 300;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;

/** [tokens, last refill ms] per spam key; [last ms, message hashes] per aggregate key. */
export interface CorrelatorState {
  spam?: Record<string, [number, number]>;
  agg?: Record<string, [number, string]>;
  /** Occurrences dropped by the spam filter since the event was last written, per event key. */
  skipped?: Record<string, number>;
}

export interface CorrelatedEvent {
  component: string;
  host?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  fieldPath?: string;
  type: string;
  reason: string;
  message: string;
}

export interface Correlation {
  /** Dropped by the spam filter. */
  skip: boolean;
  /** The message to record (prefixed when aggregated). */
  message: string;
  aggregate: boolean;
  /** The eventLogger cache key (getEventKey, or the aggregate key for an aggregate event). */
  key: string;
}

export const AGGREGATE_PREFIX = '(combined from similar events): ';

/**
 * The caches as a snapshot's text holds them (its second line): read only when the correlator is
 * first used, and written back as they were while nothing changed. `staleAt`: the earliest time
 * an entry may be dropped (toJSON would drop nothing before it).
 */
export interface SavedCorrelator { text: string; staleAt: number }

export class EventCorrelator {
  // Plain objects used as insertion-ordered maps (a key written again moves last, as in a Map),
  // in the very form they take in the snapshot, so a restored lab adopts them without a pass.
  // Values are replaced, never changed in place, so a shallow copy is a snapshot of them.
  private spam: Record<string, [number, number]> = {};
  private agg: Record<string, [number, string]> = {};
  private skipped: Record<string, number> = {};
  /**
   * The maps last handed out by toJSON (shared with that snapshot, not copied): the next change
   * copies a map first (copy on write), so a snapshot taken while no event is recorded costs no copy.
   */
  private shared = false;
  /** The saved text, until the caches are first needed. */
  private saved?: SavedCorrelator;
  /** The JSON of the maps while they are shared (unchanged since toJSON), and the exact staleFrom for them. */
  private text?: string;
  private textStaleAt?: number;
  /** No entry is stale before this (a lower bound: toJSON scans from then on). */
  private staleFrom = -Infinity;

  /** `state` is owned from here on (restoreCluster gives a decoded or copied snapshot). */
  constructor(state?: CorrelatorState | SavedCorrelator) {
    if (state && 'text' in state && typeof state.text === 'string') {
      this.saved = state;
      this.staleFrom = state.staleAt;
    } else if (state) {
      const st = state as CorrelatorState;
      this.spam = st.spam ?? {};
      this.agg = st.agg ?? {};
      this.skipped = st.skipped ?? {};
    }
  }

  /** Reads the saved text (once). */
  private load(): void {
    const saved = this.saved;
    if (!saved) return;
    this.saved = undefined;
    let st: CorrelatorState = {};
    try {
      const parsed = JSON.parse(saved.text) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) st = parsed as CorrelatorState;
    } catch {
      // a damaged cache only loses correlation history: events are recorded as if it were empty
    }
    this.spam = st.spam ?? {};
    this.agg = st.agg ?? {};
    this.skipped = st.skipped ?? {};
    this.shared = true;
    this.text = saved.text;
    this.textStaleAt = saved.staleAt;
  }

  correlate(e: CorrelatedEvent, now: number): Correlation {
    this.load();
    this.own();
    // getSpamKey / EventAggregatorByReasonFunc / getEventKey; the uid stands for kind, namespace, name and apiVersion.
    const source = `${e.component}/${e.host ?? ''}/${e.uid ?? `${e.apiVersion}/${e.kind}/${e.namespace}/${e.name}`}`;
    const message = fnv1a(e.message);
    const aggregated = this.aggregate(`${source}/${e.type}/${e.reason}`, message, now);
    const key = aggregated ? `a/${aggregated}` : `e/${source}/${e.type}/${e.reason}/${e.fieldPath ?? ''}/${message}`;
    const skip = !this.tryAccept(source, now);
    if (skip) this.skipped[key] = (this.skipped[key] ?? 0) + 1;
    return { skip, key, aggregate: !!aggregated, message: aggregated ? AGGREGATE_PREFIX + e.message : e.message };
  }

  /** Occurrences of `key` dropped since it was last written (and forgets them). */
  takeSkipped(key: string): number {
    this.load();
    const n = this.skipped[key] ?? 0;
    if (n) { this.own(); delete this.skipped[key]; }
    return n;
  }

  /** Copies the maps a snapshot still shares before they change. */
  private own(): void {
    if (!this.shared) return;
    this.spam = { ...this.spam };
    this.agg = { ...this.agg };
    this.skipped = { ...this.skipped };
    this.shared = false;
    this.text = undefined;
    this.textStaleAt = undefined;
  }

  /** EventAggregate: the aggregate key once the group is aggregated, else undefined. Messages are 8-digit hashes. */
  private aggregate(aggKey: string, message: string, now: number): string | undefined {
    const rec = this.agg[aggKey];
    let keys = !rec || now - rec[0] > AGGREGATE_INTERVAL_MS ? '' : rec[1];
    let known = false;
    for (let i = 0; i < keys.length && !known; i += 8) known = keys.startsWith(message, i);
    if (!known) keys += message;
    // "do not grow our local key set any larger than max" (PopAny; here the oldest, to stay deterministic)
    const aggregate = keys.length / 8 >= AGGREGATE_MAX_EVENTS;
    if (aggregate) keys = keys.slice(8);
    delete this.agg[aggKey]; // written again last: least recently used first, like the LRU
    this.agg[aggKey] = [now, keys];
    this.staleFrom = Math.min(this.staleFrom, aggStaleAt(now));
    return aggregate ? aggKey : undefined;
  }

  /** flowcontrol token bucket (golang.org/x/time/rate AllowN) for one source + object. */
  private tryAccept(key: string, now: number): boolean {
    const b = this.spam[key] ?? [SPAM_BURST, now];
    const tokens = Math.min(SPAM_BURST, b[0] + (Math.max(0, now - b[1]) / 1000) * SPAM_QPS);
    const ok = tokens >= 1;
    delete this.spam[key];
    const left = ok ? tokens - 1 : tokens;
    this.spam[key] = [left, now];
    this.staleFrom = Math.min(this.staleFrom, spamStaleAt(left, now));
    return ok;
  }

  /** The state worth keeping at `now` (entries equal to fresh ones dropped), or undefined when none is. */
  toJSON(now: number): CorrelatorState | undefined {
    this.load();
    if (now >= this.staleFrom) this.prune(now);
    const has = (o: object) => { for (const _ in o) return true; return false; };
    if (!has(this.spam) && !has(this.agg) && !has(this.skipped)) return undefined;
    // Shared, not copied: the maps are copied before their next change (own()).
    this.shared = true;
    return { ...(has(this.spam) && { spam: this.spam }), ...(has(this.agg) && { agg: this.agg }),
      ...(has(this.skipped) && { skipped: this.skipped }) };
  }

  /**
   * The state at `now` as the snapshot text holds it (`{}` for none), and when an entry may first
   * go stale: the saved text itself while it is unread and nothing in it can be stale yet.
   */
  toText(now: number): SavedCorrelator {
    if (this.saved && now < this.saved.staleAt) return this.saved;
    const state = this.toJSON(now);
    if (!state) return { text: '{}', staleAt: Infinity };
    if (this.text === undefined || this.textStaleAt === undefined) {
      this.text ??= JSON.stringify(state);
      // Exact (not just a lower bound), so the same state gives the same text.
      this.prune(now);
      this.textStaleAt = this.staleFrom;
    }
    return { text: this.text, staleAt: this.textStaleAt };
  }

  /** Drops the entries equal to fresh ones, and finds when the next one may be. */
  private prune(now: number): void {
    const staleSpam: string[] = [];
    let next = Infinity;
    for (const k in this.spam) {
      const [tokens, last] = this.spam[k];
      if (tokens + ((now - last) / 1000) * SPAM_QPS >= SPAM_BURST) staleSpam.push(k);
      else next = Math.min(next, spamStaleAt(tokens, last));
    }
    const staleAgg: string[] = [];
    for (const k in this.agg) {
      if (now - this.agg[k][0] > AGGREGATE_INTERVAL_MS) staleAgg.push(k);
      else next = Math.min(next, aggStaleAt(this.agg[k][0]));
    }
    if (staleSpam.length || staleAgg.length) {
      this.own();
      for (const k of staleSpam) delete this.spam[k];
      for (const k of staleAgg) delete this.agg[k];
    }
    this.staleFrom = next;
  }
}

/** A lower bound of when a spam bucket with `tokens` at `last` is full again (1 ms early against rounding). */
const spamStaleAt = (tokens: number, last: number): number => last + ((SPAM_BURST - tokens) / SPAM_QPS) * 1000 - 1;
/** When an aggregate record written at `last` may be dropped (it is, once more than the interval has passed). */
const aggStaleAt = (last: number): number => last + AGGREGATE_INTERVAL_MS;

/** 32-bit FNV-1a of a string's UTF-16 code units, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
