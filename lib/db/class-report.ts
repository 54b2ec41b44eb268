import { getPrisma } from './client';

/**
 * What an instructor sees of one class: per learner (lesson progress, exercises passed, attempts,
 * help taken, last activity), per lesson (opened / completed) and per exercise (attempts, who
 * passed, help, and the task that failed most often, read from the attempts' stored results).
 */

export type MemberReport = {
  userId: string;
  name: string | null;
  email: string | null;
  joinedAt: Date;
  lessonsOpened: number;
  lessonsCompleted: number;
  exercisesPassed: number;
  attempts: number;
  passedAttempts: number;
  hintsRevealed: number;
  solutionsViewed: number;
  solutionsUsed: number;
  lastActivityAt: Date | null;
};

export type LessonReport = { courseSlug: string; lessonSlug: string; opened: number; completed: number };

export type FailingTask = { taskId: string; title: string; count: number };

export type ExerciseReport = {
  courseSlug: string;
  lessonSlug: string;
  exerciseId: string;
  exerciseTitle: string | null;
  attempts: number;
  failedAttempts: number;
  learnersAttempted: number;
  learnersPassed: number;
  hintsRevealed: number;
  solutionsUsed: number;
  mostCommonFailingTask: FailingTask | null;
};

export type ClassroomReport = {
  classroom: { id: string; name: string; joinCode: string; createdAt: Date };
  members: MemberReport[];
  lessons: LessonReport[];
  exercises: ExerciseReport[];
};

type StoredResult = { exerciseTitle?: unknown; tasks?: unknown };
type StoredTask = { taskId?: unknown; title?: unknown; passed?: unknown };

function parseResult(json: string): StoredResult {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as StoredResult) : {};
  } catch {
    return {};
  }
}

function failedTasks(result: StoredResult): { taskId: string; title: string }[] {
  if (!Array.isArray(result.tasks)) return [];
  return (result.tasks as StoredTask[])
    .filter((t) => t && typeof t.taskId === 'string' && t.passed === false)
    .map((t) => ({ taskId: t.taskId as string, title: typeof t.title === 'string' ? t.title : (t.taskId as string) }));
}

const later = (a: Date | null, b: Date) => (a && a > b ? a : b);

