import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import { findOrCreateGithubUser, findUserByEmail, mergeGuestIntoUser, syncUserRole } from '@/lib/db';
import { env } from '@/lib/env';
import { verifyPassword } from './password';
import { clearGuestCookie, readGuestIdFromRequest } from './request-cookies';
import { AUTH_ERROR, signInSchema } from './schemas';
import { clientIp, loginLockedUntil, noteLoginFailure, noteLoginSuccess, throttleKeys } from './throttle';
import './types';

export const githubEnabled = Boolean(env.GITHUB_ID && env.GITHUB_SECRET);

/** A guest who signs in brings their progress along; the guest cookie is then dropped. */
async function adoptGuest(userId: string): Promise<void> {
  const guestId = await readGuestIdFromRequest();
  if (!guestId) return;
  await mergeGuestIntoUser(guestId, userId);
  await clearGuestCookie();
}

const credentials = CredentialsProvider({
  id: 'credentials',
  name: '이메일',
  credentials: {
    email: { label: '이메일', type: 'email' },
    password: { label: '비밀번호', type: 'password' },
  },
  async authorize(raw, req) {
    const parsed = signInSchema.safeParse(raw ?? {});
    if (!parsed.success) return null;
    const { email, password } = parsed.data;
    const keys = throttleKeys(email, clientIp(req?.headers));
    if (await loginLockedUntil(keys)) throw new Error(AUTH_ERROR.tooManyAttempts);
    const user = await findUserByEmail(email);
    const ok = await verifyPassword(password, user?.isGuest ? null : user?.passwordHash);
    if (!user || !ok) {
      if (await noteLoginFailure(keys)) throw new Error(AUTH_ERROR.tooManyAttempts);
      return null;
    }
    await noteLoginSuccess(keys);
    await adoptGuest(user.id);
    await syncUserRole(user.id); // KUBELAB_INSTRUCTORS decides who is an instructor
    return { id: user.id, email: user.email, name: user.name };
  },
});

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  providers: githubEnabled
    ? [credentials, GitHubProvider({ clientId: env.GITHUB_ID!, clientSecret: env.GITHUB_SECRET! })]
    : [credentials],
  callbacks: {
    async jwt({ token, user, account }) {
      if (account?.provider === 'github' && user) {
        const dbUser = await findOrCreateGithubUser(
          { githubId: String(account.providerAccountId), email: user.email, name: user.name },
          await readGuestIdFromRequest(),
        );
        await clearGuestCookie();
        await syncUserRole(dbUser.id);
        token.sub = dbUser.id;
        token.id = dbUser.id;
        token.email = dbUser.email;
        token.name = dbUser.name ?? user.name ?? null;
      } else if (user) {
        token.id = user.id;
      }
      token.isGuest = false;
      return token;
    },
    async session({ session, token }) {
      session.user = {
        ...session.user,
        id: (token.id as string | undefined) ?? token.sub ?? '',
        isGuest: token.isGuest === true,
      };
      return session;
    },
  },
};
