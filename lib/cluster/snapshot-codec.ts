/**
 * The compact object list of a cluster snapshot (`v: 3`; `v: 2` differs only in writing indexes
 * absolutely). Most objects are near copies of another one (the pods of one ReplicaSet, the
 * Events of one reason), so an object is written as a delta against an earlier object of the list:
 *
 *   entry  := object                       the object itself
 *           | [back, objectPatch]          the object `back` places earlier in the list (v2: the
 *                                          object at that index) with the patch applied
 *   patch  := string | number | boolean | null    replaced by that value
 *           | [value]                      replaced by `value` (an object or array)
 *           | { key: patch | [], ... }     changed keys ([]: key removed); other keys as in the base
 *           | [i, patch, j, patch, ...]    an array of the same length with elements i, j changed
 *
 * In an Event's patch, the involved object's name and uid and the event's own name (the involved
 * object's name and a suffix) may be written as a reference to an earlier object of the list:
 *
 *   ref    := [back, 0 | 1, tail]         metadata.uid (0) or metadata.name (1) + tail of the object
 *                                          `back` places earlier (v2: at that index)
 *
 * (only at patch.metadata.name, patch.involvedObject.name and patch.involvedObject.uid).
 * Most Events differ from their base only in those and their own uid and resourceVersions, so
 * v3 has a short form for them (what a lab holds most of: five or so per pod):
 *
 *   entry  := [back, refBack, tail, uid, rv, involvedRv | null, patch?]
 *       the Event `back` places earlier with metadata.name = name + tail, metadata.uid = uid,
 *       metadata.resourceVersion = rv, involvedObject.name/uid = name/uid of the object `refBack`
 *       places earlier, involvedObject.resourceVersion = involvedRv (null: the base's); then the
 *       optional object patch for whatever else changed.
 * Key order is part of the object (it shows in `-o yaml`/`-o json`), so an object patch is used
 * only when applying it gives the target's key order (base keys first, new keys after);
 * otherwise the value is written whole. Decoding shares unchanged subtrees between objects; the
 * store never changes an object in place, so that is as safe as sharing them with its watchers.
 * The output depends only on the objects and their order: the same cluster state gives the same JSON.
 *
 * Relative places keep an entry's text valid while objects before its base come and go (events
 * expire from the front of the list), so the codec keeps each entry's JSON text and writes it
 * again as long as the object, its base and the places are the same: a snapshot costs what
 * changed since the last one, and one taken right after a restore reuses the lines it was read from.
 */
import type { StoredObject } from './types';

type Json = unknown;
type Patch = unknown;
export type EncodedObject = StoredObject | [number, Record<string, Patch>] | EventRow;
type EventRow = [number, number, string, string, string, string | null, Record<string, Patch>?];

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
    for (const k in p) setKey(out, k, apply(b[k], p[k]));
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
  if (o.kind === 'Event') {
    return `Event\u0000${o.reason}\u0000${o.source?.component ?? o.reportingComponent}\u0000${o.source?.host ?? o.reportingInstance}\u0000${o.involvedObject?.kind}`;
  }
  return `${o.kind}\u0000${owner}`;
}

type Ref = [number, 0 | 1, string];
const isRef = (v: unknown): v is Ref => Array.isArray(v) && v.length === 3;

/**
 * An Event's patch with the involved object's name/uid (and the event name's prefix) written as
 * references to that object (`target`, `back` places earlier). The patch itself is not changed.
 */
function withRefs(patch: Record<string, Patch>, target: Readonly<StoredObject>, back: number): Record<string, Patch> {
  const io = patch.involvedObject as Record<string, Patch>;
  const name = target.metadata.name;
  const involved: Record<string, Patch> = { ...io, uid: [back, 0, ''] as Ref };
  if (io.name === name) involved.name = [back, 1, ''] as Ref;
  const out: Record<string, Patch> = { ...patch, involvedObject: involved };
  const meta = patch.metadata as Record<string, Patch> | undefined;
  if (meta && typeof meta.name === 'string' && meta.name.startsWith(`${name}.`)) out.metadata = { ...meta, name: [back, 1, meta.name.slice(name.length)] as Ref };
  return out;
}

