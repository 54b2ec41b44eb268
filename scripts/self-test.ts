// The lab self-test (DESIGN.md §5), shared by scripts/lab-self-test.test.ts and
// scripts/check-content.ts: the starting state fails, the reference solution passes, running it
// twice still passes, and known near-misses fail. Spans layers (content + grading + shell + cluster).
import { createCluster } from '@/lib/cluster';
import type { Exercise, NearMiss } from '@/lib/content';
import { gradeExercise, type ExerciseResult } from '@/lib/grading';
import { createShell, runLabSetup, splitCommandLines } from '@/lib/shell';

/** Simulated time allowed for the cluster to settle after each script (image pulls, deletions). */
export const SETTLE_MS = 5 * 60_000;

/**
 * Run scripts on a fresh lab cluster as a learner would type them (heredocs span lines), after
 * the lab's `setup` built its starting state through the same shell. Setup commands must succeed.
 */
export async function play(scripts: readonly string[], setup: readonly string[] = []) {
  const cluster = createCluster({ seed: 'lab-self-test', now: Date.parse('2025-01-01T00:00:00Z') });
  const shell = createShell({ cluster });
  const outputs: string[] = [];
  const failed = await runLabSetup(shell, setup);
  if (failed.length) throw new Error(`setup failed: ${failed.map((f) => `${f.command} → ${f.output.trim()}`).join('; ')}`);
  if (setup.length) cluster.advanceBy(SETTLE_MS);
  for (const script of scripts) {
    const lines = splitCommandLines(shell, script).filter((l) => !l.trim().startsWith('#'));
    for (const line of lines) outputs.push((await shell.exec(line)).output);
    cluster.advanceBy(SETTLE_MS);
  }
  return { cluster, outputs };
}

export interface SelfTestCase {
  name: string;
  ok: boolean;
  /** Why it failed: grading messages or shell output. */
  detail?: string;
}

function failures(result: ExerciseResult): string {
  return result.tasks
    .filter((t) => !t.passed)
    .map((t) => `${t.taskId}: ${t.message}`)
    .join('; ');
}

/** All self-test cases of one exercise (solution = its reference script, null when missing). */
export async function selfTestExercise(exercise: Exercise, solution: string | null, setup: readonly string[] = []): Promise<SelfTestCase[]> {
  const cases: SelfTestCase[] = [];
  const start = await play([], setup);
  cases.push({ name: 'starting state fails', ok: !gradeExercise(exercise, start.cluster).passed });
  if (!solution?.trim()) {
    cases.push({ name: 'reference solution passes', ok: false, detail: 'no reference solution' });
  } else {
    for (const [name, runs] of [
      ['reference solution passes', [solution]],
      ['reference solution run twice passes', [solution, solution]],
    ] as const) {
      const { cluster, outputs } = await play(runs, setup);
      const result = gradeExercise(exercise, cluster);
      cases.push({ name, ok: result.passed, detail: result.passed ? undefined : `${failures(result)}\n${outputs.join('')}` });
    }
  }
  for (const miss of exercise.nearMisses) {
    const { cluster } = await play([miss.script], setup);
    const result = gradeExercise(exercise, cluster);
    const problem = nearMissProblem(miss, result);
    cases.push({ name: `near-miss fails${miss.expect ? ' as expected' : ''}: ${JSON.stringify(miss.script)}`, ok: !problem, detail: problem });
  }
  return cases;
}

/**
 * Why a near-miss result is not what the author expects: it passed, or no failed task (the one
 * named by `task`, if given) says `expect`. Undefined when it failed as expected.
 */
export function nearMissProblem(miss: NearMiss, result: ExerciseResult): string | undefined {
  if (result.passed) return 'the near-miss passes';
  if (!miss.expect) return undefined;
  const failed = result.tasks.filter((t) => !t.passed && (!miss.task || t.taskId === miss.task));
  if (failed.some((t) => t.message.includes(miss.expect!))) return undefined;
  const where = miss.task ? `task ${miss.task}` : 'any failed task';
  return `expected ${where} to say ${JSON.stringify(miss.expect)}; got: ${failures(result) || '(task passed)'}`;
}
