import { upgradeGuestToUser, type UserRecord } from '@/lib/db';
import { hashPassword } from './password';
import type { SignUp } from './schemas';

/**
 * Creates the account. A caller holding a guest identity keeps its progress: the guest row
 * becomes the account. Throws EmailTakenError (from lib/db) for a registered e-mail.
 */
export async function registerUser(input: SignUp, guestId: string | null): Promise<UserRecord> {
  const passwordHash = await hashPassword(input.password);
  return upgradeGuestToUser(guestId, { email: input.email, passwordHash, name: input.name ?? null });
}
