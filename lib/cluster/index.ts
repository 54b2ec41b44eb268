/** Public API of the simulated control plane. Other layers import only from here. */
export { createCluster, restoreCluster } from './cluster';
export type { Cluster, CreateClusterOptions } from './cluster';
export type { DeleteOptions, WriteOptions } from './api/api-server';
export { StatusError, isStatusError } from './errors';
export type { StatusCause, StatusDetails, StatusReason } from './errors';
export { RESOURCES, apiVersionOf } from './resources';
export type { ResourceInfo } from './resources';
export { defaultPullPolicy } from './admission/pod-defaults';
export { parseTime, rfc3339 } from './api/time';
export type {
  ClusterSnapshot, KubeObject, StoredObject, WatchEvent, WatchEventType, WatchFilter, WatchListener,
} from './types';
