'use client';

import { useState } from 'react';
import { LAB_EDITOR_OPEN_EVENT, type LabEditorOpenDetail } from '@/lib/terminal/protocol';
import styles from './mdx.module.css';

/** Tiny client leaf: opens a YAML block as a new file in the lab's editor pane (lab-pane listens). */
export function OpenInEditorButton({ text, name }: { text: string; name?: string }) {
  const [sent, setSent] = useState(false);

  function open() {
    window.dispatchEvent(new CustomEvent<LabEditorOpenDetail>(LAB_EDITOR_OPEN_EVENT, { detail: { text: `${text}\n`, name } }));
    setSent(true);
    setTimeout(() => setSent(false), 2000);
  }

  return (
    <button type="button" className={styles.copyButton} onClick={open} aria-label={sent ? '편집기에서 열었음' : 'YAML을 편집기에서 열기'}>
      <span aria-live="polite">{sent ? '열었음' : '편집기에서 열기'}</span>
    </button>
  );
}
