import { getPrisma } from './client';

/** User rows: real accounts (e-mail/password or GitHub) and guests (no credentials yet). */

export type UserRecord = {
  id: string;
  email: string | null;
  name: string | null;
  passwordHash: string | null;
  githubId: string | null;
  isGuest: boolean;
  /** 'learner' | 'instructor' (see roles.ts) */
  role: string;
  createdAt: Date;
};

export type NewUser = { email: string; passwordHash: string; name?: string | null };

export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
  constructor(readonly email: string) {
    super(`E-mail already registered: ${email}`);
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

export async function createUser(input: NewUser): Promise<UserRecord> {
  const email = normalizeEmail(input.email);
  try {
    return await getPrisma().user.create({
      data: { email, passwordHash: input.passwordHash, name: input.name ?? null, isGuest: false },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError(email);
    throw error;
  }
}

export async function findUserByEmail(email: string): Promise<UserRecord | null> {
  return getPrisma().user.findUnique({ where: { email: normalizeEmail(email) } });
}

export async function getUser(id: string): Promise<UserRecord | null> {
  return getPrisma().user.findUnique({ where: { id } });
}

export async function createGuestUser(): Promise<UserRecord> {
  return getPrisma().user.create({ data: { isGuest: true } });
}

/** The guest row if `id` names a user that is still a guest, else null. */
export async function getGuestUser(id: string): Promise<UserRecord | null> {
  const user = await getUser(id);
  return user?.isGuest ? user : null;
}

/**
 * Sign-up with a guest identity: the guest row becomes the real account, so its progress,
 * attempts and labs stay attached. Falls back to a fresh user when the guest is gone.
 */
export async function upgradeGuestToUser(guestId: string | null | undefined, input: NewUser): Promise<UserRecord> {
  if (!guestId || !(await getGuestUser(guestId))) return createUser(input);
  const email = normalizeEmail(input.email);
  try {
    return await getPrisma().user.update({
      where: { id: guestId, isGuest: true },
      data: { email, passwordHash: input.passwordHash, name: input.name ?? null, isGuest: false },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError(email);
    throw error;
  }
}

/** GitHub sign-in: the linked user, else the guest upgraded, else a new user. */
export async function findOrCreateGithubUser(
  profile: { githubId: string; email?: string | null; name?: string | null },
  guestId?: string | null,
): Promise<UserRecord> {
  const prisma = getPrisma();
  const linked = await prisma.user.findUnique({ where: { githubId: profile.githubId } });
  if (linked) return linked;
  const email = profile.email ? normalizeEmail(profile.email) : null;
  // Do not link by e-mail automatically: an unverified address must not take over an account.
  const emailFree = email ? !(await findUserByEmail(email)) : false;
  const data = { githubId: profile.githubId, name: profile.name ?? null, email: emailFree ? email : null, isGuest: false };
  if (guestId && (await getGuestUser(guestId))) {
    return prisma.user.update({ where: { id: guestId }, data });
  }
  return prisma.user.create({ data });
}

/**
 * Housekeeping: every visitor who opens a terminal gets a guest row. Drops guests created
 * before `createdBefore` that never saved a lab, opened a lesson or made an attempt.
 */
export async function deleteStaleGuests(createdBefore: Date): Promise<number> {
  const { count } = await getPrisma().user.deleteMany({
    where: { isGuest: true, createdAt: { lt: createdBefore }, labs: { none: {} }, progress: { none: {} }, attempts: { none: {} } },
  });
  return count;
}
