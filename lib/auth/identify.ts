import { decode } from 'next-auth/jwt';
import { getGuestUser } from '@/lib/db';
import { env } from '@/lib/env';
import { parseCookieHeader, readSessionToken } from './cookies';
import { GUEST_COOKIE, verifyGuestCookie } from './guest-cookie';

export type Identity = {
  userId: string;
  isGuest: boolean;
  email?: string | null;
  name?: string | null;
};

/**
 * Who sent this request, from its Cookie header alone (usable from server.ts on a WebSocket
 * upgrade, with no Next request context):
 * 1. a valid next-auth session JWT (decrypted with NEXTAUTH_SECRET; no DB access), else
 * 2. a well-signed `kubelab-guest` cookie whose User row still exists and is still a guest.
 */
export async function identifyRequest(cookieHeader: string | undefined | null): Promise<Identity | null> {
  const cookies = parseCookieHeader(cookieHeader);
  const token = readSessionToken(cookies);
  if (token) {
    const jwt = await decode({ token, secret: env.NEXTAUTH_SECRET }).catch(() => null);
    const userId = typeof jwt?.id === 'string' ? jwt.id : jwt?.sub;
    if (jwt && userId) {
      return { userId, isGuest: false, email: jwt.email ?? null, name: jwt.name ?? null };
    }
  }
  const guestId = verifyGuestCookie(cookies[GUEST_COOKIE]);
  if (guestId && (await getGuestUser(guestId))) return { userId: guestId, isGuest: true, email: null, name: null };
  return null;
}
