/**
 * MetalLB v0.14.9 config/manifests/metallb-native.yaml (the documented install), reduced but
 * faithful: the metallb-system namespace, the IPAddressPool and L2Advertisement CRDs (the BGP
 * CRDs are left out: BGP mode is not simulated), RBAC shortened, the controller Deployment and
 * the speaker DaemonSet. Address assignment and layer-2 announcement are simulated by
 * controllers/lb-metallb.ts once the controller and speakers run.
 */
export const METALLB_VERSION = 'v0.14.9';
export const METALLB_NS = 'metallb-system';

const crd = (plural: string, kind: string, columns: string, spec: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  annotations:
    controller-gen.kubebuilder.io/version: v0.16.3
  name: ${plural}.metallb.io
spec:
  group: metallb.io
  names:
    kind: ${kind}
    listKind: ${kind}List
    plural: ${plural}
    singular: ${kind.toLowerCase()}
  scope: Namespaced
  versions:
  - additionalPrinterColumns:
${columns}    name: v1beta1
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
${spec}          status:
            type: object
    served: true
    storage: true
    subresources:
      status: {}
`;

const col = (name: string, path: string, type = 'string') => `    - jsonPath: ${path}\n      name: ${name}\n      type: ${type}\n`;
const prop = (name: string, type: string) => `              ${name}:\n                type: ${type}\n`;

const labels = (component: string) => `  labels:\n    app: metallb\n    component: ${component}\n`;

export const METALLB_NATIVE = [
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  labels:\n    pod-security.kubernetes.io/audit: privileged\n` +
  `    pod-security.kubernetes.io/enforce: privileged\n    pod-security.kubernetes.io/warn: privileged\n  name: ${METALLB_NS}\n`,
  crd('ipaddresspools', 'IPAddressPool', col('Auto Assign', '.spec.autoAssign', 'boolean') + col('Avoid Buggy IPs', '.spec.avoidBuggyIPs', 'boolean') +
    col('Addresses', '.spec.addresses'), prop('addresses', 'array') + prop('autoAssign', 'boolean') + prop('avoidBuggyIPs', 'boolean') + prop('serviceAllocation', 'object')),
  crd('l2advertisements', 'L2Advertisement', col('IPAddressPools', '.spec.ipAddressPools') + col('IPAddressPool Selectors', '.spec.ipAddressPoolSelectors') +
    col('Interfaces', '.spec.interfaces'), prop('ipAddressPools', 'array') + prop('ipAddressPoolSelectors', 'array') + prop('nodeSelectors', 'array') + prop('interfaces', 'array')),
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n${labels('controller')}  name: controller\n  namespace: ${METALLB_NS}\n`,
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n${labels('speaker')}  name: speaker\n  namespace: ${METALLB_NS}\n`,
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  labels:\n    app: metallb\n  name: metallb-system:controller\nrules:\n` +
  '- apiGroups: [""]\n  resources: [services, namespaces]\n  verbs: [get, list, watch]\n- apiGroups: [""]\n  resources: [services/status]\n  verbs: [update]\n' +
  '- apiGroups: [""]\n  resources: [events]\n  verbs: [create, patch]\n',
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  labels:\n    app: metallb\n  name: metallb-system:speaker\nrules:\n` +
  '- apiGroups: [""]\n  resources: [services, endpoints, nodes, namespaces]\n  verbs: [get, list, watch]\n- apiGroups: [discovery.k8s.io]\n' +
  '  resources: [endpointslices]\n  verbs: [get, list, watch]\n- apiGroups: [""]\n  resources: [events]\n  verbs: [create, patch]\n',
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: metallb-webhook-cert\n  namespace: ${METALLB_NS}\n`,
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: metallb-webhook-service\n  namespace: ${METALLB_NS}\nspec:\n  ports:\n  - port: 443\n` +
  '    targetPort: 9443\n  selector:\n    component: controller\n',
  `apiVersion: apps/v1
kind: Deployment
metadata:
${labels('controller')}  name: controller
  namespace: ${METALLB_NS}
spec:
  revisionHistoryLimit: 3
  selector:
    matchLabels:
      app: metallb
      component: controller
  template:
    metadata:
      annotations:
        prometheus.io/port: "7472"
        prometheus.io/scrape: "true"
      labels:
        app: metallb
        component: controller
    spec:
      containers:
      - args:
        - --port=7472
        - --log-level=info
        - --tls-min-version=VersionTLS12
        env:
        - name: METALLB_ML_SECRET_NAME
          value: memberlist
        - name: METALLB_DEPLOYMENT
          value: controller
        image: quay.io/metallb/controller:${METALLB_VERSION}
        name: controller
        ports:
        - containerPort: 7472
          name: monitoring
        - containerPort: 9443
          name: webhook-server
          protocol: TCP
      nodeSelector:
        kubernetes.io/os: linux
      securityContext:
        fsGroup: 65534
        runAsNonRoot: true
        runAsUser: 65534
      serviceAccountName: controller
      terminationGracePeriodSeconds: 0
`,
  `apiVersion: apps/v1
kind: DaemonSet
metadata:
${labels('speaker')}  name: speaker
  namespace: ${METALLB_NS}
spec:
  selector:
    matchLabels:
      app: metallb
      component: speaker
  template:
    metadata:
      annotations:
        prometheus.io/port: "7472"
        prometheus.io/scrape: "true"
      labels:
        app: metallb
        component: speaker
    spec:
      containers:
      - args:
        - --port=7472
        - --log-level=info
        env:
        - name: METALLB_NODE_NAME
          valueFrom:
            fieldRef:
              fieldPath: spec.nodeName
        - name: METALLB_HOST
          valueFrom:
            fieldRef:
              fieldPath: status.hostIP
        image: quay.io/metallb/speaker:${METALLB_VERSION}
        name: speaker
        ports:
        - containerPort: 7472
          name: monitoring
        - containerPort: 7946
          name: memberlist-tcp
      hostNetwork: true
      nodeSelector:
        kubernetes.io/os: linux
      serviceAccountName: speaker
      terminationGracePeriodSeconds: 2
      tolerations:
      - effect: NoSchedule
        key: node-role.kubernetes.io/master
        operator: Exists
      - effect: NoSchedule
        key: node-role.kubernetes.io/control-plane
        operator: Exists
`,
].join('---\n');

export const METALLB_URL = `https://raw.githubusercontent.com/metallb/metallb/${METALLB_VERSION}/config/manifests/metallb-native.yaml`;

export const METALLB_NOTE =
  'kubelab: MetalLB는 layer 2 모드만 시뮬레이션합니다(BGP 제외). IPAddressPool과 L2Advertisement를 만들면 LoadBalancer Service에 EXTERNAL-IP가 할당됩니다.\n' +
  'kubelab: only MetalLB\'s layer 2 mode is simulated (no BGP); create an IPAddressPool and an L2Advertisement to get EXTERNAL-IPs.\n';
