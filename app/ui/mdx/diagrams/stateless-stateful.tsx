import styles from '../mdx.module.css';
import { ArrowMarker, Box, Edge, Label, Svg } from './svg-parts';

const M = 'kl-arrow-sls';

/** Stateless (identical web servers) vs Stateful (MongoDB roles) applications, from 001 §StatefulSet. */
export function StatelessStatefulDiagram() {
  return (
    <Svg
      width={720}
      height={350}
      title="Stateless 애플리케이션과 Stateful 애플리케이션 비교"
      desc="왼쪽: 사용자 트래픽이 똑같은 역할을 하는 웹 서버 App 세 개로 분산되고, 로그가 필요하면 세 App이 하나의 볼륨을 함께 쓴다. 오른쪽: MongoDB처럼 App1은 읽기/쓰기를 하는 Primary, App2는 읽기만 하는 Secondary, App3은 두 App의 상태를 감시하는 Arbiter이다. 쓰기 시스템은 Primary에, 조회 시스템은 Secondary에 연결하고, 각 App은 자기만의 볼륨을 가진다."
    >
      <ArrowMarker id={M} />
      <rect x={10} y={10} width={340} height={330} rx={12} className={styles.dPanel} />
      <rect x={370} y={10} width={340} height={330} rx={12} className={styles.dPanel} />

      <Label x={180} y={36} text="Stateless 애플리케이션" strong />
      <Label x={180} y={54} text="웹 서버: Apache, Nginx, IIS" />
      <Box x={120} y={68} w={120} h={36} tone="muted" lines={['사용자']} />
      <Edge d="M180 104 L75 148" marker={M} />
      <Edge d="M180 104 V148" marker={M} />
      <Edge d="M180 104 L285 148" marker={M} />
      <Label x={66} y={124} text="트래픽 분산" />
      {[30, 135, 240].map((x) => (
        <Box key={x} x={x} y={150} w={90} h={50} lines={['App', '같은 역할']} />
      ))}
      <Edge d="M75 200 L140 268" marker={M} dashed muted />
      <Edge d="M180 200 V268" marker={M} dashed muted />
      <Edge d="M285 200 L220 268" marker={M} dashed muted />
      <Box x={105} y={270} w={150} h={44} tone="muted" lines={['공유 볼륨', '로그 저장 (선택)']} />
      <Label x={180} y={332} text="아무 App이나 대신할 수 있고, 이름은 중요하지 않다" />

      <Label x={540} y={36} text="Stateful 애플리케이션" strong />
      <Label x={540} y={54} text="데이터베이스: MongoDB, MariaDB, Redis" />
      <Box x={385} y={68} w={150} h={36} tone="muted" lines={['쓰기 시스템 (CRUD)']} />
      <Box x={550} y={68} w={145} h={36} tone="muted" lines={['조회 시스템']} />
      <Edge d="M460 104 L437 148" marker={M} />
      <Edge d="M622 104 L552 148" marker={M} />
      <Box x={385} y={150} w={100} h={50} tone="accent" lines={['Primary', 'App1 · 읽기/쓰기']} />
      <Box x={500} y={150} w={100} h={50} tone="accent" lines={['Secondary', 'App2 · 읽기']} />
      <Box x={615} y={150} w={85} h={50} tone="warn" lines={['Arbiter', 'App3 · 감시']} />
      <Edge d="M672 200 V226 H570 V203" marker={M} dashed />
      <Edge d="M672 200 V238 H455 V203" marker={M} dashed />
      <Label x={600} y={221} text="상태 감시" />
      {[
        { x: 390, app: 410, n: 1 },
        { x: 505, app: 525, n: 2 },
        { x: 620, app: 640, n: 3 },
      ].map((v) => (
        <g key={v.n}>
          <Edge d={`M${v.app} 200 V274`} marker={M} />
          <Box x={v.x} y={276} w={80} h={40} tone="muted" lines={[`볼륨 ${v.n}`]} />
        </g>
      ))}
      <Label x={540} y={332} text="App마다 고유한 역할 · 이름 · 볼륨이 있다" />
    </Svg>
  );
}
