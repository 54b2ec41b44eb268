import type { ControllerRevision, Pod } from '../k8s';
import type { StoredObject } from '../types';
import type { ControllerContext } from './controller';

/**
 * Revision history cleanup shared by the StatefulSet controller (stateful_set_control.go
 * truncateHistory) and the DaemonSet controller (update.go cleanupHistory): revisions in use —
 * the current and update revisions and any revision a live pod still runs — are kept; of the
 * others at most `revisionHistoryLimit` (default 10) stay, the oldest (lowest revision) go first.
 */
export function truncateHistory(ctx: ControllerContext, owner: StoredObject, inUse: Set<string>, podRevision: (p: Pod) => string): void {
  const spec = owner.spec as { revisionHistoryLimit?: number } | undefined;
  const limit = Math.max(0, spec?.revisionHistoryLimit ?? 10);
  const ns = owner.metadata.namespace;
  const uid = owner.metadata.uid;
  const live = new Set(inUse);
  for (const p of ctx.store.peek('Pod', ns) as Pod[]) {
    if (p.metadata?.ownerReferences?.some((r) => r.uid === uid && r.controller)) live.add(podRevision(p));
  }
  const revisions = (ctx.store.peek('ControllerRevision', ns) as ControllerRevision[])
    .filter((r) => r.metadata?.ownerReferences?.some((o) => o.uid === uid));
  const history = revisions.filter((r) => !live.has(r.metadata!.name!) && !live.has(r.metadata?.labels?.['controller-revision-hash'] ?? ''))
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  for (const r of history.slice(0, Math.max(0, history.length - limit))) {
    try {
      ctx.api.delete('ControllerRevision', ns, r.metadata!.name!);
    } catch {
      // Already gone.
    }
  }
}
