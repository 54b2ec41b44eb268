import { listLessonProgress } from '@/lib/db';
import type { LessonStatus } from '../ui/course/course-outline';

/** `<course>/<lesson>` → status for the viewer (empty without a viewer). */
export async function getLessonStatus(userId: string | undefined): Promise<Map<string, LessonStatus>> {
  const map = new Map<string, LessonStatus>();
  if (!userId) return map;
  for (const p of await listLessonProgress(userId)) {
    map.set(`${p.courseSlug}/${p.lessonSlug}`, p.completedAt ? 'completed' : 'opened');
  }
  return map;
}