/** The uid an Event's patch names for its involved object, if any. */
function involvedUid(patch: Record<string, Patch>): string | undefined {
  const io = patch.involvedObject;
  return isPlain(io) && typeof io.uid === 'string' ? io.uid : undefined;
}

/**
 * The patch with its references resolved against the objects decoded so far (`at`: this entry's
 * index; `relative`: v3 places), and the object they name. Throws on a bad one.
 */
function withoutRefs(patch: Record<string, Patch>, decoded: readonly StoredObject[], at: number, relative: boolean):
  { patch: Record<string, Patch>; target?: StoredObject; back: number } {
  const io = isPlain(patch.involvedObject) ? patch.involvedObject : undefined;
  const meta = isPlain(patch.metadata) ? patch.metadata : undefined;
  if (!isRef(io?.uid) && !isRef(io?.name) && !isRef(meta?.name)) return { patch, back: 0 };
  let target: StoredObject | undefined;
  let back = 0;
  const deref = (r: Ref): string => {
    const [n, field, tail] = r;
    const j = relative ? at - n : n;
    const o = Number.isInteger(j) && j >= 0 && j < at ? decoded[j] : undefined;
    const v = field === 0 ? o?.metadata?.uid : field === 1 ? o?.metadata?.name : undefined;
    if (typeof v !== 'string' || typeof tail !== 'string') throw new Error('damaged cluster snapshot');
    target = o;
    back = at - j;
    return v + tail;
  };
  const out = { ...patch };
  if (io && (isRef(io.uid) || isRef(io.name))) {
    out.involvedObject = { ...io, ...(isRef(io.uid) && { uid: deref(io.uid) }), ...(isRef(io.name) && { name: deref(io.name) }) };
  }
  if (meta && isRef(meta.name)) out.metadata = { ...meta, name: deref(meta.name) };
  return { patch: out, target, back };
}

/**
 * What the codec remembers of one object's entry: valid while `base`, `back` and the object an
 * Event's references name are as they were. The text is kept, the patch only while it is at hand
 * (a decoded lab keeps its lines, not the parsed patches: less for the garbage collector to move).
 */
interface Entry {
  /** groupOf(object). */
  group?: string;
  /** The object it was compared with (undefined: first of its group). */
  base?: object;
  back: number;
  /** The patch against `base` without references; null: written whole; undefined: not kept. */
  patch?: Record<string, Patch> | null;
  /** The uid an Event's patch names for its involved object, the object with that uid, and how many places earlier it is. */
  refUid?: string;
  ref?: object;
  refBack: number;
  /** The entry as written (v3), and its JSON text; undefined: to be made from the patch (or the text). */
  value?: EncodedObject;
  line?: string;
}

/**
 * Encodes and decodes one cluster's object lists, remembering each object's entry (see the top
 * of the file): a stored object never changes (a write replaces it), so an entry stays valid while
 * the object, its base and their places do. The memory is a plain Map renewed on every encode
 * (no WeakMap: those are costly to the garbage collector).
 */
export class SnapshotCodec {
  private known = new Map<object, Entry>();
  private pending?: { objects: readonly StoredObject[]; lines: readonly string[]; backs: Int32Array; refBacks: Int32Array };
  /** The list as v3 entries (values). */
  encode(objects: readonly Readonly<StoredObject>[]): EncodedObject[] {
    const entries = this.entries(objects);
    return entries.map((e, i) => (e.value ??= e.line !== undefined ? JSON.parse(e.line) as EncodedObject : valueOf(e, objects[i] as StoredObject)));
  }

  /** The list as v3 entries, one JSON text each (an unchanged entry's text is the same string, not made again). */
  encodeLines(objects: readonly Readonly<StoredObject>[]): string[] {
    const entries = this.entries(objects);
    return entries.map((e, i) => (e.line ??= JSON.stringify(e.value ??= valueOf(e, objects[i] as StoredObject))));
  }

