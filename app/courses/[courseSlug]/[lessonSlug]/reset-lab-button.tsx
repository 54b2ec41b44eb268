'use client';

import { useEffect, useRef, useState } from 'react';
import { LAB_RESET_DONE_EVENT, LAB_RESET_EVENT } from '@/lib/terminal/protocol';
import styles from './lesson.module.css';

/** "실습 초기화" with a confirm step; the terminal sends the reset over its WebSocket. */
export function ResetLabButton() {
  const [step, setStep] = useState<'idle' | 'confirm' | 'pending'>('idle');
  const [message, setMessage] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Keep focus on the control that replaced the one just pressed.
  useEffect(() => {
    if (step === 'confirm') cancel.current?.focus();
    else if (wasConfirming.current && step === 'idle') opener.current?.focus();
    wasConfirming.current = step === 'confirm';
  }, [step]);

  useEffect(() => {
    const onDone = () => {
      setStep('idle');
      setMessage('실습 환경을 처음 상태로 되돌렸습니다.');
    };
    window.addEventListener(LAB_RESET_DONE_EVENT, onDone);
    return () => window.removeEventListener(LAB_RESET_DONE_EVENT, onDone);
  }, []);

  const reset = () => {
    setStep('pending');
    setMessage('실습 환경을 초기화하는 중…');
    window.dispatchEvent(new Event(LAB_RESET_EVENT));
  };

  return (
    <div className={styles.resetRow}>
      {step === 'confirm' ? (
        <div role="group" aria-labelledby="reset-question" className={styles.resetConfirm}>
          <span id="reset-question">클러스터와 파일을 모두 처음 상태로 되돌릴까요? 되돌릴 수 없습니다.</span>
          <button type="button" className="btn btn-primary" onClick={reset}>
            초기화
          </button>
          <button type="button" className="btn btn-ghost" ref={cancel} onClick={() => setStep('idle')}>
            취소
          </button>
        </div>
      ) : (
        <button
          ref={opener}
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setMessage('');
            setStep('confirm');
          }}
          disabled={step === 'pending'}
        >
          실습 초기화
        </button>
      )}
      <span role="status" aria-live="polite" className={styles.helpMessage}>
        {message}
      </span>
    </div>
  );
}
