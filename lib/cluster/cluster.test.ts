import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster, StatusError } from './index';
import type { Pod } from 'kubernetes-types/core/v1';

const T0 = Date.UTC(2025, 0, 1);
const pod = (name: string, image: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name, image, ...extra }] },
});

describe('cluster', () => {
  it('has the default topology', () => {
    const c = createCluster({ seed: 't', now: T0 });
    expect(c.list('Node').map((n) => n.metadata?.name)).toEqual(['k8s-master', 'k8s-node1', 'k8s-node2']);
    expect(c.list('Namespace').map((n) => n.metadata?.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(c.get<{ spec: { taints: unknown[] } }>('Node', undefined, 'k8s-master')?.spec.taints).toEqual(
      [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(c.list('StorageClass').map((s) => s.metadata?.name)).toEqual(['fast', 'standard']);
  });

  it('runs a pod through Pending → ContainerCreating → Running on a worker', () => {
    const c = createCluster({ seed: 't', now: T0 });
    c.create(pod('web', 'nginx'));
    expect(c.get<Pod>('Pod', 'default', 'web')?.status?.phase).toBe('Pending');
    c.advanceBy(0);
    const bound = c.get<Pod>('Pod', 'default', 'web')!;
    expect(bound.spec?.nodeName).toMatch(/^k8s-node[12]$/);
    c.advanceBy(1500);
    expect(c.get<Pod>('Pod', 'default', 'web')?.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ContainerCreating');
    c.advanceBy(10_000);
    const running = c.get<Pod>('Pod', 'default', 'web')!;
    expect(running.status?.phase).toBe('Running');
    expect(running.status?.podIP).toMatch(/^10\.244\.[12]\.\d+$/);
    expect(running.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
    const reasons = c.list<{ reason: string }>('Event', 'default').map((e) => e.reason);
    expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
  });

  it('applies API defaults and rejects invalid pods without creating anything', () => {
    const c = createCluster({ seed: 't', now: T0 });
    const created = c.create(pod('web', 'nginx:1.25')) as Pod;
    expect(created.spec?.restartPolicy).toBe('Always');
    expect(created.spec?.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(created.spec?.terminationGracePeriodSeconds).toBe(30);
    const before = c.revision;
    let err: unknown;
    try { c.create(pod('Web', '')); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).reason).toBe('Invalid');
    expect((err as StatusError).details.causes?.map((x) => x.field)).toEqual(['metadata.name', 'spec.containers[0].name', 'spec.containers[0].image']);
    expect(c.revision).toBe(before);
    expect(() => c.create(pod('web', 'nginx'))).toThrow('pods "web" already exists');
    expect(() => c.delete('Pod', 'default', 'nope')).toThrow('pods "nope" not found');
  });

  it('backs off unknown images and terminates sleepers after the grace period', () => {
    const c = createCluster({ seed: 't', now: T0 });
    c.create(pod('bad', 'nginxx'));
    c.create(pod('bb', 'busybox', { command: ['sleep', '3600'] }));
    c.advanceBy(4000);
    expect(c.get<Pod>('Pod', 'default', 'bad')?.status?.containerStatuses?.[0].state?.waiting?.reason).toMatch(/ErrImagePull|ImagePullBackOff/);
    c.advanceBy(10_000);
    expect(c.get<Pod>('Pod', 'default', 'bad')?.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ImagePullBackOff');
    c.delete('Pod', 'default', 'bb');
    expect(c.get<Pod>('Pod', 'default', 'bb')?.metadata?.deletionTimestamp).toBeDefined();
    c.advanceBy(29_000);
    expect(c.get('Pod', 'default', 'bb')).toBeDefined();
    c.advanceBy(2_000);
    expect(c.get('Pod', 'default', 'bb')).toBeUndefined();
  });

  it('restores from a snapshot and stays deterministic', () => {
    const run = () => {
      const c = createCluster({ seed: 'same', now: T0 });
      c.create(pod('a', 'nginx'));
      c.advanceBy(2000);
      return c;
    };
    const a = run();
    const b = run();
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
    const restored = restoreCluster(JSON.parse(JSON.stringify(a.snapshot())));
    a.advanceBy(10_000);
    restored.advanceBy(10_000);
    expect(JSON.stringify(restored.snapshot()) === JSON.stringify(a.snapshot())).toBe(true);
    expect(restored.get<Pod>('Pod', 'default', 'a')?.status?.phase).toBe('Running');
  });

  it('notifies watchers and reports the next due work', () => {
    const c = createCluster({ seed: 't', now: T0 });
    const seen: string[] = [];
    const stop = c.watch((ev) => seen.push(`${ev.type} ${ev.object.metadata?.name}`), { kind: 'Pod' });
    c.create(pod('web', 'nginx'));
    expect(c.nextDueAt()).toBe(T0);
    c.advanceBy(0);
    stop();
    expect(seen).toEqual(['ADDED web', 'MODIFIED web']);
  });
});
