import { NextResponse, type NextRequest } from 'next/server';
import { GUEST_COOKIE, guestCookieOptions, identifyRequest, isSecureSite, signGuestId } from '@/lib/auth';
import { createGuestUser } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** Cross-site form posts must not mint guests: an Origin, when sent, has to be this host. */
function sameOrigin(req: NextRequest): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return true;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * POST /api/guest — make sure the caller has an identity before opening a terminal:
 * a signed-in user or valid guest is returned as is; anyone else gets a new guest + cookie.
 * Response: `{ userId, isGuest }`.
 */
export async function POST(req: NextRequest) {
  if (!sameOrigin(req)) return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  const identity = await identifyRequest(req.headers.get('cookie'));
  if (identity) {
    return NextResponse.json({ userId: identity.userId, isGuest: identity.isGuest }, { headers: { 'Cache-Control': 'no-store' } });
  }
  const guest = await createGuestUser();
  const res = NextResponse.json({ userId: guest.id, isGuest: true }, { headers: { 'Cache-Control': 'no-store' } });
  res.cookies.set(
    GUEST_COOKIE,
    signGuestId(guest.id),
    guestCookieOptions(isSecureSite(req.headers.get('x-forwarded-proto') ?? req.nextUrl.protocol.replace(':', ''))),
  );
  return res;
}
