import type { Pod } from '../k8s';
import { IMAGE_PORTS, imageFamily } from '../runtime/http-apps';
import type { KubeObject } from '../types';
import type { NetView } from './dns';
import { NODE_HOSTS } from './dns';
import { SERVICE_NAME_LABEL } from './endpoints-controller';
import { recordRequest } from '../metrics/load';

export type ConnectResult =
  | { ok: true; pod: Pod; container: number; port: number; service?: string }
  | { ok: false; error: 'refused' | 'timeout' | 'unreachable'; ms: number };

interface SvcPort { name?: string; port: number; protocol?: string; nodePort?: number }

const counters = new WeakMap<object, number>();

/** FNV-1a, for a choice that depends only on the seed and the request count. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const isRunning = (p: Pod) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp;

/** A TCP connection straight to a pod IP: the container listening on the port, or RST. */
function toPodIP(view: NetView, ip: string, port: number): ConnectResult {
  const pod = view.list<Pod>('Pod').find((p) => p.status?.podIP === ip && isRunning(p) && !p.spec?.hostNetwork);
  if (!pod) return { ok: false, error: 'unreachable', ms: 3000 + (hash(`${view.seed}${ip}`) % 120) };
  const statuses = pod.status?.containerStatuses ?? [];
  const c = (pod.spec?.containers ?? []).findIndex((ct, i) => {
    const fam = ct.image ? imageFamily(ct.image) : undefined;
    return !!fam && IMAGE_PORTS[fam].includes(port) && !!statuses[i]?.state?.running;
  });
  return c < 0 ? { ok: false, error: 'refused', ms: 0 } : { ok: true, pod, container: c, port };
}

/**
 * kube-proxy's iptables rules (pkg/proxy/iptables/proxier.go): a Service VIP:port or a
 * node's IP:nodePort DNATs to one ready endpoint chosen at random (the `statistic --mode
 * random` chain; here a hash of the lab seed and a request counter); a Service with no
 * ready endpoints REJECTs (connection refused); a VIP port the Service lacks is dropped.
 */
export function connect(view: NetView, ip: string, port: number): ConnectResult {
  const services = view.list<KubeObject>('Service');
  const isNode = Object.values(NODE_HOSTS).includes(ip);
  let svc: KubeObject | undefined;
  let sp: SvcPort | undefined;
  for (const s of services) {
    const ports = (s.spec?.ports ?? []) as SvcPort[];
    if (isNode) sp = ports.find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP');
    else if (s.spec?.clusterIP === ip) {
      sp = ports.find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
      if (!sp) return { ok: false, error: 'timeout', ms: 129_000 + (hash(`${view.seed}${ip}:${port}`) % 3000) };
    }
    if (sp) { svc = s; break; }
  }
  if (!svc || !sp) {
    if (isNode) return { ok: false, error: 'refused', ms: 0 };
    if (ip.startsWith('10.96.') || /^10\.(9[6-9]|10\d|11[01])\./.test(ip)) return { ok: false, error: 'timeout', ms: 129_000 + (hash(ip) % 3000) };
    const direct = toPodIP(view, ip, port);
    if (direct.ok) recordRequest(view, direct.pod.metadata?.uid ?? '', view.now());
    return direct;
  }
  const ns = svc.metadata?.namespace;
  const backends: { ip: string; port: number }[] = [];
  for (const slice of view.list<KubeObject>('EndpointSlice', ns)) {
    if (slice.metadata?.labels?.[SERVICE_NAME_LABEL] !== svc.metadata?.name) continue;
    const target = ((slice.ports ?? []) as { name?: string; port: number }[]).find((p) => (p.name ?? '') === (sp!.name ?? ''));
    if (!target) continue;
    for (const e of (slice.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[]) {
      if (e.conditions?.ready === false) continue;
      for (const a of e.addresses) backends.push({ ip: a, port: target.port });
    }
  }
  if (backends.length === 0) return { ok: false, error: 'refused', ms: 0 };
  const n = counters.get(view) ?? 0;
  counters.set(view, n + 1);
  const pick = backends[hash(`${view.seed}/${ns}/${svc.metadata?.name}/${n}`) % backends.length];
  const result = toPodIP(view, pick.ip, pick.port);
  // Counted per pod for metrics-server's CPU figures (lib/cluster/metrics).
  if (result.ok) recordRequest(view, result.pod.metadata?.uid ?? '', view.now());
  return result.ok ? { ...result, service: `${ns}/${svc.metadata?.name}` } : result;
}
