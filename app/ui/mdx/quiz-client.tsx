'use client';

import { useId, useState, type FormEvent } from 'react';
import styles from './mdx.module.css';

/** Serializable quiz data handed from the server wrapper (`quiz.tsx`). */
export type QuizData =
  | { kind: 'choice'; question: string; options: string[]; answer: number; explanation?: string }
  | { kind: 'text'; question: string; pattern: string; answerText: string; placeholder?: string; explanation?: string };

type Verdict = 'idle' | 'right' | 'wrong';

/** Tiny client leaf: checks one answer locally and gives Korean feedback. */
export function QuizClient(props: QuizData) {
  const id = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict>('idle');
  const [tries, setTries] = useState(0);
  const [revealed, setRevealed] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    let ok = false;
    if (props.kind === 'choice') ok = choice === props.answer;
    else ok = new RegExp(props.pattern, 'i').test(text.trim());
    setVerdict(ok ? 'right' : 'wrong');
    setTries((n) => n + 1);
  }

  const done = verdict === 'right' || revealed;
  const answerLabel = props.kind === 'choice' ? props.options[props.answer] : props.answerText;
  return (
    <form className={styles.quiz} onSubmit={submit} aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`} className={styles.quizQuestion}>
        <span className={styles.quizBadge}>퀴즈</span> {props.question}
      </p>
      {props.kind === 'choice' ? (
        <fieldset className={styles.quizOptions}>
          <legend className={styles.srOnly}>보기</legend>
          {props.options.map((opt, i) => (
            <label key={i} className={styles.quizOption}>
              <input
                type="radio"
                name={`${id}-opt`}
                checked={choice === i}
                onChange={() => setChoice(i)}
              />{' '}
              {opt}
            </label>
          ))}
        </fieldset>
      ) : (
        <input
          className={styles.quizInput}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={props.placeholder ?? '답을 입력하세요'}
          aria-label="답"
          autoComplete="off"
          spellCheck={false}
        />
      )}
      <div className={styles.quizActions}>
        <button type="submit" className={styles.quizButton} disabled={props.kind === 'choice' ? choice === null : !text.trim()}>
          확인
        </button>
        {tries >= 2 && !done ? (
          <button type="button" className={styles.quizButton} onClick={() => setRevealed(true)}>
            정답 보기
          </button>
        ) : null}
      </div>
      <div aria-live="polite" className={styles.quizFeedback}>
        {verdict === 'right' ? <p className={styles.quizRight}>정답입니다!</p> : null}
        {verdict === 'wrong' && !revealed ? <p className={styles.quizWrong}>아쉽지만 틀렸습니다. 다시 생각해 보세요.</p> : null}
        {revealed && verdict !== 'right' ? <p>정답: {answerLabel}</p> : null}
        {done && props.explanation ? <p>{props.explanation}</p> : null}
      </div>
    </form>
  );
}
