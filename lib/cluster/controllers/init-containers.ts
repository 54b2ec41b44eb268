import type { Container, ContainerStatus, Pod } from '../k8s';
import { rfc3339 } from '../api/time';
import { resolveHost } from '../network/dns';
import { lookupImage, processFor } from '../runtime/images';
import type { Kubelet } from './kubelet';
import { setCondition, waitingStatus } from './pod-status';

/**
 * Init containers (pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions):
 * they run one at a time, in order, each to successful completion, before any app container
 * starts. A failed one is restarted per the pod's restartPolicy (the pod fails with Never).
 * Sidecars — init containers with restartPolicy: Always — start in their turn and keep running.
 */
export const specsOf = (pod: Pod, init?: boolean): Container[] => (init ? pod.spec!.initContainers ?? [] : pod.spec!.containers);
export const statusesOf = (pod: Pod, init?: boolean): ContainerStatus[] =>
  (init ? pod.status!.initContainerStatuses ?? [] : pod.status!.containerStatuses ?? []);

export const isSidecar = (c: Container | undefined) => c?.restartPolicy === 'Always';

/** Initialized=False while some regular init container has not completed (pkg/kubelet/status/generate.go). */
export function refreshInitialized(pod: Pod, now: number): void {
  const inits = pod.spec!.initContainers ?? [];
  if (inits.length === 0) return;
  const statuses = pod.status!.initContainerStatuses ?? [];
  const incomplete = inits.filter((c, i) => {
    const s = statuses[i];
    if (isSidecar(c)) return !s?.started;
    return s?.state?.terminated?.exitCode !== 0;
  }).map((c) => c.name);
  if (incomplete.length === 0) setCondition(pod, 'Initialized', 'True', now);
  else setCondition(pod, 'Initialized', 'False', now, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`);
}

/** The sandbox is up: every container waits on PodInitializing and the first init container is pulled. */
export function startInit(k: Kubelet, pod: Pod): void {
  const st = pod.status!;
  st.initContainerStatuses = pod.spec!.initContainers!.map((c) => waitingStatus(c, 'PodInitializing'));
  st.containerStatuses = pod.spec!.containers.map((c) => waitingStatus(c, 'PodInitializing'));
  refreshInitialized(pod, k.ctx.now());
  k.save(pod);
  k.enqueueFor(pod, 150, 'pull', { c: 0, init: true });
}

/** Init container `i` completed (or, as a sidecar, started): the next one, or the app containers. */
export function initDone(k: Kubelet, pod: Pod, i: number): void {
  refreshInitialized(pod, k.ctx.now());
  k.save(pod);
  if (i + 1 < (pod.spec!.initContainers ?? []).length) { k.enqueueFor(pod, 50, 'pull', { c: i + 1, init: true }); return; }
  if (pod.status!.containerStatuses?.[0]?.state?.waiting?.reason === 'PodInitializing') k.enqueueFor(pod, 50, 'pull', { c: 0 });
}

/** A regular init container failed under restartPolicy Never: the pod fails (kubelet's `Init:Error`). */
export function initFailed(k: Kubelet, pod: Pod): void {
  const now = k.ctx.now();
  pod.status!.phase = 'Failed';
  refreshInitialized(pod, now);
  setCondition(pod, 'PodReadyToStartContainers', 'False', now);
  setCondition(pod, 'Ready', 'False', now, 'PodFailed');
  setCondition(pod, 'ContainersReady', 'False', now, 'PodFailed');
  k.ctx.api.write(pod);
}

/**
 * The main containers of a pod that does not restart have all exited: its sidecars are stopped
 * (SIGTERM; a PID 1 without a handler is killed, 137). Their exit codes do not change the phase.
 */
export function stopSidecars(pod: Pod, now: number): void {
  (pod.spec!.initContainers ?? []).forEach((c, i) => {
    const s = pod.status!.initContainerStatuses?.[i];
    if (!isSidecar(c) || !s?.state?.running) return;
    const spec = c.image ? lookupImage(c.image) : undefined;
    const code = spec && processFor(c, spec).stopMs !== undefined ? 0 : 137;
    s.state = { terminated: { containerID: s.containerID, exitCode: code, reason: code === 0 ? 'Completed' : 'Error',
      startedAt: s.state.running.startedAt, finishedAt: rfc3339(now) } };
    s.ready = false;
    s.started = false;
  });
}

/**
 * The host an init script waits for with the docs' pattern
 * `until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do ... done`.
 */
export function awaitedHost(pod: Pod, container: Container): string | undefined {
  const text = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
  const m = /\buntil\s+nslookup\s+([^;]+?)\s*;\s*do\b/.exec(text);
  if (!m) return undefined;
  const ns = pod.metadata?.namespace ?? 'default';
  return m[1].replace(/\$\(cat\s+\/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/namespace\)/g, ns).replace(/^["']|["']$/g, '');
}

/** Whether the cluster DNS answers the awaited host for this pod now. */
export function hostResolves(k: Kubelet, pod: Pod, host: string): boolean {
  const view = {
    seed: '', now: () => k.ctx.now(),
    get: <T>(kind: string, ns: string | undefined, name: string) => k.ctx.store.get(kind, ns, name) as T | undefined,
    list: <T>(kind: string, ns?: string) => k.ctx.store.list(kind, ns) as T[],
  };
  return resolveHost(view, host, pod).ok;
}

/** The loop's next turn after the name starts resolving: its `sleep N` (2 s in the docs). */
export function loopSleepMs(container: Container): number {
  const m = /\bsleep\s+(\d+(?:\.\d+)?)/.exec([...(container.command ?? []), ...(container.args ?? [])].join(' '));
  return m ? Math.max(100, Number(m[1]) * 1000) : 1000;
}

/** A Service changed: init containers looping on `nslookup` for it may now get an answer. */
export function wakeDnsWaiters(k: Kubelet): void {
  for (const pod of k.ctx.store.peek('Pod') as Pod[]) {
    if (!pod.spec?.initContainers?.length || pod.metadata?.deletionTimestamp) continue;
    pod.spec.initContainers.forEach((c, i) => {
      const st = pod.status?.initContainerStatuses?.[i];
      const host = st?.state?.running ? awaitedHost(pod, c) : undefined;
      if (host && hostResolves(k, pod, host)) k.enqueueFor(pod, loopSleepMs(c), 'exit', { c: i, init: true, code: 0, cid: st!.containerID });
    });
  }
}
