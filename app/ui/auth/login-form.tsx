'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { describeAuthError, prepareSignIn } from '../../login/actions';
import type { AuthFormState } from './auth-types';
import { Field } from './field';
import styles from './auth.module.css';

export function LoginForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage?: string }) {
  const router = useRouter();
  const [state, setState] = useState<AuthFormState>({ message: initialMessage });
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const checked = await prepareSignIn(formData);
      if (!checked.ok) return setState(checked);
      const res = await signIn('credentials', {
        email: String(formData.get('email')),
        password: String(formData.get('password')),
        redirect: false,
      });
      if (!res?.ok || res.error) return setState({ message: await describeAuthError(res?.error) });
      router.replace(callbackUrl);
      router.refresh();
    });
  }

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
