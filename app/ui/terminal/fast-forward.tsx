'use client';

import { LAB_ADVANCE_EVENT, type LabAdvanceDetail } from '@/lib/terminal/protocol';
import styles from './lab-pane.module.css';

const STEPS = [
  { seconds: 60, label: '+1분' },
  { seconds: 300, label: '+5분' },
  { seconds: 900, label: '+15분' },
] as const;

/**
 * "시간 빨리 감기": moves the lab's simulated clock ahead (a Job finishing, the HPA's 5-minute
 * scale-down window) without waiting. The terminal sends it over its socket; the server prints a
 * notice in the terminal and keeps the lab that far ahead from then on.
 */
export function FastForward() {
  const advance = (seconds: number) =>
    window.dispatchEvent(new CustomEvent<LabAdvanceDetail>(LAB_ADVANCE_EVENT, { detail: { seconds } }));
  return (
    <div className={styles.fastForward} role="group" aria-label="시뮬레이션 시간 빨리 감기">
      <span className={styles.fastForwardLabel} aria-hidden="true">⏩ 시간</span>
      {STEPS.map((s) => (
        <button key={s.seconds} type="button" className={styles.fastForwardButton} onClick={() => advance(s.seconds)}
          title={`시뮬레이션 시간을 ${s.label.slice(1)} 앞당깁니다`}>
          {s.label}
        </button>
      ))}
    </div>
  );
}
