import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView } from './cluster-view';

type Obj = { kind: string; metadata: { name: string; namespace?: string; [k: string]: unknown }; [k: string]: unknown };

/** A plain-object cluster for tests: objects carry their own kind. */
export function fakeCluster(objects: Obj[]): ClusterView {
  return {
    get: <T,>(kind: string, ns: string | undefined, name: string) =>
      objects.find((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === ns) as T | undefined,
    list: <T,>(kind: string, ns?: string) =>
      objects.filter((o) => o.kind === kind && (ns === undefined || o.metadata.namespace === ns)) as T[],
  };
}

export interface PodOpts {
  ns?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  ready?: boolean;
  waiting?: string;
  labels?: Record<string, string>;
  deleting?: boolean;
  unschedulable?: string;
}

export function pod(name: string, o: PodOpts = {}): Pod & Obj {
  const phase = o.phase ?? 'Running';
  const ready = o.ready ?? (phase === 'Running' && !o.waiting);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.ns ?? 'default',
      labels: o.labels,
      ...(o.deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase,
      conditions: [
        o.unschedulable
          ? { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: o.unschedulable }
          : { type: 'PodScheduled', status: 'True' },
        { type: 'Ready', status: ready ? 'True' : 'False' },
      ],
      containerStatuses: o.unschedulable
        ? undefined
        : [
            {
              name: 'c',
              image: 'nginx',
              imageID: '',
              restartCount: 0,
              ready,
              state: o.waiting ? { waiting: { reason: o.waiting } } : phase === 'Running' ? { running: {} } : {},
            },
          ],
    },
  } as Pod & Obj;
}
