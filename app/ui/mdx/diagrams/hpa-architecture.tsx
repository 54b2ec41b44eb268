import styles from '../mdx.module.css';
import { ArrowMarker, Box, Edge, Label, Svg } from './svg-parts';

const M = 'kl-arrow-hpa';

/** Where HPA gets its numbers: kubelet/cAdvisor → metrics-server → kube-apiserver → HPA (001 §HPA Architecture). */
export function HpaArchitectureDiagram() {
  return (
    <Svg
      width={760}
      height={330}
      title="HPA 아키텍처: 메트릭이 흐르는 길"
      desc="워커 노드의 kubelet은 컨테이너 런타임에 컨테이너 생성을 맡기고, kubelet에 내장된 cAdvisor가 컨테이너의 CPU와 메모리 사용량을 잰다. 애드온인 metrics-server가 각 노드의 kubelet에서 이 값을 모아 kube-apiserver에 Resource Metrics API로 등록한다. 컨트롤러 매니저 안의 HPA는 15초마다 kube-apiserver에서 메트릭을 읽고, 사용률이 목표를 넘으면 Deployment나 ReplicaSet의 replicas를 바꾼다. kubectl top도 같은 API를 읽는다."
    >
      <ArrowMarker id={M} />
      <rect x={10} y={10} width={360} height={310} rx={12} className={styles.dPanel} />
      <Label x={190} y={34} text="마스터 노드 (Control Plane)" strong />
      <rect x={26} y={48} width={328} height={92} rx={10} className={styles.dGroup} />
      <Label x={40} y={66} text="kube-controller-manager" anchor="start" />
      <Box x={40} y={80} w={135} h={44} lines={['ReplicaSet', '컨트롤러']} />
      <Box x={205} y={80} w={135} h={44} tone="accent" lines={['HPA', '15초마다 확인']} />
      <Box x={26} y={180} w={328} h={44} tone="warn" lines={['kube-apiserver', '모든 통신의 길목 · metrics.k8s.io']} />
      <Edge d="M272 124 V176" marker={M} />
      <Label x={280} y={156} text="① 메트릭 조회" anchor="start" />
      <Edge d="M107 176 V128" marker={M} />
      <Label x={115} y={156} text="④ replicas 변경" anchor="start" />
      <Box x={26} y={260} w={328} h={44} tone="accent" lines={['metrics-server (애드온)', 'CPU·메모리를 모아 API에 등록']} />
      <Edge d="M190 260 V228" marker={M} />
      <Label x={198} y={248} text="③ 등록" anchor="start" />

      <rect x={400} y={10} width={350} height={310} rx={12} className={styles.dPanel} />
      <Label x={575} y={34} text="워커 노드" strong />
      <Box x={420} y={56} w={150} h={48} lines={['kubelet', '노드의 에이전트']} />
      <Box x={595} y={56} w={140} h={48} tone="muted" lines={['cAdvisor', '사용량 측정']} />
      <Edge d="M595 80 H574" marker={M} />
      <Box x={420} y={150} w={315} h={44} lines={['컨테이너 런타임', 'containerd, CRI-O']} />
      <Edge d="M495 104 V146" marker={M} />
      {[0, 1, 2].map((i) => (
        <Box key={i} x={430 + i * 102} y={240} w={90} h={44} tone="muted" lines={['Pod', '컨테이너']} />
      ))}
      <Edge d="M577 194 V236" marker={M} />
      <Edge d="M354 282 H386 V92 H416" marker={M} dashed />
      <Label x={392} y={306} text="② 노드별 수집" anchor="start" />
    </Svg>
  );
}
