import type { Metadata } from 'next';
import Link from 'next/link';
import { listCourses, listLabs } from '@/lib/content';
import { getDashboard, listMemberships } from '@/lib/db';
import { formatDateTime } from '../lib/format';
import { getViewer } from '../lib/identity';
import { ClassesSection } from './classes-section';
import styles from './dashboard.module.css';
import { ExerciseActivity } from './exercise-activity';

export const metadata: Metadata = { title: '대시보드' };

export default async function DashboardPage() {
  const viewer = await getViewer();
  const dashboard = viewer ? await getDashboard(viewer.userId) : null;
  if (!viewer || !dashboard) {
    return (
      <div className="container">
        <section className={styles.empty} aria-labelledby="dash-title">
          <h1 id="dash-title">대시보드</h1>
          <p>학습 기록을 보려면 로그인해 주세요. 레슨은 계정 없이도 읽고 실습할 수 있습니다.</p>
          <div className={styles.actions}>
            <Link href="/login?callbackUrl=%2Fdashboard" className="btn btn-primary">로그인</Link>
            <Link href="/signup?callbackUrl=%2Fdashboard" className="btn btn-secondary">회원가입</Link>
            <Link href="/" className="btn btn-ghost">코스 둘러보기</Link>
          </div>
        </section>
      </div>
    );
  }

  // Titles from the content (fresh) first, then the catalog rows, then the slug.
  const titles = new Map<string, { title: string; href: string }>();
  for (const course of await listCourses({ includeHidden: true })) {
    for (const lesson of course.modules.flatMap((m) => m.lessons)) {
      titles.set(`${course.slug}/${lesson.slug}`, { title: lesson.title, href: lesson.href });
    }
  }
  const lessonInfo = (c: string, l: string, fallback: string | null) =>
    titles.get(`${c}/${l}`) ?? { title: fallback ?? l, href: `/courses/${c}/${l}` };
  const exerciseTitles = new Map<string, string>();
  for (const lab of await listLabs()) {
    for (const e of lab.exercises) exerciseTitles.set(`${lab.labKey}/${e.id}`, e.title);
  }
  const memberships = await listMemberships(viewer.userId);
  const { user, lessons, attempts, exercises, stats } = dashboard;

  return (
    <div className="container">
      <header className={styles.header}>
        <h1>대시보드</h1>
        <p className={styles.greeting}>
          {user.isGuest ? '게스트 학습자님의 기록입니다.' : `${user.name || user.email}님의 학습 기록입니다.`}
        </p>
      </header>

      {user.isGuest && (
        <aside className={styles.nudge} aria-label="회원가입 안내">
          <p>
            <strong>게스트로 학습 중입니다.</strong> 회원가입하면 지금까지의 진도와 실습 환경이 계정에 그대로 저장되고,
            다른 기기에서도 이어서 학습할 수 있습니다.
          </p>
          <Link href="/signup?callbackUrl=%2Fdashboard" className="btn btn-primary">회원가입</Link>
        </aside>
      )}

      <dl className={styles.stats}>
        <div><dt>열어 본 레슨</dt><dd>{stats.opened}</dd></div>
        <div><dt>완료한 레슨</dt><dd>{stats.completed}</dd></div>
        <div><dt>채점 횟수</dt><dd>{stats.attempts}</dd></div>
        <div><dt>통과</dt><dd>{stats.passedAttempts}</dd></div>
      </dl>

      <section aria-labelledby="lessons-title" className={styles.section}>
        <h2 id="lessons-title">레슨</h2>
        {lessons.length === 0 ? (
          <p className={styles.muted}>아직 열어 본 레슨이 없습니다. <Link href="/">코스</Link>에서 시작해 보세요.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr><th scope="col">레슨</th><th scope="col">상태</th><th scope="col">처음 열람</th><th scope="col">최근 열람</th></tr>
              </thead>
              <tbody>
                {lessons.map((l) => {
                  const info = lessonInfo(l.courseSlug, l.lessonSlug, l.title);
                  return (
                    <tr key={`${l.courseSlug}/${l.lessonSlug}`}>
                      <th scope="row"><Link href={info.href}>{info.title}</Link></th>
                      <td>
                        {l.completedAt ? (
                          <span className="badge badge-done">완료 · {formatDateTime(l.completedAt)}</span>
                        ) : (
                          <span className="badge badge-progress">학습 중</span>
                        )}
                      </td>
                      <td><time dateTime={l.openedAt.toISOString()}>{formatDateTime(l.openedAt)}</time></td>
                      <td><time dateTime={l.lastOpenedAt.toISOString()}>{formatDateTime(l.lastOpenedAt)}</time></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="attempts-title" className={styles.section}>
        <h2 id="attempts-title">최근 채점 기록</h2>
        {attempts.length === 0 ? (
          <p className={styles.muted}>아직 채점한 실습이 없습니다. 레슨의 실습 과제에서 <strong>확인</strong>을 눌러 보세요.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr><th scope="col">시간</th><th scope="col">레슨</th><th scope="col">실습</th><th scope="col">결과</th></tr>
              </thead>
              <tbody>
                {attempts.map((a) => {
                  const info = lessonInfo(a.courseSlug, a.lessonSlug, a.lessonTitle);
                  const exerciseTitle = (a.result as { exerciseTitle?: unknown } | null)?.exerciseTitle;
                  return (
                    <tr key={a.id}>
                      <td><time dateTime={a.createdAt.toISOString()}>{formatDateTime(a.createdAt)}</time></td>
                      <td><Link href={info.href}>{info.title}</Link></td>
                      <td>{typeof exerciseTitle === 'string' ? exerciseTitle : a.exerciseId}</td>
                      <td>
                        {a.passed ? <span className="badge badge-done">통과</span> : <span className="badge badge-fail">실패</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ExerciseActivity
        exercises={exercises}
        titles={{
          lesson: (c, l) => lessonInfo(c, l, null),
          exercise: (c, l, e) => exerciseTitles.get(`${c}/${l}/${e}`),
        }}
      />

      <ClassesSection memberships={memberships} isGuest={user.isGuest} />
    </div>
  );
}