  private entries(objects: readonly Readonly<StoredObject>[]): Entry[] {
    this.takePending();
    const last = new Map<string, number>();
    const next = new Map<object, Entry>();
    const out: Entry[] = [];
    /** Index of the objects seen so far by uid (the targets of an Event's references). */
    const at = new Map<string, number>();
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i] as StoredObject;
      if (i > 0) { const prev = objects[i - 1].metadata.uid; if (prev !== undefined && !at.has(prev)) at.set(prev, i - 1); }
      let e = this.known.get(o);
      const group = e?.group ?? groupOf(o);
      const bi = last.get(group);
      last.set(group, i);
      const base = bi === undefined ? undefined : objects[bi];
      const back = bi === undefined ? 0 : i - bi;
      if (!e || e.base !== base || e.back !== back) {
        const patch = e && e.base === base && e.patch !== undefined ? e.patch : patchOf(o, base);
        e = { group, base, back, patch, refUid: patch && o.kind === 'Event' ? involvedUid(patch) : undefined, refBack: 0 };
      } else if (!e.group) e.group = group;
      if (e.refUid !== undefined) {
        const j = at.get(e.refUid);
        const ref = j === undefined ? undefined : objects[j];
        const refBack = j === undefined ? 0 : i - j;
        if (ref !== e.ref || refBack !== e.refBack) e = { ...e, ref, refBack, value: undefined, line: undefined };
      }
      next.set(o, e);
      out.push(e);
    }
    this.known = next;
    return out;
  }

  /**
   * The objects of a snapshot's list (freshly parsed JSON: its values are used, not copied).
   * `relative`: v3 places (else v2 indexes); `lines`: the JSON text of each entry, kept for the next encode.
   */
  decode(encoded: readonly EncodedObject[], relative = true, lines?: readonly string[]): StoredObject[] {
    const out: StoredObject[] = [];
    // With the text, the entries are made by the next encode (pending): a restored lab that is
    // saved again unchanged never needs them (the cluster reuses the joined lines).
    const text = relative && lines !== undefined && lines.length === encoded.length;
    const backs = text ? new Int32Array(encoded.length) : undefined;
    const refBacks = text ? new Int32Array(encoded.length) : undefined;
    for (let i = 0; i < encoded.length; i++) {
      const e = encoded[i];
      if (!Array.isArray(e)) {
        if (!isPlain(e)) throw new Error('damaged cluster snapshot');
        out.push(e);
        // Whole: the encoder also writes it so when it is first of its group (else the entry is made again).
        if (!text) this.known.set(e, { back: 0, patch: null, refBack: 0 });
        continue;
      }
      if (relative && typeof e[1] === 'number') {
        const { o, base, target } = fromEventRow(e, out, i);
        if (text) { backs![i] = e[0]; refBacks![i] = e[1]; } else this.known.set(o, { base, back: e[0], refUid: target.metadata.uid, ref: target, refBack: e[1], value: e });
        out.push(o);
        continue;
      }
      const n = e[0];
      const refs = e[1];
      const bi = relative ? i - n : n;
      if (!Number.isInteger(bi) || bi < 0 || bi >= i || !isPlain(refs)) throw new Error('damaged cluster snapshot');
      const { patch, back } = withoutRefs(refs, out, i, relative);
      const o = apply(out[bi], patch) as StoredObject;
      if (text) { backs![i] = i - bi; refBacks![i] = back; } else {
        this.known.set(o, { base: out[bi], back: i - bi, patch, refUid: o.kind === 'Event' ? involvedUid(patch) : undefined, refBack: -1 });
      }
      out.push(o);
    }
    if (text) this.pending = { objects: out, lines, backs: backs!, refBacks: refBacks! };
    return out;
  }

  /** The entries of the decoded text (see decode), for the first encode after it. */
  private takePending(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    const { objects, lines, backs, refBacks } = p;
    for (let i = 0; i < objects.length; i++) {
      const back = backs[i];
      const refBack = refBacks[i];
      const ref = refBack ? objects[i - refBack] : undefined;
      // An Event's plain involved uid (its object was not in the list) needs no watching: an
      // object cannot appear earlier in the list later.
      this.known.set(objects[i], { base: back ? objects[i - back] : undefined, back, patch: back ? undefined : null,
        refUid: ref?.metadata.uid, ref, refBack, line: lines[i] });
    }
  }
}

