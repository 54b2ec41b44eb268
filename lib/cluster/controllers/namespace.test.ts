/** Namespace deletion through the shell: Terminating, content removed, lifecycle admission texts. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { createShell } from '../../shell';
import { namespaceStrategy } from './namespace-lifecycle';
import type { StoredObject } from '../types';

const T0 = Date.UTC(2025, 0, 1);

function lab() {
  const cluster = createCluster({ seed: 'ns', now: T0 });
  const shell = createShell({ cluster });
  const sh = async (cmd: string) => { const r = await shell.exec(cmd); return r.output; };
  return { cluster, sh };
}

describe('namespaces', () => {
  it('refuses to delete default, kube-system and kube-public', async () => {
    const { sh } = lab();
    expect(await sh('kubectl delete ns default')).toBe('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n');
    expect(await sh('kubectl delete namespace kube-system')).toBe('Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n');
    expect(await sh('kubectl delete ns kube-public')).toContain('this namespace may not be deleted');
    expect(await sh('kubectl get ns')).toMatch(/default\s+Active/);
  });

  it('terminates a namespace: Terminating while its pods stop, then gone with all its content', async () => {
    const { cluster, sh } = lab();
    await sh('printf "apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: shop\\n" | kubectl apply -f -');
    await sh('kubectl create deployment web --image=nginx --replicas=2 -n shop');
    await sh('kubectl create configmap cfg --from-literal=a=b -n shop');
    await sh('kubectl run sleeper --image=busybox -n shop -- sleep 3600');
    await sh('sleep 15');
    expect(await sh('kubectl get pods -n shop')).toMatch(/sleeper\s+1\/1\s+Running/);
    expect(await sh('kubectl delete ns shop --wait=false')).toBe('namespace "shop" deleted\n');
    expect(await sh('kubectl get ns shop')).toMatch(/^NAME\s+STATUS\s+AGE\nshop\s+Terminating\s+\d+s\n$/);
    expect(await sh('kubectl run late --image=nginx -n shop')).toBe(
      'Error from server (Forbidden): pods "late" is forbidden: unable to create new content in namespace shop because it is being terminated\n');
    await sh('sleep 2');
    const yaml = await sh('kubectl get ns shop -o yaml');
    expect(yaml).toContain('  phase: Terminating');
    expect(yaml).toMatch(/message: ['"]Some resources are remaining: pods has \d resource instances['"]/);
    expect(yaml).toContain('- kubernetes');
    expect(await sh('kubectl get pods -n shop')).toMatch(/sleeper\s+1\/1\s+Terminating/);
    await sh('sleep 40');
    expect(await sh('kubectl get ns shop')).toBe('Error from server (NotFound): namespaces "shop" not found\n');
    expect(cluster.list('ConfigMap', 'shop')).toEqual([]);
    expect(cluster.list('Pod', 'shop')).toEqual([]);
    expect(cluster.list('Event', 'shop')).toEqual([]);
    expect(await sh('printf "apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: shop\\n" | kubectl apply -f -')).toBe('namespace/shop created\n');
  });

  it('kubectl delete ns waits until the namespace is gone', async () => {
    const { sh } = lab();
    await sh('printf "apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: tmp\\n" | kubectl apply -f -');
    await sh('kubectl run web --image=nginx -n tmp');
    await sh('sleep 10');
    expect(await sh('kubectl delete ns tmp')).toBe('namespace "tmp" deleted\n');
    expect(await sh('kubectl get ns')).not.toContain('tmp');
  });

  it('has the namespace REST strategy: finalizer, phase and name label on create, kept on update', () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'a' } } } as unknown as StoredObject;
    namespaceStrategy.prepareForCreate!(ns, { prng: undefined as never, now: 0, list: () => [] });
    expect(ns).toMatchObject({ metadata: { labels: { team: 'a', 'kubernetes.io/metadata.name': 'shop' } },
      spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    const next = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'b' } }, spec: { finalizers: [] } } as unknown as StoredObject;
    namespaceStrategy.prepareForUpdate!(next, ns);
    expect(next).toMatchObject({ metadata: { labels: { team: 'b', 'kubernetes.io/metadata.name': 'shop' } },
      spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    expect(namespaceStrategy.validate({ ...next, metadata: { name: 'Bad_Name' } } as StoredObject)[0].field).toBe('metadata.name');
  });
});
