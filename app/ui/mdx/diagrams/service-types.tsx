import styles from '../mdx.module.css';
import { ArrowMarker, Box, Edge, Label, Svg } from './svg-parts';

const M = 'kl-arrow-svc';

/** ClusterIP, NodePort and LoadBalancer as layers in front of the same pods (002 §Service). */
export function ServiceTypesDiagram() {
  return (
    <Svg
      width={760}
      height={290}
      title="Service 타입: ClusterIP, NodePort, LoadBalancer"
      desc="클러스터 안의 curlpod는 nginx.default.svc.cluster.local 도메인이나 ClusterIP 10.105.103.161:80으로 Service에 접속하고, Service는 app=nginx 레이블을 가진 파드들로 트래픽을 나눈다. 클러스터 밖의 사용자는 노드의 NodePort 31045로 들어오고, NodePort는 같은 ClusterIP Service로 이어진다. 클라우드에서는 LoadBalancer 타입이 외부 로드밸런서를 만들어 NodePort 앞에 둔다. 온프레미스에서는 외부 로드밸런서가 없어 EXTERNAL-IP가 pending으로 남는다."
    >
      <ArrowMarker id={M} />
      <Label x={80} y={24} text="클러스터 밖" strong />
      <Box x={20} y={50} w={120} h={44} tone="muted" lines={['사용자', '브라우저, curl']} />
      <Box x={20} y={150} w={120} h={54} tone="muted" lines={['외부 로드밸런서', 'LoadBalancer 타입']} />
      <Label x={80} y={224} text="온프레미스: <pending>" />
      <Edge d="M80 94 V146" marker={M} dashed />
      <Label x={86} y={126} text="클라우드" anchor="start" />

      <rect x={180} y={12} width={570} height={266} rx={12} className={styles.dGroup} />
      <Label x={465} y={34} text="쿠버네티스 클러스터" strong />
      <Box x={200} y={50} w={150} h={44} tone="warn" lines={['노드 IP:31045', 'NodePort (30000–32767)']} />
      <Edge d="M140 72 H196" marker={M} />
      <Edge d="M140 177 H170 V86 H196" marker={M} dashed />
      <Box x={200} y={180} w={150} h={54} tone="muted" lines={['curlpod', '클러스터 내부 파드']} mono />

      <Box x={400} y={110} w={170} h={60} tone="accent" lines={['Service nginx', 'ClusterIP 10.105.103.161:80']} />
      <Edge d="M350 72 H385 V130 H396" marker={M} />
      <Edge d="M350 207 H385 V150 H396" marker={M} />
      <Label x={275} y={256} text="nginx.default.svc.cluster.local" mono />

      {[60, 125, 190].map((y, i) => (
        <g key={y}>
          <Box x={620} y={y} w={115} h={40} lines={[`nginx 파드 ${i + 1}`, 'app=nginx']} />
          <Edge d={`M570 140 L616 ${y + 20}`} marker={M} />
        </g>
      ))}
      <Label x={595} y={254} text="selector: app=nginx, 부하 분산" />
    </Svg>
  );
}
