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
export { resolveHost, resolvConf, CLUSTER_DOMAIN } from './network/dns';
export type { DnsAnswer, NetView } from './network/dns';
export { connect } from './network/routing';
export type { ConnectResult } from './network/routing';
export { DNS_SERVICE_IP } from './network/system-services';
export { serveHttp, imageFamily, IMAGE_TOOLS, NGINX_WELCOME_PAGE } from './runtime/http-apps';
export type { HttpRequest, HttpResponse, ImageFamily } from './runtime/http-apps';
export { VolumeFiles } from './runtime/volume-files';
export type { FileTree } from './runtime/volume-files';
export { processLogs, dateLine } from './runtime/process-logs';
export type { LogLine } from './runtime/process-logs';
export { bundledManifest, BUNDLED_URLS } from './addons';
export { serveIngress, connectLocalhost, plainHttpOnTlsPort, isControllerPod, servedCertificate } from './network/ingress';
export type { IngressRequest, UpstreamServe, ServedCertificate } from './network/ingress';
export { strictDecodingError, unknownFields } from './admission/strict-decoding';
export { readMetrics } from './metrics/metrics-server';
export type { MetricsApi, PodUsage } from './metrics/metrics-server';
export { parseLoadLoop } from './metrics/load';
export type { LoadLoop } from './metrics/load';
