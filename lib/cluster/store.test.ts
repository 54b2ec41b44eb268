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
