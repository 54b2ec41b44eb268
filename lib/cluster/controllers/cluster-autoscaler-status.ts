import type { Node } from '../k8s';

/**
 * The `kube-system/cluster-autoscaler-status` ConfigMap (cluster-autoscaler/clusterstate/api,
 * the YAML status format of 1.30+): cluster-wide and per node group health, scale-up and
 * scale-down activity with probe and transition times, and the `last-updated` annotation.
 */
export interface GroupView { name: string; min: number; max: number; target: number; nodes: Node[] }
export type Transitions = Record<string, [status: string, since: number]>;

const isReady = (n: Node) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
const p2 = (n: number) => String(n).padStart(2, '0');

/** Go's time.Time String(): `2025-01-01 00:05:00.123456789 +0000 UTC` (nanoseconds from the ms clock). */
export function goTime(ms: number): string {
  const d = new Date(ms);
  const frac = String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0').replace(/0+$/, '');
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:` +
    `${p2(d.getUTCSeconds())}${frac ? `.${frac}` : ''} +0000 UTC`;
}

const rfc = (ms: number) => `"${new Date(ms).toISOString().replace('.000Z', 'Z')}"`;

function counts(nodes: Node[], indent: string): string {
  const ready = nodes.filter(isReady).length;
  return `${indent}nodeCounts:\n${indent}  registered:\n${indent}    total: ${nodes.length}\n${indent}    ready: ${ready}\n` +
    `${indent}    notStarted: ${nodes.length - ready}\n${indent}  longUnregistered: 0\n${indent}  unregistered: 0\n`;
}

/** Keeps each status's transition time: `key` changes status → since = now. */
export function track(t: Transitions, key: string, status: string, now: number): number {
  if (t[key]?.[0] !== status) t[key] = [status, now];
  return t[key][1];
}

export function statusYaml(now: number, all: Node[], group: GroupView, scaleUp: string, scaleDown: string, t: Transitions): string {
  const probe = rfc(now);
  const block = (indent: string, key: string, status: string) =>
    `${indent}status: ${status}\n${indent}lastProbeTime: ${probe}\n${indent}lastTransitionTime: ${rfc(track(t, key, status, now))}\n`;
  const health = (indent: string, key: string, nodes: Node[], extra = '') =>
    `${indent}status: Healthy\n${counts(nodes, indent)}${extra}${indent}lastProbeTime: ${probe}\n` +
    `${indent}lastTransitionTime: ${rfc(track(t, key, 'Healthy', now))}\n`;
  return `time: ${goTime(now)}\nautoscalerStatus: Running\nclusterWide:\n  health:\n${health('    ', 'health', all)}` +
    `  scaleUp:\n${block('    ', 'scaleUp', scaleUp)}  scaleDown:\n${block('    ', 'scaleDown', scaleDown)}` +
    `nodeGroups:\n- name: ${group.name}\n  health:\n` +
    health('    ', `${group.name}/health`, group.nodes, `    cloudProviderTarget: ${group.target}\n    minSize: ${group.min}\n    maxSize: ${group.max}\n`) +
    `  scaleUp:\n${block('    ', `${group.name}/scaleUp`, scaleUp)}  scaleDown:\n${block('    ', `${group.name}/scaleDown`, scaleDown)}`;
}
