import type { Pod } from '../k8s';
import type { KubeObject } from '../types';
import { DNS_SERVICE_IP } from './system-services';
import { SERVICE_NAME_LABEL } from './endpoints-controller';
import { netList, netGet } from './view-cache';

/** Read access to the cluster the network layer needs (a `Cluster` is one). */
export interface NetView {
  readonly seed: string;
  now(): number;
  get<T = KubeObject>(kind: string, namespace: string | undefined, name: string): T | undefined;
  list<T = KubeObject>(kind: string, namespace?: string): T[];
}

export const CLUSTER_DOMAIN = 'cluster.local';
export const NODE_HOSTS: Record<string, string> = { 'k8s-master': '192.168.0.30', 'k8s-node1': '192.168.0.31', 'k8s-node2': '192.168.0.32' };

/** A node's InternalIP by name (the kubeadm nodes' /etc/hosts entries, and nodes that joined later). */
export function nodeAddress(view: NetView, name: string): string | undefined {
  if (NODE_HOSTS[name]) return NODE_HOSTS[name];
  const node = netGet(view, 'Node', undefined, name);
  return (node?.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address;
}

/** Whether `ip` is one of the nodes' addresses. */
export function isNodeAddress(view: NetView, ip: string): boolean {
  return Object.values(NODE_HOSTS).includes(ip) ||
    netList(view, 'Node').some((n) => (n.status?.addresses ?? []).some((a: { address: string }) => a.address === ip));
}

export type DnsAnswer =
  | { ok: true; name: string; addresses: string[]; cname?: string }
  | { ok: false; name: string; tried: string[] };

/** The pod's /etc/resolv.conf as the kubelet writes it for dnsPolicy ClusterFirst (pkg/kubelet/network/dns). */
export function resolvConf(pod: Pod): string {
  const ns = pod.metadata?.namespace ?? 'default';
  return `search ${ns}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}\nnameserver ${DNS_SERVICE_IP}\noptions ndots:5\n`;
}

const dashedIp = (label: string) => (/^\d{1,3}(-\d{1,3}){3}$/.test(label) ? label.replace(/-/g, '.') : undefined);

function readyEndpoints(view: NetView, ns: string, svc: string): { ip: string; hostname?: string }[] {
  const out: { ip: string; hostname?: string }[] = [];
  for (const s of netList(view, 'EndpointSlice', ns)) {
    if (s.metadata?.labels?.[SERVICE_NAME_LABEL] !== svc) continue;
    for (const e of (s.endpoints ?? []) as { addresses: string[]; hostname?: string; conditions?: { ready?: boolean } }[]) {
      if (e.conditions?.ready === false) continue;
      for (const ip of e.addresses) out.push({ ip, hostname: e.hostname });
    }
  }
  return out;
}

/**
 * One fully-qualified A query against CoreDNS's kubernetes plugin
 * (coredns/plugin/kubernetes/kubernetes.go Records): `svc.ns.svc.cluster.local` (ClusterIP,
 * or every ready endpoint of a headless Service, or a CNAME for ExternalName),
 * `host.svc.ns.svc.cluster.local` (an endpoint's hostname or dashed IP, headless only) and
 * `a-b-c-d.ns.pod.cluster.local`. Anything else in the zone is NXDOMAIN.
 */
export function queryA(view: NetView, fqdn: string): { addresses: string[]; cname?: string } | undefined {
  const name = fqdn.replace(/\.$/, '').toLowerCase();
  const zone = `.svc.${CLUSTER_DOMAIN}`;
  if (name.endsWith(zone)) {
    const labels = name.slice(0, -zone.length).split('.');
    if (labels.length === 2) {
      const [svcName, ns] = labels;
      const svc = netGet(view, 'Service', ns, svcName);
      if (!svc) return undefined;
      if (svc.spec?.type === 'ExternalName') return { addresses: [], cname: svc.spec.externalName };
      if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') return { addresses: [svc.spec.clusterIP] };
      const ips = readyEndpoints(view, ns, svcName).map((e) => e.ip);
      return ips.length ? { addresses: [...new Set(ips)] } : undefined;
    }
    if (labels.length === 3) {
      const [host, svcName, ns] = labels;
      const svc = netGet(view, 'Service', ns, svcName);
      if (!svc || svc.spec?.clusterIP !== 'None') return undefined;
      const ip = readyEndpoints(view, ns, svcName).find((e) => e.hostname === host || e.ip === dashedIp(host))?.ip;
      return ip ? { addresses: [ip] } : undefined;
    }
    return undefined;
  }
  const podZone = `.pod.${CLUSTER_DOMAIN}`;
  if (name.endsWith(podZone)) {
    const labels = name.slice(0, -podZone.length).split('.');
    const ip = labels.length === 2 ? dashedIp(labels[0]) : undefined;
    return ip && netGet(view, 'Namespace', undefined, labels[1]) ? { addresses: [ip] } : undefined;
  }
  return undefined;
}

/**
 * getaddrinfo-style resolution from inside a pod: resolv.conf search list with ndots:5
 * (names with fewer than 5 dots try the search domains first), IP literals as is.
 * Without a pod (the master node) only IP literals and /etc/hosts node names resolve,
 * as systemd-resolved there does not know the cluster zone.
 */
export function resolveHost(view: NetView, host: string, pod?: Pod): DnsAnswer {
  const name = host.toLowerCase();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return { ok: true, name, addresses: [name] };
  if (name === 'localhost') return { ok: true, name, addresses: ['127.0.0.1'] };
  if (!pod) {
    const ip = nodeAddress(view, name.replace(/\.$/, ''));
    return ip ? { ok: true, name, addresses: [ip] } : { ok: false, name, tried: [name] };
  }
  const ns = pod.metadata?.namespace ?? 'default';
  const search = [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  const absolute = name.endsWith('.');
  const dots = (name.match(/\./g) ?? []).length;
  const candidates = absolute ? [name.slice(0, -1)]
    : dots >= 5 ? [name, ...search.map((s) => `${name}.${s}`)] : [...search.map((s) => `${name}.${s}`), name];
  for (const c of candidates) {
    const a = queryA(view, c);
    if (a) return { ok: true, name: c, ...a };
  }
  return { ok: false, name, tried: candidates };
}

/** One SRV record as CoreDNS's kubernetes plugin answers it (plugin/backend_lookup.go SRV). */
export interface SrvRecord { priority: number; weight: number; port: number; target: string; address?: string }

/**
 * SRV for `_port._proto.svc.ns.svc.cluster.local` (a named port of the Service) or
 * `svc.ns.svc.cluster.local` (every port): ClusterIP Services answer with the Service name,
 * headless ones with one record per ready endpoint (`<hostname or dashed IP>.svc.ns.svc...`).
 * Weights are 100 split evenly, rounded down, as CoreDNS does.
 */
export function querySrv(view: NetView, fqdn: string): SrvRecord[] | undefined {
  const name = fqdn.replace(/\.$/, '').toLowerCase();
  const zone = `.svc.${CLUSTER_DOMAIN}`;
  if (!name.endsWith(zone)) return undefined;
  let labels = name.slice(0, -zone.length).split('.');
  let portName: string | undefined, proto: string | undefined;
  if (labels.length === 4 && labels[0].startsWith('_') && labels[1].startsWith('_')) {
    portName = labels[0].slice(1);
    proto = labels[1].slice(1);
    labels = labels.slice(2);
  }
  if (labels.length !== 2) return undefined;
  const [svcName, ns] = labels;
  const svc = netGet(view, 'Service', ns, svcName);
  if (!svc || svc.spec?.type === 'ExternalName') return undefined;
  const ports = ((svc.spec?.ports ?? []) as { name?: string; port: number; protocol?: string }[])
    .filter((p) => portName === undefined || ((p.name ?? '') === portName && (p.protocol ?? 'TCP').toLowerCase() === proto));
  if (!ports.length) return undefined;
  const base = `${svcName}.${ns}${zone}`;
  const out: SrvRecord[] = [];
  if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') {
    for (const p of ports) out.push({ priority: 0, weight: 0, port: p.port, target: base, address: svc.spec.clusterIP });
  } else {
    const seen = new Set<string>();
    for (const e of readyEndpoints(view, ns, svcName)) {
      if (seen.has(e.ip)) continue;
      seen.add(e.ip);
      for (const p of ports) out.push({ priority: 0, weight: 0, port: p.port, target: `${e.hostname ?? e.ip.replace(/\./g, '-')}.${base}`, address: e.ip });
    }
  }
  if (!out.length) return undefined;
  const weight = Math.floor(100 / out.length);
  return out.map((r) => ({ ...r, weight }));
}

export type SrvAnswer = { ok: true; name: string; records: SrvRecord[] } | { ok: false; name: string };

/** An SRV lookup with the pod's search list (nslookup does; dig does not unless +search). */
export function resolveSrv(view: NetView, host: string, pod?: Pod, search = true): SrvAnswer {
  const name = host.toLowerCase();
  if (!pod) return { ok: false, name };
  const ns = pod.metadata?.namespace ?? 'default';
  const domains = search ? [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN] : [];
  const absolute = name.endsWith('.');
  const dots = (name.match(/\./g) ?? []).length;
  const candidates = absolute || !search ? [name.replace(/\.$/, '')]
    : dots >= 5 ? [name, ...domains.map((d) => `${name}.${d}`)] : [...domains.map((d) => `${name}.${d}`), name];
  for (const c of candidates) {
    const records = querySrv(view, c);
    if (records) return { ok: true, name: c, records };
  }
  return { ok: false, name };
}
