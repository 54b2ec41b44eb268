import { syncUserRole, upgradeGuestToUser, type UserRecord } from '@/lib/db';
import { hashPassword } from './password';
import type { SignUp } from './schemas';

/**
 * Creates the account. A caller holding a guest identity keeps its progress: the guest row
 * becomes the account, and gets the role KUBELAB_INSTRUCTORS gives its e-mail. Throws
 * EmailTakenError (from lib/db) for a registered e-mail.
 */
export async function registerUser(input: SignUp, guestId: string | null): Promise<UserRecord> {
  const passwordHash = await hashPassword(input.password);
  const user = await upgradeGuestToUser(guestId, { email: input.email, passwordHash, name: input.name ?? null });
  return { ...user, role: await syncUserRole(user.id) };
}
