// Checks through an ingress-nginx controller, as a learner's `curl -H "Host: ..." localhost/path`
// on the master node sees it: httpViaIngress, ingressTrafficShare (canary-weight) and
// ingressHasAddress. Requests run on the clone of the lab (Probe). Failure messages follow the
// cause chain (controller → Service exposing it → Ingress class → host → path → backend Service →
// endpoints → response), never the fix. Routing rules are lib/cluster's (network/ingress/router.ts).
import type { Pod, Service } from 'kubernetes-types/core/v1';
import {
  connect,
  containerFileLookup,
  ingressAnnotation,
  ingressHandledBy,
  ingressRoute,
  isCanaryIngress,
  isControllerPod,
  runningControllers,
  servedCertificate,
  usableTlsSecret,
  serveHttp,
  serveIngress,
  type Cluster,
  type ControllerConfig,
  type FileLookup,
  type HttpRequest,
  type HttpResponse,
  type IngressLocation,
  type KubeObject,
  type NetView,
} from '@/lib/cluster';
import type { HttpViaIngressCheck, IngressHasAddressCheck, IngressTrafficShareCheck } from './checks';
import type { ClusterView } from './cluster-view';
import type { CheckResult } from './evaluate';
import { subject } from './kinds';
import { podDisplayStatus } from './pod-status';
import type { Probe } from './traffic';
import { selectionProblem } from './traffic';

const ok = (message: string): CheckResult => ({ passed: true, message });
const fail = (message: string): CheckResult => ({ passed: false, message });
const chain = (...steps: (string | undefined)[]) => steps.filter(Boolean).join(' → ');
const excerpt = (body: string) => {
  const one = body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 60)}…` : one || '(빈 본문)';
};

interface Entry { cfg: ControllerConfig; pod: Pod; shown: string }

/** The controller pod a request from the master reaches, through its LoadBalancer/NodePort Service; or why none. */
function controllerEntry(lab: Cluster, port: 80 | 443): Entry | string {
  const pods = lab.list<Pod>('Pod').filter(isControllerPod);
  if (pods.length === 0) return chain('Ingress Controller(ingress-nginx)가 설치되어 있지 않습니다', 'Ingress 규칙을 실행할 구현체가 없음');
  const running = runningControllers(lab);
  if (running.length === 0) {
    const shown = pods.slice(0, 2).map((p) => `${p.metadata?.name} ${podDisplayStatus(p)}`).join(', ');
    return `ingress-nginx 컨트롤러 파드가 아직 실행 중이 아닙니다 (${shown})`;
  }
  for (const svc of lab.list<Service>('Service')) {
    const type = svc.spec?.type;
    if ((type !== 'NodePort' && type !== 'LoadBalancer') || !svc.spec?.clusterIP) continue;
    const sp = svc.spec.ports?.find((p) => p.port === port);
    if (!sp) continue;
    const conn = connect(lab, svc.spec.clusterIP, port);
    if (!conn.ok || !isControllerPod(conn.pod)) continue;
    const cfg = running.find((c) => c.pod.metadata?.uid === conn.pod.metadata?.uid) ?? running[0];
    const lb = (svc.status?.loadBalancer?.ingress ?? []).some((i) => i.hostname === 'localhost');
    return { cfg, pod: conn.pod, shown: lb ? 'localhost' : `192.168.0.30:${sp.nodePort}` };
  }
  return chain(`ingress-nginx 컨트롤러를 ${port} 포트로 노출하는 NodePort/LoadBalancer Service가 없습니다`, '클러스터 밖의 요청이 컨트롤러에 닿지 않음');
}

const describeRequest = (host: string, path: string, scheme: string) => `${scheme}://${host}${path}`;

function classOf(ing: KubeObject): string {
  const annotated = ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (annotated !== undefined) return `kubernetes.io/ingress.class: ${annotated}`;
  return `ingressClassName: ${(ing.spec?.ingressClassName as string | undefined) ?? '없음'}`;
}

