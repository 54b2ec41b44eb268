/**
 * kubernetes/ingress-nginx controller-v1.5.1 deploy/static/provider/cloud/deploy.yaml,
 * reduced but faithful: every object of the upstream file in its order (so `kubectl apply`
 * prints the same 19 lines), RBAC rules shortened, workload specs kept.
 */
const labels = (component?: string, indent = '    ') =>
  [component && `app.kubernetes.io/component: ${component}`, 'app.kubernetes.io/instance: ingress-nginx',
    'app.kubernetes.io/name: ingress-nginx', 'app.kubernetes.io/part-of: ingress-nginx', 'app.kubernetes.io/version: 1.5.1']
    .filter(Boolean).map((l) => `${indent}${l}`).join('\n');

const meta = (name: string, component?: string, ns = true) =>
  `metadata:\n  labels:\n${labels(component)}\n  name: ${name}\n${ns ? '  namespace: ingress-nginx\n' : ''}`;

const CERTGEN = 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v20220916-gd32f8c343@sha256:39c5b2e3310dc4264d638ad28d9d1d96c4cbb2b2dcfb52368fe4e3c63f61e10f';

const job = (name: string, args: string[]) => `apiVersion: batch/v1
kind: Job
${meta(`ingress-nginx-admission-${name}`, 'admission-webhook')}spec:
  template:
    metadata:
      labels:
${labels('admission-webhook', '        ')}
      name: ingress-nginx-admission-${name}
    spec:
      containers:
      - args:
${args.map((a) => `        - ${a}`).join('\n')}
        env:
        - name: POD_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        image: ${CERTGEN}
        imagePullPolicy: IfNotPresent
        name: ${name}
        securityContext:
          allowPrivilegeEscalation: false
      nodeSelector:
        kubernetes.io/os: linux
      restartPolicy: OnFailure
      securityContext:
        fsGroup: 2000
        runAsNonRoot: true
        runAsUser: 2000
      serviceAccountName: ingress-nginx-admission
`;

const selector = `    app.kubernetes.io/component: controller
    app.kubernetes.io/instance: ingress-nginx
    app.kubernetes.io/name: ingress-nginx`;

const binding = (kind: string, name: string, component?: string, ns = true) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}Binding
${meta(name, component, ns)}roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${kind}
  name: ${name}
subjects:
- kind: ServiceAccount
  name: ${name}
  namespace: ingress-nginx
`;

export const INGRESS_NGINX_V151 = [`apiVersion: v1
kind: Namespace
metadata:
  labels:
    app.kubernetes.io/instance: ingress-nginx
    app.kubernetes.io/name: ingress-nginx
  name: ingress-nginx
`, `apiVersion: v1
automountServiceAccountToken: true
kind: ServiceAccount
${meta('ingress-nginx', 'controller')}`, `apiVersion: v1
kind: ServiceAccount
${meta('ingress-nginx-admission', 'admission-webhook')}`, `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
${meta('ingress-nginx', 'controller')}rules:
- apiGroups: [""]
  resources: [namespaces]
  verbs: [get]
- apiGroups: [""]
  resources: [configmaps, pods, secrets, endpoints, services]
  verbs: [get, list, watch]
- apiGroups: [networking.k8s.io]
  resources: [ingresses, ingressclasses]
  verbs: [get, list, watch]
- apiGroups: [networking.k8s.io]
  resources: [ingresses/status]
  verbs: [update]
- apiGroups: [coordination.k8s.io]
  resourceNames: [ingress-nginx-leader]
  resources: [leases]
  verbs: [get, update]
- apiGroups: [discovery.k8s.io]
  resources: [endpointslices]
  verbs: [list, watch, get]
`, `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
${meta('ingress-nginx-admission', 'admission-webhook')}rules:
- apiGroups: [""]
  resources: [secrets]
  verbs: [get, create]
`, `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
${meta('ingress-nginx', undefined, false)}rules:
- apiGroups: [""]
  resources: [configmaps, endpoints, nodes, pods, secrets, namespaces]
  verbs: [list, watch]
- apiGroups: [networking.k8s.io]
  resources: [ingresses, ingressclasses]
  verbs: [get, list, watch]
- apiGroups: [networking.k8s.io]
  resources: [ingresses/status]
  verbs: [update]
