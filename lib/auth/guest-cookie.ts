import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * The guest identity cookie: `v1.<userId>.<base64url HMAC-SHA256(secret, "kubelab-guest:v1:" + userId)>`.
 * It only names a User row; identifyRequest still checks that the row is a guest.
 */

export const GUEST_COOKIE = 'kubelab-guest';
const GUEST_MAX_AGE_S = 60 * 60 * 24 * 365;

function mac(userId: string, secret: string): string {
  return createHmac('sha256', secret).update(`kubelab-guest:v1:${userId}`).digest('base64url');
}

export function signGuestId(userId: string, secret: string = env.NEXTAUTH_SECRET): string {
  return `v1.${userId}.${mac(userId, secret)}`;
}

/** The user id inside a well-signed cookie value, else null. */
export function verifyGuestCookie(value: string | undefined, secret: string = env.NEXTAUTH_SECRET): string | null {
  if (!value) return null;
  const parts = value.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1' || !/^[A-Za-z0-9_-]{1,64}$/.test(parts[1]!)) return null;
  const [, userId, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(userId, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

export type GuestCookieOptions = {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  maxAge: number;
};

/** Secure cookies when the site is served over https (NEXTAUTH_URL or the proxy says so). */
export function guestCookieOptions(secure: boolean = isSecureSite()): GuestCookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: GUEST_MAX_AGE_S };
}

export function isSecureSite(forwardedProto?: string | null): boolean {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.startsWith('https://');
  return forwardedProto?.split(',')[0]?.trim() === 'https';
}

/** A Set-Cookie header value, for plain Node responses. */
export function serializeGuestCookie(value: string, options: GuestCookieOptions = guestCookieOptions()): string {
  const parts = [`${GUEST_COOKIE}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAge}`, 'HttpOnly', 'SameSite=Lax'];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
