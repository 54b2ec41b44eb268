/**
 * kubernetes-sigs/metrics-server releases/latest/download/components.yaml (v0.8.0), reduced
 * but faithful: every object in order (9 `created` lines), RBAC rules shortened.
 */
const labels = '  labels:\n    k8s-app: metrics-server\n';
const meta = (name: string, ns = true, extra = '') => `metadata:\n${extra}${labels}  name: ${name}\n${ns ? '  namespace: kube-system\n' : ''}`;

const binding = (kind: 'RoleBinding' | 'ClusterRoleBinding', name: string, role: string, ns: boolean) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\n${meta(name, ns)}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n` +
  `  kind: ${kind === 'RoleBinding' ? 'Role' : 'ClusterRole'}\n  name: ${role}\nsubjects:\n- kind: ServiceAccount\n  name: metrics-server\n  namespace: kube-system\n`;

export const METRICS_SERVER_COMPONENTS = [
  `apiVersion: v1\nkind: ServiceAccount\n${meta('metrics-server')}`,
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  labels:\n    k8s-app: metrics-server\n` +
  `    rbac.authorization.k8s.io/aggregate-to-admin: "true"\n    rbac.authorization.k8s.io/aggregate-to-edit: "true"\n` +
  `    rbac.authorization.k8s.io/aggregate-to-view: "true"\n  name: system:aggregated-metrics-reader\nrules:\n` +
  `- apiGroups: [metrics.k8s.io]\n  resources: [pods, nodes]\n  verbs: [get, list, watch]\n`,
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n${meta('system:metrics-server', false)}rules:\n` +
  `- apiGroups: [""]\n  resources: [nodes/metrics]\n  verbs: [get]\n- apiGroups: [""]\n  resources: [pods, nodes]\n  verbs: [get, list, watch]\n`,
  binding('RoleBinding', 'metrics-server-auth-reader', 'extension-apiserver-authentication-reader', true),
  binding('ClusterRoleBinding', 'metrics-server:system:auth-delegator', 'system:auth-delegator', false),
  binding('ClusterRoleBinding', 'system:metrics-server', 'system:metrics-server', false),
  `apiVersion: v1\nkind: Service\n${meta('metrics-server')}spec:\n  ports:\n  - appProtocol: https\n    name: https\n    port: 443\n` +
  `    protocol: TCP\n    targetPort: https\n  selector:\n    k8s-app: metrics-server\n`,
  `apiVersion: apps/v1
kind: Deployment
${meta('metrics-server')}spec:
  selector:
    matchLabels:
      k8s-app: metrics-server
  strategy:
    rollingUpdate:
      maxUnavailable: 0
  template:
    metadata:
      labels:
        k8s-app: metrics-server
    spec:
      containers:
      - args:
        - --cert-dir=/tmp
        - --secure-port=10250
        - --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname
        - --kubelet-use-node-status-port
        - --metric-resolution=15s
        image: registry.k8s.io/metrics-server/metrics-server:v0.8.0
        imagePullPolicy: IfNotPresent
        name: metrics-server
        ports:
        - containerPort: 10250
          name: https
          protocol: TCP
        resources:
          requests:
            cpu: 100m
            memory: 200Mi
        volumeMounts:
        - mountPath: /tmp
          name: tmp-dir
      nodeSelector:
        kubernetes.io/os: linux
      priorityClassName: system-cluster-critical
      serviceAccountName: metrics-server
      volumes:
      - emptyDir: {}
        name: tmp-dir
`,
  `apiVersion: apiregistration.k8s.io/v1\nkind: APIService\n${meta('v1beta1.metrics.k8s.io', false)}spec:\n  group: metrics.k8s.io\n` +
  `  groupPriorityMinimum: 100\n  insecureSkipTLSVerify: true\n  service:\n    name: metrics-server\n    namespace: kube-system\n` +
  `  version: v1beta1\n  versionPriority: 100\n`,
].join('---\n');
