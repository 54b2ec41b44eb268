'use client';

import { prepareSignIn } from '../../login/actions';
import { Field } from './field';
import styles from './auth.module.css';
import { useCredentialsSubmit } from './use-credentials-submit';

export function LoginForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage?: string }) {
  const { state, pending, onSubmit } = useCredentialsSubmit(prepareSignIn, callbackUrl, { message: initialMessage });

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-describedby={state.message ? 'login-alert' : undefined}>
      <Field name="email" label="이메일" type="email" autoComplete="email" required errors={state.errors?.email} />
      <Field name="password" label="비밀번호" type="password" autoComplete="current-password" required errors={state.errors?.password} />
      <div aria-live="polite">
        {state.message && <p id="login-alert" role="alert" className={styles.alert}>{state.message}</p>}
      </div>
      <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={pending}>
        {pending ? '로그인 중…' : '로그인'}
      </button>
    </form>
  );
}
