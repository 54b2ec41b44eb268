import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listCourses, type CourseSummary } from '@/lib/content';
import { getViewer } from '../../lib/identity';
import { getLearnerProgress } from '../../lib/progress';
import { CourseOutline, countCompleted } from '../../ui/course/course-outline';
import { ProgressMeter } from '../../ui/course/progress-meter';
import styles from './course.module.css';

type Params = Promise<{ courseSlug: string }>;

async function findCourse(slug: string): Promise<CourseSummary | undefined> {
  return (await listCourses({ includeHidden: true })).find((c) => c.slug === slug);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const course = await findCourse((await params).courseSlug);
  return course ? { title: course.title, description: course.description } : {};
}

export default async function CoursePage({ params }: { params: Params }) {
  const { courseSlug } = await params;
  const [course, viewer] = await Promise.all([findCourse(courseSlug), getViewer()]);
  if (!course) notFound();
  const { status, resume } = await getLearnerProgress(viewer?.userId, [course]);
  const done = countCompleted(course, status);
  // Continue where the learner left off in this course, else the first lesson not completed.
  const next = resume ?? course.modules.flatMap((m) => m.lessons).find((l) => status.get(`${course.slug}/${l.slug}`) !== 'completed');
  return (
    <div className="container">
      <nav aria-label="이동 경로" className={styles.crumbs}>
        <Link href="/">홈</Link> <span aria-hidden="true">/</span> <span aria-current="page">{course.title}</span>
      </nav>
      <header className={styles.header}>
        <h1 className={styles.title}>{course.title}</h1>
        <p className={styles.description}>{course.description}</p>
        {viewer ? (
          <ProgressMeter className={styles.progress} done={done} total={course.lessonCount} label={course.title} />
        ) : (
          <p className={styles.meta}>레슨 {course.lessonCount}개</p>
        )}
        {next && (
          <Link href={next.href} className="btn btn-primary">
            {resume || done > 0 ? `이어서 학습하기: ${next.title}` : '첫 레슨 시작하기'}
          </Link>
        )}
      </header>
      <CourseOutline course={course} status={status} showProgress={Boolean(viewer)} />
    </div>
  );
}
