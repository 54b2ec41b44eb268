import Link from 'next/link';
import type { DashboardExercise } from '@/lib/db';
import styles from './dashboard.module.css';

type Titles = {
  lesson: (courseSlug: string, lessonSlug: string) => { title: string; href: string };
  exercise: (courseSlug: string, lessonSlug: string, exerciseId: string) => string | undefined;
};

/** "실습별 기록": per exercise, checks made beside the help taken (hints opened, solution shown or run). */
export function ExerciseActivity({ exercises, titles }: { exercises: DashboardExercise[]; titles: Titles }) {
  return (
    <section aria-labelledby="exercise-activity-title" className={styles.section}>
      <h2 id="exercise-activity-title">실습별 기록</h2>
      {exercises.length === 0 ? (
        <p className={styles.muted}>아직 채점하거나 힌트를 본 실습이 없습니다.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">실습</th><th scope="col">레슨</th><th scope="col">결과</th><th scope="col">채점</th>
                <th scope="col">힌트</th><th scope="col">정답</th>
              </tr>
            </thead>
            <tbody>
              {exercises.map((x) => {
                const lesson = titles.lesson(x.courseSlug, x.lessonSlug);
                return (
                  <tr key={`${x.courseSlug}/${x.lessonSlug}/${x.exerciseId}`}>
                    <th scope="row">{titles.exercise(x.courseSlug, x.lessonSlug, x.exerciseId) ?? x.exerciseId}</th>
                    <td><Link href={lesson.href}>{lesson.title}</Link></td>
                    <td>
                      {x.passed ? (
                        <span className="badge badge-done">통과</span>
                      ) : x.attempts > 0 ? (
                        <span className="badge badge-fail">미통과</span>
                      ) : (
                        <span className="badge">채점 전</span>
                      )}
                    </td>
                    <td>{x.attempts}회</td>
                    <td>{x.hintsRevealed > 0 ? `${x.hintsRevealed}개 열람` : '—'}</td>
                    <td>{x.solutionUsedAt ? '대신 풀기 사용' : x.solutionViewedAt ? '정답 열람' : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
