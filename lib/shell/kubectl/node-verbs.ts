/**
 * `kubectl cordon|uncordon|drain|taint`, after staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go,
 * pkg/drain/{cordon,filters,drain}.go and pkg/cmd/taint/{taint,utils}.go.
 */
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError } from './errors';
import { matchesSelector, parseSelector } from './selector';

function nodesOf(k: Kubectl, names: string[]): Node[] {
  if (k.str('selector') || k.bool('all')) {
    const sel = k.str('selector') ? parseSelector(k.str('selector')!) : undefined;
    return k.cluster.list<Node>('Node').filter((n) => !sel || matchesSelector(n.metadata?.labels, sel));
  }
  if (names.length === 0) throw new KubectlError(`error: USAGE: ${k.verb} NODE [flags]\nSee 'kubectl ${k.verb} -h' for help and examples`);
  return names.map((name) => {
    const n = k.cluster.get<Node>('Node', undefined, name);
    if (!n) throw new KubectlError(`Error from server (NotFound): nodes "${name}" not found`);
    return n;
  });
}

function setUnschedulable(k: Kubectl, node: Node, value: boolean): void {
  const verb = value ? 'cordoned' : 'uncordoned';
  const name = node.metadata?.name;
  if (!!node.spec?.unschedulable === value) { k.out(`node/${name} already ${verb}\n`); return; }
  const dry = k.str('dry-run') && k.str('dry-run') !== 'none';
  if (k.str('dry-run') !== 'client') {
    const updated = structuredClone(node);
    updated.spec = { ...updated.spec, unschedulable: value || undefined };
    if (!value) delete updated.spec.unschedulable;
    k.cluster.update(updated, { dryRun: !!dry });
  }
  k.out(`node/${name} ${verb}${dry ? ' (dry run)' : ''}\n`);
}

const controllerOf = (p: Pod) => p.metadata?.ownerReferences?.find((r) => r.controller);
const podId = (p: Pod) => `${p.metadata?.namespace}/${p.metadata?.name}`;

/** drain's pod filters (pkg/drain/filters.go): DaemonSet, mirror, no controller, local storage. */
async function drainNode(k: Kubectl, node: Node): Promise<boolean> {
  const name = node.metadata?.name ?? '';
  setUnschedulable(k, node, true);
  const pods = k.cluster.list<Pod>('Pod').filter((p) => p.spec?.nodeName === name &&
    !['Succeeded', 'Failed'].includes(p.status?.phase ?? '') && !p.metadata?.deletionTimestamp);
  const daemon = pods.filter((p) => controllerOf(p)?.kind === 'DaemonSet');
  const mirror = pods.filter((p) => p.metadata?.annotations?.['kubernetes.io/config.mirror']);
  const bare = pods.filter((p) => !controllerOf(p) && !mirror.includes(p));
  const local = pods.filter((p) => !daemon.includes(p) && p.spec?.volumes?.some((v) => v.emptyDir));
  const errors: string[] = [];
  if (daemon.length && !k.bool('ignore-daemonsets')) errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemon.map(podId).join(', ')}`);
  if (bare.length && !k.bool('force')) errors.push(`cannot delete Pods that declare no controller (use --force to override): ${bare.map(podId).join(', ')}`);
  if (local.length && !k.bool('delete-emptydir-data')) errors.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${local.map(podId).join(', ')}`);
  if (errors.length) {
    k.err(`error: unable to drain node "${name}" due to error: ${errors.join(', ')}, continuing command...\n` +
      `There are pending nodes to be drained:\n ${name}\n${errors.join('\n')}\n`);
    return false;
  }
  const warnings: string[] = [];
  if (daemon.length) warnings.push(`ignoring DaemonSet-managed Pods: ${daemon.map(podId).join(', ')}`);
  if (bare.length) warnings.push(`deleting Pods that declare no controller: ${bare.map(podId).join(', ')}`);
  if (local.length) warnings.push(`deleting Pods with local storage: ${local.map(podId).join(', ')}`);
  if (warnings.length) k.err(`Warning: ${warnings.join('; ')}\n`);
  const evict = pods.filter((p) => !daemon.includes(p) && !mirror.includes(p));
  if (k.str('dry-run') && k.str('dry-run') !== 'none') {
    for (const p of evict) k.out(`evicting pod ${podId(p)} (dry run)\n`);
    k.out(`node/${name} drained (dry run)\n`);
    return true;
  }
  for (const p of evict) {
    k.err(`evicting pod ${podId(p)}\n`);
    const grace = k.flags['grace-period'] as number | undefined;
    const opts = grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : undefined;
    // drain.go: the Eviction API unless --disable-eviction, which deletes directly (no DisruptionTarget).
    if (k.bool('disable-eviction')) k.cluster.delete('Pod', p.metadata?.namespace, p.metadata?.name ?? '', opts);
    else k.cluster.evict(p.metadata?.namespace ?? 'default', p.metadata?.name ?? '', opts);
  }
  // Eviction waits until each pod is gone (drain.go waitForDelete, 1s poll).
  const limit = k.cluster.now() + 10 * 60_000;
  const gone = (p: Pod) => k.cluster.get<Pod>('Pod', p.metadata?.namespace, p.metadata?.name ?? '')?.metadata?.uid !== p.metadata?.uid;
  const reported = new Set<Pod>();
  while (!k.signal?.aborted) {
    k.settle();
    for (const p of evict) if (!reported.has(p) && gone(p)) { reported.add(p); k.out(`pod/${p.metadata?.name} evicted\n`); }
    if (reported.size === evict.length || k.cluster.now() >= limit) break;
    await k.wait(1000);
  }
  if (reported.size < evict.length) return false;
  k.out(`node/${name} drained\n`);
  return true;
}

