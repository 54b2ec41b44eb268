import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuestUser, disconnectPrisma, getUser, recordLessonOpened, listLessonProgress, upgradeGuestToUser } from '@/lib/db';
import { env } from '@/lib/env';
import {
  authOptions, GUEST_COOKIE, identifyRequest, registerUser, signGuestId, signUpSchema, verifyGuestCookie,
  throttleKeys, loginLockedUntil, AUTH_ERROR, parseCookieHeader,
} from './index';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kubelab-auth-'));
  process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`;
});
afterAll(async () => {
  await disconnectPrisma();
  rmSync(dir, { recursive: true, force: true });
});

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

describe('guest cookie', () => {
  it('round-trips and rejects tampering or another secret', () => {
    const value = signGuestId('abc123');
    expect(verifyGuestCookie(value)).toBe('abc123');
    expect(verifyGuestCookie(value.replace('abc123', 'abc124'))).toBeNull();
    expect(verifyGuestCookie(signGuestId('abc123', 'another-secret-value'))).toBeNull();
    expect(verifyGuestCookie('garbage')).toBeNull();
    expect(verifyGuestCookie(undefined)).toBeNull();
  });
});

describe('identifyRequest', () => {
  it('returns null without cookies', async () => {
    expect(await identifyRequest(undefined)).toBeNull();
    expect(await identifyRequest('other=1')).toBeNull();
  });

  it('decodes the next-auth session JWT (plain, __Secure- and chunked)', async () => {
    const token = await encode({ token: { sub: 'u1', id: 'u1', email: 'a@b.c', name: 'A' }, secret: env.NEXTAUTH_SECRET });
    expect(await identifyRequest(`x=1; next-auth.session-token=${token}`)).toEqual({
      userId: 'u1', isGuest: false, email: 'a@b.c', name: 'A',
    });
    expect((await identifyRequest(`__Secure-next-auth.session-token=${token}`))?.userId).toBe('u1');
    const half = Math.floor(token.length / 2);
    const chunked = `next-auth.session-token.0=${token.slice(0, half)}; next-auth.session-token.1=${token.slice(half)}`;
    expect((await identifyRequest(chunked))?.userId).toBe('u1');
    const forged = await encode({ token: { sub: 'evil' }, secret: 'not-the-secret-at-all' });
    expect(await identifyRequest(`next-auth.session-token=${forged}`)).toBeNull();
  });

  it('falls back to the guest cookie, only while the row is still a guest', async () => {
    const guest = await createGuestUser();
    const cookie = `${GUEST_COOKIE}=${signGuestId(guest.id)}`;
    expect(await identifyRequest(cookie)).toMatchObject({ userId: guest.id, isGuest: true });
    expect(await identifyRequest(`${GUEST_COOKIE}=${signGuestId('missing-user')}`)).toBeNull();
    await upgradeGuestToUser(guest.id, { email: 'guest-up@example.com', passwordHash: 'h' });
    expect(await identifyRequest(cookie)).toBeNull();
  });

  it('prefers the session over the guest cookie', async () => {
    const guest = await createGuestUser();
    const token = await encode({ token: { sub: 'u2', id: 'u2' }, secret: env.NEXTAUTH_SECRET });
    const header = `${GUEST_COOKIE}=${signGuestId(guest.id)}; next-auth.session-token=${token}`;
    expect(await identifyRequest(header)).toMatchObject({ userId: 'u2', isGuest: false });
  });
});

describe('sign-up and credentials sign-in', () => {
  it('validates sign-up input with Korean messages', () => {
    const r = signUpSchema.safeParse({ email: 'nope', password: 'short', passwordConfirm: 'other' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining([
      '이메일 형식이 올바르지 않습니다.', '비밀번호는 8자 이상이어야 합니다.', '비밀번호 확인이 일치하지 않습니다.',
    ]));
  });

  it('upgrades the guest on sign-up and then signs in with the password', async () => {
    const guest = await createGuestUser();
    await recordLessonOpened({ userId: guest.id, courseSlug: 'c', lessonSlug: 'l' });
    const input = signUpSchema.parse({ email: 'New@Example.com', password: 'password1', passwordConfirm: 'password1' });
    const user = await registerUser(input, guest.id);
    expect(user.id).toBe(guest.id);
    expect((await getUser(user.id))?.isGuest).toBe(false);
    expect(await listLessonProgress(user.id)).toHaveLength(1);
    const req = { headers: { 'x-forwarded-for': '10.0.0.1' } };
    expect(await authorize({ email: 'new@example.com', password: 'password1' }, req)).toMatchObject({ id: user.id });
    expect(await authorize({ email: 'new@example.com', password: 'wrong-pass' }, req)).toBeNull();
  });

  it('gives KUBELAB_INSTRUCTORS accounts the instructor role at sign-up and sign-in', async () => {
    const saved = process.env.KUBELAB_INSTRUCTORS;
    try {
      process.env.KUBELAB_INSTRUCTORS = 'prof@example.com, other@example.com';
      const input = signUpSchema.parse({ email: 'Prof@Example.com', password: 'password1', passwordConfirm: 'password1' });
      const prof = await registerUser(input, null);
      expect(prof.role).toBe('instructor');
      process.env.KUBELAB_INSTRUCTORS = 'other@example.com';
      const req = { headers: { 'x-forwarded-for': '10.0.0.9' } };
      expect(await authorize({ email: 'prof@example.com', password: 'password1' }, req)).toMatchObject({ id: prof.id });
      expect((await getUser(prof.id))?.role).toBe('learner'); // taken off the list: demoted at sign-in
    } finally {
      if (saved === undefined) delete process.env.KUBELAB_INSTRUCTORS;
      else process.env.KUBELAB_INSTRUCTORS = saved;
    }
  });

  it('locks an e-mail + IP after 5 failures in the window', async () => {
    const input = signUpSchema.parse({ email: 'lock@example.com', password: 'password1', passwordConfirm: 'password1' });
    await registerUser(input, null);
    const req = { headers: { 'x-forwarded-for': '10.0.0.2' } };
    for (let i = 0; i < 4; i++) expect(await authorize({ email: 'lock@example.com', password: 'bad-password' }, req)).toBeNull();
    await expect(authorize({ email: 'lock@example.com', password: 'bad-password' }, req)).rejects.toThrow(AUTH_ERROR.tooManyAttempts);
    // locked even with the right password, but only for this IP
    await expect(authorize({ email: 'lock@example.com', password: 'password1' }, req)).rejects.toThrow(AUTH_ERROR.tooManyAttempts);
    expect(await loginLockedUntil(throttleKeys('lock@example.com', '10.0.0.2'))).not.toBeNull();
    const other = { headers: { 'x-forwarded-for': '10.0.0.3' } };
    expect(await authorize({ email: 'lock@example.com', password: 'password1' }, other)).not.toBeNull();
  });
});

describe('parseCookieHeader', () => {
  it('parses, decodes and keeps the first duplicate', () => {
    expect(parseCookieHeader('a=1; b=%ED%95%9C; a=2; c="q"')).toEqual({ a: '1', b: '한', c: 'q' });
  });
});
