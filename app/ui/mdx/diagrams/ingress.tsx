import { z } from 'zod';
import styles from '../mdx.module.css';
import { validated } from '../validated';
import { ArrowMarker, Box, Edge, Label, Svg } from './svg-parts';

const M = 'kl-arrow-ing';

interface Route {
  rule: string;
  service: string;
  sub: string;
  tone: 'plain' | 'accent';
}

const variants = {
  fanout: {
    title: 'Ingress로 경로별 Service 연결하기 (Service LoadBalancing)',
    rules: 'Ingress 규칙',
    routes: [
      { rule: 'path /', service: 'svc-shopping', sub: '쇼핑 페이지 파드', tone: 'plain' },
      { rule: 'path /customer', service: 'svc-customer', sub: '고객 센터 파드', tone: 'plain' },
      { rule: 'path /order', service: 'svc-order', sub: '주문 서비스 파드', tone: 'plain' },
    ],
  },
  canary: {
    title: 'Ingress로 카나리 업그레이드하기',
    rules: 'host www.app.com',
    routes: [
      { rule: '나머지 90%', service: 'svc-v1', sub: '운영 중인 V1 파드', tone: 'plain' },
      { rule: 'canary-weight: 10%', service: 'svc-v2', sub: '테스트할 V2 파드', tone: 'accent' },
      { rule: 'Accept-Language: kr', service: 'svc-v2', sub: '헤더가 맞으면 100%', tone: 'accent' },
    ],
  },
} satisfies Record<string, { title: string; rules: string; routes: Route[] }>;

const propsSchema = z.strictObject({ variant: z.enum(['fanout', 'canary']).default('fanout') });

/** User → NodePort → ingress-nginx controller pod → rules → Services (001 §Ingress-Nginx, 002 §Ingress). */
export const IngressDiagram = validated('IngressDiagram', propsSchema, ({ variant }) => {
  const v = variants[variant];
  const desc =
    '사용자의 요청은 마스터 노드 192.168.0.30의 NodePort 30431을 거쳐 ingress-nginx 네임스페이스의 nginx 컨트롤러 파드로 들어간다. 컨트롤러는 Ingress 규칙에 따라 요청을 전달한다: ' +
    v.routes.map((r) => `${r.rule} → ${r.service} (${r.sub})`).join(', ') +
    '.';
  return (
    <Svg width={760} height={270} title={v.title} desc={desc}>
      <ArrowMarker id={M} />
      <Box x={10} y={100} w={100} h={50} tone="muted" lines={['사용자', '브라우저']} />
      <Edge d="M110 125 H146" marker={M} />
      <Box x={150} y={100} w={140} h={50} tone="warn" lines={['NodePort Service', '192.168.0.30:30431']} />
      <Edge d="M290 125 H326" marker={M} />
      <rect x={316} y={60} width={160} height={140} rx={12} className={styles.dGroup} />
      <Label x={396} y={80} text="ingress-nginx 네임스페이스" />
      <Box x={330} y={100} w={132} h={50} tone="accent" lines={['nginx 파드', 'Ingress Controller']} />
      <Label x={396} y={226} text={v.rules} strong />
      <Label x={396} y={244} text="컨트롤러가 Ingress를 읽어 적용" />
      {v.routes.map((r, i) => {
        const y = 20 + i * 82;
        return (
          <g key={i}>
            <Edge d={`M462 125 C520 125 520 ${y + 25} 576 ${y + 25}`} marker={M} dashed={r.tone === 'accent'} />
            <Label x={596} y={y + 64} text={r.rule} anchor="start" mono />
            <Box x={580} y={y} w={170} h={50} tone={r.tone} lines={[r.service, r.sub]} mono />
          </g>
        );
      })}
    </Svg>
  );
});
