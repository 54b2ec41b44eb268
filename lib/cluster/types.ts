import type { CorrelatorState } from './api/event-correlator';
import type { MutableMeta } from './k8s';
import type { NetStateJson } from './network/net-state';
import type { PrngState } from './prng';
import type { QueueState } from './queue';
import type { EncodedObject } from './snapshot-codec';

/** Any API object; concrete shapes come from `kubernetes-types` (Pod, Node, ...). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: MutableMeta;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** A stored object always has kind and a named metadata. */
export type StoredObject = KubeObject & { kind: string; metadata: MutableMeta & { name: string } };

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}

export type WatchListener = (event: WatchEvent) => void;

export interface WatchFilter {
  kind?: string;
  namespace?: string;
}

/** The state of a cluster; `objects` are its stored objects (see snapshot.ts for the JSON form). */
export interface ClusterSnapshot {
  v: 3;
  seed: string;
  now: number;
  rv: number;
  prng: PrngState;
  queue: QueueState;
  objects: StoredObject[];
  /** Container files by backing store (absent when none were written). */
  files?: Record<string, Record<string, string>>;
  /** The event recorders' correlation caches (api/event-correlator.ts), when they hold anything. */
  events?: CorrelatorState;
  /** The data plane's counters, affinity table and request log (network/net-state.ts), once anything was counted. */
  net?: NetStateJson;
}

/** `JSON.parse(JSON.stringify(cluster.snapshot()))`: objects written as deltas (snapshot-codec.ts). */
export type ClusterSnapshotJson = Omit<ClusterSnapshot, 'objects'> & { objects: EncodedObject[] };

/** What earlier versions saved: `v: 2`, the same with absolute indexes in the entries; `v: 1`, every object in full, no correlation caches. */
export type ClusterSnapshotV2 = Omit<ClusterSnapshotJson, 'v'> & { v: 2 };
export type ClusterSnapshotV1 = Omit<ClusterSnapshot, 'v' | 'events' | 'net'> & { v: 1 };

/** Anything restoreCluster accepts (besides the line text of `cluster.snapshotText()`). */
export type SavedClusterSnapshot = ClusterSnapshot | ClusterSnapshotJson | ClusterSnapshotV2 | ClusterSnapshotV1;
