import type { Container, ContainerStatus, Pod, PodCondition } from '../k8s';
import { rfc3339 } from '../api/time';
import { lookupImage, processFor } from '../runtime/images';

export type PodConditionType = 'PodReadyToStartContainers' | 'Initialized' | 'Ready' | 'ContainersReady' | 'PodScheduled';

// The order the kubelet's status manager writes conditions (pkg/kubelet/status/generate.go).
const CONDITION_ORDER: PodConditionType[] = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

export function setCondition(pod: Pod, type: PodConditionType, status: 'True' | 'False', now: number,
  reason?: string, message?: string): void {
  const st = (pod.status ??= {});
  const list = (st.conditions ??= []);
  const existing = list.find((c) => c.type === type);
  const changed = !existing || existing.status !== status;
  const cond: PodCondition = {
    type, status, lastProbeTime: null as unknown as string,
    lastTransitionTime: changed ? rfc3339(now) : existing!.lastTransitionTime,
    observedGeneration: pod.metadata?.generation ?? 1,
    ...(reason && { reason }), ...(message && { message }),
  } as PodCondition;
  const rest = list.filter((c) => c.type !== type);
  rest.push(cond);
  st.conditions = rest.sort((a, b) =>
    CONDITION_ORDER.indexOf(a.type as PodConditionType) - CONDITION_ORDER.indexOf(b.type as PodConditionType));
}

export function getCondition(pod: Pod, type: PodConditionType): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

export function waitingStatus(c: Container, reason: string, message?: string, prev?: ContainerStatus): ContainerStatus {
  return {
    name: c.name, image: c.image ?? '', imageID: prev?.imageID ?? '', ...(prev?.containerID && { containerID: prev.containerID }),
    lastState: prev?.lastState ?? {}, ready: false, restartCount: prev?.restartCount ?? 0, started: false,
    state: { waiting: { reason, ...(message && { message }) } },
    volumeMounts: (c.volumeMounts ?? []).map((m) => ({
      name: m.name, mountPath: m.mountPath, ...(m.readOnly && { readOnly: true, recursiveReadOnly: 'Disabled' }),
    })),
  };
}

/** Marks the pod Ready / ContainersReady from its container statuses. */
export function refreshReadiness(pod: Pod, now: number): void {
  const statuses = pod.status?.containerStatuses ?? [];
  const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
  if (notReady.length === 0 && statuses.length > 0) {
    setCondition(pod, 'Ready', 'True', now);
    setCondition(pod, 'ContainersReady', 'True', now);
  } else {
    const msg = `containers with unready status: [${notReady.join(' ')}]`;
    setCondition(pod, 'Ready', 'False', now, 'ContainersNotReady', msg);
    setCondition(pod, 'ContainersReady', 'False', now, 'ContainersNotReady', msg);
  }
}

/**
 * The containers of a deleted pod once killed: a process that handles SIGTERM within the grace
 * period exits 0, one that ignores it (a shell or sleep as PID 1) is SIGKILLed: 137. The phase
 * follows (getPhase with podIsTerminal): Succeeded when all exited 0, else Failed.
 */
export function terminalStatus(pod: Pod, now: number): void {
  const grace = (pod.metadata?.deletionGracePeriodSeconds ?? 30) * 1000;
  const statuses = pod.status?.containerStatuses ?? [];
  pod.spec!.containers.forEach((container, c) => {
    const s = statuses[c];
    if (!s) return;
    if (s.state?.running) {
      const spec = lookupImage(container.image!);
      const stop = spec ? processFor(container, spec).stopMs : undefined;
      const code = stop !== undefined && stop <= grace ? 0 : 137;
      s.state = { terminated: { containerID: s.containerID, exitCode: code, reason: code === 0 ? 'Completed' : 'Error',
        startedAt: s.state.running.startedAt, finishedAt: rfc3339(now) } };
    } else if (!s.state?.terminated) {
      s.state = { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated',
        startedAt: null as unknown as string, finishedAt: null as unknown as string } };
    }
    s.ready = false;
    s.started = false;
  });
  if (pod.status!.phase !== 'Succeeded' && pod.status!.phase !== 'Failed') {
    pod.status!.phase = statuses.length > 0 && statuses.every((x) => x.state?.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  setCondition(pod, 'PodReadyToStartContainers', 'False', now);
  setCondition(pod, 'Ready', 'False', now, 'PodCompleted');
  setCondition(pod, 'ContainersReady', 'False', now, 'PodCompleted');
}
