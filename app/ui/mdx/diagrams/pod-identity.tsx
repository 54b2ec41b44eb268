import { z } from 'zod';
import styles from '../mdx.module.css';
import { validated } from '../validated';
import { podIdentitySteps, type Side, type Step } from './pod-identity-data';
import { ArrowMarker, Box, Edge, Label, Svg } from './svg-parts';

const M = 'kl-arrow-pid';
const W = 780;
const ROW = 88;
const HEAD = 44;
const CHIP_W = 84;
const CHIP_H = 30;
const COLS = { rs: 150, ss: 470 } as const;

const stepIds = podIdentitySteps.map((s) => s.id) as [Step['id'], ...Step['id'][]];
const propsSchema = z.strictObject({
  steps: z.array(z.enum(stepIds)).min(1).max(4).optional(),
});

/** Left x of each chip: a fixed gap, wider where an arrow shows a replacement. */
function chipPositions(side: Side, x0: number): number[] {
  const xs: number[] = [];
  side.chips.forEach((chip, i) => {
    xs.push(i === 0 ? x0 + 10 : xs[i - 1]! + CHIP_W + (chip.replaces ? 36 : 14));
  });
  return xs;
}

function SideRow({ side, x0, y }: { side: Side; x0: number; y: number }) {
  const xs = chipPositions(side, x0);
  return (
    <g>
      {side.chips.map((chip, i) => {
        const cx = xs[i]!;
        const tone = chip.state === 'new' ? 'accent' : chip.state === 'deleted' ? 'deleted' : 'plain';
        return (
          <g key={i}>
            {chip.replaces ? <Edge d={`M${xs[i - 1]! + CHIP_W + 4} ${y + CHIP_H / 2} H${cx - 3}`} marker={M} /> : null}
            <Box x={cx} y={y} w={CHIP_W} h={CHIP_H} tone={tone} lines={[chip.name]} mono />
            {chip.order ? (
              <g>
                <circle cx={cx + CHIP_W - 2} cy={y + 1} r={9} className={styles.dBadge} />
                <text x={cx + CHIP_W - 2} y={y + 5} textAnchor="middle" className={styles.dBadgeText}>
                  {chip.order}
                </text>
              </g>
            ) : null}
          </g>
        );
      })}
      <Label x={x0 + 10} y={y + CHIP_H + 24} text={side.note} anchor="start" />
    </g>
  );
}

/**
 * ReplicaSet vs StatefulSet pod naming and ordering (create, scale up, recreate, scale down).
 * `<PodIdentityDiagram steps={['scale-up']} />` shows a subset of rows.
 */
export const PodIdentityDiagram = validated('PodIdentityDiagram', propsSchema, ({ steps }) => {
  const rows = podIdentitySteps.filter((s) => !steps || steps.includes(s.id));
  const height = HEAD + rows.length * ROW + 6;
  const desc = rows
    .map((r) => `${r.label}(${r.sub}) — ReplicaSet: ${r.rs.note}. StatefulSet: ${r.ss.note}.`)
    .join(' ');
  return (
    <Svg width={W} height={height} title="ReplicaSet과 StatefulSet의 파드 이름과 생성·삭제 순서" desc={desc}>
      <ArrowMarker id={M} />
      <rect x={14} y={8} width={14} height={12} rx={3} className={styles.dNodeAccent} />
      <Label x={34} y={18} text="새로 생긴 파드" anchor="start" />
      <rect x={14} y={25} width={14} height={12} rx={3} className={styles.dNodeDeleted} />
      <Label x={34} y={35} text="삭제되는 파드" anchor="start" />
      <Label x={COLS.rs + 155} y={28} text="ReplicaSet (web)" strong />
      <Label x={COLS.ss + 155} y={28} text="StatefulSet (db)" strong />
      {rows.map((row, i) => {
        const y = HEAD + i * ROW;
        return (
          <g key={row.id}>
            <rect x={6} y={y} width={W - 12} height={ROW - 8} rx={10} className={styles.dPanel} />
            <Label x={20} y={y + 34} text={row.label} anchor="start" strong />
            <Label x={20} y={y + 54} text={row.sub} anchor="start" />
            <SideRow side={row.rs} x0={COLS.rs} y={y + 14} />
            <SideRow side={row.ss} x0={COLS.ss} y={y + 14} />
          </g>
        );
      })}
    </Svg>
  );
});
