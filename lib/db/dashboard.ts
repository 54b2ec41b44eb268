import { getPrisma } from './client';
import { listAttempts, listLessonProgress, type AttemptRecord, type LessonProgressRecord } from './progress';

export type DashboardLesson = LessonProgressRecord & { title: string | null };
export type DashboardAttempt = AttemptRecord & { lessonTitle: string | null };

export type Dashboard = {
  user: { id: string; email: string | null; name: string | null; isGuest: boolean };
  lessons: DashboardLesson[];
  attempts: DashboardAttempt[];
  stats: { opened: number; completed: number; attempts: number; passedAttempts: number };
};

/** Everything /dashboard shows for one learner; null when the user does not exist. */
export async function getDashboard(userId: string, options: { attemptLimit?: number } = {}): Promise<Dashboard | null> {
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isGuest: true },
  });
  if (!user) return null;
  const [progress, attempts, attemptCount, passedAttempts] = await Promise.all([
    listLessonProgress(userId),
    listAttempts(userId, { limit: options.attemptLimit ?? 50 }),
    prisma.attempt.count({ where: { userId } }),
    prisma.attempt.count({ where: { userId, passed: true } }),
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
    stats: {
      opened: progress.length,
      completed: progress.filter((p) => p.completedAt).length,
      attempts: attemptCount,
      passedAttempts,
    },
  };
}
