import type { Container, Pod } from '../k8s';
import { parseImageRef, repositoryOf } from '../runtime/image-ref';

/**
 * What a simulated container costs: idle CPU (millicores), working-set memory (bytes) and CPU
 * time per HTTP request served (ms). Figures are typical of the images at rest (metrics-server
 * readings on a kubeadm cluster); hpa-example's PHP page burns ~10 ms of CPU per request, so a
 * `while sleep 0.01; do wget ...; done` loop (≈50 req/s) keeps one pod at ~500m, its limit in
 * the kubernetes.io HPA walkthrough.
 */
export interface UsageProfile {
  idleMilli: number; memoryBytes: number; costMs: number;
  /** CPU ms per request the image's client (wget/curl) spends when it is the one sending. */
  clientMs?: number;
}

const Mi = 1024 * 1024;
const PROFILES: Record<string, UsageProfile> = {
  'registry.k8s.io/hpa-example': { idleMilli: 1, memoryBytes: 11 * Mi, costMs: 10 },
  'docker.io/library/nginx': { idleMilli: 0, memoryBytes: 3 * Mi, costMs: 0.2 },
  'registry.k8s.io/nginx-slim': { idleMilli: 0, memoryBytes: 2 * Mi, costMs: 0.2 },
  'docker.io/kubetm/app': { idleMilli: 1, memoryBytes: 24 * Mi, costMs: 1 },
  'docker.io/kubetm/init': { idleMilli: 1, memoryBytes: 24 * Mi, costMs: 1 },
  'docker.io/library/busybox': { idleMilli: 0, memoryBytes: 0.4 * Mi, costMs: 0, clientMs: 0.15 },
  'docker.io/curlimages/curl': { idleMilli: 0, memoryBytes: 0.5 * Mi, costMs: 0, clientMs: 0.3 },
  'registry.k8s.io/metrics-server/metrics-server': { idleMilli: 4, memoryBytes: 19 * Mi, costMs: 0 },
  'registry.k8s.io/ingress-nginx/controller': { idleMilli: 2, memoryBytes: 92 * Mi, costMs: 0.3 },
  'registry.k8s.io/kube-proxy': { idleMilli: 1, memoryBytes: 15 * Mi, costMs: 0 },
  'registry.k8s.io/coredns/coredns': { idleMilli: 2, memoryBytes: 13 * Mi, costMs: 0 },
  'registry.k8s.io/etcd': { idleMilli: 21, memoryBytes: 48 * Mi, costMs: 0 },
  'registry.k8s.io/kube-apiserver': { idleMilli: 45, memoryBytes: 260 * Mi, costMs: 0 },
  'registry.k8s.io/kube-controller-manager': { idleMilli: 14, memoryBytes: 52 * Mi, costMs: 0 },
  'registry.k8s.io/kube-scheduler': { idleMilli: 3, memoryBytes: 22 * Mi, costMs: 0 },
};
const DEFAULT: UsageProfile = { idleMilli: 1, memoryBytes: 8 * Mi, costMs: 1, clientMs: 0.2 };

export function profileOf(c: Container): UsageProfile {
  if (!c.image) return DEFAULT;
  const ref = parseImageRef(c.image);
  if (ref.registry === 'k8s.gcr.io') ref.registry = 'registry.k8s.io';
  return PROFILES[repositoryOf(ref)] ?? DEFAULT;
}

/** CPU ms per request of the pod's first serving container. */
export function costPerRequestMs(pod: Pod): number {
  const c = pod.spec?.containers?.[0];
  return c ? profileOf(c).costMs : DEFAULT.costMs;
}
