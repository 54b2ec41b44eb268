import type { CoreEvent } from '../k8s';
import type { ObjectStore } from '../store';
import type { StoredObject } from '../types';
import { parseTime } from './time';

/**
 * kube-apiserver `--event-ttl` (default 1h): etcd stores every Event write with a lease of that
 * length, so an Event disappears an hour after it was last written (created or counted again).
 * Nothing polls: the cluster calls `expire(t)` as its clock reaches t, which looks only at the
 * head of a list kept in expiry order (writes happen in clock order, so appending keeps it sorted).
 */
export const EVENT_TTL_MS = 3_600_000;

/** An Event write and when its lease runs out; the stored object is replaced by any later write. */
interface Due { at: number; rv: number; ev: StoredObject }

/** Expiry order; writes of the same second in resourceVersion order. */
const before = (a: Due, b: Due): number => a.at - b.at || a.rv - b.rv;

/**
 * When an Event was last written, to the second, from its own fields. The RFC 3339 times all
 * start `YYYY-MM-DDTHH:MM:SS`, so the latest is found by comparing those 19 characters (in place:
 * this runs for every Event of a restored lab, so it makes no strings and no closures).
 */
export function lastWrite(ev: CoreEvent, parsed?: Map<string, number>): number {
  let latest: string | undefined;
  latest = later(ev.lastTimestamp, latest);
  latest = later(ev.eventTime, latest);
  latest = later(ev.series?.lastObservedTime, latest);
  latest = later(ev.metadata?.creationTimestamp, latest);
  if (latest === undefined) return 0;
  const known = parsed?.get(latest);
  if (known !== undefined) return known;
  const ms = parseTime(`${latest.slice(0, 19)}Z`) ?? 0;
  parsed?.set(latest, ms);
  return ms;
}

/** `t` when its first 19 characters sort after those of `latest` (or `latest` is none), else `latest`. */
function later(t: unknown, latest: string | undefined): string | undefined {
  if (typeof t !== 'string' || t === '') return latest;
  if (latest === undefined) return t;
  const n = Math.min(19, t.length, latest.length);
  for (let i = 0; i < n; i++) {
    const d = t.charCodeAt(i) - latest.charCodeAt(i);
    if (d !== 0) return d > 0 ? t : latest;
  }
  return t.length > latest.length && latest.length < 19 ? t : latest;
}

export class EventTtl {
  private due: Due[] = [];
  private head = 0;

  constructor(private store: ObjectStore, private clock: () => number) {
    // A restored store: expiry order rebuilt from the events' own timestamps.
    const now = Math.floor(clock() / 1000) * 1000;
    const parsed = new Map<string, number>(); // events share their seconds: parse each once
    const events = store.peek('Event') as readonly CoreEvent[];
    const restored: Due[] = new Array(events.length);
    let sorted = true;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i] as CoreEvent & StoredObject;
      const d: Due = { at: Math.min(lastWrite(ev, parsed), now) + EVENT_TTL_MS, rv: Number(ev.metadata.resourceVersion), ev };
      if (i > 0 && before(restored[i - 1], d) > 0) sorted = false;
      restored[i] = d;
    }
    this.due = sorted ? restored : restored.sort(before);
    store.subscribe((e) => {
      if (e.type === 'DELETED') return;
      this.due.push({ at: Math.floor(this.clock() / 1000) * 1000 + EVENT_TTL_MS, rv: Number(e.object.metadata?.resourceVersion), ev: e.object as StoredObject });
    }, { kind: 'Event' });
  }

  /** Removes the Events whose TTL ran out at or before `now`. */
  expire(now: number): void {
    const due = this.due;
    while (this.head < due.length && due[this.head].at <= now) {
      const { metadata: m } = due[this.head++].ev;
      // A later write renewed the lease (and queued its own entry) unless the stored Event is still this one.
      if (this.store.peekOne('Event', m.namespace, m.name) === due[this.head - 1].ev) this.store.remove('Event', m.namespace, m.name);
    }
    if (this.head > 256 && this.head * 2 > due.length) {
      this.due = due.slice(this.head);
      this.head = 0;
    }
  }
}
