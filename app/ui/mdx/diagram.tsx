import type { ReactNode } from 'react';
import { z } from 'zod';
import styles from './mdx.module.css';
import { validated } from './validated';

const diagramSchema = z.strictObject({
  caption: z.string().min(1).max(300),
  children: z.custom<ReactNode>(),
});

/** `<Diagram caption="그림 설명"><SomeSvg /></Diagram>`: a figure with a caption. */
export const Diagram = validated('Diagram', diagramSchema, ({ caption, children }) => (
  <figure className={styles.figure}>
    <div className={styles.figureBody}>{children}</div>
    <figcaption className={styles.figcaption}>{caption}</figcaption>
  </figure>
));
