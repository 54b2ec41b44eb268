import Link from 'next/link';
import type { Identity } from '@/lib/auth';
import { SignOutButton } from './sign-out-button';
import styles from './site-header.module.css';

/** Top bar: logo, main navigation and the account area. */
export function SiteHeader({ viewer, isInstructor = false }: { viewer: Identity | null; isInstructor?: boolean }) {
  const signedIn = viewer && !viewer.isGuest;
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.logo} aria-label="KubeLab 홈">
          <span className={styles.mark} aria-hidden="true">⎈</span>
          KubeLab
        </Link>
        <nav aria-label="주 메뉴" className={styles.nav}>
          <Link href="/#courses">코스</Link>
          <Link href="/dashboard">대시보드</Link>
          {isInstructor && <Link href="/instructor">강사</Link>}
        </nav>
        <div className={styles.account}>
          {signedIn ? (
            <>
              <span className={styles.user} title={viewer.email ?? undefined}>
                {viewer.name || viewer.email || '학습자'}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              {viewer?.isGuest && <span className="badge">게스트</span>}
              <Link href="/login" className="btn btn-ghost">로그인</Link>
              <Link href="/signup" className="btn btn-primary">회원가입</Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
