/**
 * The compact object list of a `v: 2` cluster snapshot. Most objects are near copies of another
 * one (the pods of one ReplicaSet, the Events of one reason), so an object is written as a delta
 * against an earlier object of the list:
 *
 *   entry  := object                       the object itself
 *           | [baseIndex, objectPatch]     the object at objects[baseIndex] with the patch applied
 *   patch  := string | number | boolean | null    replaced by that value
 *           | [value]                      replaced by `value` (an object or array)
 *           | { key: patch | [], ... }     changed keys ([]: key removed); other keys as in the base
 *           | [i, patch, j, patch, ...]    an array of the same length with elements i, j changed
 *
 * In an Event's patch, the involved object's name and uid and the event's own name (the involved
 * object's name and a suffix) may be written as a reference to an earlier object of the list:
 *
 *   ref    := [objectIndex, 0 | 1, tail]   that object's metadata.uid (0) or metadata.name (1) + tail
 *
 * (only at patch.metadata.name, patch.involvedObject.name and patch.involvedObject.uid).
 * Key order is part of the object (it shows in `-o yaml`/`-o json`), so an object patch is used
 * only when applying it gives the target's key order (base keys first, new keys after);
 * otherwise the value is written whole. Decoding shares unchanged subtrees between objects; the
 * store never changes an object in place, so that is as safe as its frozen watch objects.
 * The output depends only on the objects and their order: the same cluster state gives the same JSON.
 */
import type { StoredObject } from './types';

type Json = unknown;
type Patch = unknown;
export type EncodedObject = StoredObject | [number, Record<string, Patch>];

const isPlain = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own keys whose values JSON would write. */
function jsonKeys(o: Record<string, Json>): string[] {
  const ks = Object.keys(o);
  for (const k of ks) if (o[k] === undefined || typeof o[k] === 'function') return ks.filter((x) => o[x] !== undefined && typeof o[x] !== 'function');
  return ks;
}

/** The patch turning `base` into `target`, or undefined when they serialise the same. */
function diff(target: Json, base: Json): Patch | undefined {
  if (target === base) return undefined;
  if (typeof target !== 'object' || target === null) return target;
  if (isPlain(target) && isPlain(base)) return diffObject(target, base) ?? undefined;
  if (Array.isArray(target) && Array.isArray(base) && target.length === base.length && target.length > 0) {
    const out: Patch[] = [];
    for (let i = 0; i < target.length; i++) {
      const d = diff(target[i] ?? null, base[i] ?? null);
      if (d !== undefined) out.push(i, d);
    }
    return out.length === 0 ? undefined : out;
  }
  return [target];
}

function diffObject(target: Record<string, Json>, base: Record<string, Json>): Record<string, Patch> | [Json] | undefined {
  const tk = jsonKeys(target);
  const bk = jsonKeys(base);
  // The order applying a patch gives: base keys still present, then new keys.
  let i = 0;
  for (const k of bk) if (target[k] !== undefined && typeof target[k] !== 'function' && tk[i++] !== k) return [target];
  for (const k of tk) if (!(base[k] !== undefined && typeof base[k] !== 'function') && tk[i++] !== k) return [target];
  const out: Record<string, Patch> = {};
  let changed = false;
  for (const k of tk) {
    const inBase = base[k] !== undefined && typeof base[k] !== 'function';
    const d = inBase ? diff(target[k], base[k]) : literal(target[k]);
    if (d !== undefined) { setKey(out, k, d); changed = true; }
  }
  for (const k of bk) if (target[k] === undefined || typeof target[k] === 'function') { setKey(out, k, []); changed = true; }
  return changed ? out : undefined;
}

const literal = (v: Json): Patch => (typeof v === 'object' && v !== null ? [v] : v);

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

function apply(base: Json, patch: Patch): Json {
  if (typeof patch !== 'object' || patch === null) return patch;
  if (Array.isArray(patch)) {
    if (patch.length === 1) return patch[0];
    const out = (base as Json[]).slice();
    for (let i = 0; i < patch.length; i += 2) out[patch[i] as number] = apply(out[patch[i] as number], patch[i + 1]);
    return out;
  }
  const b = base as Record<string, Json>;
  const p = patch as Record<string, Patch>;
  if (!hasRemoval(p)) {
    // No key removed: the base's keys in their order, changed values replaced, new keys after it
    // (what the loop below gives), with the engine's fast object copy.
    const out: Record<string, Json> = { ...b };
    for (const k of Object.keys(p)) setKey(out, k, apply(b[k], p[k]));
    return out;
  }
  const out: Record<string, Json> = {};
  for (const k of Object.keys(b)) {
    const pk = Object.prototype.hasOwnProperty.call(p, k) ? p[k] : undefined;
    const v = pk === undefined ? b[k] : Array.isArray(pk) && pk.length === 0 ? undefined : apply(b[k], pk);
    if (v === undefined) continue;
    if (k === '__proto__') setKey(out, k, v);
    else out[k] = v;
  }
  for (const k of Object.keys(p)) if (!Object.prototype.hasOwnProperty.call(b, k)) setKey(out, k, apply(undefined, p[k]));
  return out;
}

/** Whether an object patch removes a key (`[]`). */
function hasRemoval(p: Record<string, Patch>): boolean {
  for (const k in p) if (Array.isArray(p[k]) && (p[k] as Patch[]).length === 0) return true;
  return false;
}

