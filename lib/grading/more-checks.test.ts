import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { containerRootKey, createCluster, type Cluster, type KubeObject } from '@/lib/cluster';
import { checkSchema } from './checks';
import { evaluateCheck } from './evaluate';
import { fakeCluster } from './fake-cluster.test-helpers';

const parse = (c: unknown) => checkSchema.parse(c);
const meta = (name: string, labels?: Record<string, string>) => ({ name, namespace: 'default', ...(labels && { labels }) });

function lab(): Cluster {
  const cluster = createCluster({ seed: 'more-checks', now: Date.parse('2025-01-01T00:00:00Z') });
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
  cluster.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web'),
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template } } as KubeObject);
  cluster.create({ apiVersion: 'v1', kind: 'Pod', metadata: meta('solo', { app: 'solo' }), spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject);
  cluster.advanceBy(120_000);
  return cluster;
}

describe('podOwnedBy', () => {
  it('follows the controller chain Pod → ReplicaSet → Deployment', () => {
    const cluster = lab();
    expect(evaluateCheck(parse({ type: 'podOwnedBy', selector: 'app=web', owner: { kind: 'Deployment', name: 'web' } }), cluster))
      .toEqual({ passed: true, message: 'app=web 레이블을 가진 파드 2개가 모두 web Deployment에 속합니다' });
    const wrong = evaluateCheck(parse({ type: 'podOwnedBy', selector: 'app=web', owner: { kind: 'StatefulSet', name: 'web' } }), cluster);
    expect(wrong.message).toMatch(/^app=web 레이블을 가진 파드 2개 중 2개가 web StatefulSet에 속하지 않습니다: web-\w+-\w+ 파드의 소유자가 web-\w+ ReplicaSet → web Deployment입니다 \(기대: web StatefulSet\)$/);
    expect(evaluateCheck(parse({ type: 'podOwnedBy', pod: 'solo', owner: { kind: 'Deployment', name: 'web' } }), cluster).message)
      .toBe('solo 파드가 어떤 컨트롤러에도 속하지 않은 단독 파드입니다 (ownerReferences 없음)');
  });

  it('needs exactly one of pod and selector', () => {
    expect(() => parse({ type: 'podOwnedBy', owner: { kind: 'Deployment', name: 'web' } })).toThrow(/exactly one of pod and selector/);
  });
});

describe('fieldMatches', () => {
  it('tests a regex and shows the description instead of the pattern', () => {
    const cluster = lab();
    const image = parse({ type: 'fieldMatches', kind: 'Deployment', name: 'web', path: 'spec.template.spec.containers[0].image',
      pattern: '^nginx:1\\.2\\d$', description: 'nginx:1.2x 이미지' });
    expect(evaluateCheck(image, cluster)).toEqual({ passed: false,
      message: 'web Deployment의 spec.template.spec.containers[0].image 값이 기대와 다릅니다 (기대: nginx:1.2x 이미지, 현재: nginx)' });
    const replicas = parse({ type: 'fieldMatches', kind: 'Deployment', name: 'web', path: 'spec.replicas', pattern: '^[1-3]$' });
    expect(evaluateCheck(replicas, cluster).passed).toBe(true);
    expect(() => parse({ type: 'fieldMatches', kind: 'Pod', name: 'x', path: 'a', pattern: '(' })).toThrow(/invalid regular expression/);
    const pods = parse({ type: 'fieldMatches', kind: 'Pod', selector: 'app=web', path: 'spec.containers[0].image', pattern: '^nginx$' });
    expect(evaluateCheck(pods, cluster)).toEqual({ passed: true, message: 'app=web 레이블을 가진 파드 2개 모두의 spec.containers[0].image 값이 기대(패턴 ^nginx$)에 맞습니다' });
    const none = parse({ type: 'fieldMatches', kind: 'Pod', selector: 'app=db', path: 'spec.nodeName', pattern: '.' });
    expect(evaluateCheck(none, cluster).message).toBe('default 네임스페이스에 app=db 레이블을 가진 파드가 없습니다');
    expect(() => parse({ type: 'fieldMatches', kind: 'Pod', name: 'x', selector: 'a=b', path: 'a', pattern: '.' })).toThrow(/exactly one of name and selector/);
  });
});

describe('within', () => {
  it('runs a clone forward until the check holds, leaving the lab as it was', () => {
    const cluster = lab();
    cluster.update({ ...cluster.get<KubeObject>('Deployment', 'default', 'web')!, spec: {
      ...cluster.get<KubeObject>('Deployment', 'default', 'web')!.spec, replicas: 4 } });
    const four = { type: 'podsReady', selector: 'app=web', count: 4 };
    expect(evaluateCheck(parse(four), cluster).passed).toBe(false);
    const before = JSON.stringify(cluster.snapshot());
    const r = evaluateCheck(parse({ type: 'within', seconds: 120, check: four }), cluster);
    expect(r).toMatchObject({ passed: true, message: expect.stringMatching(/^\d+초 뒤 성립합니다: app=web 레이블을 가진 파드 4개가 모두 Running이고 Ready입니다$/) });
    expect(JSON.stringify(cluster.snapshot())).toBe(before);
  });

  it('says how long it waited when the check never holds', () => {
    const r = evaluateCheck(parse({ type: 'within', seconds: 30, check: { type: 'podsReady', selector: 'app=web', count: 5 } }), lab());
    expect(r.message).toBe('30초(시뮬레이션 시간)를 기다려도 성립하지 않습니다: app=web 레이블을 가진 파드 중 Running이고 Ready인 파드가 2개입니다 (기대: 5개)');
    expect(evaluateCheck(parse({ type: 'within', seconds: 30, check: { type: 'podReady', name: 'x' } }), fakeCluster([])).passed).toBe(false);
    expect(() => parse({ type: 'within', seconds: 30, check: { type: 'within', seconds: 1, check: { type: 'podReady', name: 'x' } } })).toThrow();
  });
});

describe('fileInPod', () => {
  it('reads what was written in the container on top of the image files', () => {
    const cluster = lab();
    const solo = cluster.get<Pod>('Pod', 'default', 'solo')!;
    const index = parse({ type: 'fileInPod', pod: 'solo', path: '/usr/share/nginx/html/index.html', includes: 'hello' });
    expect(evaluateCheck(index, cluster).message).toMatch(/^solo 파드의 c 컨테이너의 \/usr\/share\/nginx\/html\/index.html에 기대한 내용이 없습니다 \(기대: "hello", 현재 내용: <!DOCTYPE html> <html> <head> <title>Welcome to nginx!/);
    cluster.files.write(containerRootKey(solo, solo.spec!.containers[0]), { '/usr/share/nginx/html/index.html': 'hello\n' });
    expect(evaluateCheck(index, cluster)).toEqual({ passed: true, message: 'solo 파드의 /usr/share/nginx/html/index.html에 기대한 내용("hello")이 있습니다' });
    const log = parse({ type: 'fileInPod', selector: 'app=web', path: '/applog/server.log' });
    expect(evaluateCheck(log, cluster).message).toMatch(/^web-\w+-\w+ 파드의 nginx 컨테이너에 \/applog\/server.log 파일이 없습니다$/);
  });
});
