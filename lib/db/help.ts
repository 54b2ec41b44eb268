import { getPrisma } from './client';
import type { LessonRef } from './progress';

/** Help taken on exercises: hints opened one at a time, the reference solution shown or run. */

export type ExerciseRef = LessonRef & { exerciseId: string };

export type ExerciseHelpRecord = {
  exerciseId: string;
  hintsRevealed: number;
  solutionViewedAt: Date | null;
  solutionUsedAt: Date | null;
};

const helpSelect = { exerciseId: true, hintsRevealed: true, solutionViewedAt: true, solutionUsedAt: true } as const;

function helpKey({ userId, courseSlug, lessonSlug, exerciseId }: ExerciseRef) {
  return { userId_courseSlug_lessonSlug_exerciseId: { userId, courseSlug, lessonSlug, exerciseId } };
}

/**
 * Records that hints 1..`count` are open; the count never goes down (opening an earlier hint
 * again changes nothing). Returns the stored count.
 */
export async function recordHintsRevealed(ref: ExerciseRef, count: number): Promise<number> {
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const row = await tx.exerciseHelp.findUnique({ where: helpKey(ref), select: helpSelect });
    if (row && row.hintsRevealed >= count) return row.hintsRevealed;
    const saved = await tx.exerciseHelp.upsert({
      where: helpKey(ref),
      create: { ...ref, hintsRevealed: count },
      update: { hintsRevealed: count },
      select: helpSelect,
    });
    return saved.hintsRevealed;
  });
}

/** "정답 보기": the first time the reference solution was shown is kept. */
export async function recordSolutionViewed(ref: ExerciseRef, at: Date = new Date()): Promise<ExerciseHelpRecord> {
  return markOnce(ref, 'solutionViewedAt', at);
}

/** "대신 풀어 주기": the reference solution was run in the learner's terminal (also counts as viewed). */
export async function recordSolutionUsed(ref: ExerciseRef, at: Date = new Date()): Promise<ExerciseHelpRecord> {
  await markOnce(ref, 'solutionViewedAt', at);
  return markOnce(ref, 'solutionUsedAt', at);
}

async function markOnce(ref: ExerciseRef, field: 'solutionViewedAt' | 'solutionUsedAt', at: Date): Promise<ExerciseHelpRecord> {
  const prisma = getPrisma();
  const row = await prisma.exerciseHelp.findUnique({ where: helpKey(ref), select: helpSelect });
  if (row?.[field]) return row;
  return prisma.exerciseHelp.upsert({
    where: helpKey(ref),
    create: { ...ref, [field]: at },
    update: { [field]: at },
    select: helpSelect,
  });
}

/** The help taken on each exercise of one lesson (exercises without help are absent). */
export async function listExerciseHelp(ref: LessonRef): Promise<ExerciseHelpRecord[]> {
  return getPrisma().exerciseHelp.findMany({ where: ref, select: helpSelect, orderBy: { exerciseId: 'asc' } });
}