/** Why no rule of the controller matches host + path (the controller then answers 404). */
function noRouteProblem(lab: Cluster, cfg: ControllerConfig, host: string, path: string): string {
  const all = lab.list<KubeObject>('Ingress').filter((i) => !i.metadata?.deletionTimestamp);
  const notFound = '컨트롤러가 404 Not Found로 응답';
  if (all.length === 0) return chain('Ingress가 하나도 없습니다', notFound);
  const other = ingressRoute(all, host, path).route?.location.ingress;
  if (other && !ingressHandledBy(lab, cfg, other)) {
    return chain(`컨트롤러(IngressClass ${cfg.ingressClass})가 ${other.metadata?.name ?? '?'} Ingress를 맡지 않습니다 (${classOf(other)})`,
      '규칙이 적용되지 않음', notFound);
  }
  const handled = all.filter((i) => ingressHandledBy(lab, cfg, i) && !isCanaryIngress(i));
  const rules = handled.flatMap((i) => ((i.spec?.rules ?? []) as { host?: string; http?: { paths?: { path?: string; pathType?: string }[] } }[])
    .map((r) => ({ ing: i, host: r.host ?? '', paths: r.http?.paths ?? [] })));
  const sameHost = rules.filter((r) => r.host === host || (r.host.startsWith('*.') && host.endsWith(r.host.slice(1))));
  const catchAll = rules.filter((r) => r.host === '');
  const candidates = sameHost.length ? sameHost : catchAll;
  if (candidates.length === 0) {
    const hosts = [...new Set(rules.map((r) => r.host || '(모든 호스트)'))].join(', ') || '없음';
    return chain(`호스트 ${host}에 맞는 Ingress 규칙이 없습니다 (규칙의 호스트: ${hosts})`, notFound);
  }
  const paths = candidates.flatMap((r) => r.paths.map((p) => `${p.path ?? '/'} (${p.pathType ?? 'ImplementationSpecific'})`));
  return chain(`호스트 ${host}의 규칙 중 경로 ${path}에 맞는 것이 없습니다 (경로: ${[...new Set(paths)].join(', ') || '없음'})`, notFound);
}

/** Why the backend of a location cannot answer (503/502), as a chain; undefined when it can. */
function backendProblem(lab: Cluster, loc: IngressLocation): string | undefined {
  const ref = loc.backend?.service;
  const ingName = loc.ingress.metadata?.name ?? '?';
  const ns = loc.ingress.metadata?.namespace ?? 'default';
  if (!ref) return `${subject('Ingress', ingName)} 경로 ${loc.path}의 백엔드 Service를 정하지 않았습니다`;
  const svc = lab.get<Service>('Service', ns, ref.name);
  if (!svc) return `${subject('Ingress', ingName)} 가리키는 ${ref.name} Service가 ${ns} 네임스페이스에 없습니다`;
  const ports = svc.spec?.ports ?? [];
  const sp = ref.port?.number !== undefined ? ports.find((p) => p.port === ref.port!.number) : ports.find((p) => p.name === ref.port?.name);
  if (!sp) {
    const want = ref.port?.number ?? ref.port?.name ?? '?';
    return `${subject('Service', ref.name)} ${want} 포트를 열지 않습니다 (포트: ${ports.map((p) => p.port).join(', ') || '없음'})`;
  }
  if (!svc.spec?.clusterIP || svc.spec.clusterIP === 'None') return `${subject('Service', ref.name)} headless라 컨트롤러가 가상 IP로 보낼 수 없습니다`;
  const selection = selectionProblem(lab, svc);
  if (selection) return selection;
  const conn = connect(lab, svc.spec.clusterIP, sp.port);
  if (!conn.ok) return `${ref.name} Service로 연결되지 않습니다`;
  return undefined;
}

const describeLocation = (loc: IngressLocation) => {
  const ref = loc.backend?.service;
  const port = ref?.port?.number ?? ref?.port?.name ?? '?';
  return `${loc.ingress.metadata?.name} Ingress의 ${loc.host || '(모든 호스트)'}${loc.path} 규칙 → ${ref?.name ?? '?'}:${port}`;
};

