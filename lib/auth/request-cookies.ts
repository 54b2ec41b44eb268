import { GUEST_COOKIE, verifyGuestCookie } from './guest-cookie';

/**
 * Guest-cookie access inside a Next request (route handlers, server actions, next-auth
 * callbacks). Loaded lazily so server.ts can import lib/auth without Next's request scope.
 */

export async function readGuestIdFromRequest(): Promise<string | null> {
  try {
    const { cookies } = await import('next/headers');
    return verifyGuestCookie((await cookies()).get(GUEST_COOKIE)?.value);
  } catch {
    return null; // outside a Next request
  }
}

export async function clearGuestCookie(): Promise<void> {
  try {
    const { cookies } = await import('next/headers');
    (await cookies()).delete(GUEST_COOKIE);
  } catch {
    // read-only context (server component render) or outside a request: the stale cookie is
    // harmless because identifyRequest only honours rows that are still guests.
  }
}
