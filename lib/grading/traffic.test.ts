import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { containerRootKey, createCluster, type KubeObject } from '@/lib/cluster';
import { checkSchema } from './checks';
import { evaluateCheck } from './evaluate';
import { fakeCluster, pod } from './fake-cluster.test-helpers';

const meta = (name: string) => ({ name, namespace: 'default' });

function lab(selector: Record<string, string>, clusterIP?: string) {
  const cluster = createCluster({ seed: 'traffic-test', now: Date.parse('2025-01-01T00:00:00Z') });
  const tpl = { metadata: { labels: { type: 'db2' } }, spec: { containers: [{ name: 'c', image: 'kubetm/app' }] } };
  cluster.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta('stateful-pvc'),
    spec: { replicas: 1, serviceName: 'stateful-headless', selector: { matchLabels: { type: 'db2' } }, template: tpl } } as KubeObject);
  cluster.create({ apiVersion: 'v1', kind: 'Pod', metadata: meta('request-pod'), spec: { containers: [{ name: 'c', image: 'kubetm/init' }] } } as KubeObject);
  cluster.create({ apiVersion: 'v1', kind: 'Service', metadata: meta('stateful-headless'),
    spec: { selector, ports: [{ port: 80, targetPort: 8080 }], ...(clusterIP && { clusterIP }) } } as KubeObject);
  cluster.advanceBy(120_000);
  return cluster;
}

const parse = (c: unknown) => checkSchema.parse(c);
const dns = parse({ type: 'dnsResolves', fromPod: 'request-pod', name: 'stateful-pvc-0.stateful-headless' });
const http = parse({ type: 'httpFromPod', fromPod: 'request-pod', url: 'stateful-pvc-0.stateful-headless:8080/hostname', bodyIncludes: 'stateful-pvc-0' });
const selects = parse({ type: 'selectorMatches', service: 'stateful-headless', workload: { kind: 'StatefulSet', name: 'stateful-pvc' } });

