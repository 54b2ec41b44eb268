import { describe, expect, it } from 'vitest';
import { checkSchema, type Check } from './checks';
import { evaluateCheck } from './evaluate';
import { fakeCluster, pod } from './fake-cluster.test-helpers';

const ns = (name: string) => ({ kind: 'Namespace', metadata: { name } });
const run = (check: unknown, objects: Parameters<typeof fakeCluster>[0]) =>
  evaluateCheck(checkSchema.parse(check) as Check, fakeCluster(objects));

describe('objectExists / objectAbsent', () => {
  const exists = { type: 'objectExists', kind: 'Pod', name: 'web' };
  it('names the namespace and the object', () => {
    expect(run(exists, [])).toEqual({ passed: false, message: 'default 네임스페이스에 web 파드가 없습니다' });
    expect(run(exists, [pod('web')])).toEqual({ passed: true, message: 'default 네임스페이스에 web 파드가 있습니다' });
    expect(run(exists, [pod('web', { ns: 'dev' })]).passed).toBe(false);
  });
  it('says when the namespace itself is missing', () => {
    expect(run({ ...exists, namespace: 'dev' }, []).message).toBe('dev 네임스페이스가 없습니다');
    expect(run({ ...exists, namespace: 'dev' }, [ns('dev')]).message).toBe('dev 네임스페이스에 web 파드가 없습니다');
  });
  it('handles cluster-scoped kinds and particles', () => {
    const check = { type: 'objectExists', kind: 'StorageClass', name: 'fast' };
    expect(run(check, []).message).toBe('fast StorageClass가 없습니다');
    expect(run({ type: 'objectExists', kind: 'StatefulSet', name: 'db' }, []).message).toBe(
      'default 네임스페이스에 db StatefulSet이 없습니다',
    );
  });
  it('treats a terminating object as not existing yet / not absent yet', () => {
    expect(run(exists, [pod('web', { deleting: true })]).message).toBe('web 파드가 삭제되는 중입니다 (Terminating)');
    const absent = { ...exists, type: 'objectAbsent' };
    expect(run(absent, [pod('web', { deleting: true })]).message).toBe('web 파드가 아직 삭제되는 중입니다 (Terminating)');
    expect(run(absent, [pod('web')]).message).toBe('default 네임스페이스에 web 파드가 아직 있습니다');
    expect(run(absent, [])).toEqual({ passed: true, message: 'default 네임스페이스에 web 파드가 없습니다' });
  });
});

describe('podReady follows the cause chain', () => {
  const check = { type: 'podReady', name: 'web' };
  it.each([
    [[], 'default 네임스페이스에 web 파드가 없습니다'],
    [[pod('web', { phase: 'Pending', waiting: 'ContainerCreating' })], 'web 파드가 아직 Running 상태가 아닙니다 (현재: ContainerCreating)'],
    [[pod('web', { phase: 'Pending', waiting: 'ImagePullBackOff' })], 'web 파드가 아직 Running 상태가 아닙니다 (현재: ImagePullBackOff)'],
    [
      [pod('web', { phase: 'Pending', unschedulable: '0/3 nodes are available' })],
      'web 파드가 아직 노드에 배치되지 않았습니다 (현재: Pending, 0/3 nodes are available)',
    ],
    [[pod('web', { waiting: 'CrashLoopBackOff' })], 'web 파드가 Running 상태지만 아직 Ready가 아닙니다 (준비된 컨테이너 0/1, 현재: CrashLoopBackOff)'],
    [[pod('web', { ready: false })], 'web 파드가 Running 상태지만 아직 Ready가 아닙니다 (준비된 컨테이너 0/1)'],
    [[pod('web', { deleting: true })], 'web 파드가 삭제되는 중입니다 (Terminating)'],
  ])('%#', (objects, message) => {
    expect(run(check, objects)).toEqual({ passed: false, message });
  });
  it('passes when Running and Ready', () => {
    expect(run(check, [pod('web')])).toEqual({ passed: true, message: 'web 파드가 Running 상태이고 Ready입니다' });
  });
});

