import styles from '../mdx.module.css';
import { ArrowMarker, Box, Edge, Label, Svg } from './svg-parts';

const M = 'kl-arrow-as';

/** HPA scales out pods, VPA scales a pod up, Cluster Autoscaler adds a node (001 §Autoscaler). */
export function AutoscalerTypesDiagram() {
  return (
    <Svg
      width={760}
      height={290}
      title="쿠버네티스 오토스케일러 세 가지: HPA, VPA, CA"
      desc="HPA는 파드 수를 늘린다(Scale Out): replicas가 1에서 3으로 바뀐다. VPA는 파드를 재시작하면서 리소스를 늘린다(Scale Up): cpu 1코어, 메모리 1G에서 cpu 2코어, 메모리 2G로. CA는 모든 워커 노드의 자원이 모자라 파드를 배치할 수 없을 때 클라우드 프로바이더에 노드를 추가한다."
    >
      <ArrowMarker id={M} />
      {[0, 1, 2].map((i) => (
        <rect key={i} x={10 + i * 250} y={10} width={240} height={270} rx={12} className={styles.dPanel} />
      ))}

      <Label x={130} y={36} text="HPA: 파드 수를 늘린다" strong />
      <Label x={130} y={54} text="Scale Out / Scale In" />
      <Box x={30} y={80} w={200} h={36} tone="muted" lines={['Deployment · replicas 1 → 3']} />
      {[0, 1, 2].map((i) => (
        <g key={i}>
          <Edge d={`M130 116 L${70 + i * 60} 156`} marker={M} />
          <Box x={40 + i * 60} y={160} w={56} h={44} tone={i === 0 ? 'plain' : 'accent'} lines={['Pod', i === 0 ? '기존' : '추가']} />
        </g>
      ))}
      <Label x={130} y={240} text="빨리 뜨는 Stateless 앱에 알맞다" />

      <Label x={380} y={36} text="VPA: 파드 자원을 키운다" strong />
      <Label x={380} y={54} text="Scale Up / Scale Down" />
      <Box x={285} y={100} w={80} h={60} lines={['Pod', 'cpu 1C · 1G']} />
      <Edge d="M365 130 H391" marker={M} />
      <Label x={378} y={120} text="재시작" />
      <Box x={395} y={80} w={110} h={100} tone="accent" lines={['Pod', 'cpu 2C · 2G']} />
      <Label x={380} y={240} text="Stateful 앱용, HPA와 함께 쓰지 않는다" />

      <Label x={630} y={36} text="CA: 노드를 늘린다" strong />
      <Label x={630} y={54} text="Cluster Autoscaler" />
      <Box x={525} y={80} w={100} h={50} tone="warn" lines={['node1', '자원 부족']} />
      <Box x={525} y={145} w={100} h={50} tone="warn" lines={['node2', '자원 부족']} />
      <Box x={640} y={80} w={95} h={44} tone="muted" lines={['새 파드', 'Pending']} />
      <Edge d="M687 124 V141" marker={M} />
      <Box x={640} y={145} w={95} h={50} tone="accent" lines={['새 노드', '클라우드']} />
      <Label x={630} y={240} text="한가해지면 노드를 다시 지운다" />
    </Svg>
  );
}
