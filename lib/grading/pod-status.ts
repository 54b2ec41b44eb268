import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';

const terminalPhases = new Set(['Succeeded', 'Failed']);

function terminatedReason(c: ContainerStatus, prefix = ''): string | undefined {
  const t = c.state?.terminated;
  if (!t) return undefined;
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode}`;
}

export const isTerminating = (pod: Pod) => Boolean(pod.metadata?.deletionTimestamp);

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Running, not being deleted, Ready=True. */
export function isPodServing(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod) && !isTerminating(pod);
}

/** The STATUS column of `kubectl get pods` (printPod in kubernetes printers.go, simplified). */
export function podDisplayStatus(pod: Pod): string {
  const status = pod.status ?? {};
  let reason = status.reason || status.phase || 'Unknown';
  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'SchedulingGated') reason = 'SchedulingGated';

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (const [i, c] of inits.entries()) {
    if (c.state?.terminated?.exitCode === 0) continue;
    initializing = true;
    const waiting = c.state?.waiting?.reason;
    reason =
      terminatedReason(c, 'Init:') ??
      (waiting && waiting !== 'PodInitializing' ? `Init:${waiting}` : `Init:${i}/${pod.spec?.initContainers?.length ?? inits.length}`);
    break;
  }

  if (!initializing) {
    let hasRunning = false;
    for (const c of [...(status.containerStatuses ?? [])].reverse()) {
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated) reason = terminatedReason(c)!;
      else if (c.ready && c.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = isPodReady(pod) ? 'Running' : 'NotReady';
  }

  if (isTerminating(pod) && !terminalPhases.has(status.phase ?? '')) reason = 'Terminating';
  return reason;
}

/** `1/2`: ready containers out of all containers. */
export function readyContainers(pod: Pod): string {
  const total = pod.spec?.containers?.length ?? pod.status?.containerStatuses?.length ?? 0;
  const ready = pod.status?.containerStatuses?.filter((c) => c.ready).length ?? 0;
  return `${ready}/${total}`;
}

/** Why a pod is not yet scheduled, if that is the case. */
export function unschedulableMessage(pod: Pod): string | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'PodScheduled');
  if (pod.status?.phase === 'Pending' && c?.status === 'False' && c.reason === 'Unschedulable') {
    return c.message || 'Unschedulable';
  }
  return undefined;
}
