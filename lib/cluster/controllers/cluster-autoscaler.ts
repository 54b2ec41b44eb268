import { componentReady, emptyProgramState, isReadyPod, programState, type ProgramState } from '../addons/components';
import { CA_NODE_GROUP } from '../addons/cluster-autoscaler';
import { controllerOf } from '../api/owners';
import type { Node, Pod } from '../k8s';
import { randomHex, randomSuffix } from '../prng';
import type { Task } from '../queue';
import { joinNode, nodeBecomesReady } from '../topology';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';
import { statusYaml, goTime, type Transitions } from './cluster-autoscaler-status';
import { podMatchesNode } from './node-affinity';
import { allocatable, podRequests, requestedByNode, type Amount } from './node-resources';
import { tolerates } from './scheduler';

export const CA_APP = 'cluster-autoscaler';
const SOURCE = { component: 'cluster-autoscaler' };
/** Cloud VM boot: the kubelet registers the node, then the CNI makes it Ready. */
const REGISTER_MS = 45_000;
const READY_MS = 20_000;
const STATUS_CM = 'cluster-autoscaler-status';
const ZONE = 'ap-northeast-2a';

interface Config { min: number; max: number; group: string; scanMs: number; unneededMs: number; delayAfterAddMs: number; threshold: number }
interface State extends ProgramState {
  members?: string[]; lastScaleUp?: number; unneeded?: Record<string, number>; draining?: string[]; transitions?: Transitions;
}

function duration(s: string | undefined, fallback: number): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(s ?? '');
  return m ? Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms']! : fallback;
}

/** The flags of the running cluster-autoscaler container (main.go defaults otherwise). */
function config(pod: Pod): Config {
  const c = pod.spec?.containers?.[0];
  const args = [...(c?.command ?? []), ...(c?.args ?? [])];
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const nodes = /^(\d+):(\d+):(.+)$/.exec(flag('nodes') ?? '');
  return {
    min: nodes ? Number(nodes[1]) : 0, max: nodes ? Number(nodes[2]) : 0, group: nodes?.[3] ?? CA_NODE_GROUP,
    scanMs: duration(flag('scan-interval'), 10_000), unneededMs: duration(flag('scale-down-unneeded-time'), 600_000),
    delayAfterAddMs: duration(flag('scale-down-delay-after-add'), 600_000),
    threshold: Number(flag('scale-down-utilization-threshold') ?? 0.5),
  };
}

const isReadyNode = (n: Node) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
const unschedulable = (p: Pod) => !p.spec?.nodeName && !p.metadata?.deletionTimestamp &&
  p.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable');

/** Would the pod fit on this node with `used` already requested (taints, affinity, resources)? */
function fits(pod: Pod, node: Node, used: Amount): boolean {
  if ((node.spec?.taints ?? []).some((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations, t))) return false;
  if (!podMatchesNode(pod, node)) return false;
  const want = podRequests(pod), cap = allocatable(node);
  return used.cpu + want.cpu <= cap.cpu + 1e-9 && used.memory + want.memory <= cap.memory;
}

/**
 * cluster-autoscaler (core/static_autoscaler.go RunOnce) with the lab as its cloud provider
 * (see addons/cluster-autoscaler.ts for the node group). Every --scan-interval (10s):
 * - scale-up (core/scaleup): unschedulable pods are bin-packed onto nodes that are coming up and
 *   onto new template nodes; TriggeredScaleUp / NotTriggerScaleUp on the pods, ScaledUpGroup on
 *   the status ConfigMap; a new node registers NotReady after ~45 s and is Ready ~20 s later;
 * - scale-down (core/scaledown): a group node whose requests are under 50 % of allocatable and
 *   whose pods fit elsewhere is unneeded; after --scale-down-unneeded-time (10m), and not within
 *   --scale-down-delay-after-add (10m) of a scale-up, it is tainted ToBeDeletedByClusterAutoscaler,
 *   drained and deleted (never below the group's min);
 * - the `cluster-autoscaler-status` ConfigMap in kube-system.
 */
export class ClusterAutoscaler implements Controller {
  readonly name = CA_APP;
  readonly handlers = {
    'ca-loop': () => this.loop(),
    'ca-node-register': (t: Task) => this.register(t.name as string),
    'ca-node-ready': (t: Task) => this.ready(t.name as string),
    'ca-node-delete': (t: Task) => this.deleteNode(t.name as string),
  };
  private unsubscribe?: () => void;

