'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

export function SignOutButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="btn btn-secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signOut({ redirect: false });
          router.push('/');
          router.refresh();
        })
      }
    >
      {pending ? '로그아웃 중…' : '로그아웃'}
    </button>
  );
}
