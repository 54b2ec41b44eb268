import type { InputHTMLAttributes } from 'react';
import styles from './auth.module.css';

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
};

/** Labelled input with its errors linked through aria-describedby. */
export function Field({ name, label, errors, hint, id = `field-${name}`, ...input }: FieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>{label}</label>
      <input
        id={id}
        name={name}
        className={styles.input}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint && <p id={hintId} className={styles.hint}>{hint}</p>}
      {errors?.length ? (
        <p id={errorId} className={styles.error}>{errors.join(' ')}</p>
      ) : null}
    </div>
  );
}
