import { deepCopy } from '../clone';
import type { CoreEvent } from '../k8s';
import type { ObjectStore } from '../store';
import type { KubeObject } from '../types';
import type { ApiServer } from './api-server';
import { rfc3339, rfc3339Micro } from './time';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  /** `default-scheduler`, `kubelet`, `replicaset-controller`, ... */
  component: string;
  host?: string;
}

/**
 * An EventRecorder like client-go/tools/record (event.go + events_cache.go): events are
 * core/v1 Event objects named `<object>.<hex unix nanos>`; a repeat of the same
 * reason/message for the same object bumps `count` and `lastTimestamp` instead.
 */
export class EventRecorder {
  constructor(private api: ApiServer, private store: ObjectStore, private clock: () => number) {}

  record(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const meta = obj.metadata ?? {};
    const ns = meta.namespace || 'default';
    const now = this.clock();
    const seen = this.store.peekEventsAbout(meta.uid, ns).find((e) => {
      const ev = e as CoreEvent;
      return ev.involvedObject.uid === meta.uid && ev.reason === reason && ev.message === message &&
        ev.source?.component === source.component;
    }) as CoreEvent | undefined;
    if (seen) {
      const existing = deepCopy(seen) as CoreEvent;
      existing.count = (existing.count ?? 1) + 1;
      existing.lastTimestamp = rfc3339(now);
      this.api.write({ ...existing, kind: 'Event' });
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
      count: 1,
      eventTime: undefined,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    if (source.component === 'default-scheduler') {
      // The scheduler uses the events.k8s.io API: eventTime set, legacy timestamps empty.
      ev.eventTime = rfc3339Micro(now);
      ev.firstTimestamp = undefined;
      ev.lastTimestamp = undefined;
      ev.count = undefined;
      ev.action = 'Binding';
      ev.reportingInstance = `default-scheduler-${source.host ?? 'k8s-master'}`;
      ev.source = undefined;
    }
    this.api.createInternal(JSON.parse(JSON.stringify(ev)));
  }
}
