import { z } from 'zod';
import { getPrisma } from './client';

/**
 * Roles: every account is a learner; the accounts whose e-mails are listed in
 * `KUBELAB_INSTRUCTORS` (comma-separated) are instructors. The list is the source of truth: it is
 * applied to every user at seed (server start) and to the signing-in user at sign-in/sign-up,
 * so removing an address demotes that account the next time either happens.
 */

export const ROLES = ['learner', 'instructor'] as const;
export type Role = (typeof ROLES)[number];

const emailList = z
  .string()
  .transform((raw) => raw.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email({ error: (i) => `not an e-mail address: "${String(i.input)}"` })));

/** Parses a KUBELAB_INSTRUCTORS value; throws naming the bad entry. */
export function parseInstructorEmails(raw: string | undefined): string[] {
  const parsed = emailList.safeParse(raw ?? '');
  if (!parsed.success) throw new Error(`KUBELAB_INSTRUCTORS: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return [...new Set(parsed.data)];
}

let cached: { raw: string | undefined; emails: string[] } | undefined;

/** The configured instructor e-mails (normalised), parsed once per value of the variable. */
export function instructorEmails(): string[] {
  const raw = process.env.KUBELAB_INSTRUCTORS;
  if (!cached || cached.raw !== raw) cached = { raw, emails: parseInstructorEmails(raw) };
  return cached.emails;
}

export function roleForEmail(email: string | null | undefined, emails: string[] = instructorEmails()): Role {
  return email && emails.includes(email.trim().toLowerCase()) ? 'instructor' : 'learner';
}

/** Sign-in / sign-up: gives the user the role the list says. Returns it (learner for unknown ids). */
export async function syncUserRole(userId: string, emails: string[] = instructorEmails()): Promise<Role> {
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, role: true, isGuest: true } });
  if (!user) return 'learner';
  const role = user.isGuest ? 'learner' : roleForEmail(user.email, emails);
  if (user.role !== role) await prisma.user.update({ where: { id: userId }, data: { role } });
  return role;
}

/** Seed: listed accounts become instructors, every other instructor goes back to learner. */
export async function applyInstructorRoles(emails: string[] = instructorEmails()): Promise<{ instructors: number }> {
  const prisma = getPrisma();
  await prisma.user.updateMany({ where: { role: 'instructor', OR: [{ email: null }, { email: { notIn: emails } }, { isGuest: true }] }, data: { role: 'learner' } });
  const { count } = await prisma.user.updateMany({ where: { email: { in: emails }, isGuest: false }, data: { role: 'instructor' } });
  return { instructors: count };
}

export async function getUserRole(userId: string): Promise<Role> {
  const user = await getPrisma().user.findUnique({ where: { id: userId }, select: { role: true } });
  return user?.role === 'instructor' ? 'instructor' : 'learner';
}
