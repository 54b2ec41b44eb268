import { restoreCluster } from '@/lib/cluster';
import type { Identity } from '@/lib/auth';
import { getLesson } from '@/lib/content';
import { getLabSnapshot, listPassedExerciseIds, recordAttempt, recordLessonCompleted, recordLessonOpened } from '@/lib/db';
import { gradeExercise } from '@/lib/grading';
import { startLab } from '@/lib/shell';
import { parseSavedLab } from '@/lib/terminal';
import type { CheckResult, CheckState } from './check-types';

export type CheckInput = { courseSlug: string; lessonSlug: string; exerciseId: string };

const NO_LAB = '아직 실습 환경이 없습니다. 먼저 오른쪽 터미널에서 명령을 실행한 뒤 다시 확인해 주세요.';

/**
 * Grades one exercise against the learner's saved lab (or its starting state): restore the cluster, let its clock catch
 * up with real time, grade, then record the attempt (and completion once every exercise passed).
 */
export async function checkExercise(viewer: Identity | null, input: CheckInput): Promise<CheckState> {
  const lesson = await getLesson(input.courseSlug, input.lessonSlug);
  const exercise = lesson?.exercises.find((e) => e.id === input.exerciseId);
  if (!lesson || !exercise) return { status: 'error', message: '연습 문제를 찾을 수 없습니다.' };
  if (!viewer) return { status: 'no-lab', message: NO_LAB };

  const lab = parseSavedLab((await getLabSnapshot(viewer.userId, lesson.labKey))?.data ?? null);

  let result: CheckResult;
  try {
    // No saved lab yet (the terminal never attached): grade the starting state.
    const cluster = lab?.cluster ? restoreCluster(lab.cluster) : (await startLab(lesson.setup ?? [], Date.now())).cluster;
    cluster.advanceTo(Date.now());
    result = gradeExercise(exercise, cluster);
  } catch (error) {
    console.error(`[check] ${lesson.labKey}/${exercise.id}:`, error);
    return { status: 'error', message: '실습 환경을 채점하지 못했습니다. 잠시 후 다시 시도해 주세요.' };
  }

  const ref = { userId: viewer.userId, courseSlug: lesson.courseSlug, lessonSlug: lesson.slug };
  await recordLessonOpened(ref);
  await recordAttempt({
    ...ref,
    exerciseId: exercise.id,
    passed: result.passed,
    result: { ...result, exerciseTitle: exercise.title },
  });

  let lessonCompleted = false;
  if (result.passed) {
    const passed = new Set(await listPassedExerciseIds(ref));
    if (lesson.exercises.every((e) => passed.has(e.id))) {
      await recordLessonCompleted(ref);
      lessonCompleted = true;
    }
  }
  const failed = result.tasks.filter((t) => !t.passed).length;
  const message = result.passed
    ? lessonCompleted
      ? '모든 과제를 통과했습니다! 이 레슨을 완료했습니다.'
      : '모든 과제를 통과했습니다!'
    : `${result.tasks.length}개 과제 중 ${failed}개를 아직 통과하지 못했습니다.`;
  return {
    status: result.passed ? 'passed' : 'failed',
    message,
    result,
    lessonCompleted,
    checkedAt: new Date().toISOString(),
  };
}
