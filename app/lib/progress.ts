import type { CourseSummary, LessonSummary } from '@/lib/content';
import { listLessonProgress } from '@/lib/db';
import type { LessonStatus } from '../ui/course/course-outline';

export type LearnerProgress = {
  /** `<course>/<lesson>` → status */
  status: Map<string, LessonStatus>;
  /** "이어서 학습하기": the most recently opened lesson not completed yet (among `courses`) */
  resume: LessonSummary | null;
};

/** The viewer's lesson statuses and where to continue (empty without a viewer). */
export async function getLearnerProgress(userId: string | undefined, courses: CourseSummary[]): Promise<LearnerProgress> {
  const status = new Map<string, LessonStatus>();
  if (!userId) return { status, resume: null };
  const rows = await listLessonProgress(userId); // newest lastOpenedAt first
  for (const p of rows) status.set(`${p.courseSlug}/${p.lessonSlug}`, p.completedAt ? 'completed' : 'opened');
  const lessons = new Map(courses.flatMap((c) => c.modules.flatMap((m) => m.lessons)).map((l) => [`${l.courseSlug}/${l.slug}`, l]));
  const open = rows.find((p) => !p.completedAt && lessons.has(`${p.courseSlug}/${p.lessonSlug}`));
  return { status, resume: open ? lessons.get(`${open.courseSlug}/${open.lessonSlug}`)! : null };
}

/** `<course>/<lesson>` → status for the viewer (empty without a viewer). */
export async function getLessonStatus(userId: string | undefined): Promise<Map<string, LessonStatus>> {
  return (await getLearnerProgress(userId, [])).status;
}
