import { statusCopy } from '../clone';
import type { Node, PersistentVolumeClaim, Pod, Taint, Toleration } from '../k8s';
import type { Task } from '../queue';
import type { Controller, ControllerContext } from './controller';
import { podMatchesNode } from './node-affinity';
import { insufficientResources, requestedByNode } from './node-resources';
import { setCondition } from './pod-status';
import { claimNamesOf, classOf, volumeSchedulingProblem } from './volumes';

/** VolumeBinding PreBind for WaitForFirstConsumer claims: annotate the chosen node so provisioning starts. */
function selectNodeForDelayedClaims(ctx: ControllerContext, pod: Pod): void {
  for (const { claim } of claimNamesOf(pod)) {
    const pvc = ctx.store.get('PersistentVolumeClaim', pod.metadata?.namespace, claim) as PersistentVolumeClaim | undefined;
    if (!pvc || pvc.status?.phase === 'Bound' || classOf(ctx.store, pvc)?.volumeBindingMode !== 'WaitForFirstConsumer') continue;
    pvc.metadata!.annotations = { ...pvc.metadata!.annotations, 'volume.kubernetes.io/selected-node': pod.spec!.nodeName! };
    ctx.api.write(pvc);
  }
}

/** Taint/toleration matching, pkg/apis/core/v1/helper ToleratesTaint. */
export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

const isReady = (n: Node) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
const blocking = (n: Node, pod: Pod) => (n.spec?.taints ?? [])
  .find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations, t));

/**
 * A small kube-scheduler (pkg/scheduler): filter nodes (Ready, schedulable, taints,
 * nodeSelector), score by fewest pods, break ties with the seeded PRNG, bind.
 * The failure message follows framework.FitError.Error() in pkg/scheduler/framework/types.go.
 */
export class Scheduler implements Controller {
  readonly name = 'default-scheduler';
  readonly handlers = { 'schedule-pod': (t: Task) => this.schedule(t) };
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {}

  start(): void {
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      const pod = ev.object as Pod;
      if (ev.type === 'ADDED' && !pod.spec?.nodeName) this.enqueue(pod);
      // AssignedPodDelete frees requested resources: unschedulable pods move back to the active queue.
      if (ev.type === 'DELETED' && pod.spec?.nodeName) retry();
    }, { kind: 'Pod' }));
    // Unschedulable pods are retried when nodes or claims change (the scheduling queue's move request).
    const retry = () => {
      for (const p of this.ctx.store.filter((o) => o.kind === 'Pod' && !o.spec?.nodeName && !o.metadata.deletionTimestamp, 'Pod') as Pod[]) {
        this.enqueue(p);
      }
    };
    this.unsubscribe.push(this.ctx.store.subscribe(retry, { kind: 'Node' }));
    this.unsubscribe.push(this.ctx.store.subscribe(retry, { kind: 'PersistentVolumeClaim' }));
  }

  stop(): void {
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
  }

  private enqueue(pod: Pod): void {
    this.ctx.enqueue(0, { type: 'schedule-pod', ns: pod.metadata!.namespace, name: pod.metadata!.name, uid: pod.metadata!.uid });
  }

  private unschedulable(pod: Pod, msg: string, now: number): void {
    if (pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message === msg) return;
    setCondition(pod, 'PodScheduled', 'False', now, 'Unschedulable', msg);
    this.ctx.api.write(pod);
    this.ctx.events.record(pod, 'Warning', 'FailedScheduling', msg, { component: 'default-scheduler' });
  }

  private schedule(task: Task): void {
    const { store, api, events, prng } = this.ctx;
    const stored = store.peekOne('Pod', task.ns as string, task.name as string) as Readonly<Pod> | undefined;
    if (!stored || stored.metadata?.uid !== task.uid || stored.spec?.nodeName || stored.metadata?.deletionTimestamp) return;
    // The binding sets spec.nodeName and the PodScheduled condition: those levels are copied, the rest shared.
    const pod: Pod = { ...statusCopy(stored), spec: { ...stored.spec! } };
    // Read only: the stored nodes in list (name) order, not copied.
    const nodes = [...store.peek('Node')].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)) as Node[];
    const now = this.ctx.now();
    const volumeProblem = volumeSchedulingProblem(store, pod);
    if (volumeProblem) {
      this.unschedulable(pod, `0/${nodes.length} nodes are available: ${volumeProblem}. preemption: 0/${nodes.length} nodes are ` +
        `available: ${nodes.length} Preemption is not helpful for scheduling.`, now);
      return;
    }
    const reasons = new Map<string, number>();
    const fail = (r: string) => reasons.set(r, (reasons.get(r) ?? 0) + 1);
    const requested = requestedByNode(store.peek('Pod') as Pod[]);
    let preemptible = 0; // nodes that failed only NodeResourcesFit (preemption could help if victims existed)
    const feasible = nodes.filter((n) => {
      if (!isReady(n)) return fail("node(s) were not ready"), false;
      if (n.spec?.unschedulable) return fail('node(s) were unschedulable'), false;
      const taint = blocking(n, pod);
      if (taint) return fail(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`), false;
      if (!podMatchesNode(pod, n)) {
        return fail("node(s) didn't match Pod's node affinity/selector"), false;
      }
      const short = insufficientResources(pod, n, requested.get(n.metadata?.name ?? ''));
      if (short.length) { short.forEach(fail); preemptible++; return false; }
      return true;
    });
    if (feasible.length === 0) {
      const parts = [...reasons].map(([r, c]) => `${c} ${r}`).sort();
      // Every pod here has priority 0, so preemption finds no victims on nodes that only lack resources.
      const pre = [...(nodes.length - preemptible ? [`${nodes.length - preemptible} Preemption is not helpful for scheduling`] : []),
        ...(preemptible ? [`${preemptible} No preemption victims found for incoming pod`] : [])].sort();
      this.unschedulable(pod, `0/${nodes.length} nodes are available: ${parts.join(', ')}. preemption: 0/${nodes.length} nodes are ` +
        `available: ${pre.join(', ')}.`, now);
      return;
    }
    const perNode = new Map<string, number>();
    for (const p of store.peek('Pod') as Pod[]) {
      if (!p.spec?.nodeName || ['Succeeded', 'Failed'].includes(p.status?.phase ?? '')) continue;
      perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    }
    const load = (n: Node) => perNode.get(n.metadata?.name ?? '') ?? 0;
    const best = Math.min(...feasible.map(load));
    const ties = feasible.filter((n) => load(n) === best);
    const node = ties[ties.length === 1 ? 0 : prng.int(ties.length)];
    pod.spec!.nodeName = node.metadata!.name;
    setCondition(pod, 'PodScheduled', 'True', now);
    api.writeOwned(pod); // our copy; stored as is (and only read from here on)
    const bound = pod;
    selectNodeForDelayedClaims(this.ctx, bound);
    events.record(bound, 'Normal', 'Scheduled',
      `Successfully assigned ${pod.metadata!.namespace}/${pod.metadata!.name} to ${node.metadata!.name}`,
      { component: 'default-scheduler' });
  }
}
