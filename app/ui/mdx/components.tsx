import type { ComponentProps, ReactNode } from 'react';
import { z } from 'zod';
import { Callout } from './callout';
import { CodeBlock, InlineCode } from './code-block';
import { Diagram } from './diagram';
import { AutoscalerTypesDiagram } from './diagrams/autoscalers';
import { HeadlessServiceDiagram } from './diagrams/headless-service';
import { HpaArchitectureDiagram } from './diagrams/hpa-architecture';
import { IngressDiagram } from './diagrams/ingress';
import { PodIdentityDiagram } from './diagrams/pod-identity';
import { ServiceTypesDiagram } from './diagrams/service-types';
import { StatelessStatefulDiagram } from './diagrams/stateless-stateful';
import { VolumeClaimDiagram } from './diagrams/volume-claim';
import { MdxLink } from './link';
import styles from './mdx.module.css';
import { Quiz } from './quiz';
import { Tab, Tabs } from './tabs';
import { validated } from './validated';

function MarkdownTable(props: ComponentProps<'table'>) {
  return (
    <div className={styles.tableWrap}>
      <table {...props} />
    </div>
  );
}

/** `<Table caption="...">` with JSX rows: lessons do not use GFM, so tables are written in JSX. */
const Table = validated(
  'Table',
  z.strictObject({ caption: z.string().max(200).optional(), children: z.custom<ReactNode>() }),
  ({ caption, children }) => (
    <div className={styles.tableWrap}>
      <table>
        {caption ? <caption className={styles.tableCaption}>{caption}</caption> : null}
        {children}
      </table>
    </div>
  ),
);

/** Markdown images are discouraged (figures are SVG components); alt text is mandatory. */
function Img({ src, alt }: { src?: unknown; alt?: unknown }) {
  if (typeof src !== 'string' || !/^(\/(?!\/)|https:\/\/)/.test(src)) return null;
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src} alt={typeof alt === 'string' ? alt : ''} loading="lazy" style={{ maxWidth: '100%' }} />;
}

/**
 * THE component map for lessons (house style: exactly one). Lessons use these names directly;
 * ESM imports are rejected at compile time.
 */
export const mdxComponents = {
  // markdown elements
  pre: CodeBlock,
  code: InlineCode,
  a: MdxLink,
  table: MarkdownTable,
  img: Img,
  // lesson components
  Callout,
  Diagram,
  Table,
  Quiz,
  Tabs,
  Tab,
  StatelessStatefulDiagram,
  PodIdentityDiagram,
  HeadlessServiceDiagram,
  VolumeClaimDiagram,
  ServiceTypesDiagram,
  IngressDiagram,
  AutoscalerTypesDiagram,
  HpaArchitectureDiagram,
} satisfies Record<string, (props: never) => ReactNode>;

export type MdxComponentName = keyof typeof mdxComponents;
