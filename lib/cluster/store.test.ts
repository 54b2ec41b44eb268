import { describe, expect, it } from 'vitest';
import { ObjectStore } from './store';
import type { StoredObject } from './types';

const pod = (name: string, owner?: string, ns = 'default'): StoredObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: ns, ...(owner && { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner, controller: true }] }) },
});

describe('ObjectStore pod index', () => {
  it('gives the pods of controllers (and orphans) in list order, as a filtered peek would', () => {
    const s = new ObjectStore();
    for (const p of [pod('a', 'rs1'), pod('b'), pod('c', 'rs1'), pod('d', 'rs2'), pod('e', 'rs1', 'other'), pod('f', 'rs1')]) s.put(p);
    const names = (uids: (string | undefined)[]) => s.peekPodsControlledBy('default', uids).map((p) => p.metadata.name);
    const filtered = (uids: (string | undefined)[]) => s.peek('Pod', 'default')
      .filter((p) => uids.includes(p.metadata.ownerReferences?.find((r) => r.controller)?.uid)).map((p) => p.metadata.name);
    const check = () => {
      for (const uids of [['rs1'], ['rs1', undefined], ['rs2', undefined], [undefined], ['rs1', 'rs2']]) expect(names(uids)).toEqual(filtered(uids));
    };
    check();
    // Updates keep a pod in place; an older pod adopted later, released or re-created keeps list order too.
    s.put({ ...pod('a', 'rs1'), status: { phase: 'Running' } });
    check();
    s.put(pod('b', 'rs1')); // adopt the orphan b (older than c and f)
    check();
    s.put(pod('c')); // release c
    check();
    s.remove('Pod', 'default', 'a');
    s.put(pod('a', 'rs2'));
    check();
    expect(names(['rs1'])).toEqual(['b', 'f']);
  });
});

describe('ObjectStore freeze guard (KUBELAB_FREEZE_STORE=1, set for vitest)', () => {
  it('stores deep-frozen objects, so an in-place change of a peeked object throws', () => {
    expect(process.env.KUBELAB_FREEZE_STORE).toBe('1');
    const s = new ObjectStore();
    s.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' }, data: { a: '1' } });
    const peeked = s.peekOne('ConfigMap', 'default', 'x')!;
    expect(() => { (peeked.data as Record<string, string>).a = '2'; }).toThrow(TypeError);
    expect(() => { (peeked.metadata as { labels?: object }).labels = {}; }).toThrow(TypeError);
    // Copies handed out by get/list stay the caller's to change.
    const copy = s.get('ConfigMap', 'default', 'x')!;
    copy.data.a = '3';
    expect(s.peekOne('ConfigMap', 'default', 'x')!.data.a).toBe('1');
    const owned = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y', namespace: 'default' }, data: { b: '1' } };
    s.putOwned(owned);
    expect(Object.isFrozen(owned.data)).toBe(true);
  });
});

describe('ObjectStore owner index', () => {
  it('gives the dependents of an owner in list order, as a filter over every object would', () => {
    const s = new ObjectStore();
    const cm = (name: string, ...owners: string[]): StoredObject => ({ apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name, namespace: 'default', ...(owners.length && { ownerReferences: owners.map((uid) => ({ apiVersion: 'v1', kind: 'X', name: uid, uid })) }) } });
    for (const o of [pod('a', 'rs1'), cm('b', 'rs1', 'dep'), pod('c', 'rs2'), cm('d'), pod('e', 'rs1', 'other')]) s.put(o);
    const scan = (uid: string) => s.filter((o) => !!o.metadata.ownerReferences?.some((r) => r.uid === uid)).map((o) => o.metadata.name);
    const check = () => { for (const uid of ['rs1', 'rs2', 'dep', 'none']) expect(s.dependentsOf(uid).map((o) => o.metadata.name)).toEqual(scan(uid)); };
    check();
    s.put(cm('d', 'rs1')); // gains an owner (keeps its place in the list)
    s.put(cm('b', 'dep')); // loses one
    s.put(pod('c', 'rs1')); // changes owner
    check();
    s.remove('Pod', 'default', 'a');
    s.put(pod('a', 'rs1')); // back, now last
    check();
    expect(s.dependentsOf('rs1').map((o) => o.metadata.name)).toEqual(['c', 'd', 'e', 'a']);
  });
});
