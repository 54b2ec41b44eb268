'use client';

import { useActionState, useEffect, useState } from 'react';
import { LAB_STATUS_EVENT, type LiveExerciseResult, type ServerMessage } from '@/lib/terminal/protocol';
import { checkExerciseAction } from './actions';
import type { CheckState } from './check-types';
import { ExerciseHelp } from './exercise-help-panel';
import styles from './lesson.module.css';

export type ExercisePanelProps = {
  courseSlug: string;
  lessonSlug: string;
  exercise: { id: string; title: string; description?: string; tasks: { id: string; title: string }[] };
  index: number;
  initial: CheckState;
  /** Hints already open, the hint count, and the solution if already shown */
  help: { hints: string[]; hintCount: number; solution: string | null };
};

/** One exercise: its tasks, hints and the "확인" button; results are announced politely. */
export function ExercisePanel({ courseSlug, lessonSlug, exercise, index, initial, help }: ExercisePanelProps) {
  const [state, action, pending] = useActionState(checkExerciseAction, initial);
  const live = useLiveStatus(`${courseSlug}/${lessonSlug}`, exercise.id);
  // Live results (re-graded after every change in the lab) win over the last recorded attempt.
  const shown = live ?? state.result;
  const byTask = new Map(shown?.tasks.map((t) => [t.taskId, t]));
  const headingId = `exercise-${exercise.id}`;
  return (
    <section className={styles.exercise} aria-labelledby={headingId} data-status={state.status}>
      <header className={styles.exerciseHeader}>
        <h3 id={headingId} className={styles.exerciseTitle}>
          <span className={styles.exerciseIndex}>실습 {index + 1}</span> {exercise.title}
        </h3>
        {(live ? live.passed : state.status === 'passed') && <span className="badge badge-done">통과</span>}
        {live && <span className={styles.liveBadge} title="터미널에서 클러스터가 바뀔 때마다 자동으로 다시 검사합니다">실시간</span>}
      </header>
      {exercise.description && <p className={styles.exerciseDescription}>{exercise.description}</p>}
      <ul className={styles.tasks} aria-label="과제 목록">
        {exercise.tasks.map((task) => {
          const r = byTask.get(task.id);
          const mark = r ? (r.passed ? 'pass' : 'fail') : 'todo';
          return (
            <li key={task.id} className={styles.task} data-result={mark}>
              <span className={styles.taskMark} aria-hidden="true">
                {mark === 'pass' ? '✓' : mark === 'fail' ? '✗' : ''}
              </span>
              <span className={styles.taskText}>
                <span>
                  {task.title}
                  {r && <span className="visually-hidden">{r.passed ? ' — 통과' : ' — 실패'}</span>}
                </span>
                {r && !r.passed && r.message && <span className={styles.taskMessage}>{r.message}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <p className={styles.liveDone} role="status" aria-live="polite">
        {live?.passed && state.status !== 'passed' && (
          <>
            <span aria-hidden="true">✓ </span>모든 과제가 실시간 검사를 통과했습니다. <strong>확인</strong>을 눌러 결과를 기록하세요.
          </>
        )}
      </p>
      <ExerciseHelp courseSlug={courseSlug} lessonSlug={lessonSlug} exerciseId={exercise.id} {...help} />
      <form action={action} className={styles.checkRow}>
        <input type="hidden" name="courseSlug" value={courseSlug} />
        <input type="hidden" name="lessonSlug" value={lessonSlug} />
        <input type="hidden" name="exerciseId" value={exercise.id} />
        <button type="submit" className="btn btn-primary" disabled={pending} aria-describedby={`${headingId}-status`}>
          {pending ? '확인 중…' : '확인'}
        </button>
        <p id={`${headingId}-status`} className={styles.checkStatus} role="status" aria-live="polite" data-status={state.status}>
          {pending ? '클러스터 상태를 확인하고 있습니다…' : state.message}
        </p>
      </form>
    </section>
  );
}

/** The latest live grading of one exercise, pushed by the lab's terminal after each change. */
function useLiveStatus(labKey: string, exerciseId: string): LiveExerciseResult | null {
  const [live, setLive] = useState<LiveExerciseResult | null>(null);
  useEffect(() => {
    const onStatus = (event: Event) => {
      const m = (event as CustomEvent<Extract<ServerMessage, { t: 'status' }>>).detail;
      if (m.labKey !== labKey) return;
      const mine = m.results.find((r) => r.exerciseId === exerciseId);
      if (mine) setLive(mine);
    };
    window.addEventListener(LAB_STATUS_EVENT, onStatus);
    return () => window.removeEventListener(LAB_STATUS_EVENT, onStatus);
  }, [labKey, exerciseId]);
  return live;
}
