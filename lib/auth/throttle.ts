import { clearLoginThrottle, getLoginThrottle, normalizeEmail, recordLoginFailure, type ThrottlePolicy } from '@/lib/db';

/**
 * Sign-in throttling. Two counters per attempt:
 * - e-mail + client IP: 5 failures in 15 minutes lock that pair for 15 minutes;
 * - e-mail alone: 20 failures in 15 minutes (stops attackers who rotate IPs or spoof X-Forwarded-For).
 */
export const PAIR_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const EMAIL_POLICY: ThrottlePolicy = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export type ThrottleKeys = { pair: string; email: string };

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  const e = normalizeEmail(email);
  return { pair: `login:${e}|${ip}`, email: `login:${e}` };
}

/** First address of X-Forwarded-For, else X-Real-IP, else 'unknown'. */
export function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const pick = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const forwarded = pick(headers?.['x-forwarded-for'])?.split(',')[0]?.trim();
  return forwarded || pick(headers?.['x-real-ip'])?.trim() || 'unknown';
}

async function lockedUntil(key: string, now: Date): Promise<Date | null> {
  const row = await getLoginThrottle(key);
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** The time the lock ends, or null when sign-in may be attempted. */
export async function loginLockedUntil(keys: ThrottleKeys, now: Date = new Date()): Promise<Date | null> {
  const [pair, email] = await Promise.all([lockedUntil(keys.pair, now), lockedUntil(keys.email, now)]);
  return pair ?? email;
}

/** Counts a failure; returns true when this failure locked the sign-in. */
export async function noteLoginFailure(keys: ThrottleKeys, now: Date = new Date()): Promise<boolean> {
  const pair = await recordLoginFailure(keys.pair, PAIR_POLICY, now);
  const email = await recordLoginFailure(keys.email, EMAIL_POLICY, now);
  return [pair, email].some((r) => r.lockedUntil !== null && r.lockedUntil > now);
}

/** A successful sign-in clears the pair counter (not the per-e-mail one). */
export async function noteLoginSuccess(keys: ThrottleKeys): Promise<void> {
  await clearLoginThrottle(keys.pair);
}

/** Sign-ups per client IP: 10 an hour. */
export const SIGNUP_POLICY: ThrottlePolicy = { maxFailures: 10, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };

export async function signUpLockedUntil(ip: string, now: Date = new Date()): Promise<Date | null> {
  return lockedUntil(`signup:${ip}`, now);
}

export async function noteSignUp(ip: string, now: Date = new Date()): Promise<void> {
  await recordLoginFailure(`signup:${ip}`, SIGNUP_POLICY, now);
}
