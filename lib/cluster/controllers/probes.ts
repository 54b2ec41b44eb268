import type { Probe } from 'kubernetes-types/core/v1';
import type { Pod } from '../k8s';
import { lookupImage, processFor } from '../runtime/images';
import { scriptFileOps } from '../runtime/process-logs';
import type { Kubelet, KubeletTask } from './kubelet';
import { PROBE_FIELD, PROBE_TITLE, runProbe, type ProbeKind } from './probe-check';
import { ContainerFiles } from './probe-files';
import { specsOf, statusesOf } from './init-containers';

/**
 * Probe workers (pkg/kubelet/prober/worker.go) without polling. A worker probes every
 * periodSeconds once the container has run initialDelaySeconds; a result only takes effect
 * after failureThreshold failures / successThreshold successes in a row. Here a worker runs
 * only while its outcome can still change: it stops once the result matches the container's
 * state (ready, started, alive), and is woken again by what can change a probe's answer —
 * the container (re)starting, a file written in it, a step of its own script. Wake-ups land on
 * the worker's period grid, as the real ticker would.
 */
// The worker starts with the kubelet's pod sync right after the container starts; the grid is
// anchored on the whole second of startedAt (what the status keeps) plus that first sync.
const TICK_OFFSET_MS = 1000;

type Last = 's' | 'f' | 'u';

const probeOf = (pod: Pod, c: number, kind: ProbeKind): Probe | undefined => pod.spec!.containers[c]?.[PROBE_FIELD[kind]];

/**
 * First tick of the worker's grid at or after `after` that is past the initial delay
 * (worker.go doProbe skips while `int(time.Since(startedAt).Seconds()) < initialDelaySeconds`).
 */
function nextTick(startedAt: number, probe: Probe, after: number): number {
  const period = Math.max(1, probe.periodSeconds ?? 10) * 1000;
  const base = startedAt + TICK_OFFSET_MS;
  const k = Math.max(0, Math.ceil(((probe.initialDelaySeconds ?? 0) * 1000 - TICK_OFFSET_MS) / period), Math.ceil((after - base) / period));
  return base + k * period;
}

const chainKey = (pod: Pod, c: number, kind: ProbeKind) => `${pod.metadata!.uid}/${c}/${kind}`;

function schedule(k: Kubelet, pod: Pod, c: number, kind: ProbeKind, last: Last, run: number, after: number): void {
  const st = pod.status!.containerStatuses![c];
  const probe = probeOf(pod, c, kind)!;
  const at = nextTick(Date.parse(st.state!.running!.startedAt!), probe, after);
  k.probeChains.set(chainKey(pod, c, kind), at);
  k.enqueueFor(pod, at - k.ctx.now(), 'probe', { c, probe: kind, cid: st.containerID, last, run, at });
}

/** At container start: the startup worker, or the liveness and readiness workers. */
export function startProbes(k: Kubelet, pod: Pod, c: number): void {
  const now = k.ctx.now();
  if (probeOf(pod, c, 'startup')) { schedule(k, pod, c, 'startup', 'u', 0, now); return; }
  for (const kind of ['liveness', 'readiness'] as const) if (probeOf(pod, c, kind)) schedule(k, pod, c, kind, 'u', 0, now);
}

/** Something a probe may depend on changed: idle workers of the pod's running containers wake up. */
export function wakeProbes(k: Kubelet, pod: Pod): void {
  const now = k.ctx.now();
  pod.status?.containerStatuses?.forEach((st, c) => {
    if (!st.state?.running || k.killing.has(st.containerID ?? '')) return;
    const started = st.started !== false;
    for (const kind of ['startup', 'liveness', 'readiness'] as const) {
      if (!probeOf(pod, c, kind) || k.probeChains.has(chainKey(pod, c, kind))) continue;
      if (kind === 'startup' ? started : !started) continue;
      if (kind === 'readiness') schedule(k, pod, c, kind, st.ready ? 's' : 'f', Number.MAX_SAFE_INTEGER, now);
      else schedule(k, pod, c, kind, kind === 'liveness' ? 's' : 'u', kind === 'liveness' ? Number.MAX_SAFE_INTEGER : 0, now);
    }
  });
}

