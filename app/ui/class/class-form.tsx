'use client';

import { useActionState } from 'react';
import type { ClassFormState } from '@/app/lib/classroom-forms';
import { Field } from '../auth/field';
import styles from './class-form.module.css';

type Action = (prev: ClassFormState, formData: FormData) => Promise<ClassFormState>;

/**
 * One-field form for the classroom actions ("클래스 만들기", "클래스 참여"): server-side zod
 * errors under the field, the action's message in a live region.
 */
export function ClassForm(props: {
  action: Action;
  name: string;
  label: string;
  submit: string;
  pendingLabel: string;
  hint?: string;
  maxLength?: number;
  autoComplete?: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  return (
    <form action={formAction} className={styles.form} noValidate>
      <div className={styles.field}>
        <Field
          name={props.name}
          label={props.label}
          hint={props.hint}
          maxLength={props.maxLength}
          autoComplete={props.autoComplete ?? 'off'}
          required
          errors={state.errors?.[props.name]}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? props.pendingLabel : props.submit}
      </button>
      <div aria-live="polite" className={styles.live}>
        {state.message && (
          <p role={state.ok ? 'status' : 'alert'} className={state.ok ? styles.ok : styles.alert}>
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