`, `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
${meta('ingress-nginx-admission', 'admission-webhook', false)}rules:
- apiGroups: [admissionregistration.k8s.io]
  resources: [validatingwebhookconfigurations]
  verbs: [get, update]
`, binding('Role', 'ingress-nginx', 'controller'), binding('Role', 'ingress-nginx-admission', 'admission-webhook'),
binding('ClusterRole', 'ingress-nginx', undefined, false), binding('ClusterRole', 'ingress-nginx-admission', 'admission-webhook', false),
`apiVersion: v1
data:
  allow-snippet-annotations: "true"
kind: ConfigMap
${meta('ingress-nginx-controller', 'controller')}`, `apiVersion: v1
kind: Service
${meta('ingress-nginx-controller', 'controller')}spec:
  externalTrafficPolicy: Local
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - appProtocol: http
    name: http
    port: 80
    protocol: TCP
    targetPort: http
  - appProtocol: https
    name: https
    port: 443
    protocol: TCP
    targetPort: https
  selector:
${selector}
  type: LoadBalancer
`, `apiVersion: v1
kind: Service
${meta('ingress-nginx-controller-admission', 'controller')}spec:
  ports:
  - appProtocol: https
    name: https-webhook
    port: 443
    targetPort: webhook
  selector:
${selector}
  type: ClusterIP
`, `apiVersion: apps/v1
kind: Deployment
${meta('ingress-nginx-controller', 'controller')}spec:
  minReadySeconds: 0
  revisionHistoryLimit: 10
  selector:
    matchLabels:
  ${selector.replace(/\n/g, '\n  ')}
  template:
    metadata:
      labels:
    ${selector.replace(/\n/g, '\n    ')}
    spec:
      containers:
      - args:
        - /nginx-ingress-controller
        - --publish-service=$(POD_NAMESPACE)/ingress-nginx-controller
        - --election-id=ingress-nginx-leader
        - --controller-class=k8s.io/ingress-nginx
        - --ingress-class=nginx
        - --configmap=$(POD_NAMESPACE)/ingress-nginx-controller
        - --validating-webhook=:8443
        - --validating-webhook-certificate=/usr/local/certificates/cert
        - --validating-webhook-key=/usr/local/certificates/key
        env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: POD_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        - name: LD_PRELOAD
          value: /usr/local/lib/libmimalloc.so
        image: registry.k8s.io/ingress-nginx/controller:v1.5.1@sha256:4ba73c697770664c1e00e9f968de14e08f606ff961c76e5d7033a4a9c593c629
        imagePullPolicy: IfNotPresent
        name: controller
        ports:
        - containerPort: 80
          name: http
          protocol: TCP
        - containerPort: 443
          name: https
          protocol: TCP
        - containerPort: 8443
          name: webhook
          protocol: TCP
        resources:
          requests:
            cpu: 100m
            memory: 90Mi
        volumeMounts:
        - mountPath: /usr/local/certificates/
          name: webhook-cert
          readOnly: true
      dnsPolicy: ClusterFirst
      nodeSelector:
        kubernetes.io/os: linux
      serviceAccountName: ingress-nginx
      terminationGracePeriodSeconds: 300
      volumes:
      - name: webhook-cert
        secret:
          secretName: ingress-nginx-admission
`, job('create', ['create', '--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc',
  '--namespace=$(POD_NAMESPACE)', '--secret-name=ingress-nginx-admission']),
job('patch', ['patch', '--webhook-name=ingress-nginx-admission', '--namespace=$(POD_NAMESPACE)', '--patch-mutating=false',
  '--secret-name=ingress-nginx-admission', '--patch-failure-policy=Fail']),
`apiVersion: networking.k8s.io/v1
kind: IngressClass
${meta('nginx', 'controller', false)}spec:
  controller: k8s.io/ingress-nginx
`, `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
${meta('ingress-nginx-admission', 'admission-webhook', false)}webhooks:
- admissionReviewVersions:
  - v1
  clientConfig:
    service:
      name: ingress-nginx-controller-admission
      namespace: ingress-nginx
      path: /networking/v1/ingresses
  failurePolicy: Fail
  matchPolicy: Equivalent
  name: validate.nginx.ingress.kubernetes.io
  rules:
  - apiGroups:
    - networking.k8s.io
    apiVersions:
    - v1
    operations:
    - CREATE
    - UPDATE
    resources:
    - ingresses
  sideEffects: None
`].join('---\n');
