import type { Cluster } from '@/lib/cluster';

/**
 * The read-only slice of lib/cluster's `Cluster` that grading uses (docs/contracts.md).
 * A real Cluster, a restored snapshot or a plain fake object in tests all fit. Checks that send
 * traffic (dnsResolves, httpFromPod) need `snapshot` to run on a clone of the lab.
 */
export type ClusterView = Pick<Cluster, 'get' | 'list'> & Partial<Pick<Cluster, 'snapshot'>>;