/** Objects that are likely near copies of each other (the encoder's choice; decoding does not need it). */
function groupOf(o: StoredObject): string {
  const owner = o.metadata.ownerReferences?.find((r) => r.controller)?.uid ?? o.metadata.namespace ?? '';
  if (o.kind === 'Event') return `Event\u0000${o.reason}\u0000${o.source?.component ?? o.reportingComponent}\u0000${o.involvedObject?.kind}`;
  return `${o.kind}\u0000${owner}`;
}

interface Encoded { base: object; patch: Record<string, Patch> }

type Ref = [number, 0 | 1, string];
const isRef = (v: unknown): v is Ref => Array.isArray(v) && v.length === 3;

/**
 * An Event's patch with the involved object's name/uid (and the event name's prefix) written as
 * references to that object, when it is earlier in the list (`at`: index by uid). The patch itself
 * is not changed (it stays cached with plain strings).
 */
function withRefs(patch: Record<string, Patch>, at: Map<string, number>, objects: readonly Readonly<StoredObject>[]): Record<string, Patch> {
  const io = patch.involvedObject as Record<string, Patch> | undefined;
  const uid = (io && typeof io.uid === 'string' ? io.uid : undefined);
  const j = uid === undefined ? undefined : at.get(uid);
  if (j === undefined) return patch;
  const name = objects[j].metadata.name;
  const involved: Record<string, Patch> = { ...io, uid: [j, 0, ''] as Ref };
  if (io!.name === name) involved.name = [j, 1, ''] as Ref;
  const out: Record<string, Patch> = { ...patch, involvedObject: involved };
  const meta = patch.metadata as Record<string, Patch> | undefined;
  if (meta && typeof meta.name === 'string' && meta.name.startsWith(`${name}.`)) out.metadata = { ...meta, name: [j, 1, meta.name.slice(name.length)] as Ref };
  return out;
}

/** The patch with its references resolved against the objects decoded so far (throws on a bad one). */
function withoutRefs(patch: Record<string, Patch>, decoded: readonly StoredObject[]): Record<string, Patch> {
  const io = isPlain(patch.involvedObject) ? patch.involvedObject : undefined;
  const meta = isPlain(patch.metadata) ? patch.metadata : undefined;
  if (!isRef(io?.uid) && !isRef(io?.name) && !isRef(meta?.name)) return patch;
  const deref = (r: Ref): string => {
    const [j, field, tail] = r;
    const o = Number.isInteger(j) && j >= 0 && j < decoded.length ? decoded[j] : undefined;
    const v = field === 0 ? o?.metadata?.uid : field === 1 ? o?.metadata?.name : undefined;
    if (typeof v !== 'string' || typeof tail !== 'string') throw new Error('damaged cluster snapshot');
    return v + tail;
  };
  const out = { ...patch };
  if (io && (isRef(io.uid) || isRef(io.name))) {
    out.involvedObject = { ...io, ...(isRef(io.uid) && { uid: deref(io.uid) }), ...(isRef(io.name) && { name: deref(io.name) }) };
  }
  if (meta && isRef(meta.name)) out.metadata = { ...meta, name: deref(meta.name) };
  return out;
}

/**
 * Encodes and decodes one cluster's object lists, remembering the patches it made or read: a
 * stored object never changes (a write replaces it), so while it and its base are the same
 * objects the patch stays valid, and the next snapshot encodes only what changed. The memory is
 * a plain Map renewed on every encode (no WeakMap: those are costly to the garbage collector).
 */
export class SnapshotCodec {
  private known = new Map<object, Encoded>();

  encode(objects: readonly Readonly<StoredObject>[]): EncodedObject[] {
    const last = new Map<string, number>();
    const next = new Map<object, Encoded>();
    const out: EncodedObject[] = [];
    /** Index of the objects seen so far by uid (the targets of an Event's references). */
    const at = new Map<string, number>();
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i] as StoredObject;
      if (i > 0) { const prev = objects[i - 1].metadata.uid; if (prev !== undefined && !at.has(prev)) at.set(prev, i - 1); }
      const g = groupOf(o);
      const bi = last.get(g);
      last.set(g, i);
      if (bi === undefined) { out.push(o); continue; }
      const base = objects[bi];
      let hit = this.known.get(o);
      if (!hit || hit.base !== base) {
        const d = diffObject(o, base as StoredObject);
        if (d === undefined || Array.isArray(d)) { out.push(o); continue; }
        hit = { base, patch: d };
      }
      next.set(o, hit);
      out.push([bi, o.kind === 'Event' ? withRefs(hit.patch, at, objects) : hit.patch]);
    }
    this.known = next;
    return out;
  }

  /** The objects of a v2 snapshot (freshly parsed JSON: its values are used, not copied). */
  decode(encoded: readonly EncodedObject[]): StoredObject[] {
    const out: StoredObject[] = [];
    for (const e of encoded) {
      if (!Array.isArray(e)) { out.push(e); continue; }
      const [bi, refs] = e;
      if (!Number.isInteger(bi) || bi < 0 || bi >= out.length || !isPlain(refs)) throw new Error('damaged cluster snapshot');
      const patch = withoutRefs(refs, out);
      const o = apply(out[bi], patch) as StoredObject;
      this.known.set(o, { base: out[bi], patch });
      out.push(o);
    }
    return out;
  }
}
