import type { Node, Pod } from '../k8s';
import { parseQuantity } from '../quantity';

/**
 * The scheduler's NodeResourcesFit filter (pkg/scheduler/framework/plugins/noderesources/fit.go):
 * the pod's requests (sum of its containers, or the largest init container) plus the requests
 * of the pods already on the node must fit the node's allocatable; reasons are
 * `Insufficient cpu`, `Insufficient memory` and `Too many pods`.
 */
export interface Amount { cpu: number; memory: number }

export function podRequests(pod: Pod): Amount {
  const sum = { cpu: 0, memory: 0 };
  for (const c of pod.spec?.containers ?? []) {
    sum.cpu += parseQuantity(c.resources?.requests?.cpu as string | undefined) ?? 0;
    sum.memory += parseQuantity(c.resources?.requests?.memory as string | undefined) ?? 0;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    sum.cpu = Math.max(sum.cpu, parseQuantity(c.resources?.requests?.cpu as string | undefined) ?? 0);
    sum.memory = Math.max(sum.memory, parseQuantity(c.resources?.requests?.memory as string | undefined) ?? 0);
  }
  return sum;
}

export function allocatable(node: Node): Amount & { pods: number } {
  const a = node.status?.allocatable ?? {};
  return { cpu: parseQuantity(a.cpu as string | undefined) ?? 0, memory: parseQuantity(a.memory as string | undefined) ?? 0,
    pods: parseQuantity(a.pods as string | undefined) ?? 110 };
}

const active = (p: Pod) => !['Succeeded', 'Failed'].includes(p.status?.phase ?? '');

/** Requested resources per node name of the non-terminated pods bound to nodes. */
export function requestedByNode(pods: readonly Pod[]): Map<string, Amount & { pods: number }> {
  const out = new Map<string, Amount & { pods: number }>();
  for (const p of pods) {
    const n = p.spec?.nodeName;
    if (!n || !active(p)) continue;
    const r = podRequests(p);
    const cur = out.get(n) ?? { cpu: 0, memory: 0, pods: 0 };
    out.set(n, { cpu: cur.cpu + r.cpu, memory: cur.memory + r.memory, pods: cur.pods + 1 });
  }
  return out;
}

/** Why the pod does not fit on the node (empty when it fits). Compared in milli-units, as resource.Quantity does. */
export function insufficientResources(pod: Pod, node: Node, used: Amount & { pods: number } | undefined): string[] {
  const want = podRequests(pod);
  const cap = allocatable(node);
  const have = used ?? { cpu: 0, memory: 0, pods: 0 };
  const out: string[] = [];
  if (have.pods + 1 > cap.pods) out.push('Too many pods');
  if (want.cpu > 0 && Math.round((have.cpu + want.cpu) * 1000) > Math.round(cap.cpu * 1000)) out.push('Insufficient cpu');
  if (want.memory > 0 && have.memory + want.memory > cap.memory) out.push('Insufficient memory');
  return out;
}