describe('traffic checks', () => {
  it('pass for a headless Service selecting the StatefulSet, without touching the lab', () => {
    const cluster = lab({ type: 'db2' }, 'None');
    const before = JSON.stringify(cluster.snapshot());
    for (const c of [dns, http, selects]) expect(evaluateCheck(c, cluster)).toMatchObject({ passed: true });
    expect(JSON.stringify(cluster.snapshot())).toBe(before);
  });

  it('explain a wrong selector along the cause chain', () => {
    const cluster = lab({ type: 'db' }, 'None');
    expect(evaluateCheck(selects, cluster).message).toBe(
      'stateful-headless Service가 stateful-pvc StatefulSet의 파드를 선택하지 못합니다: selector type=db vs 파드 레이블 type=db2 → 엔드포인트 없음');
    expect(evaluateCheck(dns, cluster)).toEqual({ passed: false, message:
      'stateful-headless Service가 파드를 선택하지 못합니다: selector type=db vs 파드 레이블 type=db2 → 엔드포인트 없음 → stateful-pvc-0.stateful-headless 이름이 해석되지 않음' });
    expect(evaluateCheck(http, cluster).message).toMatch(/^request-pod 파드에서 .* 요청이 실패합니다: .*엔드포인트 없음/);
  });

  it('explain a Service that is not headless', () => {
    const r = evaluateCheck(dns, lab({ type: 'db2' }));
    expect(r.passed).toBe(false);
    expect(r.message).toMatch(/headless가 아닙니다 \(clusterIP: 10\.[\d.]+\) → 파드별 DNS 이름이 없음 → .* 이름이 해석되지 않음$/);
  });

  it('report a wrong port or body', () => {
    const cluster = lab({ type: 'db2' }, 'None');
    const wrongPort = parse({ type: 'httpFromPod', fromPod: 'request-pod', url: 'http://stateful-pvc-0.stateful-headless/hostname' });
    expect(evaluateCheck(wrongPort, cluster)).toMatchObject({ passed: false, message: expect.stringContaining('연결이 거부됨') });
    const body = parse({ type: 'httpFromPod', fromPod: 'request-pod', url: 'stateful-pvc-0.stateful-headless:8080/hostname', bodyIncludes: 'web-0' });
    expect(evaluateCheck(body, cluster).message).toContain('응답에 기대한 내용이 없습니다 (기대: "web-0"');
  });

  it('serve what kubectl exec wrote in the container (cluster.files), like curl in the terminal', () => {
    const cluster = lab({ type: 'db2' }, 'None');
    cluster.create({ apiVersion: 'v1', kind: 'Pod', metadata: { ...meta('page'), labels: { app: 'page' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } as KubeObject);
    cluster.create({ apiVersion: 'v1', kind: 'Service', metadata: meta('page'), spec: { selector: { app: 'page' }, ports: [{ port: 80 }] } } as KubeObject);
    cluster.advanceBy(60_000);
    const check = parse({ type: 'httpFromPod', fromPod: 'request-pod', url: 'http://page/', bodyIncludes: 'hello from exec' });
    expect(evaluateCheck(check, cluster).message).toContain('응답에 기대한 내용이 없습니다 (기대: "hello from exec", 응답: <!DOCTYPE html>');
    const page = cluster.get<Pod>('Pod', 'default', 'page')!;
    cluster.files.write(containerRootKey(page, page.spec!.containers[0]), { '/usr/share/nginx/html/index.html': 'hello from exec\n' });
    expect(evaluateCheck(check, cluster).passed).toBe(true);
  });

  it('need a pod to send from, and a cluster that can be cloned', () => {
    const missing = parse({ type: 'dnsResolves', fromPod: 'nope', name: 'kubernetes' });
    expect(evaluateCheck(missing, lab({ type: 'db2' })).message).toBe('default 네임스페이스에 nope 파드가 없어 요청을 보낼 수 없습니다');
    expect(evaluateCheck(dns, fakeCluster([])).passed).toBe(false);
  });
});

describe('storage and event checks', () => {
  const pvc = (name: string, phase: string, storageClassName?: string) =>
    ({ kind: 'PersistentVolumeClaim', metadata: meta(name), spec: { storageClassName, volumeName: 'pv-1' }, status: { phase } });
  const withVolume = { ...pod('web-0'), spec: { containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'www', mountPath: '/data' }] }],
    volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] } };

  it('pvcBound names the missing StorageClass as the cause', () => {
    const view = fakeCluster([pvc('www-web-0', 'Pending', 'slow')]);
    expect(evaluateCheck(parse({ type: 'pvcBound', name: 'www-web-0' }), view).message).toBe(
      'slow StorageClass가 없습니다 → www-web-0 PVC가 Pending 상태입니다');
    expect(evaluateCheck(parse({ type: 'pvcBound', name: 'www-web-0' }), fakeCluster([pvc('www-web-0', 'Bound')])).passed).toBe(true);
  });

  it('pvcMountedBy checks volume, mount, claim and pod', () => {
    const check = parse({ type: 'pvcMountedBy', claim: 'www-web-0', pod: 'web-0' });
    expect(evaluateCheck(check, fakeCluster([withVolume, pvc('www-web-0', 'Bound')])).passed).toBe(true);
    expect(evaluateCheck(check, fakeCluster([pod('web-0'), pvc('www-web-0', 'Bound')])).message).toBe(
      'web-0 파드가 www-web-0 PVC를 볼륨으로 쓰지 않습니다 (파드의 PVC: 없음)');
  });

  it('eventHappened lists the reasons that were recorded', () => {
    const ev = (reason: string) => ({ kind: 'Event', metadata: meta(`hello.${reason}`), reason, involvedObject: { kind: 'Job', name: 'hello' } });
    const check = parse({ type: 'eventHappened', reason: 'Completed', involvedKind: 'Job', involvedName: 'hello' });
    expect(evaluateCheck(check, fakeCluster([ev('SuccessfulCreate'), ev('BackoffLimitExceeded')])).message).toBe(
      'hello Job에 Completed 이벤트가 없습니다 (기록된 이벤트: SuccessfulCreate, BackoffLimitExceeded)');
    expect(evaluateCheck(check, fakeCluster([ev('Completed')])).passed).toBe(true);
  });

  it('schemas reject malformed checks', () => {
    expect(checkSchema.safeParse({ type: 'httpFromPod', url: 'not a url' }).success).toBe(false);
    expect(checkSchema.safeParse({ type: 'selectorMatches', service: 's', workload: { kind: 'Service', name: 'x' } }).success).toBe(false);
    expect(checkSchema.safeParse({ type: 'pvcBound', name: 'x', extra: 1 }).success).toBe(false);
  });
});
