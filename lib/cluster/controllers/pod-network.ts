import type { Node, Pod } from '../k8s';
import type { ControllerContext } from './controller';

/**
 * host-local IPAM over the node's podCIDR (10.244.N.0/24, as flannel with kubeadm's
 * --pod-network-cidr=10.244.0.0/16): a free address chosen with the seeded PRNG.
 */
export function allocatePodIP(ctx: ControllerContext, node: Node | undefined): string {
  const cidr = node?.spec?.podCIDR ?? '10.244.0.0/24';
  const base = cidr.split('/')[0].split('.').slice(0, 3).join('.');
  // Hosts in use on this node's /24, marked in a bitmap (no set of every pod's IP per call).
  const prefix = `${base}.`;
  const used = new Uint8Array(256);
  for (const p of ctx.store.peek('Pod') as Pod[]) {
    const ip = p.status?.podIP;
    if (ip?.startsWith(prefix)) {
      const host = Number(ip.slice(prefix.length));
      if (Number.isInteger(host) && host >= 0 && host < 256) used[host] = 1;
    }
  }
  const free: number[] = [];
  for (let host = 2; host < 255; host++) if (!used[host]) free.push(host);
  if (free.length === 0) return '';
  return `${base}.${free[ctx.prng.int(Math.min(free.length, 32))]}`;
}