describe('podsReady', () => {
  const check = { type: 'podsReady', selector: 'type=db', count: 3 };
  const db = (i: number, o = {}) => pod(`stateful-db-${i}`, { labels: { type: 'db' }, ...o });
  it('counts Running+Ready pods matching the selector', () => {
    expect(run(check, [db(0), db(1), db(2), pod('other')]).passed).toBe(true);
    expect(run({ ...check, selector: { type: 'db' } }, [db(0), db(1), db(2)]).passed).toBe(true);
  });
  it('explains what is missing', () => {
    expect(run(check, [pod('x')]).message).toBe('default 네임스페이스에 type=db 레이블을 가진 파드가 없습니다');
    expect(run(check, [db(0), db(1, { phase: 'Pending', waiting: 'ContainerCreating' })]).message).toBe(
      'type=db 레이블을 가진 파드 중 Running이고 Ready인 파드가 1개입니다 (기대: 3개; 준비되지 않은 파드: stateful-db-1 ContainerCreating)',
    );
    expect(run(check, [db(0), db(1), db(2), db(3)]).message).toBe('type=db 레이블을 가진 파드가 4개로 기대(3개)보다 많습니다');
    expect(run(check, [db(0), db(1), db(2), db(3, { deleting: true })]).message).toBe(
      'type=db 레이블을 가진 파드 중 1개가 아직 삭제되는 중입니다 (stateful-db-3)',
    );
  });
  it('count 0 means no matching pods at all', () => {
    expect(run({ ...check, count: 0 }, []).passed).toBe(true);
    expect(run({ ...check, count: 0 }, [db(0, { deleting: true })]).passed).toBe(false);
  });
});

describe('fieldEquals', () => {
  const sts = {
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'default', labels: { 'app.kubernetes.io/name': 'db' } },
    spec: { replicas: 1, template: { spec: { containers: [{ image: 'kubetm/app' }] } } },
  };
  const check = { type: 'fieldEquals', kind: 'StatefulSet', name: 'db', path: 'spec.replicas', value: 3 };
  it('compares deeply and reports the current value', () => {
    expect(run(check, [sts]).message).toBe('db StatefulSet의 spec.replicas 값이 기대와 다릅니다 (기대: 3, 현재: 1)');
    expect(run({ ...check, value: 1 }, [sts]).passed).toBe(true);
    expect(run({ ...check, path: 'spec.template.spec.containers[0].image', value: 'kubetm/app' }, [sts]).passed).toBe(true);
    expect(run({ ...check, path: 'metadata.labels["app.kubernetes.io/name"]', value: 'db' }, [sts]).passed).toBe(true);
    expect(run({ ...check, path: 'spec.serviceName' }, [sts]).message).toBe('db StatefulSet의 spec.serviceName 값이 없습니다 (기대: 3)');
    expect(run(check, []).message).toBe('default 네임스페이스에 db StatefulSet이 없습니다');
  });
});

describe('checkSchema', () => {
  it.each([
    [{ type: 'nope', name: 'web' }],
    [{ type: 'objectExists', kind: 'Pod', name: 'web', extra: 1 }],
    [{ type: 'objectExists', kind: 'pod', name: 'web' }],
    [{ type: 'objectExists', kind: 'Node', namespace: 'default', name: 'k8s-node1' }],
    [{ type: 'podsReady', selector: 'type in (a', count: 1 }],
    [{ type: 'podsReady', selector: 'type=db', count: -1 }],
    [{ type: 'fieldEquals', kind: 'Pod', name: 'web', path: 'spec..x', value: 1 }],
    [{ type: 'podReady', name: 'Web' }],
  ])('rejects %j', (check) => {
    expect(checkSchema.safeParse(check).success).toBe(false);
  });
});
