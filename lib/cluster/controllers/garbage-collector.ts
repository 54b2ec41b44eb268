import { resourceForKind } from '../resources';
import type { Task } from '../queue';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';

/**
 * The garbage collector (pkg/controller/garbagecollector/garbagecollector.go) for background
 * propagation: when an object goes, every dependent whose owners are all gone is deleted
 * (pods gracefully); references to vanished owners are dropped when other owners remain.
 * Orphan propagation is done by the API server before the owner is removed.
 */
export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  readonly handlers = { gc: (t: Task) => this.collect(t.uid as string) };
  private unsubscribe?: () => void;

  constructor(private ctx: ControllerContext) {}

  start(): void {
    this.unsubscribe = this.ctx.store.subscribe((ev) => {
      if (ev.type === 'DELETED' && ev.object.kind !== 'Event') this.ctx.enqueue(0, { type: 'gc', uid: ev.object.metadata?.uid });
    });
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private ownerAlive(dep: StoredObject, ref: { kind: string; name: string; uid: string }): boolean {
    const res = resourceForKind(ref.kind);
    const owner = this.ctx.store.get(ref.kind, res?.namespaced ? dep.metadata.namespace : undefined, ref.name);
    return owner?.metadata.uid === ref.uid;
  }

  private collect(uid: string): void {
    const dependents = this.ctx.store.dependentsOf(uid);
    for (const dep of dependents) {
      const alive = dep.metadata.ownerReferences!.filter((r) => r.uid !== uid && this.ownerAlive(dep, r));
      if (alive.length > 0) {
        dep.metadata.ownerReferences = alive;
        this.ctx.api.write(dep);
        continue;
      }
      if (dep.metadata.deletionTimestamp) continue;
      try {
        this.ctx.api.delete(dep.kind, dep.metadata.namespace, dep.metadata.name);
      } catch {
        // Already gone: nothing to collect.
      }
    }
  }
}
