import type { Node, Pod } from '../k8s';
import type { ControllerContext } from './controller';

/**
 * host-local IPAM over the node's podCIDR (10.244.N.0/24, as flannel with kubeadm's
 * --pod-network-cidr=10.244.0.0/16): a free address chosen with the seeded PRNG.
 */
export function allocatePodIP(ctx: ControllerContext, node: Node | undefined): string {
  const cidr = node?.spec?.podCIDR ?? '10.244.0.0/24';
  const base = cidr.split('/')[0].split('.').slice(0, 3).join('.');
  const used = new Set((ctx.store.peek('Pod') as Pod[]).map((p) => p.status?.podIP).filter(Boolean));
  const free: number[] = [];
  for (let host = 2; host < 255; host++) if (!used.has(`${base}.${host}`)) free.push(host);
  if (free.length === 0) return '';
  return `${base}.${free[ctx.prng.int(Math.min(free.length, 32))]}`;
}
