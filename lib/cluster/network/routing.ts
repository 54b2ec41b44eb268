import type { Pod } from '../k8s';
import { IMAGE_PORTS, imageFamily } from '../runtime/http-apps';
import type { KubeObject, StoredObject } from '../types';
import { isAnnouncedLoadBalancerIp } from '../controllers/lb-metallb';
import type { NetView } from './dns';
import { isNodeAddress } from './dns';
import { SERVICE_NAME_LABEL } from './endpoints-controller';
import { recordRequest } from '../metrics/load';
import { commitRequest, netStateOf, reserveCounters } from './net-state';
import { netList } from './view-cache';

export type ConnectResult =
  | { ok: true; pod: Pod; container: number; port: number; service?: string }
  | { ok: false; error: 'refused' | 'timeout' | 'unreachable'; ms: number };

interface SvcPort { name?: string; port: number; protocol?: string; nodePort?: number }

/** service.spec.sessionAffinityConfig.clientIP.timeoutSeconds default (3 hours). */
const AFFINITY_TIMEOUT_S = 10_800;

/** FNV-1a, for a choice that depends only on the seed and the request count. */
const hash = (s: string): number => hashFrom(0x811c9dc5, s);

/** FNV-1a continued from state `h` (hashFrom(hashFrom(init, a), b) === hash(a + b)). */
function hashFrom(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const isRunning = (p: Pod) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp;

/** Running pod-network pods by IP, per cached pod list (one store revision). */
const byIp = new WeakMap<object, Map<string, Pod>>();
function podAt(view: NetView, ip: string): Pod | undefined {
  const pods = netList<Pod>(view, 'Pod');
  let index = byIp.get(pods);
  if (!index) {
    index = new Map();
    for (const p of pods) if (isRunning(p) && !p.spec?.hostNetwork && p.status?.podIP && !index.has(p.status.podIP)) index.set(p.status.podIP, p);
    byIp.set(pods, index);
  }
  return index.get(ip);
}

const families = new Map<string, ReturnType<typeof imageFamily>>();
/** imageFamily, memoised (image references repeat on every request). */
function familyOf(image: string): ReturnType<typeof imageFamily> {
  if (!families.has(image)) { if (families.size > 512) families.clear(); families.set(image, imageFamily(image)); }
  return families.get(image);
}

/** Services by ClusterIP, per cached Service list (one store revision). */
const byClusterIp = new WeakMap<object, Map<string, KubeObject>>();
function serviceAt(services: KubeObject[], ip: string): KubeObject | undefined {
  let index = byClusterIp.get(services);
  if (!index) {
    index = new Map();
    for (const s of services) if (s.spec?.clusterIP && s.spec.clusterIP !== 'None' && !index.has(s.spec.clusterIP)) index.set(s.spec.clusterIP, s);
    byClusterIp.set(services, index);
  }
  return index.get(ip);
}

/** A TCP connection straight to a pod IP: the container listening on the port, or RST. */
function toPodIP(view: NetView, ip: string, port: number): ConnectResult {
  const pod = podAt(view, ip);
  if (!pod) return { ok: false, error: 'unreachable', ms: 3000 + (hash(`${view.seed}${ip}`) % 120) };
  const statuses = pod.status?.containerStatuses ?? [];
  const c = (pod.spec?.containers ?? []).findIndex((ct, i) => {
    const fam = ct.image ? familyOf(ct.image) : undefined;
    return !!fam && IMAGE_PORTS[fam].includes(port) && !!statuses[i]?.state?.running;
  });
  return c < 0 ? { ok: false, error: 'refused', ms: 0 } : { ok: true, pod, container: c, port };
}

/**
 * kube-proxy's iptables rules (pkg/proxy/iptables/proxier.go): a Service VIP:port or a
 * node's IP:nodePort DNATs to one ready endpoint chosen at random (the `statistic --mode
 * random` chain; here a hash of the lab seed and a request counter); a Service with no
 * ready endpoints REJECTs (connection refused); a VIP port the Service lacks is dropped.
 * `client` is the source IP, for sessionAffinity: ClientIP; `taken` a kube-proxy counter value the
 * caller reserved, with the counters still to commit (reserveCounters).
 */
export function connect(view: NetView, ip: string, port: number, client?: string,
  taken?: { counter: number; pending: readonly string[] }): ConnectResult {
  let pending = taken?.pending ?? [];
  let served: { uid: string; at: number } | undefined;
  const result = route(view, ip, port, client, taken?.counter, (keys) => { pending = [...pending, ...keys]; });
  // Counted per pod for metrics-server's CPU figures (lib/cluster/metrics), with the counters taken: one write.
  if (result.ok) served = { uid: result.pod.metadata?.uid ?? '', at: view.now() };
  commitRequest(view, pending, served, (uid, at) => recordRequest(view, uid, at));
  return result;
}

/**
 * What kube-proxy's rules do with a packet to ip:port, decided once per store revision (the
 * rules change only when Services, EndpointSlices, Pods or Nodes do): either a fixed result, or
 * a Service with its ready backends, from which each request picks one.
 */
type Decision =
  | { result: ConnectResult }
  | { svc: KubeObject; ns: string | undefined; name: string | undefined; port: number; backends: { ip: string; port: number }[];
    /** FNV-1a state after `${seed}/${ns}/${name}/`: the pick hashes the request counter on top. */
    prefix: number; results: (ConnectResult | undefined)[] };

/** Decisions per cached Service list (one store revision, see view-cache.ts). */
const decisions = new WeakMap<object, Map<string, Decision>>();

function decide(view: NetView, services: KubeObject[], ip: string, port: number): Decision {
  const isNode = isNodeAddress(view, ip);
  let svc: KubeObject | undefined;
  let sp: SvcPort | undefined;
  const vip = isNode ? undefined : serviceAt(services, ip);
  for (const s of vip ? [vip] : services) {
    const ports = (s.spec?.ports ?? []) as SvcPort[];
    if (isNode) sp = ports.find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP');
    else if (s.spec?.clusterIP === ip) {
      sp = ports.find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
      if (!sp) return { result: { ok: false, error: 'timeout', ms: 129_000 + (hash(`${view.seed}${ip}:${port}`) % 3000) } };
    } else if (s.spec?.type === 'LoadBalancer' && isAnnouncedLoadBalancerIp((k, n) => netList(view, k, n), s as StoredObject, ip)) {
      // kube-proxy's KUBE-EXT chain for a LoadBalancer ingress IP (announced by MetalLB's speaker).
      sp = ports.find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
      if (!sp) return { result: { ok: false, error: 'refused', ms: 0 } };
    }
    if (sp) { svc = s; break; }
  }
  if (!svc || !sp) {
    if (isNode) return { result: { ok: false, error: 'refused', ms: 0 } };
    if (ip.startsWith('10.96.') || /^10\.(9[6-9]|10\d|11[01])\./.test(ip)) return { result: { ok: false, error: 'timeout', ms: 129_000 + (hash(ip) % 3000) } };
    return { result: toPodIP(view, ip, port) };
  }
  const ns = svc.metadata?.namespace;
  const backends: { ip: string; port: number }[] = [];
  for (const slice of netList<KubeObject>(view, 'EndpointSlice', ns)) {
    if (slice.metadata?.labels?.[SERVICE_NAME_LABEL] !== svc.metadata?.name) continue;
    const target = ((slice.ports ?? []) as { name?: string; port: number }[]).find((p) => (p.name ?? '') === (sp!.name ?? ''));
    if (!target) continue;
    for (const e of (slice.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[]) {
      if (e.conditions?.ready === false) continue;
      for (const a of e.addresses) backends.push({ ip: a, port: target.port });
    }
  }
  if (backends.length === 0) return { result: { ok: false, error: 'refused', ms: 0 } };
  const name = svc.metadata?.name;
  return { svc, ns, name, port: sp.port, backends, prefix: hashFrom(0x811c9dc5, `${view.seed}/${ns}/${name}/`), results: [] };
}

function route(view: NetView, ip: string, port: number, client: string | undefined, counter: number | undefined,
  take: (keys: string[]) => void): ConnectResult {
  const services = netList<KubeObject>(view, 'Service');
  let table = decisions.get(services);
  if (!table) decisions.set(services, (table = new Map()));
  const key = `${ip}:${port}`;
  let d = table.get(key);
  if (!d) { d = decide(view, services, ip, port); if (table.size < 4096) table.set(key, d); }
  if ('result' in d) return d.result;
  const { svc, ns, backends } = d;
  // sessionAffinity ClientIP: the `recent` module remembers the client's endpoint for timeoutSeconds.
  const state = netStateOf(view);
  const affinity = svc.spec?.sessionAffinity === 'ClientIP' && client && state
    ? { key: `${ns}/${d.name}/${d.port}/${client}`, timeoutMs: (svc.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? AFFINITY_TIMEOUT_S) * 1000 }
    : undefined;
  const sticky = affinity ? state!.affinity(affinity.key, view.now(), affinity.timeoutMs) : undefined;
  let n = counter;
  if (n === undefined) {
    const r = reserveCounters(view, ['kube-proxy']);
    n = r.values[0];
    take([...r.pending]);
  }
  let i = sticky ? backends.findIndex((b) => b.ip === sticky) : -1;
  if (i < 0) i = hashFrom(d.prefix, String(n)) % backends.length;
  const pick = backends[i];
  if (affinity) state!.remember(affinity.key, pick.ip, view.now());
  let result = d.results[i];
  if (!result) {
    const r = toPodIP(view, pick.ip, pick.port);
    d.results[i] = result = Object.freeze(r.ok ? { ...r, service: `${ns}/${d.name}` } : r);
  }
  return result;
}
