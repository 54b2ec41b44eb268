import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listInstructorClassrooms } from '@/lib/db';
import styles from '../dashboard/dashboard.module.css';
import { formatDate } from '../lib/format';
import { getViewer, getViewerRole } from '../lib/identity';
import { ClassForm } from '../ui/class/class-form';
import { createClassAction } from './actions';

export const metadata: Metadata = { title: '강사 페이지' };

/** Instructors' home: their classes with join codes, and "클래스 만들기". Anyone else: 404. */
export default async function InstructorPage() {
  const [viewer, role] = await Promise.all([getViewer(), getViewerRole()]);
  if (!viewer || role !== 'instructor') notFound();
  const classes = await listInstructorClassrooms(viewer.userId);

  return (
    <div className="container">
      <header className={styles.header}>
        <h1>강사 페이지</h1>
        <p className={styles.greeting}>클래스를 만들고 참여 코드를 학습자에게 알려 주세요. 학습자는 대시보드에서 코드를 입력해 참여합니다.</p>
      </header>

      <section aria-labelledby="create-title" className={styles.section}>
        <h2 id="create-title">클래스 만들기</h2>
        <ClassForm
          action={createClassAction}
          name="name"
          label="클래스 이름"
          hint="예: 쿠버네티스 입문 1반"
          maxLength={60}
          submit="클래스 만들기"
          pendingLabel="만드는 중…"
        />
      </section>

      <section aria-labelledby="classes-title" className={styles.section}>
        <h2 id="classes-title">내 클래스</h2>
        {classes.length === 0 ? (
          <p className={styles.muted}>아직 만든 클래스가 없습니다.</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr><th scope="col">클래스</th><th scope="col">참여 코드</th><th scope="col">학습자</th><th scope="col">만든 날</th></tr>
              </thead>
              <tbody>
                {classes.map((c) => (
                  <tr key={c.id}>
                    <th scope="row"><Link href={`/instructor/classes/${c.id}`}>{c.name}</Link></th>
                    <td><code className={styles.code}>{c.joinCode}</code></td>
                    <td>{c.memberCount}명</td>
                    <td><time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt)}</time></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
