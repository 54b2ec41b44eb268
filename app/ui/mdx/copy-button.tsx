'use client';

import { useState } from 'react';
import styles from './mdx.module.css';

/** Tiny client leaf: copies a code block's text. */
export function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('done');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  }

  const label = state === 'done' ? '복사됨' : state === 'failed' ? '복사 실패' : '복사';
  return (
    <button type="button" className={styles.copyButton} onClick={copy} aria-label={`코드 ${label}`}>
      <span aria-live="polite">{label}</span>
    </button>
  );
}
