/**
 * Cluster snapshots as they are kept. The server saves `cluster.snapshotText()` (inside the lab's
 * text, lib/terminal/lab-setup.ts) and later restores that text.
 *
 *  - `cluster.snapshot()` gives the state with the live stored objects (`objects` is the plain
 *    list, handy in tests) and a `toJSON` that writes the compact `v: 3` JSON (snapshot-codec.ts).
 *  - `cluster.snapshotText()` is the same `v: 3` state as lines: the header (everything but the
 *    objects and the event correlation caches) as JSON on the first line, the caches (`{}` when
 *    there are none) on the second, then one line of JSON per object entry. JSON text has no raw
 *    line breaks, so the lines split back without a parser, and the text of the caches and of
 *    each entry is kept for the next snapshot (what did not change costs a string, not a stringify;
 *    while no object changed, the cluster reuses the joined object lines as they are).
 *  - `restoreCluster` accepts that text, the in-memory snapshot, its JSON (v3), and the JSON of
 *    earlier versions: `v: 2` (delta entries with absolute indexes) and `v: 1` (full objects).
 */
import { deepCopy } from './clone';
import { SnapshotCodec } from './snapshot-codec';
import type { SavedCorrelator } from './api/event-correlator';
import type { ClusterSnapshot, ClusterSnapshotJson, SavedClusterSnapshot, StoredObject } from './types';

/** Adds the compact JSON form (non-enumerable, so the snapshot still compares and spreads as data). */
export function withCompactJson(s: ClusterSnapshot, codec: SnapshotCodec): ClusterSnapshot {
  Object.defineProperty(s, 'toJSON', {
    enumerable: false,
    value: (): ClusterSnapshotJson => ({ ...s, objects: codec.encode(s.objects) }),
  });
  return s;
}

/** The first line of the snapshot text: the state but the objects and event caches, and when an event cache entry may first go stale. */
export type SnapshotTextHeader = Omit<ClusterSnapshot, 'objects' | 'events'> & { eventsStaleAt?: number };

/** The object lines of the snapshot text, joined (what follows its second line). */
export function objectsText(objects: readonly StoredObject[], codec: SnapshotCodec): string {
  return codec.encodeLines(objects).join('\n');
}

/** The snapshot text (see the top of the file) from its header, event caches and object lines. */
export function snapshotText(header: SnapshotTextHeader, events: SavedCorrelator, objects: string): string {
  const head = JSON.stringify(Number.isFinite(events.staleAt) ? { ...header, eventsStaleAt: events.staleAt } : header);
  return objects ? `${head}\n${events.text}\n${objects}` : `${head}\n${events.text}`;
}

const damaged = (): Error => new Error('damaged cluster snapshot');

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw damaged();
  }
}

/**
 * A snapshot the cluster can own: decoded, and copied when it is an in-memory snapshot of a
 * live cluster (whose objects must not be shared). Throws on an unknown version or bad data.
 */
export function readSnapshot(input: SavedClusterSnapshot | string, codec: SnapshotCodec):
  { snapshot: ClusterSnapshot; events?: SavedCorrelator; objects?: string } {
  if (typeof input === 'string') {
    const lines = input.split('\n');
    const header = parseLine(lines[0]) as SnapshotTextHeader | null;
    if (!header || typeof header !== 'object' || Array.isArray(header)) throw damaged();
    if (header.v !== 3) throw new Error('unsupported cluster snapshot version');
    if (lines.length < 2 || !lines[1].startsWith('{')) throw damaged();
    // The event caches stay text until an event is recorded (EventCorrelator).
    const { eventsStaleAt, ...rest } = header;
    const events = { text: lines[1], staleAt: typeof eventsStaleAt === 'number' ? eventsStaleAt : -Infinity };
    const body = lines.slice(2);
    const entries = body.map(parseLine) as ClusterSnapshotJson['objects'];
    const objects = input.slice(lines[0].length + lines[1].length + 2);
    return { snapshot: { ...rest, objects: codec.decode(entries, true, body) }, events, objects };
  }
  if (!input || typeof input !== 'object' || !Array.isArray(input.objects)) throw damaged();
  if (input.v === 1) {
    const { v: _v, ...rest } = deepCopy(input);
    return { snapshot: { v: 3, ...rest } };
  }
  if (input.v !== 2 && input.v !== 3) throw new Error('unsupported cluster snapshot version');
  if (typeof (input as { toJSON?: unknown }).toJSON === 'function') return { snapshot: deepCopy({ ...(input as ClusterSnapshot) }) };
  // Freshly parsed JSON: its values become the cluster's own.
  return { snapshot: { ...input, v: 3, objects: codec.decode(input.objects as ClusterSnapshotJson['objects'], input.v === 3) } };
}
