import Link from 'next/link';
import type { CourseSummary } from '@/lib/content';
import styles from './course-outline.module.css';
import { ProgressMeter } from './progress-meter';

export type LessonStatus = 'completed' | 'opened';

/** A course's modules and lessons, with the learner's status per lesson when known. */
export function CourseOutline({
  course,
  status,
  headingLevel = 2,
  showProgress = false,
}: {
  course: CourseSummary;
  status?: Map<string, LessonStatus>;
  headingLevel?: 2 | 3;
  /** Show "n/N 레슨 완료" per module (for a known learner) */
  showProgress?: boolean;
}) {
  const ModuleHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <ol className={styles.modules}>
      {course.modules.map((mod, i) => (
        <li key={mod.slug} className={styles.module}>
          <div className={styles.moduleTitle}>
            <ModuleHeading className={styles.moduleHeadingText}>
              <span className={styles.moduleIndex}>{String(i + 1).padStart(2, '0')}</span> {mod.title}
            </ModuleHeading>
            {showProgress && (
              <ProgressMeter
                className={styles.moduleProgress}
                done={mod.lessons.filter((l) => status?.get(`${course.slug}/${l.slug}`) === 'completed').length}
                total={mod.lessons.length}
                label={mod.title}
              />
            )}
          </div>
          {mod.description && <p className={styles.moduleDescription}>{mod.description}</p>}
          <ol className={styles.lessons}>
            {mod.lessons.map((lesson) => {
              const s = status?.get(`${course.slug}/${lesson.slug}`);
              return (
                <li key={lesson.slug}>
                  <Link href={lesson.href} className={styles.lesson}>
                    <span className={styles.check} data-status={s ?? 'none'} aria-hidden="true">
                      {s === 'completed' ? '✓' : ''}
                    </span>
                    <span className={styles.lessonText}>
                      <span className={styles.lessonTitle}>{lesson.title}</span>
                      <span className={styles.lessonSummary}>{lesson.summary}</span>
                    </span>
                    <span className={styles.meta}>
                      {s === 'completed' && <span className="badge badge-done">완료</span>}
                      {s === 'opened' && <span className="badge badge-progress">학습 중</span>}
                      {lesson.hasLab && <span className="badge">실습</span>}
                      <span className={styles.minutes}>{lesson.estimatedMinutes}분</span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}

/** Completed lessons of a course, for progress bars. */
export function countCompleted(course: CourseSummary, status?: Map<string, LessonStatus>): number {
  if (!status) return 0;
  return course.modules
    .flatMap((m) => m.lessons)
    .filter((l) => status.get(`${course.slug}/${l.slug}`) === 'completed').length;
}
