import bcrypt from 'bcryptjs';
import { env } from '@/lib/env';

const ROUNDS = env.NODE_ENV === 'test' ? 4 : 12;
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, ROUNDS);
}

/** Unknown users are compared against a dummy hash, so both paths cost the same time. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash('kubelab-dummy-password', ROUNDS);
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}
