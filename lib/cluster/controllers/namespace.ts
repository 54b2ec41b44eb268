import { rfc3339 } from '../api/time';
import { resourceForKind } from '../resources';
import type { Task } from '../queue';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';
import { KeyedQueue } from './pod-util';

interface NsCondition { type: string; status: 'True' | 'False'; reason: string; message: string; lastTransitionTime?: string }

/**
 * The namespace controller (pkg/controller/namespace/deletion/namespaced_resources_deleter.go):
 * a Terminating namespace has all of its content deleted (pods gracefully), its status conditions
 * say what remains, and once it is empty the `kubernetes` finalizer is removed so it goes away.
 * Woken by the namespace changing and by objects in it disappearing; nothing polls.
 */
export class NamespaceController implements Controller {
  readonly name = 'namespace';
  readonly handlers = { 'namespace-delete': (t: Task) => { this.queue.done(t.key); this.sync(t.name as string); } };
  private queue: KeyedQueue;
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {
    this.queue = new KeyedQueue(ctx, 'namespace-delete');
  }

  start(): void {
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      const meta = ev.object.metadata;
      if (ev.type !== 'DELETED' && meta?.deletionTimestamp && meta.name) this.queue.add(undefined, meta.name);
    }, { kind: 'Namespace' }));
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      const ns = ev.object.metadata?.namespace;
      if (ev.type !== 'DELETED' || !ns || ev.object.kind === 'Event') return;
      if (this.ctx.store.get('Namespace', undefined, ns)?.metadata.deletionTimestamp) this.queue.add(undefined, ns);
    }));
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
  }

  private sync(name: string): void {
    const ns = this.ctx.store.get('Namespace', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    const content = () => this.ctx.store.filter((o) => o.metadata.namespace === name && o.kind !== 'Event');
    for (const o of content()) {
      if (o.metadata.deletionTimestamp) continue;
      try {
        this.ctx.api.delete(o.kind, name, o.metadata.name);
      } catch {
        // Already gone (garbage collected with its owner).
      }
    }
    const remaining = content();
    if (remaining.length > 0) {
      this.setConditions(ns, remaining);
      return;
    }
    for (const e of this.ctx.store.filter((o) => o.metadata.namespace === name && o.kind === 'Event', 'Event')) {
      this.ctx.api.remove('Event', name, e.metadata.name);
    }
    const spec = (ns.spec ?? {}) as { finalizers?: string[] };
    spec.finalizers = (spec.finalizers ?? []).filter((f) => f !== 'kubernetes');
    ns.spec = spec;
    this.setConditions(ns, [], false);
    this.ctx.api.write(ns);
  }

  /** The deleter's status conditions (updateNamespaceStatusFunc / deletion conditions). */
  private setConditions(ns: StoredObject, remaining: StoredObject[], save = true): void {
    const counts = new Map<string, number>();
    const finalizers = new Map<string, number>();
    for (const o of remaining) {
      const res = resourceForKind(o.kind);
      const gr = res ? (res.group ? `${res.plural}.${res.group}` : res.plural) : o.kind;
      counts.set(gr, (counts.get(gr) ?? 0) + 1);
      for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    }
    const list = (m: Map<string, number>, fmt: (k: string, n: number) => string) => [...m.keys()].sort().map((k) => fmt(k, m.get(k)!)).join(', ');
    const conditions: NsCondition[] = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      counts.size
        ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${list(counts, (k, n) => `${k} has ${n} resource instances`)}` }
        : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
      finalizers.size
        ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${list(finalizers, (k, n) => `${k} in ${n} resource instances`)}` }
        : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ];
    const status = (ns.status ?? {}) as { phase?: string; conditions?: NsCondition[] };
    const prev = status.conditions ?? [];
    const now = rfc3339(this.ctx.now());
    const next = conditions.map((c) => {
      const old = prev.find((p) => p.type === c.type);
      return { ...c, lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime : now };
    });
    const changed = JSON.stringify(next) !== JSON.stringify(prev);
    ns.status = { ...status, phase: 'Terminating', conditions: next };
    if (changed && save) this.ctx.api.write(ns);
  }
}