interface Sent { response: HttpResponse; entry: Entry; host: string }

/** One request through the controller, as `curl [-k] -H "Host: host" <entry>path` would send it. */
function send(lab: Cluster, c: HttpViaIngressCheck | IngressTrafficShareCheck,
  entry: Entry | string = controllerEntry(lab, c.scheme === 'https' ? 443 : 80), lookups = new Map<string, FileLookup>()): Sent | string {
  if (typeof entry === 'string') return entry;
  const host = (c.host ?? 'localhost').toLowerCase();
  const headers: Record<string, string> = { host, 'user-agent': 'curl/8.5.0', accept: '*/*' };
  for (const [k, v] of Object.entries(c.headers ?? {})) headers[k.toLowerCase()] = v;
  const files = (p: Pod, i: number) => {
    const key = `${p.metadata?.uid}/${i}`;
    if (!lookups.has(key)) lookups.set(key, containerFileLookup(lab, p, i));
    return lookups.get(key)!;
  };
  const serve = (p: Pod, i: number, port: number, r: HttpRequest) => serveHttp(p, i, port, r, lab.now(), files(p, i));
  const response = serveIngress(lab, entry.pod, { method: 'GET', path: c.path, headers, scheme: c.scheme }, serve);
  return { response, entry, host };
}

/** The cause chain behind an unexpected response: no route (404), backend (503/502), or which rule answered. */
function explain(lab: Cluster, sent: Sent, path: string, headers: Record<string, string>): string | undefined {
  const pathname = path.split('?')[0];
  const r = ingressRoute(lab.list<KubeObject>('Ingress').filter((i) => ingressHandledBy(lab, sent.entry.cfg, i) && !i.metadata?.deletionTimestamp), sent.host, pathname).route;
  if (!r) return noRouteProblem(lab, sent.entry.cfg, sent.host, pathname);
  const status = sent.response.status;
  if (status === 308) return `${sent.host}에 tls가 설정되어 있어 http 요청이 https로 리다이렉트됨 (308)`;
  const canary = r.canaries[0];
  const byHeader = canary && ingressAnnotation(canary.ingress, 'canary-by-header');
  const headerHit = byHeader !== undefined && headers[byHeader.toLowerCase()] !== undefined;
  const target = canary && headerHit ? canary : r.location;
  const problem = backendProblem(lab, target);
  const shownStatus = `${status} ${sent.response.reason}`;
  if (problem) return chain(describeLocation(target), problem, `컨트롤러가 ${shownStatus}로 응답`);
  const canaryNote = canary ? ` (카나리: ${describeLocation(canary)})` : '';
  const backendAnswer = status >= 400 ? ` → 백엔드가 ${shownStatus}로 응답` : '';
  return `${describeLocation(r.location)}${canaryNote}${backendAnswer}`;
}

/** Why the controller does not present the Secret's certificate for the host; undefined when it does. */
function certificateProblem(lab: Cluster, sent: Sent, secretName: string): string | undefined {
  const cert = servedCertificate(lab, sent.entry.pod, sent.host);
  const fake = '컨트롤러가 자체 가짜 인증서(Kubernetes Ingress Controller Fake Certificate)를 보냄';
  if (cert.source === 'secret' && cert.secret?.endsWith(`/${secretName}`)) return undefined;
  if (cert.source === 'secret') return `${sent.host}에는 ${cert.secret} Secret의 인증서가 쓰입니다`;
  const handled = lab.list<KubeObject>('Ingress').filter((i) => !i.metadata?.deletionTimestamp && ingressHandledBy(lab, sent.entry.cfg, i));
  const tls = handled.flatMap((i) => ((i.spec?.tls ?? []) as { hosts?: string[]; secretName?: string }[]).map((t) => ({ ing: i, ...t })));
  const forHost = tls.find((t) => (t.hosts ?? []).includes(sent.host));
  if (!forHost) {
    const named = tls.find((t) => t.secretName === secretName);
    if (named) return chain(`${named.ing.metadata?.name ?? '?'} Ingress의 tls.hosts에 ${sent.host} 호스트가 없습니다 (hosts: ${(named.hosts ?? []).join(', ') || '없음'})`, fake);
    return chain(`tls에 ${sent.host} 호스트를 적은 Ingress가 없습니다`, fake);
  }
  const ns = forHost.ing.metadata?.namespace ?? 'default';
  const ingName = forHost.ing.metadata?.name ?? '?';
  if (forHost.secretName !== secretName) return chain(`${subject('Ingress', ingName)} tls.secretName으로 ${forHost.secretName ?? '(없음)'}을(를) 씁니다`, fake);
  const secret = lab.get<KubeObject>('Secret', ns, secretName);
  if (!secret) return chain(`${ns} 네임스페이스에 ${subject('Secret', secretName)} 없습니다`, fake);
  if (secret.type !== 'kubernetes.io/tls') return chain(`${secretName} Secret의 타입이 kubernetes.io/tls가 아닙니다 (현재: ${secret.type ?? 'Opaque'})`, fake);
  if (!usableTlsSecret(secret)) return chain(`${secretName} Secret의 tls.crt/tls.key가 PEM 인증서와 키가 아닙니다`, fake);
  return fake;
}

