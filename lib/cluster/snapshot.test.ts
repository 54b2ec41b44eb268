import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster } from './index';
import { SnapshotCodec } from './snapshot-codec';
import type { StoredObject } from './types';

const T0 = Date.UTC(2025, 0, 1);

describe('cluster snapshots', () => {
  it('restore from the in-memory snapshot without sharing objects with the original', () => {
    const c = createCluster({ seed: 'mem', now: T0 });
    const copy = restoreCluster(c.snapshot());
    c.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: '1' } });
    expect(copy.get('ConfigMap', 'default', 'x')).toBeUndefined();
  });

  it('reject damaged or unknown snapshots with an error, not a crash later', () => {
    const json = JSON.parse(JSON.stringify(createCluster({ seed: 'bad', now: T0 }).snapshot()));
    expect(() => restoreCluster({ ...json, v: 3 })).toThrow('unsupported cluster snapshot version');
    expect(() => restoreCluster({ ...json, objects: [[99, {}]] })).toThrow('damaged cluster snapshot');
    expect(() => restoreCluster(null as never)).toThrow('damaged cluster snapshot');
  });
});

describe('snapshot codec', () => {
  const obj = (name: string, extra: Record<string, unknown>): StoredObject =>
    ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, ...extra }) as StoredObject;
  const trip = (objs: StoredObject[]) => new SnapshotCodec().decode(JSON.parse(JSON.stringify(new SnapshotCodec().encode(objs))));

  it('keeps values, key order, removed keys, arrays and odd keys', () => {
    const objs = [
      obj('a', { data: { x: '1', y: '2', list: [1, 2, { k: 'v' }] }, binaryData: { z: 'AA==' } }),
      obj('b', { data: { y: '2', x: '1', list: [1, 3, { k: 'w' }] } }), // other key order, binaryData gone
      obj('c', { data: JSON.parse('{"x":"1","list":[1,2],"7":"int-like","__proto__":{"own":"key"}}') }),
      obj('d', { data: { x: null, list: [], empty: {} }, extra: [[]] }),
      obj('e', { data: { x: 0, list: [false], empty: { a: [] } }, extra: [] }),
    ];
    const back = trip(objs);
    expect(back.map((o) => JSON.stringify(o))).toEqual(objs.map((o) => JSON.stringify(o)));
    expect(Object.keys(back[2].data)).toEqual(Object.keys(objs[2].data));
    expect(Object.getPrototypeOf(back[2].data)).toBe(Object.prototype);
    expect(Object.keys(back[2].data)).toContain('__proto__');
  });

  it("writes an Event's involved object (and its name's prefix) as a reference to that object", () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', uid: 'u-web-1' } } as StoredObject;
    const ev = (n: number, target: string, uid: string): StoredObject => ({ apiVersion: 'v1', kind: 'Event',
      metadata: { name: `${target}.${n.toString(16)}`, namespace: 'default', uid: `ev-${n}` }, reason: 'Pulled',
      involvedObject: { kind: 'Pod', name: target, uid }, source: { component: 'kubelet' } } as StoredObject);
    // The third event's object is not in the list (deleted): written plainly.
    const objs = [ev(1, 'web-0', 'u-web-0'), pod, ev(2, 'web-1', 'u-web-1'), ev(3, 'web-9', 'u-web-9')];
    const enc = JSON.parse(JSON.stringify(new SnapshotCodec().encode(objs)));
    expect(enc[2]).toEqual([0, { metadata: { name: [1, 1, '.2'], uid: 'ev-2' }, involvedObject: { name: [1, 1, ''], uid: [1, 0, ''] } }]);
    expect(enc[3][1].involvedObject).toEqual({ name: 'web-9', uid: 'u-web-9' });
    const back = new SnapshotCodec().decode(enc);
    expect(back).toEqual(objs);
    expect(() => new SnapshotCodec().decode([enc[0], enc[1], [0, { involvedObject: { uid: [7, 0, ''] } }]])).toThrow('damaged cluster snapshot');
    // A codec that decoded a list encodes it back the same (its cached patches hold no references).
    const codec = new SnapshotCodec();
    const decoded = codec.decode(JSON.parse(JSON.stringify(enc)));
    expect(JSON.parse(JSON.stringify(codec.encode(decoded)))).toEqual(enc);
  });

  it('writes near copies as small deltas against an earlier object', () => {
    const big = { spec: { containers: [{ name: 'app', image: 'nginx', args: Array.from({ length: 50 }, (_, i) => `--flag-${i}`) }] } };
    const enc = new SnapshotCodec().encode([obj('a', big), obj('b', big)]);
    expect(enc[1]).toEqual([0, { metadata: { name: 'b' } }]);
  });
});
