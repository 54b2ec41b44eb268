import { getPrisma } from './client';

/** Storage for sign-in throttling; the policy lives in lib/auth/throttle.ts. */

export type ThrottleRecord = { key: string; failures: number; windowStart: Date; lockedUntil: Date | null };

export type ThrottlePolicy = { maxFailures: number; windowMs: number; lockMs: number };

export async function getLoginThrottle(key: string): Promise<ThrottleRecord | null> {
  return getPrisma().loginThrottle.findUnique({ where: { key } });
}

/**
 * Counts one failure inside the current window (a new window starts when the old one expired)
 * and locks the key once `maxFailures` is reached.
 */
export async function recordLoginFailure(key: string, policy: ThrottlePolicy, now: Date = new Date()): Promise<ThrottleRecord> {
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const row = await tx.loginThrottle.findUnique({ where: { key } });
    const windowOpen = row && now.getTime() - row.windowStart.getTime() < policy.windowMs;
    const failures = windowOpen ? row.failures + 1 : 1;
    const windowStart = windowOpen ? row.windowStart : now;
    const lockedUntil =
      failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : windowOpen ? row.lockedUntil : null;
    return tx.loginThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart, lockedUntil },
      update: { failures, windowStart, lockedUntil },
    });
  });
}

export async function clearLoginThrottle(key: string): Promise<void> {
  await getPrisma().loginThrottle.deleteMany({ where: { key } });
}

/** Housekeeping: drop rows whose window and lock are both over. */
export async function pruneLoginThrottles(olderThan: Date): Promise<number> {
  const { count } = await getPrisma().loginThrottle.deleteMany({
    where: { windowStart: { lt: olderThan }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: olderThan } }] },
  });
  return count;
}
