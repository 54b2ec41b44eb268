import type { SavedClusterSnapshot } from '@/lib/cluster';
import { startLab, type SetupFailure, type ShellState } from '@/lib/shell';

/**
 * What is persisted for a lab: the cluster, the shell and the line editor's history.
 * `cluster` is the cluster's snapshot text (`cluster.snapshotText()`), or a snapshot object
 * (a starting lab, or a lab saved as one JSON document before the text format).
 */
export interface LabSnapshot {
  cluster: SavedClusterSnapshot | string;
  shell: ShellState;
  lines: string[];
  /** How far the learner fast-forwarded the lab ahead of the wall clock (ms, absent = 0). */
  skewMs?: number;
}

/**
 * The text a lab is saved as: a JSON header line `{"v":2,"shell":…,"lines":…}` and then the
 * cluster's snapshot text (its own header line and one line per object; lib/cluster/snapshot.ts).
 * Earlier versions saved one JSON document `{"v":1,"cluster":{…},…}` (no line breaks).
 */
export function labText(lab: Omit<LabSnapshot, 'cluster'>, clusterText: string): string {
  const { shell, lines, skewMs } = lab;
  return `${JSON.stringify({ v: 2, shell, lines, ...(skewMs && skewMs > 0 && { skewMs }) })}\n${clusterText}`;
}

/** A saved lab from the store, or null when there is none or it is damaged or of an unknown version. */
export function parseSavedLab(raw: string | null): LabSnapshot | null {
  if (!raw) return null;
  try {
    const nl = raw.indexOf('\n');
    if (nl < 0) {
      const parsed = JSON.parse(raw) as LabSnapshot & { v?: number };
      return parsed?.v === 1 && parsed.cluster ? { cluster: parsed.cluster, shell: parsed.shell, lines: parsed.lines ?? [], skewMs: parsed.skewMs } : null;
    }
    const head = JSON.parse(raw.slice(0, nl)) as Omit<LabSnapshot, 'cluster'> & { v?: number };
    if (head?.v !== 2) return null;
    return { cluster: raw.slice(nl + 1), shell: head.shell, lines: Array.isArray(head.lines) ? head.lines : [], skewMs: head.skewMs };
  } catch {
    return null; // a damaged snapshot starts a fresh lab rather than locking the learner out
  }
}

/** A fresh lab as a snapshot for a LabSession: lib/shell's startLab, with an empty history. */
export async function createStartingLab(scripts: readonly string[], now: number): Promise<{ snapshot: LabSnapshot; failures: SetupFailure[] }> {
  const { cluster, shell, failures } = await startLab(scripts, now);
  // As text: restoring it costs less than copying a live snapshot, and the lab's first save reuses its lines.
  return { snapshot: { cluster: cluster.snapshotText(), shell: { ...shell.snapshot(), history: [] }, lines: [] }, failures };
}