/** The `probe` stage: one run of a worker. */
export function probeStage(k: Kubelet, pod: Pod, task: KubeletTask): void {
  const c = task.c ?? 0;
  const kind = task.probe as ProbeKind;
  const key = chainKey(pod, c, kind);
  const token = k.probeChains.get(key);
  if (token !== undefined && token !== task.at) return; // superseded by a newer wake-up
  k.probeChains.delete(key);
  const st = pod.status?.containerStatuses?.[c];
  const probe = probeOf(pod, c, kind);
  if (!probe || !st?.state?.running || st.containerID !== task.cid || k.killing.has(task.cid ?? '')) return;
  const container = pod.spec!.containers[c];
  const out = runProbe(pod, c, probe, () => new ContainerFiles(k.files, k.ctx.store, pod, container), k.ctx.now());
  if (out.notSimulated) {
    k.event(pod, 'Warning', 'ProbeNotSimulated', `KubeLab does not simulate "${out.notSimulated}" in a ${kind} probe; it counts as passing`, c);
  }
  if (out.result === 'error') {
    // prober.go: "Probe errored" — the result is thrown away and the state stays as it is.
    k.event(pod, 'Warning', 'Unhealthy', `${PROBE_TITLE[kind]} probe errored: ${out.output}`, c);
    return;
  }
  const res: Last = out.result === 'success' ? 's' : 'f';
  if (res === 'f') k.event(pod, 'Warning', 'Unhealthy', `${PROBE_TITLE[kind]} probe failed: ${out.output}`, c);
  const run = res === task.last ? Math.min((task.run ?? 0) + 1, Number.MAX_SAFE_INTEGER) : 1;
  const threshold = res === 's' ? probe.successThreshold ?? 1 : probe.failureThreshold ?? 3;
  const next = () => schedule(k, pod, c, kind, res, run, k.ctx.now() + 1);
  if (run < threshold) { next(); return; }
  if (kind === 'readiness') {
    if (st.ready !== (res === 's')) { st.ready = res === 's'; k.save(pod); }
    return;
  }
  if (res === 'f') { killForProbe(k, pod, c, kind); return; }
  if (kind === 'startup') {
    st.started = true;
    if (!probeOf(pod, c, 'readiness')) st.ready = true;
    k.save(pod);
    for (const kd of ['liveness', 'readiness'] as const) if (probeOf(pod, c, kd)) schedule(k, pod, c, kd, 'u', 0, k.ctx.now() + 1);
  }
}

/**
 * computePodActions (pkg/kubelet/kuberuntime/kuberuntime_manager.go): a container that failed its
 * liveness or startup probe is killed (SIGTERM, SIGKILL after the grace period) and restarted
 * per restartPolicy. A shell or sleep as PID 1 ignores SIGTERM and dies with 137.
 */
function killForProbe(k: Kubelet, pod: Pod, c: number, kind: ProbeKind): void {
  const st = pod.status!.containerStatuses![c];
  const container = pod.spec!.containers[c];
  k.killing.add(st.containerID ?? '');
  k.event(pod, 'Normal', 'Killing', `Container ${container.name} failed ${kind} probe, will be restarted`, c);
  const probe = probeOf(pod, c, kind)!;
  const grace = (probe.terminationGracePeriodSeconds ?? pod.spec!.terminationGracePeriodSeconds ?? 30) * 1000;
  const proc = processFor(container, lookupImage(container.image!)!);
  const stop = proc.stopMs === undefined ? grace : Math.min(grace, proc.stopMs);
  k.enqueueFor(pod, stop, 'exit', { c, cid: st.containerID, code: proc.stopMs === undefined || proc.stopMs > grace ? 137 : 0 });
}

/** Schedules the file writes and removals of the container's own script (`touch`, `rm`, `echo > f`). */
export function scheduleScriptFiles(k: Kubelet, pod: Pod, c: number, init?: boolean): void {
  const st = statusesOf(pod, init)[c];
  scriptFileOps(specsOf(pod, init)[c]).forEach((op, i) => k.enqueueFor(pod, op.at, 'fsop', { c, init, cid: st.containerID, op: i }));
}

/** The `fsop` stage: one file step of the container's script happens. */
export function fsopStage(k: Kubelet, pod: Pod, task: KubeletTask): void {
  const c = task.c ?? 0;
  const st = statusesOf(pod, task.init)[c];
  if (!st?.state?.running || st.containerID !== task.cid) return;
  const container = specsOf(pod, task.init)[c];
  const op = scriptFileOps(container)[task.op ?? -1];
  if (!op) return;
  const files = new ContainerFiles(k.files, k.ctx.store, pod, container);
  if (op.kind === 'remove') files.set(op.path, undefined);
  else if (op.kind === 'touch') files.set(op.path, files.read(op.path) ?? '');
  else files.set(op.path, (op.kind === 'append' ? files.read(op.path) ?? '' : '') + (op.text ?? ''));
}
