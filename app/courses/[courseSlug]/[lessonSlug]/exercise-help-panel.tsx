'use client';

import { useState, useTransition } from 'react';
import { LAB_RUN_EVENT, type LabRunDetail } from '@/lib/terminal/protocol';
import { revealHintAction, revealSolutionAction } from './actions';
import type { HelpState } from './help-types';
import styles from './lesson.module.css';

export type ExerciseHelpProps = {
  courseSlug: string;
  lessonSlug: string;
  exerciseId: string;
  /** Hints already open (from earlier visits) and how many there are */
  hints: string[];
  hintCount: number;
  /** The solution, when the learner has already asked for it */
  solution: string | null;
};

/** Hints one at a time, the reference solution on request, and "대신 풀어 주기" — each recorded. */
export function ExerciseHelp({ courseSlug, lessonSlug, exerciseId, hints: initialHints, hintCount, solution: initialSolution }: ExerciseHelpProps) {
  const [hints, setHints] = useState(initialHints);
  const [solution, setSolution] = useState(initialSolution);
  const [message, setMessage] = useState('');
  const [pending, start] = useTransition();
  const ref = { courseSlug, lessonSlug, exerciseId };

  const apply = (state: HelpState) => {
    if (state.hints) setHints(state.hints);
    if (state.solution !== undefined) setSolution(state.solution);
    setMessage(state.message ?? '');
  };
  const nextHint = () => start(async () => apply(await revealHintAction({ ...ref, count: hints.length + 1 })));
  const showSolution = () => start(async () => apply(await revealSolutionAction({ ...ref, use: 'view' })));
  const solveForMe = () =>
    start(async () => {
      const state = await revealSolutionAction({ ...ref, use: 'run' });
      apply(state);
      if (!state.solution) return;
      window.dispatchEvent(new CustomEvent<LabRunDetail>(LAB_RUN_EVENT, { detail: { text: state.solution } }));
      setMessage('참고 풀이를 터미널에 입력했습니다.');
    });

  return (
    <div className={styles.help}>
      {hintCount > 0 && (
        <div className={styles.hints} aria-live="polite">
          {hints.length > 0 && (
            <ol aria-label="힌트">
              {hints.map((hint, i) => (
                <li key={i}>{hint}</li>
              ))}
            </ol>
          )}
        </div>
      )}
      {solution !== null && (
        <div className={styles.solution}>
          <p className={styles.solutionTitle} id={`solution-${exerciseId}`}>참고 풀이</p>
          <pre className={styles.solutionCode} tabIndex={0} aria-labelledby={`solution-${exerciseId}`}>
            <code>{solution}</code>
          </pre>
        </div>
      )}
      <div className={styles.helpRow}>
        {hints.length < hintCount && (
          <button type="button" className="btn btn-ghost" onClick={nextHint} disabled={pending}>
            힌트 보기 ({hints.length + 1}/{hintCount})
          </button>
        )}
        {solution === null && (
          <button type="button" className="btn btn-ghost" onClick={showSolution} disabled={pending}>
            정답 보기
          </button>
        )}
        <button type="button" className="btn btn-ghost" onClick={solveForMe} disabled={pending}>
          대신 풀어 주기
        </button>
        <span role="status" aria-live="polite" className={styles.helpMessage}>
          {message}
        </span>
      </div>
    </div>
  );
}
