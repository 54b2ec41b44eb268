/**
 * Longhorn deploy/longhorn.yaml v1.5.0 and v1.3.3 (as mirrored by kubetm.github.io for the
 * course), reduced but faithful: every object in the upstream order, so `kubectl apply`
 * prints the same lines. CRD schemas are cut to `x-kubernetes-preserve-unknown-fields`, RBAC
 * rules shortened, and the `wait-*` initContainers (curl loops against the manager) dropped;
 * the CSI driver the driver-deployer would install is not simulated.
 * v1.3.3 still ships a policy/v1beta1 PodSecurityPolicy, removed in Kubernetes 1.25, so on this
 * 1.34 cluster `kubectl apply` fails for that one object exactly as on a real cluster.
 */
interface Crd { plural: string; kind: string; short: string; versions?: string[] }

const CRDS_133: Crd[] = [
  { plural: 'backingimagedatasources', kind: 'BackingImageDataSource', short: 'lhbids' },
  { plural: 'backingimagemanagers', kind: 'BackingImageManager', short: 'lhbim' },
  { plural: 'backingimages', kind: 'BackingImage', short: 'lhbi' },
  { plural: 'backups', kind: 'Backup', short: 'lhb' },
  { plural: 'backuptargets', kind: 'BackupTarget', short: 'lhbt' },
  { plural: 'backupvolumes', kind: 'BackupVolume', short: 'lhbv' },
  { plural: 'engineimages', kind: 'EngineImage', short: 'lhei' },
  { plural: 'engines', kind: 'Engine', short: 'lhe' },
  { plural: 'instancemanagers', kind: 'InstanceManager', short: 'lhim' },
  { plural: 'nodes', kind: 'Node', short: 'lhn' },
  { plural: 'orphans', kind: 'Orphan', short: 'lho', versions: ['v1beta2'] },
  { plural: 'recurringjobs', kind: 'RecurringJob', short: 'lhrj' },
  { plural: 'replicas', kind: 'Replica', short: 'lhr' },
  { plural: 'settings', kind: 'Setting', short: 'lhs' },
  { plural: 'sharemanagers', kind: 'ShareManager', short: 'lhsm' },
  { plural: 'snapshots', kind: 'Snapshot', short: 'lhsnap', versions: ['v1beta2'] },
];

const CRDS_150: Crd[] = [
  ...CRDS_133,
  { plural: 'supportbundles', kind: 'SupportBundle', short: 'lhbundle', versions: ['v1beta2'] },
  { plural: 'systembackups', kind: 'SystemBackup', short: 'lhsb', versions: ['v1beta2'] },
  { plural: 'systemrestores', kind: 'SystemRestore', short: 'lhsr', versions: ['v1beta2'] },
  { plural: 'volumes', kind: 'Volume', short: 'lhv' },
  { plural: 'volumeattachments', kind: 'VolumeAttachment', short: 'lhva', versions: ['v1beta2'] },
];

const lbl = (v: string, indent: string, app?: string) =>
  `${indent}app.kubernetes.io/name: longhorn\n${indent}app.kubernetes.io/instance: longhorn\n${indent}app.kubernetes.io/version: ${v}\n` +
  (app ? `${indent}app: ${app}\n` : '');

const crd = (v: string, c: Crd) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  labels:
${lbl(v, '    ')}    longhorn-manager: ""
  name: ${c.plural}.longhorn.io
spec:
  group: longhorn.io
  names:
    kind: ${c.kind}
    listKind: ${c.kind}List
    plural: ${c.plural}
    shortNames:
    - ${c.short}
    singular: ${c.kind.toLowerCase()}
  scope: Namespaced
  versions:
${(c.versions ?? ['v1beta1', 'v1beta2']).map((ver, i, all) => `  - name: ${ver}
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
    served: true
    storage: ${i === all.length - 1}
    subresources:
      status: {}`).join('\n')}
