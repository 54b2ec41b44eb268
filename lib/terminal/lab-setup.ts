import { startLab, type SetupFailure } from '@/lib/shell';
import type { LabSnapshot } from './lab-session';

/** A fresh lab as a snapshot for a LabSession: lib/shell's startLab, with an empty history. */
export async function createStartingLab(scripts: readonly string[], now: number): Promise<{ snapshot: LabSnapshot; failures: SetupFailure[] }> {
  const { cluster, shell, failures } = await startLab(scripts, now);
  return { snapshot: { v: 1, cluster: cluster.snapshot(), shell: { ...shell.snapshot(), history: [] }, lines: [] }, failures };
}
