import type { Pod } from 'kubernetes-types/core/v1';
import { since } from './duration';
import type { TablePrinter } from './types';

type ContainerStatus = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number];

const later = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : Date.parse(b) > Date.parse(a) ? b : a);

/**
 * printPod from pkg/printers/internalversion/printers.go: READY counts, the STATUS
 * reason chain (init containers, then containers last to first, Terminating),
 * RESTARTS with "(X ago)" of the latest termination.
 */
export function podRow(pod: Pod, now: number, wide: boolean): string[] {
  const spec = pod.spec ?? { containers: [] };
  const st = pod.status ?? {};
  const initSpecs = new Map((spec.initContainers ?? []).map((c) => [c.name, c]));
  const isSidecar = (name: string) => initSpecs.get(name)?.restartPolicy === 'Always';
  let restarts = 0;
  let sidecarRestarts = 0;
  let ready = 0;
  let lastRestart: string | undefined;
  let lastSidecarRestart: string | undefined;
  const total = spec.containers.length + (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').length;
  let reason: string = st.reason || st.phase || '';
  if (st.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  const inits = st.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    restarts += c.restartCount ?? 0;
    const term = c.lastState?.terminated;
    if (term) lastRestart = later(lastRestart, term.finishedAt);
    if (isSidecar(c.name)) {
      sidecarRestarts += c.restartCount ?? 0;
      if (term) lastSidecarRestart = later(lastSidecarRestart, term.finishedAt);
    }
    if (c.state?.terminated && c.state.terminated.exitCode === 0) continue;
    if (isSidecar(c.name) && c.started) { if (c.ready) ready++; continue; }
    if (c.state?.terminated) {
      const t = c.state.terminated;
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initialized = st.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses: ContainerStatus[] = st.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestart = later(lastRestart, c.lastState.terminated.finishedAt);
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) {
        reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = 'Terminating';

  const restartsCell = restarts !== 0 && lastRestart ? `${restarts} (${since(lastRestart, now)} ago)` : String(restarts);
  const row = [pod.metadata?.name ?? '', `${ready}/${total}`, reason, restartsCell, since(pod.metadata?.creationTimestamp, now)];
  if (wide) {
    const gates = spec.readinessGates ?? [];
    const gatesTrue = gates.filter((g) => st.conditions?.some((c) => c.type === g.conditionType && c.status === 'True')).length;
    row.push(st.podIPs?.[0]?.ip || '<none>', spec.nodeName || '<none>', st.nominatedNodeName || '<none>',
      gates.length ? `${gatesTrue}/${gates.length}` : '<none>');
  }
  return row;
}

export const podPrinter: TablePrinter = {
  columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideColumns: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (obj, o) => podRow(obj as Pod, o.now, o.wide),
};
