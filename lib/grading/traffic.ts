// Checks that look at the network the way a learner's `curl`/`nslookup` in a pod would:
// selectorMatches (read-only), dnsResolves and httpFromPod (on a clone of the lab, since routing
// a request counts it for metrics and due controller work runs first). Failure messages follow
// the cause chain (selector → endpoints → DNS name → connection → response), never the fix.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import {
  connect,
  containerFileLookup,
  isControllerPod,
  plainHttpOnTlsPort,
  resolveHost,
  serveHttp,
  serveIngress,
  type Cluster,
  type HttpRequest,
  type HttpResponse,
  type KubeObject,
} from '@/lib/cluster';
import type { DnsResolvesCheck, HttpFromPodCheck, SelectorMatchesCheck } from './checks';
import { cloneOf, type ClusterView } from './cluster-view';
import type { CheckResult } from './evaluate';
import { describeObject, subject } from './kinds';
import { isPodServing, isTerminating, podDisplayStatus } from './pod-status';
import { matchesSelector, parseSelector } from './selector';

const ok = (message: string): CheckResult => ({ passed: true, message });
const fail = (message: string): CheckResult => ({ passed: false, message });
const chain = (...steps: (string | undefined)[]) => steps.filter(Boolean).join(' → ');

/** A lazily made clone of the lab for checks that send traffic; one per grading run. */
export class Probe {
  private clone: Cluster | null | undefined;
  constructor(private view: ClusterView) {}

  /** The clone (due work run up to now), or null when the view cannot be snapshotted (test fakes). */
  cluster(): Cluster | null {
    if (this.clone === undefined) {
      this.clone = cloneOf(this.view);
      this.clone?.advanceTo(this.clone.now());
    }
    return this.clone;
  }
}

/** Labels a controller adds to every pod; not what a learner's selector is about. */
const generatedLabel = /^(pod-template-hash|controller-revision-hash|pod-template-generation|statefulset\.kubernetes\.io\/pod-name|apps\.kubernetes\.io\/pod-index|batch\.kubernetes\.io\/|controller-uid|job-name)/;

function formatLabels(labels: Record<string, string> | undefined, keys?: readonly string[]): string {
  const entries = Object.entries(labels ?? {}).filter(([k]) => !generatedLabel.test(k));
  const relevant = keys ? entries.filter(([k]) => keys.includes(k)) : [];
  const shown = relevant.length ? relevant : entries;
  return shown.length ? shown.map(([k, v]) => `${k}=${v}`).join(',') : '(없음)';
}

const selectorOf = (svc: Service) => svc.spec?.selector ?? {};
const formatMap = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(',');

function templateLabels(view: ClusterView, kind: string, ns: string, name: string): Record<string, string> | undefined | null {
  const obj = view.get<KubeObject>(kind, ns, name);
  if (!obj) return null;
  if (kind === 'Pod') return obj.metadata?.labels ?? {};
  return (obj.spec?.template?.metadata?.labels as Record<string, string> | undefined) ?? {};
}

/**
 * Why a Service has no ready endpoints, as a cause chain ending in "엔드포인트 없음"; undefined
 * when it has some. `intended` are the pods the learner meant it to select, for the label contrast.
 */
export function selectionProblem(view: ClusterView, svc: Service, intended: readonly Pod[] = []): string | undefined {
  const name = svc.metadata?.name ?? '?';
  const ns = svc.metadata?.namespace ?? 'default';
  const sel = selectorOf(svc);
  if (Object.keys(sel).length === 0) return chain(`${subject('Service', name)} selector가 없어 파드를 고르지 않습니다`, '엔드포인트 없음');
  const reqs = parseSelector(sel);
  const pods = view.list<Pod>('Pod', ns).filter((p) => !isTerminating(p) && matchesSelector(reqs, p.metadata?.labels));
  if (pods.length === 0) {
    const target = intended.find((p) => !isTerminating(p)) ?? intended[0];
    const contrast = target ? ` vs 파드 레이블 ${formatLabels(target.metadata?.labels, Object.keys(sel))}` : ` (이 레이블을 가진 파드 없음)`;
    return chain(`${subject('Service', name)} 파드를 선택하지 못합니다: selector ${formatMap(sel)}${contrast}`, '엔드포인트 없음');
  }
  if (!pods.some(isPodServing) && !svc.spec?.publishNotReadyAddresses) {
    const shown = pods.slice(0, 3).map((p) => `${p.metadata?.name} ${podDisplayStatus(p)}`).join(', ');
    return chain(`${subject('Service', name)} 선택한 파드 중 Ready인 파드가 없습니다 (${shown})`, '엔드포인트 없음');
  }
  return undefined;
}

