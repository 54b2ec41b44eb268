import { describe, expect, it, vi } from 'vitest';
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
    expect(() => restoreCluster({ ...json, v: 4 })).toThrow('unsupported cluster snapshot version');
    expect(() => restoreCluster({ ...json, objects: [[99, {}]] })).toThrow('damaged cluster snapshot');
    expect(() => restoreCluster(null as never)).toThrow('damaged cluster snapshot');
    const text = createCluster({ seed: 'bad', now: T0 }).snapshotText();
    expect(() => restoreCluster(text.replace('"v":3', '"v":4'))).toThrow('unsupported cluster snapshot version');
    expect(() => restoreCluster(`${text.slice(0, -3)}\n`)).toThrow('damaged cluster snapshot');
    expect(() => restoreCluster('')).toThrow('damaged cluster snapshot');
    expect(() => restoreCluster('[1]\n{}')).toThrow('damaged cluster snapshot');
  });

  it('as text: a header line, the event caches, one line per object, and the same cluster back', () => {
    const c = createCluster({ seed: 'text', now: T0 });
    c.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'line\nbreak' } });
    const text = c.snapshotText();
    const lines = text.split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ v: 3, seed: 'text' });
    expect(lines[1]).toBe('{}'); // no event correlation yet
    expect(lines).toHaveLength(2 + c.snapshot().objects.length);
    const back = restoreCluster(text);
    expect(back.get('ConfigMap', 'default', 'x')).toMatchObject({ data: { a: 'line\nbreak' } });
    expect(back.snapshotText()).toBe(text);
    expect(JSON.stringify(back.snapshot())).toBe(JSON.stringify(c.snapshot()));
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
    // Places are counted back from the entry: the base event 2 places earlier, the pod 1.
    expect(enc[2]).toEqual([2, { metadata: { name: [1, 1, '.2'], uid: 'ev-2' }, involvedObject: { name: [1, 1, ''], uid: [1, 0, ''] } }]);
    expect(enc[3][1].involvedObject).toEqual({ name: 'web-9', uid: 'u-web-9' });
    const back = new SnapshotCodec().decode(enc);
    expect(back).toEqual(objs);
    expect(() => new SnapshotCodec().decode([enc[0], enc[1], [2, { involvedObject: { uid: [7, 0, ''] } }]])).toThrow('damaged cluster snapshot');
    // A codec that decoded a list encodes it back the same (its cached patches hold no references).
    const codec = new SnapshotCodec();
    const decoded = codec.decode(JSON.parse(JSON.stringify(enc)));
    expect(JSON.parse(JSON.stringify(codec.encode(decoded)))).toEqual(enc);
  });

  it('writes Events that differ only in names, uids and resourceVersions as short rows', () => {
    const pod = (n: number) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${n}`, namespace: 'default', uid: `u-web-${n}` } }) as StoredObject;
    const ev = (n: number, extra: Record<string, unknown> = {}): StoredObject => ({ apiVersion: 'v1', kind: 'Event',
      metadata: { name: `web-${n}.${(0x100 + n).toString(16)}`, namespace: 'default', uid: `ev-${n}`, resourceVersion: String(10 + n) },
      involvedObject: { kind: 'Pod', name: `web-${n}`, uid: `u-web-${n}`, resourceVersion: String(n) }, reason: 'Pulled', message: 'pulled',
      source: { component: 'kubelet' }, ...extra } as StoredObject);
    const objs = [pod(1), pod(2), pod(3), ev(1), ev(2), ev(3, { message: 'other', count: 2 })];
    const codec = new SnapshotCodec();
    const lines = codec.encodeLines(objs);
    expect(JSON.parse(lines[4])).toEqual([1, 3, '.102', 'ev-2', '12', '2']);
    expect(JSON.parse(lines[5])).toEqual([1, 3, '.103', 'ev-3', '13', '3', { message: 'other', count: 2 }]);
    const back = new SnapshotCodec().decode(lines.map((l) => JSON.parse(l)), true, lines);
    expect(back.map((o) => JSON.stringify(o))).toEqual(objs.map((o) => JSON.stringify(o)));
    expect(new SnapshotCodec().encode(back)).toEqual(codec.encode(objs));
    for (const bad of [[1, 9, '.1', 'x', '1', null], [1, 3, 7, 'x', '1', null], [4, 3, '.1', 'x', '1', null], [1, 3, '.1', 'x', '1', null, 'y']]) {
      expect(() => new SnapshotCodec().decode([...lines.slice(0, 4).map((l) => JSON.parse(l)), bad])).toThrow('damaged cluster snapshot');
    }
  });

  it('writes near copies as small deltas against an earlier object', () => {
    const big = { spec: { containers: [{ name: 'app', image: 'nginx', args: Array.from({ length: 50 }, (_, i) => `--flag-${i}`) }] } };
    const enc = new SnapshotCodec().encode([obj('a', big), obj('b', big)]);
    expect(enc[1]).toEqual([1, { metadata: { name: 'b' } }]);
  });

  it('reads the absolute indexes of v2 lists', () => {
    const objs = [obj('a', { data: { x: '1' } }), obj('b', { data: { x: '2' } }), obj('c', { data: { x: '3' } })];
    expect(new SnapshotCodec().decode([objs[0], [0, { metadata: { name: 'b' }, data: { x: '2' } }], [0, { metadata: { name: 'c' }, data: { x: '3' } }]], false))
      .toEqual(objs);
  });

  it("keeps each entry's text while it stays valid, and gives what a fresh codec gives", () => {
    const codec = new SnapshotCodec();
    const objs = Array.from({ length: 6 }, (_, i) => obj(`o${i}`, { data: { n: String(i) } }));
    const first = codec.encodeLines(objs);
    const stringify = vi.spyOn(JSON, 'stringify');
    expect(codec.encodeLines(objs)).toEqual(first);
    expect(stringify).not.toHaveBeenCalled();
    // Drop the first object (as an expired event leaves the front) and replace a later one: the
    // others keep their text, except those whose base left or changed.
    const changed = [...objs.slice(1, 3), obj('o3', { data: { n: 'x' } }), ...objs.slice(4)];
    const lines = codec.encodeLines(changed);
    expect(stringify).toHaveBeenCalledTimes(3); // o1 (now first), o3 (changed), o4 (its base changed)
    stringify.mockRestore();
    expect(lines).toEqual(new SnapshotCodec().encodeLines(changed));
    // A codec that read the lines (a restored lab) keeps them the same way.
    const reader = new SnapshotCodec();
    const read = reader.decode(lines.map((l) => JSON.parse(l)), true, lines);
    const spy = vi.spyOn(JSON, 'stringify');
    const after = reader.encodeLines([...read.slice(0, 4), obj('o9', { data: { n: '9' } })]);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(after).toEqual(new SnapshotCodec().encodeLines([...changed.slice(0, 4), obj('o9', { data: { n: '9' } })]));
    expect(lines[1]).toBe(first[2]);
    expect(lines[4]).toBe(first[5]);
    expect(lines[0]).not.toBe(first[1]);
  });
});