function probeLab(probe: Probe): Cluster | CheckResult {
  return probe.cluster() ?? fail('이 조건은 실습 클러스터의 복제본에서만 채점할 수 있습니다');
}

export function httpViaIngress(c: HttpViaIngressCheck, _view: ClusterView, probe: Probe): CheckResult {
  const lab = probeLab(probe);
  if ('passed' in lab) return lab;
  const hostShown = c.host ?? 'localhost';
  const what = describeRequest(hostShown, c.path, c.scheme);
  const sent = send(lab, c);
  if (typeof sent === 'string') return fail(`${what} 요청이 실패합니다: ${sent}`);
  const res = sent.response;
  const want = c.status ?? 200;
  const headers = Object.fromEntries(Object.entries(c.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const headerNote = Object.keys(c.headers ?? {}).length ? ` (${Object.entries(c.headers!).map(([k, v]) => `${k}: ${v}`).join(', ')})` : '';
  if (res.status !== want) {
    return fail(`${what}${headerNote} 요청의 응답 코드가 ${res.status} ${res.reason}입니다 (기대: ${want}): ${explain(lab, sent, c.path, headers)}`);
  }
  if (c.bodyIncludes && !res.body.includes(c.bodyIncludes)) {
    return fail(`${what}${headerNote} 응답에 기대한 내용이 없습니다 (기대: "${c.bodyIncludes}", 응답: ${excerpt(res.body)}): ${explain(lab, sent, c.path, headers)}`);
  }
  if (c.bodyExcludes && res.body.includes(c.bodyExcludes)) {
    return fail(`${what}${headerNote} 응답에 있으면 안 되는 내용이 있습니다 ("${c.bodyExcludes}", 응답: ${excerpt(res.body)}): ${explain(lab, sent, c.path, headers)}`);
  }
  if (c.tlsSecret) {
    const problem = certificateProblem(lab, sent, c.tlsSecret);
    if (problem) return fail(`${what} 요청에 ${c.tlsSecret} Secret의 인증서가 쓰이지 않습니다: ${problem}`);
  }
  const cert = c.tlsSecret ? ` (${c.tlsSecret} Secret의 인증서)` : '';
  const via = sent.entry.shown === 'localhost' ? '' : `${sent.entry.shown}로 보낸 `;
  return ok(`${via}${what}${headerNote} 요청이 ${res.status} 응답을 받습니다${c.bodyIncludes ? ` ("${c.bodyIncludes}" 포함)` : ''}${cert}`);
}

/** `canary-by-header: Accept-Language, canary-by-header-value: kr, canary-weight: 10` (weight always shown). */
function canarySettings(ing: KubeObject): string {
  const keys = ['canary-by-header', 'canary-by-header-value', 'canary-by-header-pattern', 'canary-by-cookie'];
  const set = keys.map((k) => [k, ingressAnnotation(ing, k)] as const).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  return [...set, `canary-weight: ${ingressAnnotation(ing, 'canary-weight') ?? '없음'}`].join(', ');
}

export function ingressTrafficShare(c: IngressTrafficShareCheck, _view: ClusterView, probe: Probe): CheckResult {
  const lab = probeLab(probe);
  if ('passed' in lab) return lab;
  const what = describeRequest(c.host ?? 'localhost', c.path, c.scheme);
  let hits = 0;
  let errors = 0;
  let last: Sent | undefined;
  const entry = controllerEntry(lab, c.scheme === 'https' ? 443 : 80);
  const lookups = new Map<string, FileLookup>(); // one view of each backend's files for all the requests
  for (let i = 0; i < c.requests; i++) {
    const sent = send(lab, c, entry, lookups);
    if (typeof sent === 'string') return fail(`${what} 요청이 실패합니다: ${sent}`);
    last = sent;
    if (sent.response.status >= 400) errors++;
    else if (sent.response.body.includes(c.bodyIncludes)) hits++;
  }
  const pct = Math.round((hits / c.requests) * 1000) / 10;
  const range = c.minPercent === c.maxPercent ? `${c.minPercent}%` : `${c.minPercent}~${c.maxPercent}%`;
  if (pct >= c.minPercent && pct <= c.maxPercent) {
    return ok(`${what} 요청 ${c.requests}개 중 ${pct}%가 "${c.bodyIncludes}" 응답입니다 (기대: ${range})`);
  }
  const errorNote = errors ? `, 오류 응답 ${errors}개` : '';
  const headers = Object.fromEntries(Object.entries(c.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const why = last ? explain(lab, last, c.path, headers) : undefined;
  const route = ingressRoute(lab.list<KubeObject>('Ingress').filter((i) => last && ingressHandledBy(lab, last.entry.cfg, i)), last?.host ?? '', c.path.split('?')[0]).route;
  const canary = route?.canaries[0];
  const canaryNote = !route ? '' : !canary ? ' → 이 호스트와 경로에 카나리 Ingress가 없음'
    : ` → 카나리 ${canary.ingress.metadata?.name} Ingress의 ${canarySettings(canary.ingress)}`;
  return fail(`${what} 요청 ${c.requests}개 중 "${c.bodyIncludes}" 응답이 ${pct}%입니다 (기대: ${range}${errorNote})${why ? `: ${why}` : ''}${canaryNote}`);
}

export function ingressHasAddress(c: IngressHasAddressCheck, view: ClusterView): CheckResult {
  const ns = c.namespace ?? 'default';
  const ing = view.get<KubeObject>('Ingress', ns, c.name);
  if (!ing) return fail(`${ns} 네임스페이스에 ${subject('Ingress', c.name)} 없습니다`);
  const addrs = ((ing.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]).map((a) => a.ip ?? a.hostname).filter(Boolean);
  if (addrs.length) return ok(`${subject('Ingress', c.name)} 주소 ${addrs.join(', ')}를 받았습니다 (ADDRESS)`);
  const noAddress = 'ADDRESS가 비어 있음';
  const controllers = view.list<Pod>('Pod').filter(isControllerPod);
  if (controllers.length === 0) return fail(chain('Ingress Controller(ingress-nginx)가 설치되어 있지 않습니다', '규칙을 맡을 컨트롤러가 없음', noAddress));
  const net: NetView = { seed: '', now: () => 0, get: (k, n, name) => view.get(k, n, name), list: (k, n) => view.list(k, n) };
  const running = runningControllers(net);
  if (running.length === 0) return fail(chain('ingress-nginx 컨트롤러 파드가 아직 실행 중이 아닙니다', noAddress));
  if (!running.some((cfg) => ingressHandledBy(net, cfg, ing))) {
    return fail(chain(`컨트롤러(IngressClass ${running[0].ingressClass})가 ${c.name} Ingress를 맡지 않습니다 (${classOf(ing)})`, noAddress));
  }
  return fail(chain(`컨트롤러가 아직 ${c.name} Ingress의 상태를 갱신하지 않았습니다`, noAddress));
}