export function selectorMatches(c: SelectorMatchesCheck, view: ClusterView): CheckResult {
  const ns = c.namespace ?? 'default';
  const svc = view.get<Service>('Service', ns, c.service);
  if (!svc) return fail(`${ns} 네임스페이스에 ${subject('Service', c.service)} 없습니다`);
  const labels = templateLabels(view, c.workload.kind, ns, c.workload.name);
  const workload = describeObject(c.workload.kind, c.workload.name);
  if (labels === null) return fail(`${ns} 네임스페이스에 ${subject(c.workload.kind, c.workload.name)} 없습니다`);
  const sel = selectorOf(svc);
  if (Object.keys(sel).length === 0) return fail(chain(`${subject('Service', c.service)} selector가 없어 파드를 고르지 않습니다`, '엔드포인트 없음'));
  const reqs = parseSelector(sel);
  if (!matchesSelector(reqs, labels)) {
    return fail(chain(
      `${subject('Service', c.service)} ${workload}의 파드를 선택하지 못합니다: selector ${formatMap(sel)} vs 파드 레이블 ${formatLabels(labels, Object.keys(sel))}`,
      '엔드포인트 없음'));
  }
  return ok(`${subject('Service', c.service)} selector ${formatMap(sel)}로 ${workload}의 파드를 선택합니다`);
}

interface DnsTarget { host?: string; service: string; namespace: string; explicitNs: boolean }

/** Which Service (and pod hostname) a name is meant to reach, as the resolver's search list would expand it. */
function dnsTarget(view: ClusterView, name: string, podNs: string): DnsTarget | undefined {
  let n = name.toLowerCase().replace(/\.$/, '').replace(/\.cluster\.local$/, '');
  const qualified = n.endsWith('.svc');
  if (qualified) n = n.slice(0, -'.svc'.length);
  const l = n.split('.');
  if (qualified) {
    if (l.length === 2) return { service: l[0], namespace: l[1], explicitNs: true };
    if (l.length === 3) return { host: l[0], service: l[1], namespace: l[2], explicitNs: true };
    return undefined;
  }
  if (l.length === 1) return { service: l[0], namespace: podNs, explicitNs: false };
  if (l.length === 2) {
    if (view.get('Namespace', undefined, l[1])) return { service: l[0], namespace: l[1], explicitNs: true };
    return { host: l[0], service: l[1], namespace: podNs, explicitNs: false };
  }
  if (l.length === 3) return { host: l[0], service: l[1], namespace: l[2], explicitNs: true };
  return undefined;
}

