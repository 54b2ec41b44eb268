'use client';

import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="container" role="alert">
      <h1>문제가 발생했습니다</h1>
      <p>페이지를 불러오는 중 오류가 났습니다. 잠시 후 다시 시도해 주세요.</p>
      <button type="button" className="btn btn-primary" onClick={reset}>
        다시 시도
      </button>
    </div>
  );
}
