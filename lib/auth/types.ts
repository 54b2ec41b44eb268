import type { DefaultSession } from 'next-auth';

/** next-auth type augmentation: the session exposes our user id and the guest flag. */
declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & { id: string; isGuest: boolean };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    id?: string;
    isGuest?: boolean;
  }
}

export {};
