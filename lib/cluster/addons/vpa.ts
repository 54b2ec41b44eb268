/**
 * Vertical Pod Autoscaler 1.4.1 (kubernetes/autoscaler vertical-pod-autoscaler/deploy/), the
 * files `./hack/vpa-up.sh` applies, reduced but faithful: vpa-v1-crd-gen.yaml (schemas shortened;
 * strict decoding uses admission/crd-fields.ts), vpa-rbac.yaml (rules shortened),
 * recommender-, updater- and admission-controller-deployment.yaml. vpa-up.sh also runs
 * gencerts.sh, which creates the Secret `vpa-tls-certs`; the lab does that step itself
 * (addons/vpa-effects.ts) and says so when the manifest is applied.
 */
export const VPA_VERSION = '1.4.1';
const REG = 'registry.k8s.io/autoscaling';

const crd = (plural: string, kind: string, short: string, columns: string, schema: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  annotations:
    api-approved.kubernetes.io: https://github.com/kubernetes/kubernetes/pull/63797
    controller-gen.kubebuilder.io/version: v0.16.5
  name: ${plural}.autoscaling.k8s.io
spec:
  group: autoscaling.k8s.io
  names:
    kind: ${kind}
    listKind: ${kind}List
    plural: ${plural}
    shortNames:
    - ${short}
    singular: ${plural.replace(/s$/, '')}
  scope: Namespaced
  versions:
  -${columns} name: v1
    schema:
      openAPIV3Schema:
        type: object
        properties:
          apiVersion:
            type: string
          kind:
            type: string
          metadata:
            type: object
${schema}    served: true
    storage: true
    subresources:
      status: {}
`;

const VPA_COLUMNS = `
    additionalPrinterColumns:
    - jsonPath: .spec.updatePolicy.updateMode
      name: Mode
      type: string
    - jsonPath: .status.recommendation.containerRecommendations[0].target.cpu
      name: CPU
      type: string
    - jsonPath: .status.recommendation.containerRecommendations[0].target.memory
      name: Mem
      type: string
    - jsonPath: .status.conditions[?(@.type=='RecommendationProvided')].status
      name: Provided
      type: string
    - jsonPath: .metadata.creationTimestamp
      name: Age
      type: date
   `;

const VPA_SCHEMA = `          spec:
            type: object
            required:
            - targetRef
            properties:
              targetRef:
                type: object
              updatePolicy:
                type: object
                properties:
                  updateMode:
                    type: string
                    enum: [Off, Initial, Recreate, InPlaceOrRecreate, Auto]
                  minReplicas:
                    type: integer
              resourcePolicy:
                type: object
              recommenders:
                type: array
          status:
            type: object
`;

export const VPA_CRDS = [
  crd('verticalpodautoscalercheckpoints', 'VerticalPodAutoscalerCheckpoint', 'vpacheckpoint', '',
    '          spec:\n            type: object\n          status:\n            type: object\n'),
  crd('verticalpodautoscalers', 'VerticalPodAutoscaler', 'vpa', VPA_COLUMNS, VPA_SCHEMA),
].join('---\n');

const sa = (name: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: kube-system\n`;
const clusterRole = (name: string, rules: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}\nrules:\n${rules}`;
const clusterBinding = (name: string, role: string, account: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ${name}\nroleRef:\n` +
  `  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ${role}\nsubjects:\n- kind: ServiceAccount\n  name: ${account}\n  namespace: kube-system\n`;

export const VPA_RBAC = [
  clusterRole('system:metrics-reader', '- apiGroups: [metrics.k8s.io]\n  resources: [pods]\n  verbs: [get, list]\n'),
  clusterRole('system:vpa-actor', '- apiGroups: [""]\n  resources: [pods, nodes, limitranges]\n  verbs: [get, list, watch]\n' +
    '- apiGroups: [""]\n  resources: [events]\n  verbs: [get, list, watch, create]\n' +
    '- apiGroups: [autoscaling.k8s.io]\n  resources: [verticalpodautoscalers]\n  verbs: [get, list, watch, patch]\n'),
  clusterRole('system:vpa-status-actor', '- apiGroups: [autoscaling.k8s.io]\n  resources: [verticalpodautoscalers/status]\n  verbs: [get, patch]\n'),
  clusterRole('system:vpa-checkpoint-actor', '- apiGroups: [autoscaling.k8s.io]\n  resources: [verticalpodautoscalercheckpoints]\n' +
    '  verbs: [get, list, watch, create, patch, delete]\n'),
  clusterRole('system:evictioner', '- apiGroups: [apps, extensions]\n  resources: [replicasets]\n  verbs: [get]\n' +
    '- apiGroups: [""]\n  resources: [pods/eviction]\n  verbs: [create]\n'),
  clusterBinding('system:metrics-reader', 'system:metrics-reader', 'vpa-recommender'),
  clusterBinding('system:vpa-actor', 'system:vpa-actor', 'vpa-recommender'),
  clusterBinding('system:vpa-status-actor', 'system:vpa-status-actor', 'vpa-recommender'),
  clusterBinding('system:vpa-checkpoint-actor', 'system:vpa-checkpoint-actor', 'vpa-recommender'),
  clusterRole('system:vpa-target-reader', '- apiGroups: ["*"]\n  resources: ["*/scale"]\n  verbs: [get, watch]\n' +
    '- apiGroups: [apps]\n  resources: [replicasets, deployments, statefulsets, daemonsets]\n  verbs: [get, list, watch]\n'),
  clusterBinding('system:vpa-target-reader-binding', 'system:vpa-target-reader', 'vpa-recommender'),
  clusterBinding('system:vpa-evictioner-binding', 'system:evictioner', 'vpa-updater'),
  clusterRole('system:vpa-admission-controller', '- apiGroups: [""]\n  resources: [pods, configmaps, nodes, limitranges]\n  verbs: [get, list, watch]\n' +
    '- apiGroups: [admissionregistration.k8s.io]\n  resources: [mutatingwebhookconfigurations]\n  verbs: [create, delete, get, list]\n'),
  clusterBinding('system:vpa-admission-controller', 'system:vpa-admission-controller', 'vpa-admission-controller'),
].join('---\n');

/** One component Deployment as in deploy/<component>-deployment.yaml. */
const component = (app: string, container: string, port: number, extra = '', volumes = '', morePorts = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: kube-system
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      nodeSelector:
        kubernetes.io/os: linux
      serviceAccountName: ${app}
      securityContext:
        runAsNonRoot: true
        runAsUser: 65534
      containers:
      - name: ${container}
        image: ${REG}/${app}:${VPA_VERSION}
        imagePullPolicy: Always
${extra}        resources:
          limits:
            cpu: 200m
            memory: 1000Mi
          requests:
            cpu: 50m
            memory: 500Mi
        ports:
${morePorts}        - name: prometheus
          containerPort: ${port}
${volumes}`;

export const VPA_RECOMMENDER = [sa('vpa-recommender'), component('vpa-recommender', 'recommender', 8942)].join('---\n');
export const VPA_UPDATER = [sa('vpa-updater'), component('vpa-updater', 'updater', 8943,
  '        env:\n        - name: NAMESPACE\n          valueFrom:\n            fieldRef:\n              fieldPath: metadata.namespace\n')].join('---\n');
export const VPA_ADMISSION = [
  sa('vpa-admission-controller'),
  component('vpa-admission-controller', 'admission-controller', 8944,
    '        args: ["--v=4", "--stderrthreshold=info", "--reload-cert"]\n' +
    '        env:\n        - name: NAMESPACE\n          valueFrom:\n            fieldRef:\n              fieldPath: metadata.namespace\n' +
    '        volumeMounts:\n        - name: tls-certs\n          mountPath: "/etc/tls-certs"\n          readOnly: true\n',
    '      volumes:\n      - name: tls-certs\n        secret:\n          secretName: vpa-tls-certs\n',
    '        - containerPort: 8000\n'),
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: vpa-webhook\n  namespace: kube-system\nspec:\n  ports:\n' +
  '  - port: 443\n    targetPort: 8000\n  selector:\n    app: vpa-admission-controller\n',
].join('---\n');

/** Everything vpa-up.sh applies, in its order (vpa-process-yamls.sh). */
export const VPA_ALL = [VPA_CRDS, VPA_RBAC, VPA_UPDATER, VPA_RECOMMENDER, VPA_ADMISSION].join('---\n');

export const VPA_NOTE =
  'kubelab: ./hack/vpa-up.sh는 이 실습 환경에서 실행할 수 없어 같은 매니페스트를 내장 URL로 제공합니다. ' +
  'gencerts.sh가 만드는 Secret vpa-tls-certs는 실습 환경이 대신 만듭니다. in-place 리소스 변경(InPlaceOrRecreate)은 재생성(Recreate)으로 처리합니다.\n' +
  'kubelab: ./hack/vpa-up.sh cannot run here; the lab bundles the manifests it applies. The Secret vpa-tls-certs that gencerts.sh ' +
  'makes is created by the lab, and InPlaceOrRecreate falls back to eviction (Recreate).\n';
