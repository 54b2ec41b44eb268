'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { describeAuthError } from '../../login/actions';
import type { AuthFormState } from './auth-types';

/**
 * Shared submit flow of the login and sign-up forms: run the form's server action (validation,
 * throttling, account creation), then sign in with the same e-mail and password and go on.
 */
export function useCredentialsSubmit(
  prepare: (formData: FormData) => Promise<AuthFormState>,
  callbackUrl: string,
  initial: AuthFormState = {},
) {
  const router = useRouter();
  const [state, setState] = useState<AuthFormState>(initial);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const checked = await prepare(formData);
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

  return { state, pending, onSubmit };
}
