import type { MutableMeta } from './k8s';
import type { PrngState } from './prng';
import type { QueueState } from './queue';

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

export interface ClusterSnapshot {
  v: 1;
  seed: string;
  now: number;
  rv: number;
  prng: PrngState;
  queue: QueueState;
  objects: StoredObject[];
  /** Container files by backing store (absent when none were written). */
  files?: Record<string, Record<string, string>>;
}
