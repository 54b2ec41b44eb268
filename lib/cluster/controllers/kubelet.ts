import { statusCopy } from '../clone';
import type { Node, Pod } from '../k8s';
import type { Task } from '../queue';
import type { Controller, ControllerContext } from './controller';
import { refreshReadiness, setCondition, waitingStatus } from './pod-status';
import { podStages, type StageName } from './pod-stages';
import { claimNamesOf } from './volumes';
import { VolumeFiles } from '../runtime/volume-files';
import { wakeProbes } from './probes';
import { specsOf, statusesOf, wakeDnsWaiters } from './init-containers';

export interface KubeletTask extends Task {
  type: 'kubelet';
  step: StageName;
  ns: string;
  name: string;
  uid: string;
  /** Container index the step is about. */
  c?: number;
  /** Image-pull or crash back-off attempt. */
  attempt?: number;
  restart?: boolean;
  /** Exit code for the `exit` step, and the runtime's reason/message when the process could not start. */
  code?: number;
  reason?: string;
  message?: string;
  /** Simulated pull duration for the `pulled` step. */
  ms?: number;
  /** The container instance (containerID) a step is about; stale steps of an earlier instance are dropped. */
  cid?: string;
  /** Probe worker state for the `probe` step: which probe, last result and its run length, grid time. */
  probe?: string;
  last?: 's' | 'f' | 'u';
  run?: number;
  at?: number;
  /** Index into the container script's file steps for the `fsop` step. */
  op?: number;
  /** `c` indexes spec.initContainers instead of spec.containers. */
  init?: boolean;
  /** The `exit` step comes from an attached client (`Cluster.exitContainer`), not the process model. */
  attached?: boolean;
}

/**
 * The kubelets of all nodes as one controller. Pod lifecycle is data: each step in
 * `pod-stages.ts` updates status, records events and schedules the next step on the
 * virtual clock (the stage idea of kubernetes-sigs/kwok).
 */
export class Kubelet implements Controller {
  readonly name = 'kubelet';
  readonly handlers = { kubelet: (t: Task) => this.run(t as KubeletTask) };
  private unsubscribe?: () => void;
  /** Pending probe worker per `uid/container/kind` → its next grid time (see probes.ts). */
  readonly probeChains = new Map<string, number>();
  /** Containers being killed after a failed liveness/startup probe. */
  readonly killing = new Set<string>();
  readonly files: VolumeFiles;
  /**
   * `uid/container` of containers a client is attached to (`kubectl run -i`): their own process
   * model does not end them; the attached command's real exit status does (exitContainer).
   */
  readonly attached = new Set<string>();

  constructor(readonly ctx: ControllerContext, files?: VolumeFiles) {
    ctx.api.onGraceful((obj) => {
      if (obj.kind === 'Pod') this.enqueueFor(obj as Pod, 0, 'kill');
    });
    this.files = files ?? new VolumeFiles();
    // A file written in a container (kubectl exec, its own script) may change an exec or HTTP probe's answer.
    this.files.onChange((key) => this.filesChanged(key));
  }

  private filesChanged(key: string): void {
    const [kind, id] = key.split('/');
    const pods = this.ctx.store.peek('Pod') as Pod[];
    for (const pod of pods) {
      if (!pod.status?.containerStatuses?.some((s) => s.state?.running)) continue;
      const hit = kind === 'pod' ? pod.metadata?.uid === id : claimNamesOf(pod).length > 0;
      if (hit && !pod.metadata?.deletionTimestamp) wakeProbes(this, pod);
    }
  }

  start(): void {
    this.unsubscribe = this.ctx.store.subscribe((ev) => {
      const pod = ev.object as Pod;
      if (ev.type === 'DELETED' && claimNamesOf(pod).length) this.retryMounts(pod);
      if (ev.type === 'DELETED' || !pod.spec?.nodeName || pod.status?.startTime || pod.metadata?.deletionTimestamp) return;
      if (ev.type === 'ADDED' || !(ev.object.status?.conditions ?? []).some((c: { type: string }) => c.type === 'PodReadyToStartContainers')) {
        this.enqueueFor(pod, 700 + this.ctx.prng.int(500), 'admit');
      }
    }, { kind: 'Pod' });
    const unsubscribeServices = this.ctx.store.subscribe((ev) => {
      if (ev.type !== 'MODIFIED') wakeDnsWaiters(this);
    }, { kind: 'Service' });
    const unsubscribePods = this.unsubscribe;
    this.unsubscribe = () => { unsubscribePods(); unsubscribeServices(); };
  }

