'use server';

import { headers } from 'next/headers';
import {
  AUTH_MESSAGES, clearGuestCookie, clientIp, fieldErrors, noteSignUp, readGuestIdFromRequest, registerUser,
  signUpLockedUntil, signUpSchema,
} from '@/lib/auth';
import { EmailTakenError } from '@/lib/db';
import type { AuthFormState } from '../ui/auth/auth-types';

/**
 * Creates the account (a guest caller's row becomes the account, progress kept) and drops the
 * guest cookie. The client then signs in with the same credentials.
 */
export async function signUpAction(formData: FormData): Promise<AuthFormState> {
  const parsed = signUpSchema.safeParse({
    name: formData.get('name') ?? undefined,
    email: formData.get('email') ?? '',
    password: formData.get('password') ?? '',
    passwordConfirm: formData.get('passwordConfirm') ?? '',
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const ip = clientIp(Object.fromEntries(await headers()));
  if (await signUpLockedUntil(ip)) return { message: AUTH_MESSAGES.tooManyAttempts };
  try {
    await registerUser(parsed.data, await readGuestIdFromRequest());
  } catch (error) {
    if (error instanceof EmailTakenError) return { errors: { email: [AUTH_MESSAGES.emailTaken] } };
    console.error('[signup]', error);
    return { message: AUTH_MESSAGES.unknown };
  }
  await noteSignUp(ip);
  await clearGuestCookie();
  return { ok: true };
}
