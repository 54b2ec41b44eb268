import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { pretendard } from './fonts';
import { getViewer, getViewerRole } from './lib/identity';
import { SiteHeader } from './ui/site/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'KubeLab — 손으로 익히는 쿠버네티스', template: '%s · KubeLab' },
  description: '브라우저 터미널과 나만의 시뮬레이션 클러스터로 쿠버네티스를 실습하며 배우는 한국어 코스',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0d1117' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [viewer, role] = await Promise.all([getViewer(), getViewerRole()]);
  return (
    <html lang="ko" className={pretendard.variable}>
      <body>
        <a href="#main" className="skip-link">본문으로 건너뛰기</a>
        <SiteHeader viewer={viewer} isInstructor={role === 'instructor'} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