/** The report, or null when the class does not exist or `viewerId` is not its instructor. */
export async function getClassroomReport(classroomId: string, viewerId: string): Promise<ClassroomReport | null> {
  const prisma = getPrisma();
  const classroom = await prisma.classroom.findUnique({ where: { id: classroomId } });
  if (!classroom || classroom.instructorId !== viewerId) return null;
  const memberRows = await prisma.classroomMember.findMany({
    where: { classroomId },
    orderBy: { joinedAt: 'asc' },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  const ids = memberRows.map((m) => m.userId);
  const inClass = { userId: { in: ids } };
  const [progress, attempts, help, labs] = await Promise.all([
    prisma.lessonProgress.findMany({ where: inClass }),
    prisma.attempt.findMany({ where: inClass, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    prisma.exerciseHelp.findMany({ where: inClass }),
    prisma.labSnapshot.findMany({ where: inClass, select: { userId: true, updatedAt: true } }),
  ]);

  const members = new Map<string, MemberReport>();
  const passedKeys = new Map<string, Set<string>>();
  for (const m of memberRows) {
    members.set(m.userId, {
      userId: m.userId, name: m.user.name, email: m.user.email, joinedAt: m.joinedAt,
      lessonsOpened: 0, lessonsCompleted: 0, exercisesPassed: 0, attempts: 0, passedAttempts: 0,
      hintsRevealed: 0, solutionsViewed: 0, solutionsUsed: 0, lastActivityAt: null,
    });
    passedKeys.set(m.userId, new Set());
  }

  const lessons = new Map<string, LessonReport>();
  for (const p of progress) {
    const m = members.get(p.userId)!;
    m.lessonsOpened++;
    if (p.completedAt) m.lessonsCompleted++;
    m.lastActivityAt = later(m.lastActivityAt, p.lastOpenedAt);
    const key = `${p.courseSlug}/${p.lessonSlug}`;
    const l = lessons.get(key) ?? { courseSlug: p.courseSlug, lessonSlug: p.lessonSlug, opened: 0, completed: 0 };
    l.opened++;
    if (p.completedAt) l.completed++;
    lessons.set(key, l);
  }

  const exercises = new Map<string, ExerciseReport & { tried: Set<string>; passedBy: Set<string>; fails: Map<string, FailingTask> }>();
  const exerciseOf = (c: string, l: string, e: string) => {
    const key = `${c}/${l}/${e}`;
    let x = exercises.get(key);
    if (!x) {
      x = {
        courseSlug: c, lessonSlug: l, exerciseId: e, exerciseTitle: null, attempts: 0, failedAttempts: 0,
        learnersAttempted: 0, learnersPassed: 0, hintsRevealed: 0, solutionsUsed: 0, mostCommonFailingTask: null,
        tried: new Set(), passedBy: new Set(), fails: new Map(),
      };
      exercises.set(key, x);
    }
    return x;
  };

  for (const a of attempts) {
    const m = members.get(a.userId)!;
    const key = `${a.courseSlug}/${a.lessonSlug}/${a.exerciseId}`;
    m.attempts++;
    m.lastActivityAt = later(m.lastActivityAt, a.createdAt);
    const x = exerciseOf(a.courseSlug, a.lessonSlug, a.exerciseId);
    const result = parseResult(a.resultJson);
    if (typeof result.exerciseTitle === 'string') x.exerciseTitle = result.exerciseTitle;
    x.attempts++;
    x.tried.add(a.userId);
    if (a.passed) {
      m.passedAttempts++;
      passedKeys.get(a.userId)!.add(key);
      x.passedBy.add(a.userId);
      continue;
    }
    x.failedAttempts++;
    for (const t of failedTasks(result)) {
      const f = x.fails.get(t.taskId) ?? { ...t, count: 0 };
      f.count++;
      f.title = t.title;
      x.fails.set(t.taskId, f);
    }
  }

  for (const h of help) {
    const m = members.get(h.userId)!;
    m.hintsRevealed += h.hintsRevealed;
    if (h.solutionViewedAt) m.solutionsViewed++;
    if (h.solutionUsedAt) m.solutionsUsed++;
    m.lastActivityAt = later(m.lastActivityAt, h.updatedAt);
    const x = exerciseOf(h.courseSlug, h.lessonSlug, h.exerciseId);
    x.hintsRevealed += h.hintsRevealed;
    if (h.solutionUsedAt) x.solutionsUsed++;
  }
  for (const lab of labs) {
    const m = members.get(lab.userId)!;
    m.lastActivityAt = later(m.lastActivityAt, lab.updatedAt);
  }
  for (const [userId, keys] of passedKeys) members.get(userId)!.exercisesPassed = keys.size;

  const byKey = <T extends { courseSlug: string; lessonSlug: string }>(a: T, b: T) =>
    a.courseSlug.localeCompare(b.courseSlug) || a.lessonSlug.localeCompare(b.lessonSlug);
  return {
    classroom: { id: classroom.id, name: classroom.name, joinCode: classroom.joinCode, createdAt: classroom.createdAt },
    members: [...members.values()],
    lessons: [...lessons.values()].sort(byKey),
    exercises: [...exercises.values()]
      .map(({ tried, passedBy, fails, ...x }) => ({
        ...x,
        learnersAttempted: tried.size,
        learnersPassed: passedBy.size,
        mostCommonFailingTask:
          [...fails.values()].sort((a, b) => b.count - a.count || a.taskId.localeCompare(b.taskId))[0] ?? null,
      }))
      .sort((a, b) => byKey(a, b) || a.exerciseId.localeCompare(b.exerciseId)),
  };
}
