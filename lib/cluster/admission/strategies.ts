import type { Pod } from '../k8s';
import type { StatusCause, StatusError } from '../errors';
import type { Prng } from '../prng';
import type { StoredObject } from '../types';
import { validateObjectMeta } from './object-meta';
import { defaultPod } from './pod-defaults';
import { validatePod, validatePodUpdate } from './pod-validation';
import { pvcStrategy, pvStrategy } from './storage';
import { replicaSetStrategy, statefulSetStrategy } from './workloads';
import { daemonSetStrategy, deploymentStrategy } from './apps-rollouts';
import { cronJobStrategy, jobStrategy } from './batch';
import { serviceStrategy } from './service';
import { ingressClassStrategy, ingressStrategy, rbacStrategy } from './networking';
import { configMapStrategy, secretStrategy } from './config-objects';
import { hpaStrategy } from './hpa';
import { applyVpaToPod, vpaCheckpointStrategy, vpaStrategy } from './vpa';
import { ipAddressPoolStrategy, l2AdvertisementStrategy } from './metallb';
import { namespaceStrategy } from '../controllers/namespace-lifecycle';

export interface StrategyContext {
  prng: Prng;
  now: number;
  /** Read access for admission plugins (default StorageClass, ...). */
  list(kind: string, namespace?: string): StoredObject[];
}

/**
 * Per-kind REST strategy, like pkg/registry/<group>/<kind>/strategy.go upstream:
 * defaulting + admission on create, validation, and the graceful-deletion rule.
 */
export interface KindStrategy {
  prepareForCreate?(obj: StoredObject, ctx: StrategyContext): void;
  validate(obj: StoredObject): StatusCause[];
  /** Runs on create once metadata.uid is set (the Job's generated selector). */
  afterUid?(obj: StoredObject): void;
  prepareForUpdate?(next: StoredObject, prev: StoredObject, ctx?: StrategyContext): void;
  validateUpdate?(next: StoredObject, prev: StoredObject): StatusCause[];
  /** Seconds to wait before the object is removed; 0 removes it at once. */
  gracePeriod?(obj: StoredObject, requested: number | undefined): number;
  /** Whether `status` is a subresource that user updates may not touch. */
  hasStatus?: boolean;
  /** Validating admission after validation (webhooks); a returned error rejects the write. */
  admit?(obj: StoredObject, ctx: StrategyContext): StatusError | undefined;
}

const generic = (rule: 'subdomain' | 'label'): KindStrategy => ({
  validate: (obj) => validateObjectMeta(obj.metadata, rule),
});

// pkg/registry/core/pod/strategy.go: PrepareForCreate resets status to Pending with
// QOSClass; CheckGracefulDelete uses the spec's grace period, or 0 when the pod never
// reached a node or has already finished.
const podStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj, ctx) {
    const pod = obj as Pod;
    defaultPod(pod, ctx.prng);
    applyVpaToPod(pod, ctx); // vpa-admission-controller's mutating webhook, when installed
    const requests = pod.spec!.containers.some((c) => c.resources?.requests || c.resources?.limits);
    pod.status = { phase: 'Pending', qosClass: requests ? 'Burstable' : 'BestEffort' };
  },
  validate: (obj) => validatePod(obj as Pod),
  prepareForUpdate(next, prev) {
    next.status = prev.status;
  },
  validateUpdate: (next, prev) => validatePodUpdate(next as Pod, prev as Pod),
  gracePeriod(obj, requested) {
    const pod = obj as Pod;
    if (!pod.spec?.nodeName) return 0;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
    return requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  },
};

const strategies: Record<string, KindStrategy> = {
  Pod: podStrategy,
  ReplicaSet: replicaSetStrategy,
  StatefulSet: statefulSetStrategy,
  Deployment: deploymentStrategy,
  DaemonSet: daemonSetStrategy,
  Job: jobStrategy,
  CronJob: cronJobStrategy,
  PersistentVolumeClaim: pvcStrategy,
  PersistentVolume: pvStrategy,
  Service: serviceStrategy,
  Namespace: namespaceStrategy,
  Node: generic('subdomain'),
  Ingress: ingressStrategy,
  IngressClass: ingressClassStrategy,
  Secret: secretStrategy,
  ConfigMap: configMapStrategy,
  Role: rbacStrategy,
  RoleBinding: rbacStrategy,
  ClusterRole: rbacStrategy,
  ClusterRoleBinding: rbacStrategy,
  HorizontalPodAutoscaler: hpaStrategy,
  VerticalPodAutoscaler: vpaStrategy,
  VerticalPodAutoscalerCheckpoint: vpaCheckpointStrategy,
  IPAddressPool: ipAddressPoolStrategy,
  L2Advertisement: l2AdvertisementStrategy,
};

export function strategyFor(kind: string): KindStrategy {
  return strategies[kind] ?? generic('subdomain');
}