  stop(): void {
    this.unsubscribe?.();
  }

  /** A pod holding a volume went away: pods waiting to attach it try again (the attach/detach reconciler). */
  private retryMounts(gone: Pod): void {
    const claims = new Set(claimNamesOf(gone).map((c) => c.claim));
    const waiting = this.ctx.store.filter((o) => o.kind === 'Pod' && o.metadata.namespace === gone.metadata?.namespace &&
      !!o.status?.startTime && !o.status?.podIP && !o.metadata.deletionTimestamp &&
      claimNamesOf(o as Pod).some((c) => claims.has(c.claim)), 'Pod') as Pod[];
    for (const p of waiting) this.enqueueFor(p, 500 + this.ctx.prng.int(500), 'mount');
  }

  enqueueFor(pod: Pod, delayMs: number, step: StageName, extra: Partial<KubeletTask> = {}): void {
    const m = pod.metadata!;
    this.ctx.enqueue(delayMs, { type: 'kubelet', step, ns: m.namespace!, name: m.name!, uid: m.uid!, ...extra });
  }

  private run(task: KubeletTask): void {
    const stored = this.ctx.store.peekOne('Pod', task.ns, task.name) as Readonly<Pod> | undefined;
    if (!stored || stored.metadata?.uid !== task.uid) return;
    if (stored.metadata?.deletionTimestamp && task.step !== 'kill' && task.step !== 'remove') return;
    podStages[task.step](this, statusCopy(stored), task);
  }

  /**
   * The container's main process exits with `code` now (an attached command ended, or the
   * attached shell ran `exit`); the kubelet then restarts it per restartPolicy.
   */
  exitContainer(pod: Pod, container: string, code: number, failure?: { reason: string; message: string }): boolean {
    this.attached.delete(`${pod.metadata!.uid}/${container}`);
    const c = pod.spec!.containers.findIndex((x) => x.name === container);
    const s = pod.status?.containerStatuses?.[c];
    if (c < 0 || !s?.state?.running) return false;
    this.enqueueFor(pod, 0, 'exit', { c, code, cid: s.containerID, attached: true, ...failure });
    return true;
  }

  /** The pod's node, read-only (not copied: never change it; see nodeForUpdate). */
  node(pod: Pod): Readonly<Node> | undefined {
    return this.ctx.store.peekOne('Node', undefined, pod.spec!.nodeName!) as Readonly<Node> | undefined;
  }

  /** A copy of the pod's node to change and write back. */
  nodeForUpdate(pod: Pod): Node | undefined {
    return this.ctx.store.get('Node', undefined, pod.spec!.nodeName!) as Node | undefined;
  }

  /** Writes the pod with its readiness conditions refreshed. */
  save(pod: Pod): void {
    if (pod.status?.phase === 'Running' || pod.status?.phase === 'Pending') refreshReadiness(pod, this.ctx.now());
    // One copy for the store (the stages keep using `pod` afterwards), instead of write()'s two.
    this.ctx.api.writeOwned(statusCopy(pod));
  }

  event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, c?: number, init?: boolean): void {
    const container = c === undefined ? undefined : specsOf(pod, init)[c];
    this.ctx.events.record(pod, type, reason, message, { component: 'kubelet', host: pod.spec!.nodeName },
      container ? `spec.${init ? 'initContainers' : 'containers'}{${container.name}}` : undefined);
  }

  setWaiting(pod: Pod, c: number, reason: string, message?: string, init?: boolean): void {
    const statuses = statusesOf(pod, init);
    statuses[c] = waitingStatus(specsOf(pod, init)[c], reason, message, statuses[c]);
  }

  markSandboxReady(pod: Pod): void {
    setCondition(pod, 'PodReadyToStartContainers', 'True', this.ctx.now());
    setCondition(pod, 'Initialized', 'True', this.ctx.now());
  }
}
