import type { Identity } from '@/lib/auth';
import { getLesson, getSolution } from '@/lib/content';
import { recordHintsRevealed, recordSolutionUsed, recordSolutionViewed } from '@/lib/db';
import type { HelpState } from './help-types';

export type HelpInput = { courseSlug: string; lessonSlug: string; exerciseId: string };

const NOT_FOUND: HelpState = { message: '연습 문제를 찾을 수 없습니다.' };

/**
 * Opens hints 1..`count` of an exercise (one more than before, in the panel) and records it.
 * Visitors without an identity yet still get the hints; there is nothing to record them on.
 */
export async function revealHints(viewer: Identity | null, input: HelpInput & { count: number }): Promise<HelpState> {
  const lesson = await getLesson(input.courseSlug, input.lessonSlug);
  const exercise = lesson?.exercises.find((e) => e.id === input.exerciseId);
  if (!lesson || !exercise) return NOT_FOUND;
  let count = Math.min(input.count, exercise.hints.length);
  if (viewer) {
    count = await recordHintsRevealed({ userId: viewer.userId, courseSlug: lesson.courseSlug, lessonSlug: lesson.slug, exerciseId: exercise.id }, count);
  }
  return { hints: exercise.hints.slice(0, count) };
}

/** The reference solution, recorded as viewed ("정답 보기") or used ("대신 풀어 주기"). */
export async function revealSolution(viewer: Identity | null, input: HelpInput, use: 'view' | 'run'): Promise<HelpState> {
  const solution = await getSolution(input.courseSlug, input.lessonSlug, input.exerciseId);
  if (solution === null) return NOT_FOUND;
  if (viewer) {
    const ref = { userId: viewer.userId, ...input };
    await (use === 'run' ? recordSolutionUsed(ref) : recordSolutionViewed(ref));
  }
  return { solution: solution.replace(/\n+$/, '') };
}
