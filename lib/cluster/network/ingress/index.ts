export { isControllerPod, runningControllers } from './classes';
export { serveIngress, connectLocalhost, plainHttpOnTlsPort, nginxPage } from './proxy';
export type { IngressRequest, UpstreamServe } from './proxy';
export { servedCertificate, usableTlsSecret } from './tls';
export type { ServedCertificate } from './tls';
export { IngressStatusController } from './status-controller';