  constructor(private ctx: ControllerContext) {}

  start(): void {
    this.unsubscribe = this.ctx.store.subscribe((ev) => {
      const pod = ev.object as Pod;
      if (ev.type === 'DELETED' || pod.metadata?.labels?.app !== CA_APP || !isReadyPod(pod)) return;
      const state = programState(this.ctx.store, CA_APP);
      if (state?.next !== undefined && state.next > this.ctx.now()) return;
      const scan = config(pod).scanMs;
      this.save({ ...(state ?? emptyProgramState(CA_APP)), next: this.ctx.now() + scan });
      this.ctx.enqueue(scan, { type: 'ca-loop' });
    }, { kind: 'Pod' });
  }

  stop(): void { this.unsubscribe?.(); }

  private save(s: State): void { this.ctx.store.put(s as unknown as StoredObject); }

  private loop(): void {
    const { store } = this.ctx;
    const state: State = structuredClone(programState(store, CA_APP) ?? emptyProgramState(CA_APP));
    const pod = (store.peek('Pod', 'kube-system') as Pod[]).find((p) => p.metadata?.labels?.app === CA_APP && isReadyPod(p));
    if (!pod || !componentReady(store, CA_APP)) { delete state.next; this.save(state); return; }
    const cfg = config(pod);
    const now = this.ctx.now();
    state.members ??= [];
    const nodes = store.peek('Node') as Node[];
    const members = new Set(state.members);
    const groupNodes = nodes.filter((n) => members.has(n.metadata!.name!));
    const upcoming = state.members.filter((m) => !groupNodes.some((n) => n.metadata!.name === m && isReadyNode(n)));
    const scaleUp = this.scaleUp(cfg, state, nodes, upcoming, now);
    const scaleDown = upcoming.length || scaleUp ? 'NoCandidates' : this.scaleDown(cfg, state, nodes, groupNodes, now);
    this.writeStatus(cfg, state, now, upcoming.length || scaleUp ? 'InProgress' : 'NoActivity', scaleDown);
    this.save({ ...state, next: now + cfg.scanMs });
    this.ctx.enqueue(cfg.scanMs, { type: 'ca-loop' });
  }

  /** Returns whether a scale-up started. */
  private scaleUp(cfg: Config, state: State, nodes: Node[], upcoming: string[], now: number): boolean {
    const pending = (this.ctx.store.peek('Pod') as Pod[]).filter(unschedulable)
      .sort((a, b) => (a.metadata!.creationTimestamp! < b.metadata!.creationTimestamp! ? -1 : 1));
    if (!pending.length) return false;
    const template = this.template(cfg.group, 'template');
    const used = requestedByNode(this.ctx.store.peek('Pod') as Pod[]);
    // Bins: nodes on their way (with what is already bound there), then new ones.
    const bins: Amount[] = upcoming.map((name) => ({ ...(used.get(name) ?? { cpu: 0, memory: 0 }) }));
    const fresh: Pod[] = [];
    const current = state.members!.length;
    for (const pod of pending) {
      // The volume-binding filter fails on a template node too: a new node would not help.
      const why = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message ?? '';
      if (/unbound immediate PersistentVolumeClaims/.test(why)) {
        this.ctx.events.record(pod, 'Normal', 'NotTriggerScaleUp', "pod didn't trigger scale-up: 1 pod has unbound immediate PersistentVolumeClaims", SOURCE);
        continue;
      }
      if (!fits(pod, template, { cpu: 0, memory: 0 })) {
        const want = podRequests(pod), cap = allocatable(template);
        const why = !podMatchesNode(pod, template) ? "node(s) didn't match Pod's node affinity/selector"
          : want.cpu > cap.cpu ? 'Insufficient cpu' : want.memory > cap.memory ? 'Insufficient memory' : 'node(s) had untolerated taint';
        this.ctx.events.record(pod, 'Normal', 'NotTriggerScaleUp', `pod didn't trigger scale-up: 1 ${why}`, SOURCE);
        continue;
      }
      const bin = bins.findIndex((b) => fits(pod, template, b));
      const add = (b: Amount) => { const r = podRequests(pod); b.cpu += r.cpu; b.memory += r.memory; };
      if (bin >= 0) { add(bins[bin]); if (bin >= upcoming.length) fresh.push(pod); continue; }
      if (current + bins.length - upcoming.length >= cfg.max) {
        this.ctx.events.record(pod, 'Normal', 'NotTriggerScaleUp', `pod didn't trigger scale-up: 1 max node group size reached`, SOURCE);
        continue;
      }
      const b = { cpu: 0, memory: 0 };
      add(b);
      bins.push(b);
      fresh.push(pod);
    }
    const added = bins.length - upcoming.length;
    if (!added) return false;
    const target = current + added;
    const msg = `pod triggered scale-up: [{${cfg.group} ${current}->${target} (max: ${cfg.max})}]`;
    for (const pod of fresh) this.ctx.events.record(pod, 'Normal', 'TriggeredScaleUp', msg, SOURCE);
    const cm = this.statusConfigMap();
    this.ctx.events.record(cm, 'Normal', 'ScaledUpGroup', `Scale-up: setting group ${cfg.group} size to ${target} instead of ${current} (max: ${cfg.max})`, SOURCE);
    for (let i = 0; i < added; i++) {
      const name = `${cfg.group}-${randomSuffix(this.ctx.prng)}`;
      state.members!.push(name);
      this.ctx.enqueue(REGISTER_MS, { type: 'ca-node-register', name });
    }
    state.lastScaleUp = now;
    return true;
  }