`;

const nsMeta = (v: string, name: string, app?: string) =>
  `metadata:\n  name: ${name}\n  namespace: longhorn-system\n  labels:\n${lbl(v, '    ', app)}`;

const service = (v: string, name: string, app: string | undefined, spec: string) =>
  `apiVersion: v1\nkind: Service\n${nsMeta(v, name, app)}spec:\n${spec}`;

const clusterIPService = (v: string, name: string, port: number, target: string, portName: string, selectorApp: string, appLabel = name) =>
  service(v, name, appLabel, `  type: ClusterIP\n  sessionAffinity: ClientIP\n  selector:\n    app: ${selectorApp}\n  ports:\n  - name: ${portName}\n    port: ${port}\n    targetPort: ${target}\n`);

const headless = (v: string, name: string, type: string) =>
  service(v, name, undefined, `  clusterIP: None\n  selector:\n    longhorn.io/component: instance-manager\n    longhorn.io/instance-manager-type: ${type}\n`);

const deployment = (v: string, name: string, replicas: number, app: string, container: string) => `apiVersion: apps/v1
kind: Deployment
${nsMeta(v, name, name === 'longhorn-driver-deployer' ? undefined : app)}spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
${lbl(v, '        ', app)}    spec:
      containers:
${container}      serviceAccountName: longhorn-service-account
`;

const manager = (v: string, ports: [number, string][]) => `apiVersion: apps/v1
kind: DaemonSet
${nsMeta(v, 'longhorn-manager', 'longhorn-manager')}spec:
  selector:
    matchLabels:
      app: longhorn-manager
  template:
    metadata:
      labels:
${lbl(v, '        ', 'longhorn-manager')}    spec:
      containers:
      - name: longhorn-manager
        image: longhornio/longhorn-manager:${v}
        imagePullPolicy: IfNotPresent
        securityContext:
          privileged: true
        command: [longhorn-manager, -d, daemon, --engine-image, "longhornio/longhorn-engine:${v}", --manager-image, "longhornio/longhorn-manager:${v}", --service-account, longhorn-service-account]
        ports:
${ports.map(([p, n]) => `        - containerPort: ${p}\n          name: ${n}`).join('\n')}
        volumeMounts:
        - name: longhorn
          mountPath: /var/lib/longhorn/
      volumes:
      - name: longhorn
        hostPath:
          path: /var/lib/longhorn/
      serviceAccountName: longhorn-service-account
  updateStrategy:
    rollingUpdate:
      maxUnavailable: "100%"
`;

const ui = (v: string) => `      - name: longhorn-ui
        image: longhornio/longhorn-ui:${v}
        imagePullPolicy: IfNotPresent
        ports:
        - containerPort: 8000
          name: http
        env:
        - name: LONGHORN_MANAGER_IP
          value: "http://longhorn-backend:9500"
        - name: LONGHORN_UI_PORT
          value: "8000"
`;

const managerContainer = (v: string, name: string, command: string, port?: [number, string]) => `      - name: ${name}
        image: longhornio/longhorn-manager:${v}
        imagePullPolicy: IfNotPresent
        command: [${command}]
${port ? `        ports:\n        - containerPort: ${port[0]}\n          name: ${port[1]}\n` : ''}`;

const common = (v: string, serviceAccounts: string[]) => [
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: longhorn-system\n',
  ...serviceAccounts.map((sa) => `apiVersion: v1\nkind: ServiceAccount\n${nsMeta(v, sa)}`),
  `apiVersion: v1\nkind: ConfigMap\n${nsMeta(v, 'longhorn-default-setting')}data:\n  default-setting.yaml: ""\n`,
  `apiVersion: v1\nkind: ConfigMap\n${nsMeta(v, 'longhorn-storageclass')}data:\n  storageclass.yaml: |\n${LONGHORN_STORAGECLASS.replace(/^/gm, '    ')}\n`,
];

/** The StorageClass longhorn-manager creates from the `longhorn-storageclass` ConfigMap. */
export const LONGHORN_STORAGECLASS = `kind: StorageClass
apiVersion: storage.k8s.io/v1
metadata:
  name: longhorn
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: driver.longhorn.io
allowVolumeExpansion: true
reclaimPolicy: "Delete"
volumeBindingMode: Immediate
parameters:
  numberOfReplicas: "3"
  staleReplicaTimeout: "30"
  fromBackup: ""
  fsType: "ext4"
  dataLocality: "disabled"`;

const clusterRole = (v: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: longhorn-role
  labels:
${lbl(v, '    ')}rules:
- apiGroups: ["*"]
  resources: ["*"]
  verbs: ["*"]
`;

