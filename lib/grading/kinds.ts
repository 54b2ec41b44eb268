/** Kinds without a namespace (get/list with namespace undefined). */
export const clusterScopedKinds: ReadonlySet<string> = new Set([
  'Node',
  'Namespace',
  'PersistentVolume',
  'StorageClass',
  'IngressClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'PriorityClass',
  'CustomResourceDefinition',
  'APIService',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'RuntimeClass',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
]);

export const isClusterScoped = (kind: string) => clusterScopedKinds.has(kind);

/** How a kind is named in Korean messages, and whether its last syllable has a final consonant. */
const kindWords: Record<string, [word: string, batchim: boolean]> = {
  Pod: ['파드', false],
  Namespace: ['네임스페이스', false],
  Node: ['노드', false],
  Service: ['Service', false],
  Deployment: ['Deployment', false],
  ReplicaSet: ['ReplicaSet', true],
  StatefulSet: ['StatefulSet', true],
  DaemonSet: ['DaemonSet', true],
  Job: ['Job', true],
  CronJob: ['CronJob', true],
  ConfigMap: ['ConfigMap', true],
  Secret: ['Secret', true],
  Ingress: ['Ingress', false],
  PersistentVolumeClaim: ['PVC', false],
  PersistentVolume: ['PV', false],
  StorageClass: ['StorageClass', false],
  HorizontalPodAutoscaler: ['HPA', false],
  EndpointSlice: ['EndpointSlice', false],
  Endpoints: ['Endpoints', false],
  ServiceAccount: ['ServiceAccount', true],
  VerticalPodAutoscaler: ['VPA', false],
  IngressClass: ['IngressClass', false],
  ClusterRole: ['ClusterRole', true],
  ClusterRoleBinding: ['ClusterRoleBinding', true],
  CustomResourceDefinition: ['CRD', false],
  ValidatingWebhookConfiguration: ['ValidatingWebhookConfiguration', true],
};

function hasBatchim(word: string): boolean | undefined {
  const code = word.charCodeAt(word.length - 1);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  return undefined;
}

/** How a kind is called in Korean messages: `파드`, `노드`, `StatefulSet`. */
export const kindWord = (kind: string): string => kindWords[kind]?.[0] ?? kind;

/** `web 파드` / `web StatefulSet` */
export function describeObject(kind: string, name: string): string {
  return `${name} ${kindWords[kind]?.[0] ?? kind}`;
}

/** Subject particle for a kind word: `파드가`, `StatefulSet이`. */
export function subject(kind: string, name: string): string {
  const entry = kindWords[kind];
  const batchim = entry ? entry[1] : hasBatchim(kind);
  const particle = batchim === undefined ? '이(가)' : batchim ? '이' : '가';
  return `${describeObject(kind, name)}${particle}`;
}
