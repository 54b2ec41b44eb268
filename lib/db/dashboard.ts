import { getPrisma } from './client';
import { listAttempts, listLessonProgress, type AttemptRecord, type LessonProgressRecord } from './progress';

export type DashboardLesson = LessonProgressRecord & { title: string | null };
export type DashboardAttempt = AttemptRecord & { lessonTitle: string | null };

/** One exercise the learner worked on: attempts besides the help taken (hints, solution). */
export type DashboardExercise = {
  courseSlug: string;
  lessonSlug: string;
  exerciseId: string;
  attempts: number;
  passed: boolean;
  hintsRevealed: number;
  solutionViewedAt: Date | null;
  solutionUsedAt: Date | null;
};

export type Dashboard = {
  user: { id: string; email: string | null; name: string | null; isGuest: boolean; role: string };
  lessons: DashboardLesson[];
  attempts: DashboardAttempt[];
  exercises: DashboardExercise[];
  stats: { opened: number; completed: number; attempts: number; passedAttempts: number };
};

/** Everything /dashboard shows for one learner; null when the user does not exist. */
export async function getDashboard(userId: string, options: { attemptLimit?: number } = {}): Promise<Dashboard | null> {
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isGuest: true, role: true },
  });
  if (!user) return null;
  const [progress, attempts, attemptCount, passedAttempts, exercises] = await Promise.all([
    listLessonProgress(userId),
    listAttempts(userId, { limit: options.attemptLimit ?? 50 }),
    prisma.attempt.count({ where: { userId } }),
    prisma.attempt.count({ where: { userId, passed: true } }),
    listExerciseActivity(userId),
  ]);
  const titles = new Map(
    (await prisma.lesson.findMany({ select: { courseSlug: true, slug: true, title: true } })).map((l) => [
      `${l.courseSlug}/${l.slug}`,
      l.title,
    ]),
  );
  const titleOf = (c: string, l: string) => titles.get(`${c}/${l}`) ?? null;
  return {
    user,
    lessons: progress.map((p) => ({ ...p, title: titleOf(p.courseSlug, p.lessonSlug) })),
    attempts: attempts.map((a) => ({ ...a, lessonTitle: titleOf(a.courseSlug, a.lessonSlug) })),
    exercises,
    stats: {
      opened: progress.length,
      completed: progress.filter((p) => p.completedAt).length,
      attempts: attemptCount,
      passedAttempts,
    },
  };
}

/** Per exercise: attempts (and whether one passed) joined with ExerciseHelp, in course order of slugs. */
async function listExerciseActivity(userId: string): Promise<DashboardExercise[]> {
  const prisma = getPrisma();
  const [counts, help] = await Promise.all([
    prisma.attempt.groupBy({ by: ['courseSlug', 'lessonSlug', 'exerciseId', 'passed'], where: { userId }, _count: { _all: true } }),
    prisma.exerciseHelp.findMany({ where: { userId } }),
  ]);
  const rows = new Map<string, DashboardExercise>();
  const rowOf = (c: string, l: string, e: string) => {
    const key = `${c}/${l}/${e}`;
    let row = rows.get(key);
    if (!row) {
      row = { courseSlug: c, lessonSlug: l, exerciseId: e, attempts: 0, passed: false, hintsRevealed: 0, solutionViewedAt: null, solutionUsedAt: null };
      rows.set(key, row);
    }
    return row;
  };
  for (const c of counts) {
    const row = rowOf(c.courseSlug, c.lessonSlug, c.exerciseId);
    row.attempts += c._count._all;
    if (c.passed) row.passed = true;
  }
  for (const h of help) {
    Object.assign(rowOf(h.courseSlug, h.lessonSlug, h.exerciseId), {
      hintsRevealed: h.hintsRevealed,
      solutionViewedAt: h.solutionViewedAt,
      solutionUsedAt: h.solutionUsedAt,
    });
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.courseSlug.localeCompare(b.courseSlug) || a.lessonSlug.localeCompare(b.lessonSlug) || a.exerciseId.localeCompare(b.exerciseId),
  );
}
