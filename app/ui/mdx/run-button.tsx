'use client';

import { useState } from 'react';
import { LAB_RUN_EVENT, type LabRunDetail } from '@/lib/terminal/protocol';
import styles from './mdx.module.css';

/** Tiny client leaf: sends a shell block to the lesson's terminal (terminal-view listens). */
export function RunButton({ text }: { text: string }) {
  const [sent, setSent] = useState(false);

  function run() {
    window.dispatchEvent(new CustomEvent<LabRunDetail>(LAB_RUN_EVENT, { detail: { text } }));
    setSent(true);
    setTimeout(() => setSent(false), 2000);
  }

  return (
    <button type="button" className={styles.copyButton} onClick={run} aria-label={sent ? '터미널로 보냄' : '코드를 터미널에서 실행'}>
      <span aria-live="polite">{sent ? '보냄' : '터미널에서 실행'}</span>
    </button>
  );
}
