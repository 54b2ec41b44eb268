import type { Pod } from '../k8s';
import type { ObjectStore } from '../store';

/**
 * Whether an add-on's program runs: a Ready pod with label app=<app> in kube-system (the
 * add-on Deployments of lib/cluster/addons). The simulated programs (VPA recommender, updater,
 * admission controller, cluster-autoscaler, ...) do their work only while this holds.
 */
export function componentReady(store: Pick<ObjectStore, 'peek'>, app: string, ns = 'kube-system'): boolean {
  return (store.peek('Pod', ns) as Pod[]).some((p) => p.metadata?.labels?.app === app && isReadyPod(p));
}

export function isReadyPod(p: Pod): boolean {
  return p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp &&
    !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Hidden per-lab state of an add-on program (its in-memory model), kept in the store so snapshots carry it. */
export interface ProgramState {
  kind: string;
  metadata: { name: string; namespace: string };
  /** When the program's next loop is due; absent while it is not running. */
  next?: number;
  [key: string]: unknown;
}

export const PROGRAM_KIND = 'KubelabProgramState';

export function programState(store: Pick<ObjectStore, 'get'>, name: string): ProgramState | undefined {
  return store.get(PROGRAM_KIND, 'kube-system', name) as unknown as ProgramState | undefined;
}

export function emptyProgramState(name: string): ProgramState {
  return { kind: PROGRAM_KIND, metadata: { name, namespace: 'kube-system' } };
}
