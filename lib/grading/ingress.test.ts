import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { bundledManifest, containerRootKey, createCluster, type Cluster, type KubeObject } from '@/lib/cluster';
import { checkSchema } from './checks';
import { evaluateCheck } from './evaluate';

const INGRESS_NGINX = 'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.5.1/deploy/static/provider/cloud/deploy.yaml';
const parse = (c: unknown) => checkSchema.parse(c);

/** An nginx pod and its Service; writePages() puts its page where `kubectl exec ... echo > index.html` would. */
function page(cluster: Cluster, name: string) {
  cluster.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } as KubeObject);
  cluster.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${name}`, namespace: 'default' },
    spec: { selector: { app: name }, ports: [{ port: 80 }] } } as KubeObject);
}

function writePages(cluster: Cluster, pages: Record<string, string>) {
  for (const [name, text] of Object.entries(pages)) {
    const pod = cluster.get<Pod>('Pod', 'default', name)!;
    cluster.files.write(containerRootKey(pod, pod.spec!.containers[0]), { '/usr/share/nginx/html/index.html': `${text}\n` });
  }
}

function ingress(name: string, rules: unknown[], annotations: Record<string, string> = {}, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', annotations },
    spec: { ingressClassName: 'nginx', rules, ...extra } } as KubeObject;
}
const rule = (host: string | undefined, path: string, service: string, port = 80) =>
  ({ ...(host && { host }), http: { paths: [{ path, pathType: 'Prefix', backend: { service: { name: service, port: { number: port } } } }] } });

function lab(install = true): Cluster {
  const cluster = createCluster({ seed: 'ingress-grading', now: Date.parse('2025-01-01T00:00:00Z') });
  if (install) for (const doc of parseAllDocuments(bundledManifest(INGRESS_NGINX)!)) cluster.create(doc.toJS() as KubeObject);
  for (const n of ['shopping', 'v1', 'v2']) page(cluster, n);
  cluster.advanceBy(120_000);
  writePages(cluster, { shopping: 'Shopping Page', v1: 'app v1', v2: 'app v2' });
  return cluster;
}

describe('httpViaIngress', () => {
  const shop = parse({ type: 'httpViaIngress', path: '/shop', bodyIncludes: 'Shopping Page' });

  it('serves files written in the pod through the controller, on a clone', () => {
    const cluster = lab();
    cluster.create(ingress('shop', [rule(undefined, '/shop', 'svc-shopping')], { 'nginx.ingress.kubernetes.io/rewrite-target': '/' }));
    const before = JSON.stringify(cluster.snapshot());
    expect(evaluateCheck(shop, cluster)).toEqual({ passed: true, message: 'http://localhost/shop 요청이 200 응답을 받습니다 ("Shopping Page" 포함)' });
    expect(JSON.stringify(cluster.snapshot())).toBe(before);
  });

  it('explains each broken link: no controller, no class, no rewrite, wrong port, no endpoints', () => {
    expect(evaluateCheck(shop, lab(false)).message).toBe(
      'http://localhost/shop 요청이 실패합니다: Ingress Controller(ingress-nginx)가 설치되어 있지 않습니다 → Ingress 규칙을 실행할 구현체가 없음');

    const noClass = lab();
    const ing = ingress('shop', [rule(undefined, '/shop', 'svc-shopping')], { 'nginx.ingress.kubernetes.io/rewrite-target': '/' });
    delete ing.spec.ingressClassName;
    noClass.create(ing);
    expect(evaluateCheck(shop, noClass).message).toContain('컨트롤러(IngressClass nginx)가 shop Ingress를 맡지 않습니다 (ingressClassName: 없음) → 규칙이 적용되지 않음 → 컨트롤러가 404 Not Found로 응답');

    const noRewrite = lab();
    noRewrite.create(ingress('shop', [rule(undefined, '/shop', 'svc-shopping')]));
    expect(evaluateCheck(shop, noRewrite).message).toBe(
      'http://localhost/shop 요청의 응답 코드가 404 Not Found입니다 (기대: 200): shop Ingress의 (모든 호스트)/shop 규칙 → svc-shopping:80 → 백엔드가 404 Not Found로 응답');

    const wrongPort = lab();
    wrongPort.create(ingress('shop', [rule(undefined, '/shop', 'svc-shopping', 8080)], { 'nginx.ingress.kubernetes.io/rewrite-target': '/' }));
    expect(evaluateCheck(shop, wrongPort).message).toContain('svc-shopping Service가 8080 포트를 열지 않습니다 (포트: 80) → 컨트롤러가 503 Service Temporarily Unavailable로 응답');

    const noEndpoints = lab();
    noEndpoints.delete('Pod', 'default', 'shopping', { gracePeriodSeconds: 0 });
    noEndpoints.advanceBy(5_000);
    noEndpoints.create(ingress('shop', [rule(undefined, '/shop', 'svc-shopping')], { 'nginx.ingress.kubernetes.io/rewrite-target': '/' }));
    expect(evaluateCheck(shop, noEndpoints).message).toContain('svc-shopping Service가 파드를 선택하지 못합니다: selector app=shopping (이 레이블을 가진 파드 없음) → 엔드포인트 없음 → 컨트롤러가 503');
  });

  it('names the host that has no rule', () => {
    const cluster = lab();
    cluster.create(ingress('app', [rule('www.app.com', '/', 'svc-v1')]));
    const other = parse({ type: 'httpViaIngress', host: 'order.mall.com', bodyIncludes: 'x' });
    expect(evaluateCheck(other, cluster).message).toContain('호스트 order.mall.com에 맞는 Ingress 규칙이 없습니다 (규칙의 호스트: www.app.com)');
  });

  it('checks the certificate of a TLS host', () => {
    const cluster = lab();
    cluster.create(ingress('https', [rule('www.mall.com', '/', 'svc-shopping')], {}, { tls: [{ hosts: ['www.mall.com'], secretName: 'secret-https' }] }));
    const https = parse({ type: 'httpViaIngress', scheme: 'https', host: 'www.mall.com', bodyIncludes: 'Shopping Page', tlsSecret: 'secret-https' });
    expect(evaluateCheck(https, cluster).message).toBe(
      'https://www.mall.com/ 요청에 secret-https Secret의 인증서가 쓰이지 않습니다: default 네임스페이스에 secret-https Secret이 없습니다 → 컨트롤러가 자체 가짜 인증서(Kubernetes Ingress Controller Fake Certificate)를 보냄');
    expect(evaluateCheck(parse({ type: 'httpViaIngress', host: 'www.mall.com', status: 308 }), cluster).passed).toBe(true);
    expect(() => parse({ type: 'httpViaIngress', tlsSecret: 'x' })).toThrow(/tlsSecret needs scheme: https/);
  });
});

describe('ingressTrafficShare and ingressHasAddress', () => {
  it('measures a canary weight over many requests', () => {
    const cluster = lab();
    cluster.create(ingress('app', [rule('www.app.com', '/', 'svc-v1')]));
    const share = parse({ type: 'ingressTrafficShare', host: 'www.app.com', requests: 200, bodyIncludes: 'app v2', minPercent: 3, maxPercent: 20 });
    expect(evaluateCheck(share, cluster).message).toBe(
      'http://www.app.com/ 요청 200개 중 "app v2" 응답이 0%입니다 (기대: 3~20%): app Ingress의 www.app.com/ 규칙 → svc-v1:80 → 이 호스트와 경로에 카나리 Ingress가 없음');
    cluster.create(ingress('canary', [rule('www.app.com', '/', 'svc-v2')], { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '10' }));
    expect(evaluateCheck(share, cluster)).toMatchObject({ passed: true, message: expect.stringMatching(/^http:\/\/www\.app\.com\/ 요청 200개 중 \d+(\.\d)?%가 "app v2" 응답입니다 \(기대: 3~20%\)$/) });
  });

  it('waits for the controller to publish an address', () => {
    const cluster = lab();
    cluster.create(ingress('app', [rule('www.app.com', '/', 'svc-v1')]));
    const addr = parse({ type: 'ingressHasAddress', name: 'app' });
    expect(evaluateCheck(addr, cluster).passed).toBe(false);
    cluster.advanceBy(120_000);
    expect(evaluateCheck(addr, cluster)).toEqual({ passed: true, message: 'app Ingress가 주소 localhost를 받았습니다 (ADDRESS)' });
    const none = lab(false);
    none.create(ingress('app', [rule('www.app.com', '/', 'svc-v1')]));
    expect(evaluateCheck(addr, none).message).toBe('Ingress Controller(ingress-nginx)가 설치되어 있지 않습니다 → 규칙을 맡을 컨트롤러가 없음 → ADDRESS가 비어 있음');
  });
});
