import type { Membership } from '@/lib/db';
import { formatDate } from '../lib/format';
import { ClassForm } from '../ui/class/class-form';
import { joinClassAction, leaveClassAction } from './actions';
import styles from './dashboard.module.css';

/** "내 클래스": classes the learner joined, and the join-code form (accounts only). */
export function ClassesSection({ memberships, isGuest }: { memberships: Membership[]; isGuest: boolean }) {
  return (
    <section aria-labelledby="classes-title" className={styles.section}>
      <h2 id="classes-title">내 클래스</h2>
      {memberships.length > 0 && (
        <ul className={styles.classList}>
          {memberships.map((m) => (
            <li key={m.classroomId}>
              <span>
                <strong>{m.name}</strong>
                <span className={styles.muted}> · 강사 {m.instructorName ?? '—'} · {formatDate(m.joinedAt)} 참여</span>
              </span>
              <form action={leaveClassAction}>
                <input type="hidden" name="classroomId" value={m.classroomId} />
                <button type="submit" className="btn btn-ghost" aria-label={`${m.name} 클래스에서 나가기`}>나가기</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {isGuest ? (
        <p className={styles.muted}>강사에게 받은 참여 코드로 클래스에 참여하려면 먼저 회원가입해 주세요.</p>
      ) : (
        <ClassForm
          action={joinClassAction}
          name="code"
          label="참여 코드"
          hint="강사에게 받은 8자리 코드를 입력하세요. 참여하면 강사가 내 진도와 채점 기록을 볼 수 있습니다."
          maxLength={12}
          submit="클래스 참여"
          pendingLabel="참여하는 중…"
        />
      )}
    </section>
  );
}
