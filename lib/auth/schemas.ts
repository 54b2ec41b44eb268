import { z } from 'zod';

/** Form schemas shared by the sign-in / sign-up actions and the Credentials provider. */

export const AUTH_MESSAGES = {
  emailInvalid: '이메일 형식이 올바르지 않습니다.',
  passwordShort: '비밀번호는 8자 이상이어야 합니다.',
  passwordLong: '비밀번호는 72자 이하여야 합니다.',
  passwordRequired: '비밀번호를 입력해 주세요.',
  confirmMismatch: '비밀번호 확인이 일치하지 않습니다.',
  nameLong: '이름은 40자 이하여야 합니다.',
  emailTaken: '이미 가입된 이메일입니다.',
  tooManyAttempts: '로그인 시도가 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  badCredentials: '이메일 또는 비밀번호가 올바르지 않습니다.',
  unknown: '알 수 없는 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
} as const;

/** Error codes thrown from `authorize`; next-auth hands them to `signIn()` as `error`. */
export const AUTH_ERROR = {
  tooManyAttempts: 'TooManyAttempts',
  badCredentials: 'CredentialsSignin',
} as const;

const emailField = z.string().trim().toLowerCase().pipe(z.email({ error: AUTH_MESSAGES.emailInvalid }));

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, { error: AUTH_MESSAGES.passwordRequired }).max(200),
});
export type SignIn = z.infer<typeof signInSchema>;

export const signUpSchema = z
  .object({
    name: z
      .string()
      .trim()
      .max(40, { error: AUTH_MESSAGES.nameLong })
      .optional()
      .transform((v) => v || undefined),
    email: emailField,
    password: z
      .string()
      .min(8, { error: AUTH_MESSAGES.passwordShort })
      .max(72, { error: AUTH_MESSAGES.passwordLong }),
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], error: AUTH_MESSAGES.confirmMismatch });
export type SignUp = z.infer<typeof signUpSchema>;

export type FieldErrors = Partial<Record<string, string[]>>;

/** Field → messages, the shape server actions return as `errors`. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

/** Korean text for next-auth error codes (`/login?error=...` and `signIn()` results). */
export function authErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  switch (code) {
    case AUTH_ERROR.tooManyAttempts:
      return AUTH_MESSAGES.tooManyAttempts;
    case AUTH_ERROR.badCredentials:
      return AUTH_MESSAGES.badCredentials;
    case 'OAuthAccountNotLinked':
      return '이미 다른 방법으로 가입된 이메일입니다. 이메일과 비밀번호로 로그인해 주세요.';
    case 'AccessDenied':
      return '로그인이 거부되었습니다.';
    case 'SessionRequired':
      return '로그인이 필요합니다.';
    default:
      return AUTH_MESSAGES.unknown;
  }
}
