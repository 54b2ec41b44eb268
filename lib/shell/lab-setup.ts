import { createCluster, type Cluster } from '@/lib/cluster';
import type { ShellSession } from './session';
import { createShell } from './session';
import { splitCommandLines } from './split';

/** How long before "now" a lab with setup begins, so what setup started has settled by the first prompt. */
export const SETUP_SETTLE_MS = 5 * 60_000;

export interface SetupFailure {
  command: string;
  exitCode: number;
  output: string;
}

/**
 * Runs lab.yaml `setup` scripts through a shell, line by line as a learner would type them
 * (heredocs span lines; `#` comment lines are skipped). Returns the commands that failed.
 */
export async function runLabSetup(shell: Pick<ShellSession, 'isComplete' | 'exec'>, scripts: readonly string[]): Promise<SetupFailure[]> {
  const failures: SetupFailure[] = [];
  for (const script of scripts) {
    for (const command of splitCommandLines(shell, script).filter((l) => !l.trim().startsWith('#'))) {
      const { output, exitCode } = await shell.exec(command);
      if (exitCode !== 0) failures.push({ command, exitCode, output });
    }
  }
  return failures;
}

/**
 * A fresh lab's starting state, shared by the terminal and the Check action: a new cluster that
 * began SETUP_SETTLE_MS ago when there is setup (so what it started has settled), the setup run
 * on it through the shell (sleep advances its clock instantly), then caught up with `now`.
 */
export async function startLab(scripts: readonly string[], now: number): Promise<{ cluster: Cluster; shell: ShellSession; failures: SetupFailure[] }> {
  const cluster = createCluster({ now: scripts.length ? now - SETUP_SETTLE_MS : now });
  const shell = createShell({ cluster });
  const failures = await runLabSetup(shell, scripts);
  if (now > cluster.now()) cluster.advanceTo(now);
  return { cluster, shell, failures };
}