  /** Returns the scale-down status (CandidatesPresent / NoCandidates). */
  private scaleDown(cfg: Config, state: State, nodes: Node[], groupNodes: Node[], now: number): string {
    state.unneeded ??= {};
    state.draining ??= [];
    const pods = this.ctx.store.peek('Pod') as Pod[];
    const used = requestedByNode(pods);
    const candidates: string[] = [];
    for (const node of groupNodes) {
      const name = node.metadata!.name!;
      if (!isReadyNode(node) || state.draining.includes(name)) continue;
      const on = pods.filter((p) => p.spec?.nodeName === name && !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''));
      const req = used.get(name) ?? { cpu: 0, memory: 0 };
      const cap = allocatable(node);
      const utilization = Math.max(cap.cpu ? req.cpu / cap.cpu : 0, cap.memory ? req.memory / cap.memory : 0);
      const movable = on.filter((p) => controllerOf(p)?.kind !== 'DaemonSet');
      const blocked = movable.some((p) => !controllerOf(p) || p.metadata?.namespace === 'kube-system');
      const others = nodes.filter((n) => n.metadata!.name !== name && isReadyNode(n) && !n.spec?.unschedulable && !state.draining!.includes(n.metadata!.name!));
      const room = new Map(others.map((n) => [n.metadata!.name!, { ...(used.get(n.metadata!.name!) ?? { cpu: 0, memory: 0 }) }]));
      const placeable = movable.every((p) => {
        const target = others.find((n) => fits(p, n, room.get(n.metadata!.name!)!));
        if (!target) return false;
        const r = podRequests(p), b = room.get(target.metadata!.name!)!;
        b.cpu += r.cpu; b.memory += r.memory;
        return true;
      });
      if (utilization < cfg.threshold && !blocked && placeable) {
        candidates.push(name);
        state.unneeded[name] ??= now;
      } else delete state.unneeded[name];
    }
    for (const n of Object.keys(state.unneeded)) if (!candidates.includes(n)) delete state.unneeded[n];
    // Unneeded times are tracked during the cooldown too; only the removal waits (static_autoscaler.go scaleDownInCooldown).
    const cooldown = state.lastScaleUp !== undefined && now - state.lastScaleUp < cfg.delayAfterAddMs;
    const ripe = candidates.find((n) => now - state.unneeded![n] >= cfg.unneededMs);
    if (ripe && !cooldown && state.members!.length - state.draining.length > cfg.min) this.drain(state, groupNodes.find((n) => n.metadata!.name === ripe)!, pods, now);
    return candidates.length ? 'CandidatesPresent' : 'NoCandidates';
  }

  private drain(state: State, node: Node, pods: Pod[], now: number): void {
    const name = node.metadata!.name!;
    state.draining!.push(name);
    delete state.unneeded![name];
    this.ctx.api.write({ ...node, spec: { ...node.spec, taints: [...(node.spec?.taints ?? []),
      { key: 'ToBeDeletedByClusterAutoscaler', value: String(Math.floor(now / 1000)), effect: 'NoSchedule' }] } });
    this.ctx.events.record(node, 'Normal', 'ScaleDown', 'marked the node as toBeDeleted/unschedulable', SOURCE);
    const movable = pods.filter((p) => p.spec?.nodeName === name && controllerOf(p)?.kind !== 'DaemonSet' && !p.metadata?.deletionTimestamp);
    const cm = this.statusConfigMap();
    if (movable.length === 0) this.ctx.events.record(cm, 'Normal', 'ScaleDownEmpty', `Scale-down: removing empty node "${name}"`, SOURCE);
    else this.ctx.events.record(cm, 'Normal', 'ScaleDown', `Scale-down: node ${name} removed with drain`, SOURCE);
    let grace = 0;
    for (const p of movable) {
      this.ctx.events.record(p, 'Normal', 'ScaleDown', 'deleting pod for node scale down', SOURCE);
      grace = Math.max(grace, p.spec?.terminationGracePeriodSeconds ?? 30);
      this.ctx.api.delete('Pod', p.metadata!.namespace, p.metadata!.name!);
    }
    this.ctx.enqueue(grace * 1000 + 5_000, { type: 'ca-node-delete', name });
  }

  /** The cloud deletes the instance; PodGC force-deletes what was still bound to the node. */
  private deleteNode(name: string): void {
    const state: State = structuredClone(programState(this.ctx.store, CA_APP) ?? emptyProgramState(CA_APP));
    for (const p of this.ctx.store.peek('Pod') as Pod[]) {
      if (p.spec?.nodeName === name) this.ctx.api.delete('Pod', p.metadata!.namespace, p.metadata!.name!, { gracePeriodSeconds: 0 });
    }
    if (this.ctx.store.has('Node', undefined, name)) this.ctx.api.delete('Node', undefined, name);
    state.members = (state.members ?? []).filter((m) => m !== name);
    state.draining = (state.draining ?? []).filter((m) => m !== name);
    this.save(state);
  }

  private template(group: string, name: string): Node {
    return {
      apiVersion: 'v1', kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux', 'beta.kubernetes.io/arch': 'amd64', 'node.kubernetes.io/instance-type': 'm5.xlarge',
        'topology.kubernetes.io/zone': ZONE, 'topology.kubernetes.io/region': 'ap-northeast-2' } },
      spec: { providerID: `aws:///${ZONE}/i-${group}` },
      status: { allocatable: { cpu: '4', memory: '8035504Ki', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
    } as Node;
  }

  private register(name: string): void {
    const state = programState(this.ctx.store, CA_APP) as State | undefined;
    if (!state?.members?.includes(name) || this.ctx.store.has('Node', undefined, name)) return;
    const t = this.template(CA_NODE_GROUP, name);
    joinNode(this.ctx.api, this.ctx.prng, this.ctx.store.peek('Node') as Node[], name, this.ctx.now(),
      { labels: t.metadata!.labels, providerID: `aws:///${ZONE}/i-${randomHex(this.ctx.prng, 17)}` });
    this.ctx.enqueue(READY_MS, { type: 'ca-node-ready', name });
  }

  private ready(name: string): void {
    const node = this.ctx.store.get('Node', undefined, name) as Node | undefined;
    if (node) this.ctx.api.write(nodeBecomesReady(node, this.ctx.now()));
  }

  private statusConfigMap(): StoredObject {
    return this.ctx.store.get('ConfigMap', 'kube-system', STATUS_CM) ?? this.ctx.api.createInternal({
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: STATUS_CM, namespace: 'kube-system' }, data: { status: '' },
    } as unknown as StoredObject);
  }

  private writeStatus(cfg: Config, state: State, now: number, scaleUp: string, scaleDown: string): void {
    const nodes = this.ctx.store.peek('Node') as Node[];
    const members = new Set(state.members);
    state.transitions ??= {};
    const status = statusYaml(now, nodes, { name: cfg.group, min: cfg.min, max: cfg.max, target: state.members!.length,
      nodes: nodes.filter((n) => members.has(n.metadata!.name!)) }, scaleUp, scaleDown, state.transitions);
    const cm = this.statusConfigMap();
    this.ctx.api.write({ ...cm, metadata: { ...cm.metadata, annotations: { 'cluster-autoscaler.kubernetes.io/last-updated': goTime(now) } },
      data: { status } });
  }
}
