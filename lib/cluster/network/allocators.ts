import type { Prng } from '../prng';
import type { StoredObject } from '../types';

/**
 * Service address allocators, like pkg/registry/core/service/ipallocator (the
 * --service-cluster-ip-range, kubeadm's default 10.96.0.0/12) and portallocator
 * (--service-node-port-range 30000-32767). Picks are random from the seeded PRNG, so
 * a lab is deterministic for its seed and command history.
 */
export const SERVICE_CIDR = '10.96.0.0/12';
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

const BASE = ipToInt('10.96.0.0');
const SIZE = 1 << 20;

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function isIPv4(s: string): boolean {
  return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s);
}

export function inServiceRange(ip: string): boolean {
  const n = ipToInt(ip);
  // Network and broadcast addresses are never handed out.
  return isIPv4(ip) && n > BASE && n < BASE + SIZE - 1;
}

/** ClusterIPs in use. */
export function usedClusterIPs(services: StoredObject[]): Set<string> {
  return new Set(services.flatMap((s) => (s.spec?.clusterIPs ?? [s.spec?.clusterIP]) as string[]).filter((ip) => ip && ip !== 'None'));
}

export function usedNodePorts(services: StoredObject[]): Set<number> {
  return new Set(services.flatMap((s) => ((s.spec?.ports ?? []) as { nodePort?: number }[]).map((p) => p.nodePort ?? 0)).filter((p) => p > 0));
}

/**
 * A free ClusterIP. Upstream reserves the lower band of the range (the first 1/16, capped at
 * 256 addresses) for static IPs and allocates dynamically from the upper band first
 * (KEP-3070), which is why ClusterIPs look like 10.105.103.161.
 */
export function allocateClusterIP(prng: Prng, used: Set<string>): string | undefined {
  const reserved = 256;
  for (let tries = 0; tries < 64; tries++) {
    const ip = intToIp(BASE + reserved + prng.int(SIZE - reserved - 1));
    if (!used.has(ip)) return ip;
  }
  for (let n = BASE + 1; n < BASE + SIZE - 1; n++) if (!used.has(intToIp(n))) return intToIp(n);
  return undefined;
}

export function allocateNodePort(prng: Prng, used: Set<number>): number | undefined {
  const span = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  for (let tries = 0; tries < 64; tries++) {
    const p = NODE_PORT_MIN + prng.int(span);
    if (!used.has(p)) return p;
  }
  for (let p = NODE_PORT_MIN; p <= NODE_PORT_MAX; p++) if (!used.has(p)) return p;
  return undefined;
}
