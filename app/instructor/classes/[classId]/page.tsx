import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listCourses, listLabs } from '@/lib/content';
import { getClassroomReport } from '@/lib/db';
import styles from '../../../dashboard/dashboard.module.css';
import { formatDateTime } from '../../../lib/format';
import { getViewer, getViewerRole } from '../../../lib/identity';
import { deleteClassAction, removeMemberAction } from '../../actions';

export const metadata: Metadata = { title: '클래스 현황' };

type Props = { params: Promise<{ classId: string }> };

/** How one class is doing. Only its instructor gets it; anyone else (and unknown ids) gets 404. */
export default async function ClassReportPage({ params }: Props) {
  const { classId } = await params;
  const [viewer, role] = await Promise.all([getViewer(), getViewerRole()]);
  if (!viewer || role !== 'instructor') notFound();
  const report = await getClassroomReport(classId, viewer.userId);
  if (!report) notFound();

  const lessonTitles = new Map<string, { title: string; href: string }>();
  for (const course of await listCourses({ includeHidden: true })) {
    for (const l of course.modules.flatMap((m) => m.lessons)) lessonTitles.set(`${course.slug}/${l.slug}`, { title: l.title, href: l.href });
  }
  const exerciseTitles = new Map<string, string>();
  let exerciseTotal = 0;
  for (const lab of await listLabs()) {
    for (const e of lab.exercises) exerciseTitles.set(`${lab.labKey}/${e.id}`, e.title);
    exerciseTotal += lab.exercises.length;
  }
  const lesson = (c: string, l: string) => lessonTitles.get(`${c}/${l}`) ?? { title: l, href: `/courses/${c}/${l}` };
  const { classroom, members, lessons, exercises } = report;
  const when = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d)}</time> : '—');

  return (
    <div className="container">
      <p><Link href="/instructor">← 강사 페이지</Link></p>
      <header className={styles.header}>
        <h1>{classroom.name}</h1>
        <p className={styles.greeting}>
          참여 코드 <code className={styles.code}>{classroom.joinCode}</code> · 학습자 {members.length}명
        </p>
      </header>

      <section aria-labelledby="members-title" className={styles.section}>
        <h2 id="members-title">학습자</h2>
        {members.length === 0 ? (
          <p className={styles.muted}>아직 참여한 학습자가 없습니다. 참여 코드를 알려 주세요.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">학습자</th><th scope="col">완료 / 열어 본 레슨</th><th scope="col">통과한 실습</th>
                  <th scope="col">채점 (통과)</th><th scope="col">힌트</th><th scope="col">정답 보기 / 대신 풀기</th><th scope="col">최근 활동</th>
                  <th scope="col"><span className="visually-hidden">관리</span></th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.userId}>
                    <th scope="row">{m.name || m.email || '이름 없음'}{m.name && m.email ? <span className={styles.muted}> · {m.email}</span> : null}</th>
                    <td>{m.lessonsCompleted} / {m.lessonsOpened}</td>
                    <td>{m.exercisesPassed} / {exerciseTotal}</td>
                    <td>{m.attempts} ({m.passedAttempts})</td>
                    <td>{m.hintsRevealed}</td>
                    <td>{m.solutionsViewed} / {m.solutionsUsed}</td>
                    <td>{when(m.lastActivityAt)}</td>
                    <td>
                      <form action={removeMemberAction}>
                        <input type="hidden" name="classroomId" value={classroom.id} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <button type="submit" className="btn btn-ghost" aria-label={`${m.name || m.email || '학습자'} 내보내기`}>내보내기</button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="lessons-title" className={styles.section}>
        <h2 id="lessons-title">레슨별 진도</h2>
        {lessons.length === 0 ? (
          <p className={styles.muted}>아직 레슨을 연 학습자가 없습니다.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead><tr><th scope="col">레슨</th><th scope="col">열어 본 학습자</th><th scope="col">완료한 학습자</th></tr></thead>
              <tbody>
                {lessons.map((l) => {
                  const info = lesson(l.courseSlug, l.lessonSlug);
                  return (
                    <tr key={`${l.courseSlug}/${l.lessonSlug}`}>
                      <th scope="row"><Link href={info.href}>{info.title}</Link></th>
                      <td>{l.opened}명</td>
                      <td>{l.completed}명</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="exercises-title" className={styles.section}>
        <h2 id="exercises-title">실습별 현황</h2>
        {exercises.length === 0 ? (
          <p className={styles.muted}>아직 채점하거나 도움을 받은 실습이 없습니다.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">실습</th><th scope="col">레슨</th><th scope="col">통과 / 시도한 학습자</th><th scope="col">채점 (실패)</th>
                  <th scope="col">힌트</th><th scope="col">대신 풀기</th><th scope="col">가장 많이 실패한 과제</th>
                </tr>
              </thead>
              <tbody>
                {exercises.map((x) => {
                  const info = lesson(x.courseSlug, x.lessonSlug);
                  const title = exerciseTitles.get(`${x.courseSlug}/${x.lessonSlug}/${x.exerciseId}`) ?? x.exerciseTitle ?? x.exerciseId;
                  const fail = x.mostCommonFailingTask;
                  return (
                    <tr key={`${x.courseSlug}/${x.lessonSlug}/${x.exerciseId}`}>
                      <th scope="row">{title}</th>
                      <td><Link href={info.href}>{info.title}</Link></td>
                      <td>{x.learnersPassed} / {x.learnersAttempted}명</td>
                      <td>{x.attempts} ({x.failedAttempts})</td>
                      <td>{x.hintsRevealed}</td>
                      <td>{x.solutionsUsed}명</td>
                      <td className={styles.wrap}>{fail ? `${fail.title} (${fail.count}회)` : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <details className={styles.danger}>
        <summary>클래스 삭제</summary>
        <p>클래스와 참여 기록이 지워집니다. 학습자의 진도와 채점 기록은 각자의 계정에 그대로 남습니다.</p>
        <form action={deleteClassAction}>
          <input type="hidden" name="classroomId" value={classroom.id} />
          <button type="submit" className="btn btn-primary">{classroom.name} 삭제</button>
        </form>
      </details>
    </div>
  );
}