const nodeFlags = [
  { name: 'selector', short: 'l', type: 'string' as const },
  { name: 'dry-run', type: 'string' as const, noOptDefault: 'unchanged' },
];

export const cordonVerb: VerbSpec = {
  name: 'cordon', short: 'Mark node as unschedulable', usage: 'kubectl cordon NODE [options]', flags: nodeFlags,
  run: (k) => { for (const n of nodesOf(k, k.args)) setUnschedulable(k, n, true); return 0; },
};

export const uncordonVerb: VerbSpec = {
  name: 'uncordon', short: 'Mark node as schedulable', usage: 'kubectl uncordon NODE [options]', flags: nodeFlags,
  run: (k) => { for (const n of nodesOf(k, k.args)) setUnschedulable(k, n, false); k.settle(); return 0; },
};

export const drainVerb: VerbSpec = {
  name: 'drain', short: 'Drain node in preparation for maintenance', usage: 'kubectl drain NODE [options]',
  flags: [...nodeFlags, { name: 'ignore-daemonsets', type: 'bool' }, { name: 'force', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' }, { name: 'delete-local-data', type: 'bool' }, { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'string' }, { name: 'disable-eviction', type: 'bool' }, { name: 'pod-selector', type: 'string' },
    { name: 'skip-wait-for-delete-timeout', type: 'int' }],
  run: async (k) => {
    let ok = true;
    for (const n of nodesOf(k, k.args)) ok = (await drainNode(k, n)) && ok;
    if (!ok) k.err('error: unable to drain node(s)\n');
    return ok ? 0 : 1;
  },
};

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** taint/utils.go parseTaints: `key=value:Effect` adds, `key[:Effect]-` removes. */
function parseTaintArgs(specs: string[]): { add: Taint[]; remove: { key: string; effect?: string }[] } {
  const add: Taint[] = [];
  const remove: { key: string; effect?: string }[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1);
      const [kv, effect] = body.split(':');
      remove.push({ key: kv.split('=')[0], ...(effect && { effect }) });
      continue;
    }
    const colon = spec.lastIndexOf(':');
    if (colon < 0) throw new KubectlError(`error: invalid taint spec: ${spec}, unknown taint spec: ${spec}`);
    const [kv, effect] = [spec.slice(0, colon), spec.slice(colon + 1)];
    if (!EFFECTS.includes(effect)) throw new KubectlError(`error: invalid taint spec: ${spec}, invalid taint effect: ${effect}, unsupported taint effect`);
    const [key, value] = kv.includes('=') ? [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] : [kv, undefined];
    if (!key) throw new KubectlError(`error: invalid taint spec: ${spec}, invalid taint key`);
    add.push({ key, ...(value && { value }), effect: effect as Taint['effect'] });
  }
  return { add, remove };
}

async function runTaint(k: Kubectl): Promise<number> {
  const [type, ...rest] = k.args;
  if (!type) throw new KubectlError("error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples");
  const res = k.cluster.resolveResource(type.split('/')[0]);
  if (!res) throw new KubectlError(`error: the server doesn't have a resource type "${type.split('/')[0]}"`);
  if (res.kind !== 'Node') throw new KubectlError(`error: invalid resource type ${type}, only nodes are supported`);
  const names = type.includes('/') ? [type.split('/')[1]] : k.bool('all') || k.str('selector') ? [] : rest.slice(0, 1);
  const specs = type.includes('/') || k.bool('all') || k.str('selector') ? rest : rest.slice(1);
  if (specs.length === 0) throw new KubectlError("error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples");
  const { add, remove } = parseTaintArgs(specs);
  for (const node of nodesOf(k, names)) {
    const name = node.metadata?.name;
    let taints = [...(node.spec?.taints ?? [])];
    for (const t of add) {
      const same = taints.find((x) => x.key === t.key && x.effect === t.effect);
      if (same && !k.bool('overwrite')) {
        throw new KubectlError(`error: node ${name} already has ${t.key} taint(s) with same effect(s) and --overwrite is false`);
      }
      taints = taints.filter((x) => !(x.key === t.key && x.effect === t.effect));
      taints.push(t.effect === 'NoExecute' ? { ...t, timeAdded: new Date(k.cluster.now()).toISOString().replace(/\.\d+Z$/, 'Z') } : t);
    }
    for (const r of remove) {
      const before = taints.length;
      taints = taints.filter((x) => !(x.key === r.key && (!r.effect || x.effect === r.effect)));
      if (taints.length === before) throw new KubectlError(`error: taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found`);
    }
    const updated = structuredClone(node);
    updated.spec = { ...updated.spec, taints };
    if (taints.length === 0) delete updated.spec.taints;
    k.cluster.update(updated);
    k.out(`node/${name} ${add.length ? 'tainted' : 'untainted'}\n`);
  }
  k.settle();
  return 0;
}

export const taintVerb: VerbSpec = {
  name: 'taint', short: 'Update the taints on one or more nodes', usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: [...nodeFlags, { name: 'overwrite', type: 'bool' }, { name: 'all', type: 'bool' }, { name: 'output', short: 'o', type: 'string' },
    { name: 'validate', type: 'string', noOptDefault: 'strict' }, { name: 'field-manager', type: 'string' }],
  run: runTaint,
};
