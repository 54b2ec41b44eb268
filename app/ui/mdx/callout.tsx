import type { ReactNode } from 'react';
import { z } from 'zod';
import styles from './mdx.module.css';
import { validated } from './validated';

const calloutSchema = z.strictObject({
  type: z.enum(['info', 'warning', 'tip']).default('info'),
  title: z.string().max(120).optional(),
  children: z.custom<ReactNode>().optional(),
});

const defaults = {
  info: { icon: 'ℹ️', label: '참고' },
  warning: { icon: '⚠️', label: '주의' },
  tip: { icon: '💡', label: '팁' },
} as const;

/** `<Callout type="warning" title="...">본문</Callout>` */
export const Callout = validated('Callout', calloutSchema, ({ type, title, children }) => {
  const d = defaults[type];
  return (
    <aside className={`${styles.callout} ${styles[`callout-${type}`]}`} aria-label={title ?? d.label}>
      <p className={styles.calloutTitle}>
        <span aria-hidden="true">{d.icon}</span> {title ?? d.label}
      </p>
      <div className={styles.calloutBody}>{children}</div>
    </aside>
  );
});
