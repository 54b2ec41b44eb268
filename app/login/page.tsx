import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { authErrorMessage, githubEnabled } from '@/lib/auth';
import { safeCallbackUrl } from '../lib/format';
import { getViewer } from '../lib/identity';
import { GithubButton } from '../ui/auth/github-button';
import { LoginForm } from '../ui/auth/login-form';
import styles from '../ui/auth/auth.module.css';

export const metadata: Metadata = { title: '로그인' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, '/dashboard');
  const viewer = await getViewer();
  if (viewer && !viewer.isGuest) redirect(callbackUrl);
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  return (
    <div className={styles.page}>
      <section className={styles.card} aria-labelledby="login-title">
        <h1 id="login-title" className={styles.title}>로그인</h1>
        <p className={styles.subtitle}>학습 진도와 실습 환경이 계정에 저장됩니다.</p>
        {viewer?.isGuest && (
          <p className={styles.info}>게스트로 진행한 학습 기록은 로그인하면 계정으로 옮겨집니다.</p>
        )}
        <LoginForm callbackUrl={callbackUrl} initialMessage={authErrorMessage(error)} />
        {githubEnabled && (
          <>
            <p className={styles.divider}>또는</p>
            <GithubButton callbackUrl={callbackUrl} />
          </>
        )}
        <p className={styles.switch}>
          아직 계정이 없나요? <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>회원가입</Link>
        </p>
      </section>
    </div>
  );
}
