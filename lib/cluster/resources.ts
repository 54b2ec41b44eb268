/**
 * API discovery: the resource types the simulated API server knows, like
 * `kubectl api-resources` on a 1.34 cluster. `simulated` marks kinds whose
 * controllers and storage exist; the others are known names that cannot be created yet.
 */
export interface ResourceInfo {
  kind: string;
  /** Plural resource name, e.g. `pods`. */
  plural: string;
  singular: string;
  shortNames: string[];
  /** API group, '' for core. */
  group: string;
  version: string;
  namespaced: boolean;
  simulated: boolean;
  /** Other versions the server also serves (stored as `version`), e.g. autoscaling/v1. */
  alsoServed?: string[];
  /** Served only while this CustomResourceDefinition exists (add-on kinds such as VPA, MetalLB). */
  crd?: string;
}

const r = (kind: string, plural: string, group: string, version: string, namespaced: boolean,
  shortNames: string[] = [], simulated = false): ResourceInfo =>
  ({ kind, plural, singular: kind.toLowerCase(), shortNames, group, version, namespaced, simulated });

export const RESOURCES: readonly ResourceInfo[] = [
  r('Pod', 'pods', '', 'v1', true, ['po'], true),
  r('Node', 'nodes', '', 'v1', false, ['no'], true),
  r('Namespace', 'namespaces', '', 'v1', false, ['ns'], true),
  r('Event', 'events', '', 'v1', true, ['ev'], true),
  r('StorageClass', 'storageclasses', 'storage.k8s.io', 'v1', false, ['sc'], true),
  r('ConfigMap', 'configmaps', '', 'v1', true, ['cm'], true),
  r('Secret', 'secrets', '', 'v1', true, [], true),
  r('Service', 'services', '', 'v1', true, ['svc'], true),
  r('Endpoints', 'endpoints', '', 'v1', true, ['ep'], true),
  r('PersistentVolume', 'persistentvolumes', '', 'v1', false, ['pv'], true),
  r('PersistentVolumeClaim', 'persistentvolumeclaims', '', 'v1', true, ['pvc'], true),
  r('ServiceAccount', 'serviceaccounts', '', 'v1', true, ['sa'], true),
  r('ReplicationController', 'replicationcontrollers', '', 'v1', true, ['rc']),
  r('ResourceQuota', 'resourcequotas', '', 'v1', true, ['quota']),
  r('LimitRange', 'limitranges', '', 'v1', true, ['limits']),
  r('Deployment', 'deployments', 'apps', 'v1', true, ['deploy'], true),
  r('ReplicaSet', 'replicasets', 'apps', 'v1', true, ['rs'], true),
  r('StatefulSet', 'statefulsets', 'apps', 'v1', true, ['sts'], true),
  r('DaemonSet', 'daemonsets', 'apps', 'v1', true, ['ds'], true),
  r('ControllerRevision', 'controllerrevisions', 'apps', 'v1', true, [], true),
  r('Job', 'jobs', 'batch', 'v1', true, [], true),
  r('CronJob', 'cronjobs', 'batch', 'v1', true, ['cj'], true),
  { ...r('HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'autoscaling', 'v2', true, ['hpa'], true), alsoServed: ['v1'] },
  r('Ingress', 'ingresses', 'networking.k8s.io', 'v1', true, ['ing'], true),
  r('IngressClass', 'ingressclasses', 'networking.k8s.io', 'v1', false, [], true),
  r('NetworkPolicy', 'networkpolicies', 'networking.k8s.io', 'v1', true, ['netpol']),
  r('EndpointSlice', 'endpointslices', 'discovery.k8s.io', 'v1', true, [], true),
  r('PodDisruptionBudget', 'poddisruptionbudgets', 'policy', 'v1', true, ['pdb']),
  r('Role', 'roles', 'rbac.authorization.k8s.io', 'v1', true, [], true),
  r('RoleBinding', 'rolebindings', 'rbac.authorization.k8s.io', 'v1', true, [], true),
  r('ClusterRole', 'clusterroles', 'rbac.authorization.k8s.io', 'v1', false, [], true),
  r('ClusterRoleBinding', 'clusterrolebindings', 'rbac.authorization.k8s.io', 'v1', false, [], true),
  r('CustomResourceDefinition', 'customresourcedefinitions', 'apiextensions.k8s.io', 'v1', false, ['crd', 'crds'], true),
  r('PriorityClass', 'priorityclasses', 'scheduling.k8s.io', 'v1', false, ['pc'], true),
  r('Lease', 'leases', 'coordination.k8s.io', 'v1', true),
  // Stored as generic objects (NAME/AGE tables) so the bundled add-on manifests apply (lib/cluster/addons).
  r('ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', 'admissionregistration.k8s.io', 'v1', false, [], true),
  r('MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', 'admissionregistration.k8s.io', 'v1', false, [], true),
  r('APIService', 'apiservices', 'apiregistration.k8s.io', 'v1', false, [], true),
];

/**
 * Custom resources of the bundled add-ons (lib/cluster/addons): served once their CRD is applied
 * (Cluster.resolveResource/resourceForKind check it). Kept out of RESOURCES, which is the
 * built-in discovery list.
 */
export const CUSTOM_RESOURCES: readonly ResourceInfo[] = [
  crd(r('VerticalPodAutoscaler', 'verticalpodautoscalers', 'autoscaling.k8s.io', 'v1', true, ['vpa'], true)),
  crd(r('VerticalPodAutoscalerCheckpoint', 'verticalpodautoscalercheckpoints', 'autoscaling.k8s.io', 'v1', true, ['vpacheckpoint'], true)),
  crd(r('IPAddressPool', 'ipaddresspools', 'metallb.io', 'v1beta1', true, [], true)),
  crd(r('L2Advertisement', 'l2advertisements', 'metallb.io', 'v1beta1', true, [], true)),
];

const ALL: readonly ResourceInfo[] = [...RESOURCES, ...CUSTOM_RESOURCES];

function crd(res: ResourceInfo): ResourceInfo {
  return { ...res, crd: `${res.plural}.${res.group}` };
}

/** Whether the API server serves `res` now: built-in kinds always, custom kinds while their CRD exists. */
export function isServed(res: ResourceInfo | undefined, hasCrd: (name: string) => boolean): res is ResourceInfo {
  return !!res && (!res.crd || hasCrd(res.crd));
}

/**
 * Resolves what a user typed (`po`, `pods`, `Pod`, `deployments.apps`, `deploy`) the way
 * kubectl's RESTMapper does with discovery (case-insensitive plural, singular, short name, kind).
 */
export function resolveResource(typed: string): ResourceInfo | undefined {
  const lower = typed.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
  return ALL.find((res) =>
    (group === undefined || res.group === group || `${res.version}.${res.group}` === group || (res.group === '' && group === 'v1')) &&
    (res.plural === name || res.singular === name || res.shortNames.includes(name)));
}

export function resourceForKind(kind: string, apiVersion?: string): ResourceInfo | undefined {
  const group = apiVersion?.includes('/') ? apiVersion.split('/')[0] : apiVersion === undefined ? undefined : '';
  return ALL.find((res) => res.kind === kind && (group === undefined || res.group === group));
}

/** `apps/v1` or `v1`; `version`: another version it serves (default: the stored one). */
export function apiVersionOf(res: ResourceInfo, version = res.version): string {
  return res.group ? `${res.group}/${version}` : version;
}

/** Every version the server serves the resource in, the stored one first (autoscaling/v2, then v1). */
export function servedVersions(res: ResourceInfo): string[] {
  return [res.version, ...(res.alsoServed ?? [])];
}