/** The patch turning `base` into `o` (null: `o` is written whole). */
function patchOf(o: StoredObject, base: Readonly<StoredObject> | undefined): Record<string, Patch> | null {
  if (!base) return null;
  const d = diffObject(o, base as StoredObject);
  return d === undefined || Array.isArray(d) ? null : d;
}

/** An entry's value, from its patch (made again when it was not kept). */
function valueOf(e: Entry, o: StoredObject): EncodedObject {
  if (e.patch === undefined) e.patch = patchOf(o, e.base as StoredObject | undefined);
  if (e.patch === null) return o;
  if (!e.ref) return [e.back, e.patch];
  return eventRow(e.patch, e.base as StoredObject, e.ref as StoredObject, e.back, e.refBack) ?? [e.back, withRefs(e.patch, e.ref as StoredObject, e.refBack)];
}

const ROW_KEYS = ['name', 'uid', 'resourceVersion'];
const hasRowKeys = (o: unknown): o is Record<string, Json> => isPlain(o) && ROW_KEYS.every((k) => typeof o[k] === 'string');
const onlyRowKeys = (p: Record<string, Patch>): boolean => {
  for (const k in p) if (!ROW_KEYS.includes(k) || typeof p[k] !== 'string') return false;
  return true;
};

/** An Event's patch as the short form, when it fits (see the top of the file). */
function eventRow(patch: Record<string, Patch>, base: StoredObject, target: StoredObject, back: number, refBack: number): EventRow | undefined {
  const { metadata: m, involvedObject: io, ...rest } = patch;
  const bm = base.metadata as unknown as Record<string, Json>;
  const bio = (base as { involvedObject?: unknown }).involvedObject;
  if (!isPlain(m) || !isPlain(io) || !onlyRowKeys(m) || !onlyRowKeys(io) || !hasRowKeys(bm) || !hasRowKeys(bio)) return undefined;
  const name = target.metadata.name;
  const own = (m.name ?? bm.name) as string;
  if (typeof name !== 'string' || !own.startsWith(name) || (io.name ?? bio.name) !== name || io.uid !== target.metadata.uid) return undefined;
  const row: EventRow = [back, refBack, own.slice(name.length), (m.uid ?? bm.uid) as string, (m.resourceVersion ?? bm.resourceVersion) as string,
    (io.resourceVersion as string | undefined) ?? null];
  for (const _ in rest) { row.push(rest); break; }
  return row;
}

/** The Event an EventRow stands for (throws on a bad one). */
function fromEventRow(row: readonly unknown[], decoded: readonly StoredObject[], at: number): { o: StoredObject; base: StoredObject; target: StoredObject } {
  // Indexed reads, not destructuring (which goes through the array iterator): this runs per Event.
  const tail = row[2], uid = row[3], rv = row[4], irv = row[5], rest = row[6];
  const bi = at - (row[0] as number);
  const j = at - (row[1] as number);
  const base = Number.isInteger(bi) && bi >= 0 && bi < at ? decoded[bi] as StoredObject & { involvedObject?: unknown } : undefined;
  const target = Number.isInteger(j) && j >= 0 && j < at ? decoded[j] : undefined;
  if (!base || !target || !isPlain(base.involvedObject) || typeof target.metadata?.name !== 'string' || typeof target.metadata.uid !== 'string'
    || typeof tail !== 'string' || typeof uid !== 'string' || typeof rv !== 'string' || (irv !== null && typeof irv !== 'string')
    || (rest !== undefined && !isPlain(rest)) || row.length > 7) throw new Error('damaged cluster snapshot');
  const name = target.metadata.name;
  const bio = base.involvedObject;
  // Copies, then plain stores into keys they already have (cheaper than spreads followed by keys in one literal).
  const metadata = { ...base.metadata };
  metadata.name = name + tail;
  metadata.uid = uid;
  metadata.resourceVersion = rv;
  const involved = { ...bio };
  involved.name = name;
  involved.uid = target.metadata.uid;
  if (irv !== null) involved.resourceVersion = irv;
  let o = { ...base } as StoredObject & { involvedObject?: unknown };
  o.metadata = metadata;
  o.involvedObject = involved;
  if (rest) o = apply(o, rest) as StoredObject;
  return { o, base, target };
}