/** Why `name` does not resolve from a pod in `podNs`: the first broken link of the chain. */
function dnsProblem(view: ClusterView, name: string, podNs: string): string {
  const unresolved = `${name} 이름이 해석되지 않음`;
  const t = dnsTarget(view, name, podNs);
  if (!t) return unresolved;
  if (t.explicitNs && !view.get('Namespace', undefined, t.namespace)) return chain(`${t.namespace} 네임스페이스가 없습니다`, unresolved);
  const svc = view.get<Service>('Service', t.namespace, t.service);
  if (!svc) return chain(`${t.namespace} 네임스페이스에 ${subject('Service', t.service)} 없습니다`, unresolved);
  const headless = svc.spec?.clusterIP === 'None';
  if (!t.host) {
    if (!headless) return unresolved;
    return chain(selectionProblem(view, svc), unresolved);
  }
  if (!headless) {
    return chain(`${subject('Service', t.service)} headless가 아닙니다 (clusterIP: ${svc.spec?.clusterIP ?? '없음'})`, '파드별 DNS 이름이 없음', unresolved);
  }
  const pod = view.get<Pod>('Pod', t.namespace, t.host);
  const selection = selectionProblem(view, svc, pod ? [pod] : []);
  if (selection) return chain(selection, unresolved);
  if (!pod) return chain(`${t.namespace} 네임스페이스에 ${subject('Pod', t.host)} 없습니다`, unresolved);
  if (!matchesSelector(parseSelector(selectorOf(svc)), pod.metadata?.labels)) {
    return chain(
      `${subject('Service', t.service)} ${t.host} 파드를 선택하지 않습니다: selector ${formatMap(selectorOf(svc))} vs 파드 레이블 ${formatLabels(pod.metadata?.labels, Object.keys(selectorOf(svc)))}`,
      unresolved);
  }
  if (pod.spec?.subdomain !== t.service) {
    return chain(`${t.host} 파드의 subdomain이 ${t.service}가 아닙니다 (현재: ${pod.spec?.subdomain ?? '없음'})`, '엔드포인트에 호스트 이름이 없음', unresolved);
  }
  if (pod.spec?.hostname !== t.host) return chain(`${t.host} 파드의 hostname이 ${t.host}가 아닙니다 (현재: ${pod.spec?.hostname ?? '없음'})`, unresolved);
  if (!isPodServing(pod)) return chain(`${t.host} 파드가 Ready가 아닙니다 (현재: ${podDisplayStatus(pod)})`, '엔드포인트가 준비되지 않음', unresolved);
  return unresolved;
}

/** The client pod, Running (kubectl exec needs a running container), or why not. */
function clientPod(view: ClusterView, ns: string, name: string): Pod | string {
  const pod = view.get<Pod>('Pod', ns, name);
  if (!pod) return `${ns} 네임스페이스에 ${subject('Pod', name)} 없어 요청을 보낼 수 없습니다`;
  if (pod.status?.phase !== 'Running' || isTerminating(pod)) {
    return `${subject('Pod', name)} 실행 중이 아니어서 요청을 보낼 수 없습니다 (현재: ${podDisplayStatus(pod)})`;
  }
  return pod;
}

const noClone = () => fail('이 조건은 실습 클러스터의 복제본에서만 채점할 수 있습니다');

export function dnsResolves(c: DnsResolvesCheck, view: ClusterView, probe: Probe): CheckResult {
  const ns = c.namespace ?? 'default';
  const lab = probe.cluster();
  if (!lab) return noClone();
  const pod = clientPod(lab, ns, c.fromPod);
  if (typeof pod === 'string') return fail(pod);
  const answer = resolveHost(lab, c.name, pod);
  if (answer.ok && (answer.addresses.length > 0 || answer.cname)) {
    return ok(`${c.fromPod} 파드에서 ${c.name} 이름이 ${answer.addresses.join(', ') || answer.cname}(으)로 해석됩니다`);
  }
  return fail(dnsProblem(lab, c.name, ns));
}

interface Url { scheme: string; host: string; port: number; path: string }

function parseUrl(raw: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([/?].*)?$/i.exec(raw.trim());
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const path = m[4] ?? '/';
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80, path: path.startsWith('?') ? `/${path}` : path };
}

/** The Service a VIP:port or node IP:nodePort leads to, for explaining a refused connection. */
function serviceAt(lab: Cluster, ip: string, port: number): Service | undefined {
  return lab.list<Service>('Service').find((s) =>
    s.spec?.clusterIP === ip ? s.spec.ports?.some((p) => p.port === port) : s.spec?.ports?.some((p) => p.nodePort === port));
}

function connectionProblem(lab: Cluster, ip: string, port: number, error: string, shown: string): string {
  const what = error === 'refused' ? `${shown} 연결이 거부됨` : error === 'timeout' ? `${shown} 연결 시간 초과` : `${shown}에 닿지 않음`;
  const svc = serviceAt(lab, ip, port);
  if (!svc) {
    const byIp = lab.list<Service>('Service').find((s) => s.spec?.clusterIP === ip);
    if (byIp) {
      const ports = (byIp.spec?.ports ?? []).map((p) => p.port).join(', ');
      return chain(`${subject('Service', byIp.metadata?.name ?? '?')} ${port} 포트를 열지 않습니다 (포트: ${ports})`, what);
    }
    return what;
  }
  const selection = selectionProblem(lab, svc);
  if (selection) return chain(selection, what);
  const sp = svc.spec?.ports?.find((p) => (svc.spec?.clusterIP === ip ? p.port === port : p.nodePort === port));
  const target = sp?.targetPort ?? sp?.port;
  return chain(`${subject('Service', svc.metadata?.name ?? '?')} 파드의 ${target} 포트로 보내지만 그 포트에서 듣는 컨테이너가 없습니다`, what);
}

