/**
 * Scenarios S4 (add-ons installed from a URL) and S5 (Ingress) of SCENARIOS.md, typed
 * through the shell as a learner would.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster, type KubeObject } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
const INGRESS_URL = 'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.5.1/deploy/static/provider/cloud/deploy.yaml';
const LONGHORN_150 = 'https://raw.githubusercontent.com/kubetm/kubetm.github.io/master/yamls/longhorn/longhorn-1.5.0.yaml';
const LONGHORN_133 = 'https://raw.githubusercontent.com/kubetm/kubetm.github.io/master/yamls/longhorn/longhorn-1.3.3.yaml';

const newShell = (seed = 'ingress') => createShell({ cluster: createCluster({ seed, now: T0 }) });

async function withController(seed?: string) {
  const sh = newShell(seed);
  expect((await sh.exec(`kubectl apply -f ${INGRESS_URL}`)).exitCode).toBe(0);
  await sh.exec('sleep 30');
  const svc = sh.cluster.get<KubeObject>('Service', 'ingress-nginx', 'ingress-nginx-controller')!;
  const [http, https] = (svc.spec.ports as { nodePort: number }[]).map((p) => p.nodePort);
  return { sh, http, https };
}

const app = (name: string, labels: string, image = 'kubetm/app', port = 8080) => `cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: pod-${name}
  labels: {${labels}}
spec:
  containers:
  - name: container
    image: ${image}
---
apiVersion: v1
kind: Service
metadata:
  name: svc-${name}
spec:
  selector: {${labels}}
  ports:
  - port: ${port}
EOF`;

const ingress = (name: string, body: string, annotations = '') => `cat <<'EOF' | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  annotations: {${annotations}}
spec:
  ingressClassName: nginx
${body}
EOF`;

const rule = (host: string | undefined, paths: [string, string, string?][]) => `  - ${host ? `host: ${host}\n    ` : ''}http:
      paths:
${paths.map(([path, svc, type]) => `      - path: ${path}
        pathType: ${type ?? 'Prefix'}
        backend:
          service:
            name: ${svc}
            port:
              number: 8080`).join('\n')}`;

describe('S4 add-ons from URLs', () => {
  it('installs and removes ingress-nginx with the real confirmation lines', async () => {
    const sh = newShell();
    const apply = await sh.exec(`kubectl apply -f ${INGRESS_URL}`);
    expect(apply.output.trim().split('\n')).toEqual([
      'namespace/ingress-nginx created', 'serviceaccount/ingress-nginx created', 'serviceaccount/ingress-nginx-admission created',
      'role.rbac.authorization.k8s.io/ingress-nginx created', 'role.rbac.authorization.k8s.io/ingress-nginx-admission created',
      'clusterrole.rbac.authorization.k8s.io/ingress-nginx created', 'clusterrole.rbac.authorization.k8s.io/ingress-nginx-admission created',
      'rolebinding.rbac.authorization.k8s.io/ingress-nginx created', 'rolebinding.rbac.authorization.k8s.io/ingress-nginx-admission created',
      'clusterrolebinding.rbac.authorization.k8s.io/ingress-nginx created', 'clusterrolebinding.rbac.authorization.k8s.io/ingress-nginx-admission created',
      'configmap/ingress-nginx-controller created', 'service/ingress-nginx-controller created', 'service/ingress-nginx-controller-admission created',
      'deployment.apps/ingress-nginx-controller created', 'job.batch/ingress-nginx-admission-create created', 'job.batch/ingress-nginx-admission-patch created',
      'ingressclass.networking.k8s.io/nginx created', 'validatingwebhookconfiguration.admissionregistration.k8s.io/ingress-nginx-admission created',
    ]);
    await sh.exec('sleep 30');
    const all = (await sh.exec('kubectl -n ingress-nginx get all')).output;
    expect(all).toMatch(/pod\/ingress-nginx-controller-\w+-\w{5}\s+1\/1\s+Running/);
    expect(all).toMatch(/pod\/ingress-nginx-admission-create-\w{5}\s+0\/1\s+Completed/);
    expect(all).toMatch(/service\/ingress-nginx-controller\s+LoadBalancer\s+[\d.]+\s+localhost\s+80:3\d{4}\/TCP,443:3\d{4}\/TCP/);
    expect((await sh.exec(`kubectl apply -f ${INGRESS_URL}`)).output).toContain('deployment.apps/ingress-nginx-controller unchanged');
    const del = await sh.exec(`kubectl delete -f ${INGRESS_URL}`);
    expect(del.exitCode).toBe(0);
    expect(del.output).toContain('deployment.apps "ingress-nginx-controller" deleted from ingress-nginx namespace');
    expect(del.output).toContain('ingressclass.networking.k8s.io "nginx" deleted');
    expect((await sh.exec('kubectl get ns ingress-nginx')).output).toContain('namespaces "ingress-nginx" not found');
  });

  it('applies Longhorn 1.5.0, fails only the removed PodSecurityPolicy of 1.3.3, and deletes both', async () => {
    const sh = newShell();
    const v150 = await sh.exec(`kubectl apply -f ${LONGHORN_150}`);
    expect(v150.exitCode).toBe(0);
    const lines = v150.output.trim().split('\n');
    expect(lines[0]).toBe('namespace/longhorn-system created');
    expect(lines.filter((l) => l.startsWith('customresourcedefinition.apiextensions.k8s.io/'))).toHaveLength(21);
    expect(lines.slice(-3)).toEqual(['daemonset.apps/longhorn-manager created', 'deployment.apps/longhorn-driver-deployer created', 'deployment.apps/longhorn-ui created']);
    await sh.exec('sleep 30');
    expect((await sh.exec('kubectl -n longhorn-system get ds')).output).toMatch(/longhorn-manager\s+2\s+2\s+2/);
    expect((await sh.exec(`kubectl delete -f ${LONGHORN_150}`)).exitCode).toBe(0);

    const v133 = await sh.exec(`kubectl apply -f ${LONGHORN_133}`);
    expect(v133.exitCode).toBe(1);
    expect(v133.output).toContain('role.rbac.authorization.k8s.io/longhorn-psp-role created');
    expect(v133.output).toContain(`error: resource mapping not found for name: "longhorn-psp" namespace: "" from "${LONGHORN_133}": ` +
      'no matches for kind "PodSecurityPolicy" in version "policy/v1beta1"\nensure CRDs are installed first');
    expect((await sh.exec(`kubectl delete -f ${LONGHORN_133}`)).output).toContain('namespace "longhorn-system" deleted');
  });

  it('installs metrics-server from its release URL', async () => {
    const r = await newShell().exec('kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml');
    expect(r.output.trim().split('\n')).toEqual(['serviceaccount/metrics-server created',
      'clusterrole.rbac.authorization.k8s.io/system:aggregated-metrics-reader created', 'clusterrole.rbac.authorization.k8s.io/system:metrics-server created',
      'rolebinding.rbac.authorization.k8s.io/metrics-server-auth-reader created', 'clusterrolebinding.rbac.authorization.k8s.io/metrics-server:system:auth-delegator created',
      'clusterrolebinding.rbac.authorization.k8s.io/system:metrics-server created', 'service/metrics-server created', 'deployment.apps/metrics-server created',
      'apiservice.apiregistration.k8s.io/v1beta1.metrics.k8s.io created']);
  });

  it('fails other URLs like an offline kubectl and says why', async () => {
    const r = await newShell().exec('kubectl apply -f https://example.com/app.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.output).toContain('error: Get "https://example.com/app.yaml": dial tcp: lookup example.com on 127.0.0.53:53: server misbehaving');
    expect(r.output).toContain('no internet access');
  });
});

describe('S5 Ingress', () => {
  it('fans out paths through the NodePort on the master, with rewrite-target capture groups', async () => {
    const { sh, http } = await withController();
    for (const n of ['shopping', 'customer', 'order']) await sh.exec(app(n, `app: ${n}`));
    await sh.exec(ingress('service-loadbalancing', `  rules:\n${rule(undefined, [['/', 'svc-shopping']])}`));
    await sh.exec(ingress('service-paths', `  rules:\n${rule(undefined, [['/customer(/|$)(.*)', 'svc-customer', 'ImplementationSpecific'], ['/order(/|$)(.*)', 'svc-order', 'ImplementationSpecific']])}`,
      'nginx.ingress.kubernetes.io/rewrite-target: /$2'));
    await sh.exec('sleep 20');
    expect((await sh.exec(`curl -s 192.168.0.30:${http}/hostname`)).output).toBe('Hostname : pod-shopping\n');
    expect((await sh.exec(`curl -s 192.168.0.30:${http}/customer/hostname`)).output).toBe('Hostname : pod-customer\n');
    expect((await sh.exec(`curl -s 192.168.0.30:${http}/order/hostname`)).output).toBe('Hostname : pod-order\n');
    expect((await sh.exec(`curl -s 192.168.0.30:${http}/customer`)).output).toBe('Welcome to Kubernetes! (pod-customer)\n');
    await sh.exec('sleep 60');
    expect((await sh.exec('kubectl get ingress')).output).toMatch(/service-paths\s+nginx\s+\*\s+localhost\s+80\s+/);
  });

  it('routes by Host header and splits canary traffic by weight and by header', async () => {
    const { sh, http } = await withController();
    await sh.exec(app('v1', 'app: v1'));
    await sh.exec(app('v2', 'app: v2'));
    await sh.exec(ingress('app', `  rules:\n${rule('www.app.com', [['/', 'svc-v1']])}`));
    await sh.exec(ingress('canary-v2', `  rules:\n${rule('www.app.com', [['/', 'svc-v2']])}`,
      'nginx.ingress.kubernetes.io/canary: "true", nginx.ingress.kubernetes.io/canary-weight: "10"'));
    await sh.exec('sleep 10');
    const loop = await sh.exec(`for i in $(seq 1 100); do curl -s -H "Host: www.app.com" 192.168.0.30:${http}/hostname; done | sort | uniq -c`);
    const v2 = Number(/(\d+) Hostname : pod-v2/.exec(loop.output)?.[1] ?? 0);
    expect(v2).toBeGreaterThanOrEqual(4);
    expect(v2).toBeLessThanOrEqual(18);
    // Deterministic per lab seed: the same lab gives the same split.
    const again = await withController();
    for (const c of [app('v1', 'app: v1'), app('v2', 'app: v2'), ingress('app', `  rules:\n${rule('www.app.com', [['/', 'svc-v1']])}`),
      ingress('canary-v2', `  rules:\n${rule('www.app.com', [['/', 'svc-v2']])}`, 'nginx.ingress.kubernetes.io/canary: "true", nginx.ingress.kubernetes.io/canary-weight: "10"'),
      'sleep 10']) await again.sh.exec(c);
    expect((await again.sh.exec(`for i in $(seq 1 100); do curl -s -H "Host: www.app.com" 192.168.0.30:${again.http}/hostname; done | sort | uniq -c`)).output).toBe(loop.output);

    await sh.exec(ingress('canary-v2', `  rules:\n${rule('www.app.com', [['/', 'svc-v2']])}`,
      'nginx.ingress.kubernetes.io/canary: "true", nginx.ingress.kubernetes.io/canary-by-header: "Accept-Language", nginx.ingress.kubernetes.io/canary-by-header-value: "kr"'));
    const kr = await sh.exec(`for i in 1 2 3 4 5; do curl -s -H "Host: www.app.com" -H "Accept-Language: kr" 192.168.0.30:${http}/hostname; done | uniq -c`);
    expect(kr.output.trim()).toBe('5 Hostname : pod-v2');
    const en = await sh.exec(`for i in 1 2 3 4 5; do curl -s -H "Host: www.app.com" -H "Accept-Language: en" 192.168.0.30:${http}/hostname; done | uniq -c`);
    expect(en.output.trim()).toBe('5 Hostname : pod-v1');
    // Unknown host: the default server answers nginx's 404 page.
    expect((await sh.exec(`curl -s -H "Host: nowhere.com" 192.168.0.30:${http}/`)).output).toContain('<center><h1>404 Not Found</h1></center>');
  });

  it('serves HTTPS with a TLS Secret made from openssl files and redirects plain HTTP', async () => {
    const { sh, http, https } = await withController();
    await sh.exec(app('https', 'app: https'));
    expect((await sh.exec('openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout tls.key -out tls.crt -subj "/CN=www.https.com/O=www.https.com"')).exitCode).toBe(0);
    expect((await sh.exec('head -1 tls.crt tls.key')).output).toContain('-----BEGIN CERTIFICATE-----');
    expect((await sh.exec('kubectl create secret tls secret-https --cert=tls.crt --key=tls.key')).output).toBe('secret/secret-https created\n');
    expect((await sh.exec('kubectl get secret secret-https')).output).toMatch(/secret-https\s+kubernetes\.io\/tls\s+2\s+/);
    await sh.exec(ingress('https', `  tls:\n  - hosts:\n    - www.https.com\n    secretName: secret-https\n  rules:\n${rule('www.https.com', [['/', 'svc-https']])}`));
    await sh.exec('sleep 10');
    const ok = await sh.exec(`curl -k -s -H "Host: www.https.com" https://192.168.0.30:${https}/hostname`);
    expect(ok.output).toBe('Hostname : pod-https\n');
    const strict = await sh.exec(`curl -s -H "Host: www.https.com" https://192.168.0.30:${https}/hostname`);
    expect(strict.exitCode).toBe(60);
    const plain = await sh.exec(`curl -s -i -H "Host: www.https.com" 192.168.0.30:${http}/hostname`);
    expect(plain.output).toContain('HTTP/1.1 308 Permanent Redirect');
    expect(plain.output).toContain('Location: https://www.https.com/hostname');
    expect((await sh.exec('kubectl get ingress https')).output).toMatch(/https\s+nginx\s+www\.https\.com\s+\S*\s+80, 443\s+/);
  });

  it('keeps routing after the lab is snapshotted and restored', async () => {
    const { sh, http } = await withController();
    await sh.exec(app('v1', 'app: v1'));
    await sh.exec(ingress('app', `  rules:\n${rule('www.app.com', [['/', 'svc-v1']])}`));
    const restored = createShell({ cluster: restoreCluster(JSON.parse(JSON.stringify(sh.cluster.snapshot()))) });
    await restored.exec('sleep 15');
    expect((await restored.exec(`curl -s -H "Host: www.app.com" 192.168.0.30:${http}/hostname`)).output).toBe('Hostname : pod-v1\n');
    expect((await restored.exec('kubectl get cm kube-root-ca.crt')).exitCode).toBe(0);
  });

  it('runs the 002 nginx-ing example over https://localhost', async () => {
    const { sh } = await withController();
    await sh.exec('kubectl create deployment nginx --image=nginx && kubectl expose deployment nginx --port 80');
    const before = await sh.exec('curl -k https://localhost');
    expect(before.output).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n');
    expect((await sh.exec('curl -k -I https://localhost')).output).toMatch(/^HTTP\/2 404 \r\ndate: .+\r\ncontent-type: text\/html\r\ncontent-length: 146\r\nstrict-transport-security: max-age=15724800; includeSubDomains\r\n\r\n$/);
    expect((await sh.exec('curl -I http://localhost')).output).toMatch(/^HTTP\/1.1 404 Not Found\r\n/);
    const noK = await sh.exec('curl https://localhost');
    expect(noK.output).toContain('curl: (60) SSL certificate problem: self-signed certificate');
    await sh.exec(ingress('nginx-ing', `  rules:\n  - host: localhost\n    http:\n      paths:\n      - path: /testpath\n        pathType: Prefix\n        backend:\n          service:\n            name: nginx\n            port:\n              number: 80`,
      'nginx.ingress.kubernetes.io/rewrite-target: /'));
    await sh.exec('sleep 5');
    expect((await sh.exec('curl -k https://localhost/testpath')).output).toContain('<title>Welcome to nginx!</title>');
    expect((await sh.exec('kubectl delete ingress nginx-ing')).output).toBe('ingress.networking.k8s.io "nginx-ing" deleted from default namespace\n');
  });

  it('validates Ingresses like the API server and rejects the removed extensions/v1beta1', async () => {
    const sh = newShell();
    const noType = await sh.exec(`cat <<'EOF' | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: bad
spec:
  rules:
  - http:
      paths:
      - path: /
        backend:
          service:
            name: web
            port:
              number: 80
EOF`);
    expect(noType.output).toBe('The Ingress "bad" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified\n');
    const old = await sh.exec(`cat <<'EOF' | kubectl apply -f -
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: old
spec:
  backend:
    serviceName: web
    servicePort: 80
EOF`);
    expect(old.output).toBe('error: resource mapping not found for name: "old" namespace: "" from "STDIN": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first\n');
  });

  it('goes through the controller\'s validating webhook: refused before it runs, duplicates denied after', async () => {
    const sh = newShell();
    await sh.exec(`kubectl apply -f ${INGRESS_URL}`);
    const early = await sh.exec('kubectl create ingress a --class=nginx --rule="www.app.com/*=web:80"');
    expect(early.output).toMatch(/^Error from server \(InternalError\): Internal error occurred: failed calling webhook "validate\.nginx\.ingress\.kubernetes\.io": failed to call webhook: Post "https:\/\/ingress-nginx-controller-admission\.ingress-nginx\.svc:443\/networking\/v1\/ingresses\?timeout=10s": dial tcp [\d.]+:443: connect: connection refused\n$/);
    await sh.exec('sleep 30');
    expect((await sh.exec('kubectl create ingress a --class=nginx --rule="www.app.com/*=web:80"')).exitCode).toBe(0);
    expect((await sh.exec('kubectl create ingress b --class=nginx --rule="www.app.com/*=web:80"')).output).toBe(
      'Error from server (BadRequest): admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "www.app.com" and path "/" is already defined in ingress default/a\n');
  });

  it('creates Ingresses, Secrets and ConfigMaps from the command line', async () => {
    const sh = newShell();
    expect((await sh.exec('kubectl create ingress simple --class=nginx --rule="foo.com/bar=svc1:8080,tls=my-cert"')).output).toBe('ingress.networking.k8s.io/simple created\n');
    const ing = sh.cluster.get<KubeObject>('Ingress', 'default', 'simple')!;
    expect(ing.spec).toEqual({ ingressClassName: 'nginx', rules: [{ host: 'foo.com', http: { paths: [{ backend: { service: { name: 'svc1', port: { number: 8080 } } }, path: '/bar', pathType: 'Exact' }] } }], tls: [{ hosts: ['foo.com'], secretName: 'my-cert' }] });
    expect((await sh.exec('kubectl create secret generic db --from-literal=user=admin --from-literal=pass=s3cr3t')).output).toBe('secret/db created\n');
    expect((await sh.exec('echo hello > greeting.txt && kubectl create configmap cfg --from-file=greeting.txt --from-literal=a=b')).output).toBe('configmap/cfg created\n');
    expect((await sh.exec('kubectl get cm')).output).toMatch(/^NAME\s+DATA\s+AGE\ncfg\s+2\s+\S+\nkube-root-ca\.crt\s+1\s+\S+\n$/);
    expect((await sh.exec('kubectl create secret tls bad --cert=greeting.txt --key=greeting.txt')).output).toBe('error: tls: failed to find any PEM data in certificate input\n');
  });
});
