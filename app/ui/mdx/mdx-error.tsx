import type { z } from 'zod';
import styles from './mdx.module.css';

/** Visible, non-crashing box for broken lesson markup (bad props, missing components). */
export function MdxError({ title, detail }: { title: string; detail?: string }) {
  return (
    <div role="alert" className={styles.error}>
      <strong>콘텐츠 오류: {title}</strong>
      {detail ? <pre className={styles.errorDetail}>{detail}</pre> : null}
    </div>
  );
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(props)'}: ${i.message}`)
    .join('\n');
}
