'use server';

import { headers } from 'next/headers';
import { AUTH_MESSAGES, authErrorMessage, clientIp, fieldErrors, loginLockedUntil, signInSchema, throttleKeys } from '@/lib/auth';
import type { AuthFormState } from '../ui/auth/auth-types';

/** Validates the sign-in form before the client calls next-auth's signIn(). */
export async function prepareSignIn(formData: FormData): Promise<AuthFormState> {
  const parsed = signInSchema.safeParse({ email: formData.get('email') ?? '', password: formData.get('password') ?? '' });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const ip = clientIp(Object.fromEntries(await headers()));
  if (await loginLockedUntil(throttleKeys(parsed.data.email, ip))) return { message: AUTH_MESSAGES.tooManyAttempts };
  return { ok: true };
}

/** Korean text for an error code returned by signIn(). */
export async function describeAuthError(code: string | null | undefined): Promise<string> {
  return authErrorMessage(code) ?? AUTH_MESSAGES.unknown;
}