const crb = (v: string, name: string, role: string, sa: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ${name}
  labels:
${lbl(v, '    ')}roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ${role}
subjects:
- kind: ServiceAccount
  name: ${sa}
  namespace: longhorn-system
`;

const V150 = 'v1.5.0';
export const LONGHORN_V150 = [
  ...common(V150, ['longhorn-service-account', 'longhorn-support-bundle']),
  ...CRDS_150.map((c) => crd(V150, c)),
  clusterRole(V150),
  crb(V150, 'longhorn-bind', 'longhorn-role', 'longhorn-service-account'),
  crb(V150, 'longhorn-support-bundle', 'cluster-admin', 'longhorn-support-bundle'),
  clusterIPService(V150, 'longhorn-backend', 9500, 'manager', 'manager', 'longhorn-manager', 'longhorn-manager'),
  service(V150, 'longhorn-frontend', 'longhorn-ui', '  type: ClusterIP\n  selector:\n    app: longhorn-ui\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n'),
  clusterIPService(V150, 'longhorn-conversion-webhook', 9501, 'conversion-wh', 'conversion-webhook', 'longhorn-manager'),
  clusterIPService(V150, 'longhorn-admission-webhook', 9502, 'admission-wh', 'admission-webhook', 'longhorn-manager'),
  clusterIPService(V150, 'longhorn-recovery-backend', 9503, 'recov-backend', 'recovery-backend', 'longhorn-manager'),
  headless(V150, 'longhorn-engine-manager', 'engine'),
  headless(V150, 'longhorn-replica-manager', 'replica'),
  manager(V150, [[9500, 'manager'], [9501, 'conversion-wh'], [9502, 'admission-wh'], [9503, 'recov-backend']]),
  deployment(V150, 'longhorn-driver-deployer', 1, 'longhorn-driver-deployer',
    managerContainer(V150, 'longhorn-driver-deployer', 'longhorn-manager, -d, deploy-driver, --manager-url, "http://longhorn-backend:9500/v1"')),
  deployment(V150, 'longhorn-ui', 2, 'longhorn-ui', ui(V150)),
].join('---\n');

const V133 = 'v1.3.3';
export const LONGHORN_V133 = [
  ...common(V133, ['longhorn-service-account']).slice(0, 1),
  `apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: longhorn-psp\n  labels:\n${lbl(V133, '    ')}spec:\n  privileged: true\n`,
  ...common(V133, ['longhorn-service-account']).slice(1),
  ...[...CRDS_133.slice(0, 16), { plural: 'volumes', kind: 'Volume', short: 'lhv' }].map((c) => crd(V133, c)),
  clusterRole(V133),
  crb(V133, 'longhorn-bind', 'longhorn-role', 'longhorn-service-account'),
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n${nsMeta(V133, 'longhorn-psp-role')}rules:\n- apiGroups: [policy]\n  resources: [podsecuritypolicies]\n  verbs: [use]\n  resourceNames: [longhorn-psp]\n`,
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n${nsMeta(V133, 'longhorn-psp-binding')}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: longhorn-psp-role\nsubjects:\n- kind: ServiceAccount\n  name: longhorn-service-account\n  namespace: longhorn-system\n`,
  clusterIPService(V133, 'longhorn-backend', 9500, 'manager', 'manager', 'longhorn-manager', 'longhorn-manager'),
  service(V133, 'longhorn-frontend', 'longhorn-ui', '  type: ClusterIP\n  selector:\n    app: longhorn-ui\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n'),
  clusterIPService(V133, 'longhorn-conversion-webhook', 9443, 'conversion-wh', 'conversion-webhook', 'longhorn-conversion-webhook'),
  clusterIPService(V133, 'longhorn-admission-webhook', 9443, 'admission-wh', 'admission-webhook', 'longhorn-admission-webhook'),
  headless(V133, 'longhorn-engine-manager', 'engine'),
  headless(V133, 'longhorn-replica-manager', 'replica'),
  manager(V133, [[9500, 'manager']]),
  deployment(V133, 'longhorn-driver-deployer', 1, 'longhorn-driver-deployer',
    managerContainer(V133, 'longhorn-driver-deployer', 'longhorn-manager, -d, deploy-driver, --manager-url, "http://longhorn-backend:9500/v1"')),
  deployment(V133, 'longhorn-ui', 2, 'longhorn-ui', ui(V133)),
  deployment(V133, 'longhorn-conversion-webhook', 2, 'longhorn-conversion-webhook',
    managerContainer(V133, 'longhorn-conversion-webhook', 'longhorn-manager, conversion-webhook, --service-account, longhorn-service-account', [9443, 'conversion-wh'])),
  deployment(V133, 'longhorn-admission-webhook', 2, 'longhorn-admission-webhook',
    managerContainer(V133, 'longhorn-admission-webhook', 'longhorn-manager, admission-webhook, --service-account, longhorn-service-account', [9443, 'admission-wh'])),
].join('---\n');
