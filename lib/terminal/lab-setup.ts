import type { Cluster } from '@/lib/cluster';
import { startLab, type SetupFailure, type ShellState } from '@/lib/shell';

/** What is persisted for a lab: the cluster, the shell and the line editor's history. */
export interface LabSnapshot {
  v: 1;
  cluster: ReturnType<Cluster['snapshot']>;
  shell: ShellState;
  lines: string[];
  /** How far the learner fast-forwarded the lab ahead of the wall clock (ms, absent = 0). */
  skewMs?: number;
}

/** A saved lab from the store, or null when there is none or it is damaged or of an unknown version. */
export function parseSavedLab(raw: string | null): LabSnapshot | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as LabSnapshot;
    return parsed?.v === 1 ? parsed : null;
  } catch {
    return null; // a damaged snapshot starts a fresh lab rather than locking the learner out
  }
}

/** A fresh lab as a snapshot for a LabSession: lib/shell's startLab, with an empty history. */
export async function createStartingLab(scripts: readonly string[], now: number): Promise<{ snapshot: LabSnapshot; failures: SetupFailure[] }> {
  const { cluster, shell, failures } = await startLab(scripts, now);
  return { snapshot: { v: 1, cluster: cluster.snapshot(), shell: { ...shell.snapshot(), history: [] }, lines: [] }, failures };
}
