/** lib/auth: server-only. next-auth options, request identification, guest cookies, throttling. */
export { authOptions, githubEnabled } from './options';
export { identifyRequest } from './identify';
export type { Identity } from './identify';
export {
  GUEST_COOKIE,
  guestCookieOptions,
  isSecureSite,
  serializeGuestCookie,
  signGuestId,
  verifyGuestCookie,
} from './guest-cookie';
export type { GuestCookieOptions } from './guest-cookie';
export { parseCookieHeader, readSessionToken, SECURE_SESSION_COOKIE, SESSION_COOKIE } from './cookies';
export { hashPassword, verifyPassword } from './password';
export { registerUser } from './sign-up';
export { clearGuestCookie, readGuestIdFromRequest } from './request-cookies';
export { AUTH_ERROR, AUTH_MESSAGES, authErrorMessage, fieldErrors, signInSchema, signUpSchema } from './schemas';
export type { FieldErrors, SignIn, SignUp } from './schemas';
export {
  clientIp,
  EMAIL_POLICY,
  loginLockedUntil,
  noteLoginFailure,
  noteLoginSuccess,
  noteSignUp,
  PAIR_POLICY,
  SIGNUP_POLICY,
  signUpLockedUntil,
  throttleKeys,
} from './throttle';
export type { ThrottleKeys } from './throttle';
