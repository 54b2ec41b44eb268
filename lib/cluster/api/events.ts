import type { CoreEvent } from '../k8s';
import type { ObjectStore } from '../store';
import type { KubeObject, StoredObject } from '../types';
import type { ApiServer } from './api-server';
import { AGGREGATE_PREFIX, EventCorrelator, type CorrelatorState, type SavedCorrelator } from './event-correlator';
import { rfc3339, rfc3339Micro } from './time';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  /** `default-scheduler`, `kubelet`, `replicaset-controller`, ... */
  component: string;
  host?: string;
}

/**
 * An EventRecorder like client-go/tools/record (event.go + events_cache.go): events are
 * core/v1 Event objects named `<object>.<hex unix nanos>`, filtered and aggregated by the
 * EventCorrelator (event-correlator.ts); a repeat of the same event bumps `count` and
 * `lastTimestamp` of the stored one instead of making a new object.
 * The scheduler records through the events.k8s.io API, which has no spam filter or aggregation.
 */
export class EventRecorder {
  private correlator: EventCorrelator;
  private byKey?: Map<string, string>;

  constructor(private api: ApiServer, private store: ObjectStore, private clock: () => number, state?: CorrelatorState | SavedCorrelator) {
    this.correlator = new EventCorrelator(state);
  }

  /** The correlator's caches, for the snapshot (undefined when they hold nothing worth keeping). */
  state(): CorrelatorState | undefined {
    return this.correlator.toJSON(this.clock());
  }

  /** The same as the snapshot text holds them (see EventCorrelator.toText). */
  stateText(): SavedCorrelator {
    return this.correlator.toText(this.clock());
  }

  record(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const meta = obj.metadata ?? {};
    const ns = meta.namespace || 'default';
    const now = this.clock();
    const legacy = source.component !== 'default-scheduler';
    let skipped = 0;
    let aggregate = false;
    if (legacy) {
      const c = this.correlator.correlate({ component: source.component, host: source.host, kind: obj.kind, namespace: meta.namespace,
        name: meta.name, uid: meta.uid, apiVersion: obj.apiVersion, fieldPath, type, reason, message }, now);
      if (c.skip) return;
      skipped = this.correlator.takeSkipped(c.key);
      message = c.message;
      aggregate = c.aggregate;
    }
    // eventLogger: the stored event with the same key (an aggregate event by its aggregate key).
    const key = legacy ? dedupKey(ns, meta.uid, source.component, source.host, type, reason, fieldPath, message, aggregate) : '';
    const seen = legacy ? this.lookup(key, ns) : undefined;
    if (seen) {
      // A new top level (the stored event is never changed); unchanged parts are shared, never changed.
      const existing = { ...seen, metadata: { ...seen.metadata } } as CoreEvent & StoredObject;
      existing.count = (seen.count ?? 1) + 1 + skipped;
      existing.lastTimestamp = rfc3339(now);
      existing.message = message;
      this.api.writeOwned(existing);
      return;
    }
    const nanos = BigInt(Math.floor(now)) * 1_000_000n + BigInt(this.store.revision % 1_000_000);
    const ev: CoreEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${meta.name}.${nanos.toString(16)}`, namespace: ns },
      involvedObject: {
        apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, namespace: meta.namespace,
        uid: meta.uid, resourceVersion: meta.resourceVersion,
        ...(fieldPath && { fieldPath }),
      },
      reason, message, type,
      source: { component: source.component, ...(source.host && { host: source.host }) },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      count: 1 + skipped,
      eventTime: undefined,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    if (!legacy) {
      // The scheduler uses the events.k8s.io API: eventTime set, legacy timestamps empty.
      ev.eventTime = rfc3339Micro(now);
      ev.firstTimestamp = undefined;
      ev.lastTimestamp = undefined;
      ev.count = undefined;
      ev.action = 'Binding';
      ev.reportingInstance = `default-scheduler-${source.host ?? 'k8s-master'}`;
      ev.source = undefined;
    }
    dropUndefined(ev.involvedObject);
    dropUndefined(ev);
    this.api.createOwned(ev);
    if (legacy) this.index().set(key, ev.metadata!.name!);
  }

  /** Event names by dedup key, built from the store on first use (so a restored lab has it too). */
  private index(): Map<string, string> {
    if (!this.byKey) {
      this.byKey = new Map();
      for (const e of this.store.peek('Event') as readonly CoreEvent[]) {
        const k = storedKey(e);
        if (k !== undefined && !this.byKey.has(k)) this.byKey.set(k, e.metadata!.name!);
      }
    }
    return this.byKey;
  }

  private lookup(key: string, ns: string): CoreEvent | undefined {
    const name = this.index().get(key);
    if (name === undefined) return undefined;
    const ev = this.store.peekOne('Event', ns, name) as CoreEvent | undefined;
    if (ev && storedKey(ev) === key) return ev;
    this.byKey!.delete(key); // expired, deleted or replaced
    return undefined;
  }
}

/** What JSON would drop, dropped (the stored event then equals its restored copy). */
function dropUndefined(o: object): void {
  const r = o as Record<string, unknown>;
  for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k];
}

/** getEventKey (or the aggregate key, for an aggregate event) as this recorder matches stored events. */
function dedupKey(ns: string, uid: string | undefined, component: string, host: string | undefined, type: string, reason: string,
  fieldPath: string | undefined, message: string, aggregate: boolean): string {
  return [ns, uid, component, host ?? '', type, reason, aggregate ? '' : fieldPath ?? '', aggregate ? AGGREGATE_PREFIX : message].join('\u0000');
}

function storedKey(e: CoreEvent): string | undefined {
  if (!e.source?.component) return undefined;
  const aggregate = !!e.message?.startsWith(AGGREGATE_PREFIX);
  return dedupKey(e.metadata?.namespace ?? '', e.involvedObject.uid, e.source.component, e.source.host, e.type ?? '', e.reason ?? '',
    e.involvedObject.fieldPath, e.message ?? '', aggregate);
}
