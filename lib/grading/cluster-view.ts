import { restoreCluster, type Cluster } from '@/lib/cluster';

/**
 * The read-only slice of lib/cluster's `Cluster` that grading uses (docs/contracts.md).
 * A real Cluster, a restored snapshot or a plain fake object in tests all fit. Checks that send
 * traffic (dnsResolves, httpFromPod) need `snapshot` to run on a clone of the lab.
 */
export type ClusterView = Pick<Cluster, 'get' | 'list'> & Partial<Pick<Cluster, 'snapshot' | 'snapshotText'>>;

/**
 * A copy of the lab to run traffic and time on (the learner's cluster is never touched), or null
 * when the view cannot be snapshotted (test fakes). Through the snapshot text when the view has
 * it: its unchanged lines are reused, so a grading pass does not serialise the whole lab again.
 */
export function cloneOf(view: ClusterView): Cluster | null {
  if (view.snapshotText) return restoreCluster(view.snapshotText());
  const snap = view.snapshot?.();
  return snap ? restoreCluster(JSON.parse(JSON.stringify(snap))) : null;
}