/** DNS, kube-proxy routing and the container's HTTP server, as `curl URL` in the pod sees them. */
function request(lab: Cluster, pod: Pod | undefined, url: Url, ns: string): { response: HttpResponse } | { problem: string } {
  const answer = resolveHost(lab, url.host, pod);
  if (!answer.ok || answer.addresses.length === 0) {
    return { problem: pod ? dnsProblem(lab, url.host, ns) : `${url.host} 이름이 마스터 노드에서 해석되지 않음 (클러스터 DNS는 파드 안에서만 쓰입니다)` };
  }
  const ip = answer.addresses[0];
  const shown = `${url.host}:${url.port}`;
  if (ip === '127.0.0.1') return { problem: `${shown} 연결이 거부됨` };
  const conn = connect(lab, ip, url.port);
  if (!conn.ok) return { problem: connectionProblem(lab, ip, url.port, conn.error, shown) };
  const req: HttpRequest = { method: 'GET', path: url.path, headers: { host: url.port === 80 || url.port === 443 ? url.host : shown } };
  if (isControllerPod(conn.pod) && (conn.port === 80 || conn.port === 443)) {
    if (url.scheme === 'http' && conn.port === 443) return { response: plainHttpOnTlsPort(lab.now()) };
    const serve = (p: Pod, i: number, port: number, r: HttpRequest) => serveHttp(p, i, port, r, lab.now(), containerFileLookup(lab, p, i));
    return { response: serveIngress(lab, conn.pod, { ...req, scheme: url.scheme === 'https' ? 'https' : 'http' }, serve) };
  }
  if (url.scheme === 'https') return { problem: `${shown}의 서버가 HTTPS를 쓰지 않음` };
  const response = serveHttp(conn.pod, conn.container, conn.port, req, lab.now(), containerFileLookup(lab, conn.pod, conn.container));
  return response ? { response } : { problem: connectionProblem(lab, ip, url.port, 'refused', shown) };
}

const excerpt = (body: string) => {
  const one = body.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 60)}…` : one || '(빈 본문)';
};

export function httpFromPod(c: HttpFromPodCheck, view: ClusterView, probe: Probe): CheckResult {
  const ns = c.namespace ?? 'default';
  const url = parseUrl(c.url);
  if (!url) return fail(`URL ${c.url}을(를) 해석할 수 없습니다 (콘텐츠 오류)`);
  const lab = probe.cluster();
  if (!lab) return noClone();
  let pod: Pod | undefined;
  if (c.fromPod) {
    const p = clientPod(lab, ns, c.fromPod);
    if (typeof p === 'string') return fail(p);
    pod = p;
  }
  const from = c.fromPod ? `${c.fromPod} 파드에서` : '마스터 노드에서';
  const r = request(lab, pod, url, ns);
  if ('problem' in r) return fail(`${from} ${c.url} 요청이 실패합니다: ${r.problem}`);
  const want = c.status ?? 200;
  if (r.response.status !== want) {
    return fail(`${from} ${c.url} 요청의 응답 코드가 ${r.response.status} ${r.response.reason}입니다 (기대: ${want})`);
  }
  if (c.bodyIncludes && !r.response.body.includes(c.bodyIncludes)) {
    return fail(`${from} ${c.url} 응답에 기대한 내용이 없습니다 (기대: "${c.bodyIncludes}", 응답: ${excerpt(r.response.body)})`);
  }
  return ok(`${from} ${c.url} 요청이 ${r.response.status} 응답을 받습니다${c.bodyIncludes ? ` ("${c.bodyIncludes}" 포함)` : ''}`);
}
