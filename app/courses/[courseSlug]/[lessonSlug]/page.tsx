import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MdxContent } from '@/app/ui/mdx/mdx-content';
import { LabPane } from '@/app/ui/terminal/lab-pane';
import { getLesson, getSolution } from '@/lib/content';
import { listExerciseHelp, listLatestAttempts, recordLessonOpened, type ExerciseHelpRecord } from '@/lib/db';
import { getViewer } from '../../../lib/identity';
import type { CheckResult, CheckState } from './check-types';
import { ExercisePanel } from './exercise-panel';
import { ResetLabButton } from './reset-lab-button';
import styles from './lesson.module.css';

type Params = Promise<{ courseSlug: string; lessonSlug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { courseSlug, lessonSlug } = await params;
  const lesson = await getLesson(courseSlug, lessonSlug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: { params: Params }) {
  const { courseSlug, lessonSlug } = await params;
  const [lesson, viewer] = await Promise.all([getLesson(courseSlug, lessonSlug), getViewer()]);
  if (!lesson) notFound();

  const ref = viewer ? { userId: viewer.userId, courseSlug: lesson.courseSlug, lessonSlug: lesson.slug } : null;
  const [progress, latest, helpRows] = ref
    ? await Promise.all([recordLessonOpened(ref), listLatestAttempts(ref), listExerciseHelp(ref)])
    : [null, [], [] as ExerciseHelpRecord[]];
  // Help already taken stays open: hints opened so far, and the solution once it was shown.
  const help = await Promise.all(
    lesson.exercises.map(async (ex) => {
      const row = helpRows.find((h) => h.exerciseId === ex.id);
      const solution = row?.solutionViewedAt ? await getSolution(lesson.courseSlug, lesson.slug, ex.id) : null;
      return {
        hints: ex.hints.slice(0, row?.hintsRevealed ?? 0),
        hintCount: ex.hints.length,
        solution: solution?.replace(/\n+$/, '') ?? null,
      };
    }),
  );
  const initialState = (exerciseId: string): CheckState => {
    const a = latest.find((x) => x.exerciseId === exerciseId);
    if (!a || !a.result) return { status: 'idle' };
    return { status: a.passed ? 'passed' : 'failed', result: a.result as CheckResult };
  };
  const completed = Boolean(progress?.completedAt);

  return (
    <div className={styles.layout}>
      <article className={styles.article} aria-labelledby="lesson-title">
        <nav aria-label="이동 경로" className={styles.crumbs}>
          <Link href={`/courses/${lesson.courseSlug}`}>{lesson.courseTitle}</Link>
          <span aria-hidden="true"> / </span>
          <span>{lesson.moduleTitle}</span>
        </nav>
        <header className={styles.header}>
          <h1 id="lesson-title" className={styles.title}>{lesson.title}</h1>
          <p className={styles.meta}>
            약 {lesson.estimatedMinutes}분
            {completed && <span className="badge badge-done">완료한 레슨</span>}
          </p>
          <div className={styles.objectives}>
            <h2 className={styles.objectivesTitle}>이 레슨을 마치면</h2>
            <ul>
              {lesson.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </div>
        </header>

        <MdxContent code={lesson.code} />

        {lesson.exercises.length > 0 && (
          <section className={styles.exercises} aria-labelledby="exercises-title">
            <h2 id="exercises-title">실습 과제</h2>
            <p className={styles.exercisesLead}>
              터미널에서 작업한 뒤 <strong>확인</strong>을 누르면 클러스터 상태를 채점합니다.
            </p>
            <ResetLabButton />
            {lesson.exercises.map((ex, i) => (
              <ExercisePanel
                key={ex.id}
                courseSlug={lesson.courseSlug}
                lessonSlug={lesson.slug}
                index={i}
                exercise={{
                  id: ex.id,
                  title: ex.title,
                  description: ex.description,
                  tasks: ex.tasks.map((t) => ({ id: t.id, title: t.title })),
                }}
                initial={initialState(ex.id)}
                help={help[i]!}
              />
            ))}
          </section>
        )}

        <nav aria-label="레슨 이동" className={styles.pager}>
          {lesson.prev ? (
            <Link href={lesson.prev.href} className={styles.pagerLink} rel="prev">
              <span className={styles.pagerLabel}>← 이전 레슨</span>
              {lesson.prev.title}
            </Link>
          ) : <span />}
          {lesson.next && (
            <Link href={lesson.next.href} className={`${styles.pagerLink} ${styles.pagerNext}`} rel="next">
              <span className={styles.pagerLabel}>다음 레슨 →</span>
              {lesson.next.title}
            </Link>
          )}
        </nav>
      </article>

      <aside className={styles.terminal} aria-label="실습 터미널">
        <LabPane labKey={`${lesson.courseSlug}/${lesson.slug}`} />
      </aside>
    </div>
  );
}
