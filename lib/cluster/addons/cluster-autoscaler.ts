/**
 * kubernetes/autoscaler cluster-autoscaler/cloudprovider/aws/examples/cluster-autoscaler-one-asg.yaml
 * (the example the AWS docs apply with `kubectl apply -f <url>`), with the image of the
 * Kubernetes 1.34 line. One change: `--nodes=1:10:...` became `--nodes=0:3:...` so the lab's
 * cluster starts as in the notes (no cloud node) and stays small; the terminal says so.
 *
 * The node group: this on-premises lab has no cloud, so the lab plays the Auto Scaling group
 * `k8s-worker-asg-1`. Its nodes are simulated VMs named `k8s-worker-asg-1-<suffix>` (providerID
 * `aws:///ap-northeast-2a/i-<hex>`), each a copy of a worker (4 CPU, 8 GiB). k8s-master,
 * k8s-node1 and k8s-node2 belong to no node group, so the autoscaler never removes them.
 */
export const CA_VERSION = 'v1.34.0';
export const CA_NODE_GROUP = 'k8s-worker-asg-1';
const labels = '  labels:\n    k8s-addon: cluster-autoscaler.addons.k8s.io\n    k8s-app: cluster-autoscaler\n';

const rules = (list: [string[], string[], string[], string[]?][]) => list.map(([groups, resources, verbs, names]) =>
  `  - apiGroups: [${groups.map((g) => `"${g}"`).join(', ')}]\n    resources: [${resources.map((r) => `"${r}"`).join(', ')}]\n` +
  `${names ? `    resourceNames: [${names.map((n) => `"${n}"`).join(', ')}]\n` : ''}    verbs: [${verbs.map((v) => `"${v}"`).join(', ')}]\n`).join('');

const binding = (kind: 'ClusterRoleBinding' | 'RoleBinding') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: cluster-autoscaler
${kind === 'RoleBinding' ? '  namespace: kube-system\n' : ''}${labels}roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${kind === 'RoleBinding' ? 'Role' : 'ClusterRole'}
  name: cluster-autoscaler
subjects:
  - kind: ServiceAccount
    name: cluster-autoscaler
    namespace: kube-system
`;

export const CLUSTER_AUTOSCALER_ONE_ASG = [
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n${labels}  name: cluster-autoscaler\n  namespace: kube-system\n`,
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cluster-autoscaler\n${labels}rules:\n` + rules([
    [[''], ['events', 'endpoints'], ['create', 'patch']], [[''], ['pods/eviction'], ['create']], [[''], ['pods/status'], ['update']],
    [[''], ['endpoints'], ['get', 'update'], ['cluster-autoscaler']], [[''], ['nodes'], ['watch', 'list', 'get', 'update']],
    [[''], ['namespaces', 'pods', 'services', 'replicationcontrollers', 'persistentvolumeclaims', 'persistentvolumes'], ['watch', 'list', 'get']],
    [['policy'], ['poddisruptionbudgets'], ['watch', 'list']], [['apps'], ['statefulsets', 'replicasets', 'daemonsets'], ['watch', 'list', 'get']],
    [['storage.k8s.io'], ['storageclasses', 'csinodes', 'csidrivers', 'csistoragecapacities'], ['watch', 'list', 'get']],
    [['batch', 'extensions'], ['jobs'], ['get', 'list', 'watch', 'patch']], [['coordination.k8s.io'], ['leases'], ['create']],
    [['coordination.k8s.io'], ['leases'], ['get', 'update'], ['cluster-autoscaler']],
  ]),
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: cluster-autoscaler\n  namespace: kube-system\n${labels}rules:\n` + rules([
    [[''], ['configmaps'], ['create', 'list', 'watch']],
    [[''], ['configmaps'], ['delete', 'get', 'update', 'watch'], ['cluster-autoscaler-status', 'cluster-autoscaler-priority-expander']],
  ]),
  binding('ClusterRoleBinding'),
  binding('RoleBinding'),
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cluster-autoscaler
  namespace: kube-system
  labels:
    app: cluster-autoscaler
spec:
  replicas: 1
  selector:
    matchLabels:
      app: cluster-autoscaler
  template:
    metadata:
      labels:
        app: cluster-autoscaler
      annotations:
        prometheus.io/scrape: 'true'
        prometheus.io/port: '8085'
    spec:
      priorityClassName: system-cluster-critical
      securityContext:
        runAsNonRoot: true
        runAsUser: 65534
      serviceAccountName: cluster-autoscaler
      containers:
        - image: registry.k8s.io/autoscaling/cluster-autoscaler:${CA_VERSION}
          name: cluster-autoscaler
          resources:
            limits:
              cpu: 100m
              memory: 600Mi
            requests:
              cpu: 100m
              memory: 600Mi
          command:
            - ./cluster-autoscaler
            - --v=4
            - --stderrthreshold=info
            - --cloud-provider=aws
            - --skip-nodes-with-local-storage=false
            - --nodes=0:3:${CA_NODE_GROUP}
          volumeMounts:
            - name: ssl-certs
              mountPath: /etc/ssl/certs/ca-certificates.crt
              readOnly: true
          imagePullPolicy: "Always"
      volumes:
        - name: ssl-certs
          hostPath:
            path: "/etc/ssl/certs/ca-bundle.crt"
`,
].join('---\n');

export const CA_NOTE =
  `kubelab: 이 실습 클러스터에는 클라우드가 없어 실습 환경이 AWS Auto Scaling 그룹 ${CA_NODE_GROUP} 역할을 합니다. ` +
  '새 노드는 약 1분 뒤 k8s-worker-asg-1-<접미사> 이름으로 합류하며, 원본 예제의 --nodes=1:10은 0:3으로 바꿔 두었습니다.\n' +
  `kubelab: there is no cloud here; the lab plays the Auto Scaling group ${CA_NODE_GROUP} (new nodes join after about a minute). ` +
  'The example\'s --nodes=1:10 is --nodes=0:3 in this lab.\n';
