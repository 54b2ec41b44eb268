'use client';

import { signUpAction } from '../../signup/actions';
import { Field } from './field';
import styles from './auth.module.css';
import { useCredentialsSubmit } from './use-credentials-submit';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, pending, onSubmit } = useCredentialsSubmit(signUpAction, callbackUrl);

  const e = state.errors;
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <Field name="name" label="이름 (선택)" autoComplete="nickname" maxLength={40} errors={e?.name} />
      <Field name="email" label="이메일" type="email" autoComplete="email" required errors={e?.email} />
      <Field
        name="password"
        label="비밀번호"
        type="password"
        autoComplete="new-password"
        required
        hint="8자 이상으로 입력해 주세요."
        errors={e?.password}
      />
      <Field name="passwordConfirm" label="비밀번호 확인" type="password" autoComplete="new-password" required errors={e?.passwordConfirm} />
      <div aria-live="polite">
        {state.message && <p role="alert" className={styles.alert}>{state.message}</p>}
      </div>
      <button type="submit" className={`btn btn-primary ${styles.submit}`} disabled={pending}>
        {pending ? '가입하는 중…' : '회원가입'}
      </button>
    </form>
  );
}
