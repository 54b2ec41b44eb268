import styles from '../mdx.module.css';
import { ArrowMarker, Box, Edge, Label, Svg } from './svg-parts';

const M = 'kl-arrow-hls';
const pods = [
  { name: 'stateful-pvc-0', role: 'Primary 역할', y: 30 },
  { name: 'stateful-pvc-1', role: 'Secondary 역할', y: 90 },
  { name: 'stateful-pvc-2', role: 'Arbiter 역할', y: 150 },
];

/** A headless Service gives each StatefulSet pod a predictable DNS name (001 §StatefulSet_16). */
export function HeadlessServiceDiagram() {
  return (
    <Svg
      width={720}
      height={290}
      title="Headless Service로 원하는 파드에 직접 연결하기"
      desc="request-pod는 stateful-pvc-0.stateful-headless, stateful-pvc-1.stateful-headless, stateful-pvc-2.stateful-headless 같은 도메인 이름으로 원하는 파드에 직접 연결한다. clusterIP가 None인 Headless Service stateful-headless는 셀렉터 type=db2로 세 파드를 고르고, DNS 조회 결과로 각 파드의 IP를 돌려준다."
    >
      <ArrowMarker id={M} />
      <Box x={20} y={30} w={150} h={164} tone="muted" lines={['request-pod', '내부 시스템']} mono />
      {pods.map((p) => (
        <g key={p.name}>
          <Edge d={`M170 ${p.y + 22} H536`} marker={M} />
          <Label x={186} y={p.y + 14} text={`${p.name}.stateful-headless`} anchor="start" mono />
          <Box x={540} y={p.y} w={160} h={44} tone="accent" lines={[p.name, p.role]} mono />
        </g>
      ))}
      <rect x={530} y={20} width={180} height={184} rx={12} className={styles.dGroup} />
      <Box x={240} y={230} w={300} h={48} tone="warn" lines={['stateful-headless', 'Headless Service · clusterIP: None']} mono />
      <Edge d="M540 254 H620 V208" marker={M} dashed />
      <Label x={548} y={274} text="selector: type=db2" anchor="start" />
      <Edge d="M95 194 V254 H236" marker={M} dashed />
      <Label x={103} y={222} text="DNS 조회" anchor="start" />
    </Svg>
  );
}
