/**
 * kubernetes-sigs/prometheus-adapter deploy/manifests (v0.8.4, the last release whose manifests
 * serve custom.metrics.k8s.io), reduced but faithful, with the current image. As its README
 * says, the `custom-metrics` namespace is created first (`kubectl create namespace custom-metrics`).
 * The adapter's default rules turn `http_requests_total` into the rate metrics `http_requests`
 * and `http_requests_per_second`. No Prometheus server is simulated: the lab answers the
 * adapter's queries from its own request counters (lib/cluster/metrics/custom-metrics.ts).
 */
export const ADAPTER_NAMESPACE = 'custom-metrics';
export const ADAPTER_APP = 'custom-metrics-apiserver';
const NS = `  namespace: ${ADAPTER_NAMESPACE}\n`;

const files: Record<string, string> = {
  'custom-metrics-apiserver-service-account.yaml': `kind: ServiceAccount\napiVersion: v1\nmetadata:\n  name: custom-metrics-apiserver\n${NS}`,
  'custom-metrics-cluster-role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: custom-metrics-server-resources\n' +
    'rules:\n- apiGroups:\n  - custom.metrics.k8s.io\n  resources: ["*"]\n  verbs: ["*"]\n',
  'custom-metrics-apiserver-auth-delegator-cluster-role-binding.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\n' +
    'metadata:\n  name: custom-metrics:system:auth-delegator\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n' +
    `  name: system:auth-delegator\nsubjects:\n- kind: ServiceAccount\n  name: custom-metrics-apiserver\n${NS}`,
  'hpa-custom-metrics-cluster-role-binding.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n' +
    '  name: hpa-controller-custom-metrics\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: custom-metrics-server-resources\n' +
    'subjects:\n- kind: ServiceAccount\n  name: horizontal-pod-autoscaler\n  namespace: kube-system\n',
  'custom-metrics-config-map.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: adapter-config
${NS}data:
  config.yaml: |
    rules:
    - seriesQuery: '{__name__=~"^container_.*",container!="POD",namespace!="",pod!=""}'
      seriesFilters: []
      resources:
        overrides:
          namespace:
            resource: namespace
          pod:
            resource: pod
      name:
        matches: ^container_(.*)_seconds_total$
        as: ""
      metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>,container!="POD"}[5m])) by (<<.GroupBy>>)
    - seriesQuery: '{namespace!="",__name__!~"^container_.*"}'
      seriesFilters:
      - isNot: .*_seconds_total
      resources:
        template: <<.Resource>>
      name:
        matches: ^(.*)_total$
        as: ""
      metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>}[5m])) by (<<.GroupBy>>)
`,
  'custom-metrics-apiserver-deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: custom-metrics-apiserver
  name: custom-metrics-apiserver
${NS}spec:
  replicas: 1
  selector:
    matchLabels:
      app: custom-metrics-apiserver
  template:
    metadata:
      labels:
        app: custom-metrics-apiserver
      name: custom-metrics-apiserver
    spec:
      serviceAccountName: custom-metrics-apiserver
      containers:
      - name: custom-metrics-apiserver
        image: registry.k8s.io/prometheus-adapter/prometheus-adapter:v0.12.0
        args:
        - --secure-port=6443
        - --logtostderr=true
        - --prometheus-url=http://prometheus.prom.svc:9090/
        - --metrics-relist-interval=1m
        - --v=10
        - --config=/etc/adapter/config.yaml
        ports:
        - containerPort: 6443
        volumeMounts:
        - mountPath: /etc/adapter/
          name: config
          readOnly: true
        - mountPath: /tmp
          name: tmp-vol
      volumes:
      - name: config
        configMap:
          name: adapter-config
      - name: tmp-vol
        emptyDir: {}
`,
  'custom-metrics-apiserver-service.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: custom-metrics-apiserver\n${NS}spec:\n` +
    '  ports:\n  - port: 443\n    targetPort: 6443\n  selector:\n    app: custom-metrics-apiserver\n',
  'custom-metrics-apiservice.yaml': `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1beta1.custom.metrics.k8s.io
spec:
  service:
    name: custom-metrics-apiserver
    namespace: ${ADAPTER_NAMESPACE}
  group: custom.metrics.k8s.io
  version: v1beta1
  insecureSkipTLSVerify: true
  groupPriorityMinimum: 100
  versionPriority: 100
`,
};

const BASE = 'https://raw.githubusercontent.com/kubernetes-sigs/prometheus-adapter/v0.8.4/deploy/manifests/';
export const PROMETHEUS_ADAPTER_FILES: Record<string, string> = Object.fromEntries(Object.entries(files).map(([f, t]) => [`${BASE}${f}`, t]));

export const ADAPTER_NOTE =
  'kubelab: Prometheus 서버는 시뮬레이션하지 않습니다. 어댑터는 실습 환경의 요청 수로 http_requests(_per_second) 지표를 답합니다.\n' +
  'kubelab: no Prometheus server is simulated; the adapter answers http_requests and http_requests_per_second from the lab\'s request counters.\n';
