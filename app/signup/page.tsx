import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { githubEnabled } from '@/lib/auth';
import { safeCallbackUrl } from '../lib/format';
import { getViewer } from '../lib/identity';
import { GithubButton } from '../ui/auth/github-button';
import { SignUpForm } from '../ui/auth/signup-form';
import styles from '../ui/auth/auth.module.css';

export const metadata: Metadata = { title: '회원가입' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, '/dashboard');
  const viewer = await getViewer();
  if (viewer && !viewer.isGuest) redirect(callbackUrl);
  return (
    <div className={styles.page}>
      <section className={styles.card} aria-labelledby="signup-title">
        <h1 id="signup-title" className={styles.title}>회원가입</h1>
        <p className={styles.subtitle}>계정을 만들면 어느 기기에서든 이어서 학습할 수 있습니다.</p>
        {viewer?.isGuest && (
          <p className={styles.info}>지금까지 게스트로 진행한 학습 기록과 실습 환경이 새 계정에 그대로 유지됩니다.</p>
        )}
        <SignUpForm callbackUrl={callbackUrl} />
        {githubEnabled && (
          <>
            <p className={styles.divider}>또는</p>
            <GithubButton callbackUrl={callbackUrl} />
          </>
        )}
        <p className={styles.switch}>
          이미 계정이 있나요? <Link href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}>로그인</Link>
        </p>
      </section>
    </div>
  );
}
