import { getPrisma } from './client';

/** Lesson progress (opened / completed) and exercise attempts. */

export type LessonRef = { userId: string; courseSlug: string; lessonSlug: string };

export type LessonProgressRecord = {
  courseSlug: string;
  lessonSlug: string;
  openedAt: Date;
  lastOpenedAt: Date;
  completedAt: Date | null;
};

export type AttemptRecord = {
  id: string;
  courseSlug: string;
  lessonSlug: string;
  exerciseId: string;
  passed: boolean;
  result: unknown;
  createdAt: Date;
};

export type NewAttempt = LessonRef & { exerciseId: string; passed: boolean; result: unknown };

const progressSelect = { courseSlug: true, lessonSlug: true, openedAt: true, lastOpenedAt: true, completedAt: true } as const;

function lessonKey({ userId, courseSlug, lessonSlug }: LessonRef) {
  return { userId_courseSlug_lessonSlug: { userId, courseSlug, lessonSlug } };
}

export async function recordLessonOpened(ref: LessonRef, at: Date = new Date()): Promise<LessonProgressRecord> {
  return getPrisma().lessonProgress.upsert({
    where: lessonKey(ref),
    create: { ...ref, openedAt: at, lastOpenedAt: at },
    update: { lastOpenedAt: at },
    select: progressSelect,
  });
}

/** Marks the lesson completed; the first completion time is kept. */
export async function recordLessonCompleted(ref: LessonRef, at: Date = new Date()): Promise<LessonProgressRecord> {
  const prisma = getPrisma();
  const existing = await prisma.lessonProgress.findUnique({ where: lessonKey(ref), select: progressSelect });
  if (existing?.completedAt) return existing;
  return prisma.lessonProgress.upsert({
    where: lessonKey(ref),
    create: { ...ref, openedAt: at, lastOpenedAt: at, completedAt: at },
    update: { completedAt: at },
    select: progressSelect,
  });
}

export async function getLessonProgress(ref: LessonRef): Promise<LessonProgressRecord | null> {
  return getPrisma().lessonProgress.findUnique({ where: lessonKey(ref), select: progressSelect });
}

export async function listLessonProgress(userId: string, courseSlug?: string): Promise<LessonProgressRecord[]> {
  return getPrisma().lessonProgress.findMany({
    where: { userId, ...(courseSlug ? { courseSlug } : {}) },
    orderBy: { lastOpenedAt: 'desc' },
    select: progressSelect,
  });
}

export async function recordAttempt(input: NewAttempt): Promise<AttemptRecord> {
  const { result, ...rest } = input;
  const row = await getPrisma().attempt.create({ data: { ...rest, resultJson: JSON.stringify(result ?? null) } });
  return toAttempt(row);
}

export type ListAttemptsFilter = { courseSlug?: string; lessonSlug?: string; exerciseId?: string; limit?: number };

/** Newest first. */
export async function listAttempts(userId: string, filter: ListAttemptsFilter = {}): Promise<AttemptRecord[]> {
  const { limit = 50, ...where } = filter;
  const rows = await getPrisma().attempt.findMany({
    where: { userId, ...where },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
  });
  return rows.map(toAttempt);
}

function toAttempt(row: {
  id: string; courseSlug: string; lessonSlug: string; exerciseId: string; passed: boolean; resultJson: string; createdAt: Date;
}): AttemptRecord {
  let result: unknown = null;
  try {
    result = JSON.parse(row.resultJson);
  } catch {
    result = null;
  }
  const { resultJson: _ignored, ...rest } = row;
  return { ...rest, result };
}

/** Ids of the lesson's exercises the user has passed at least once. */
export async function listPassedExerciseIds(ref: LessonRef): Promise<string[]> {
  const rows = await getPrisma().attempt.findMany({
    where: { ...ref, passed: true },
    distinct: ['exerciseId'],
    select: { exerciseId: true },
  });
  return rows.map((r) => r.exerciseId);
}

/** The newest attempt per exercise of one lesson (for showing last results on the page). */
export async function listLatestAttempts(ref: LessonRef): Promise<AttemptRecord[]> {
  const rows = await getPrisma().attempt.findMany({
    where: ref,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 500,
  });
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.exerciseId) && seen.add(r.exerciseId)).map(toAttempt);
}
