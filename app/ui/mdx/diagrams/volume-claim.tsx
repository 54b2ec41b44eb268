import styles from '../mdx.module.css';
import { ArrowMarker, Box, Edge, Label, Svg } from './svg-parts';

const M = 'kl-arrow-vct';
const rsPods = ['web-7kx2p', 'web-p9d4s', 'web-xq2lm'];
const ssPods = [0, 1, 2];

/** ReplicaSet pods share one PVC; StatefulSet pods each get a PVC from volumeClaimTemplates (001 §12–13, 004). */
export function VolumeClaimDiagram() {
  return (
    <Svg
      width={720}
      height={330}
      title="ReplicaSet과 StatefulSet의 볼륨 연결 비교"
      desc="왼쪽: ReplicaSet의 파드 세 개는 템플릿에 적힌 같은 PVC replica-pvc1에 모두 연결되고, 이 PVC는 PV 하나에 묶인다. 오른쪽: StatefulSet은 volumeClaimTemplates로 파드마다 PVC를 만든다. web-0은 www-web-0, web-1은 www-web-1, web-2는 www-web-2에 연결되고, 각 PVC는 자기 PV에 묶인다."
    >
      <ArrowMarker id={M} />
      <rect x={10} y={10} width={340} height={310} rx={12} className={styles.dPanel} />
      <rect x={370} y={10} width={340} height={310} rx={12} className={styles.dPanel} />
      <Label x={180} y={36} text="ReplicaSet: PVC 하나를 함께 쓴다" strong />
      {rsPods.map((name, i) => (
        <g key={name}>
          <Box x={25 + i * 107} y={60} w={95} h={36} lines={[name]} mono />
          <Edge d={`M${72 + i * 107} 96 L180 156`} marker={M} />
        </g>
      ))}
      <Box x={100} y={160} w={160} h={44} tone="warn" lines={['replica-pvc1', 'PVC · 직접 만든 것']} mono />
      <Edge d="M180 204 V240" marker={M} />
      <Box x={115} y={244} w={130} h={36} tone="muted" lines={['PV 하나']} />
      <Label x={180} y={304} text="파드가 늘어도 PVC는 하나뿐이다" />

      <Label x={540} y={36} text="StatefulSet: 템플릿으로 파드마다 PVC" strong />
      {ssPods.map((n) => {
        const x = 385 + n * 108;
        return (
          <g key={n}>
            <Box x={x} y={60} w={96} h={36} tone="accent" lines={[`web-${n}`]} mono />
            <Edge d={`M${x + 48} 96 V156`} marker={M} />
            <Box x={x} y={160} w={96} h={44} tone="warn" lines={[`www-web-${n}`, 'PVC · 자동 생성']} mono />
            <Edge d={`M${x + 48} 204 V240`} marker={M} />
            <Box x={x + 8} y={244} w={80} h={36} tone="muted" lines={[`PV ${n}`]} />
          </g>
        );
      })}
      <Label x={540} y={304} text="다시 만들어진 web-1은 다시 www-web-1에 연결된다" />
    </Svg>
  );
}
