import type { ReactNode } from 'react';
import styles from '../mdx.module.css';

export type Tone = 'plain' | 'accent' | 'muted' | 'warn' | 'deleted';

const toneClass: Record<Tone, string | undefined> = {
  plain: styles.dNode,
  accent: styles.dNodeAccent,
  muted: styles.dNodeMuted,
  warn: styles.dNodeWarn,
  deleted: styles.dNodeDeleted,
};

/** Accessible SVG root: role="img" with a <title> and <desc>. */
export function Svg(props: { width: number; height: number; title: string; desc: string; children: ReactNode }) {
  return (
    <svg
      viewBox={`0 0 ${props.width} ${props.height}`}
      role="img"
      aria-label={props.title}
      className={styles.svg}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{props.title}</title>
      <desc>{props.desc}</desc>
      {props.children}
    </svg>
  );
}

/** Arrowhead marker; reference as `url(#id)`. */
export function ArrowMarker({ id }: { id: string }) {
  return (
    <defs>
      <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 z" className={styles.dArrowHead} />
      </marker>
    </defs>
  );
}

/** Rounded box with up to two centred text lines. */
export function Box(props: {
  x: number;
  y: number;
  w: number;
  h: number;
  tone?: Tone;
  lines: readonly string[];
  mono?: boolean;
}) {
  const { x, y, w, h, tone = 'plain', lines, mono } = props;
  const cx = x + w / 2;
  const first = y + h / 2 - (lines.length - 1) * 8 + 4;
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={8} className={toneClass[tone]} />
      {lines.map((line, i) => (
        <text
          key={i}
          x={cx}
          y={first + i * 16}
          textAnchor="middle"
          className={i === 0 ? (mono ? styles.dMono : styles.dText) : styles.dSmall}
        >
          {line}
        </text>
      ))}
      {tone === 'deleted' ? (
        <line x1={x + 6} y1={y + h - 6} x2={x + w - 6} y2={y + 6} className={styles.dStrike} />
      ) : null}
    </g>
  );
}

/** Straight or polyline edge with an arrowhead at the end. */
export function Edge(props: { d: string; marker: string; dashed?: boolean; muted?: boolean }) {
  const cls = [styles.dEdge, props.dashed ? styles.dDashed : '', props.muted ? styles.dEdgeMuted : '']
    .filter(Boolean)
    .join(' ');
  return <path d={props.d} className={cls} markerEnd={`url(#${props.marker})`} />;
}

export function Label(props: {
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  strong?: boolean;
  mono?: boolean;
}) {
  const cls = props.strong ? styles.dHeading : props.mono ? styles.dMonoSmall : styles.dSmall;
  return (
    <text x={props.x} y={props.y} textAnchor={props.anchor ?? 'middle'} className={cls}>
      {props.text}
    </text>
  );
}
