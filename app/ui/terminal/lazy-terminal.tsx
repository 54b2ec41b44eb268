'use client';

import dynamic from 'next/dynamic';
import styles from './terminal.module.css';

/** The terminal loads only in the browser, in its own chunk, after the lesson has rendered. */
const TerminalView = dynamic(() => import('./terminal-view').then((m) => m.TerminalView), {
  ssr: false,
  loading: () => (
    <div className={styles.frame} data-state="loading">
      <p className={styles.placeholder}>터미널을 불러오는 중…</p>
    </div>
  ),
});

export function LazyTerminal({ labKey }: { labKey: string }) {
  return <TerminalView labKey={labKey} />;
}
