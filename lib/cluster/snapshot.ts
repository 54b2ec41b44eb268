/**
 * Cluster snapshots as they are kept (lib/terminal/lab-session.ts stores
 * `JSON.stringify(cluster.snapshot())` and later restores `JSON.parse` of it).
 *
 *  - `cluster.snapshot()` gives the state with the live stored objects (`objects` is the plain
 *    list, handy in tests) and a `toJSON` that writes the compact `v: 2` form (snapshot-codec.ts).
 *  - `restoreCluster` accepts that in-memory snapshot, its JSON (v2), and the `v: 1` JSON that
 *    earlier versions saved (full objects, no correlation caches).
 */
import { deepCopy } from './clone';
import { SnapshotCodec } from './snapshot-codec';
import type { ClusterSnapshot, ClusterSnapshotJson, SavedClusterSnapshot } from './types';

/** Adds the compact JSON form (non-enumerable, so the snapshot still compares and spreads as data). */
export function withCompactJson(s: ClusterSnapshot, codec: SnapshotCodec): ClusterSnapshot {
  Object.defineProperty(s, 'toJSON', {
    enumerable: false,
    value: (): ClusterSnapshotJson => ({ ...s, objects: codec.encode(s.objects) }),
  });
  return s;
}

/**
 * A snapshot the cluster can own: decoded, and copied when it is an in-memory snapshot of a
 * live cluster (whose objects must not be shared). Throws on an unknown version or bad data.
 */
export function readSnapshot(input: SavedClusterSnapshot, codec: SnapshotCodec): ClusterSnapshot {
  if (!input || typeof input !== 'object' || !Array.isArray(input.objects)) throw new Error('damaged cluster snapshot');
  if (input.v === 1) {
    const { v: _v, ...rest } = deepCopy(input);
    return { v: 2, ...rest };
  }
  if (input.v !== 2) throw new Error('unsupported cluster snapshot version');
  if (typeof (input as { toJSON?: unknown }).toJSON === 'function') return deepCopy({ ...(input as ClusterSnapshot) });
  // Freshly parsed JSON: its values become the cluster's own.
  return { ...input, objects: codec.decode(input.objects) };
}
