import type { Event, Namespace, Node } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { since } from './duration';
import type { TablePrinter } from './types';

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`. */
function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

// printNode in pkg/printers/internalversion/printers.go.
export const nodePrinter: TablePrinter = {
  columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideColumns: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row(obj, { now, wide }) {
    const node = obj as Node;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
    if (node.spec?.unschedulable) status.push('SchedulingDisabled');
    const roles = nodeRoles(node).join(',') || '<none>';
    const info = node.status?.nodeInfo;
    const row = [node.metadata?.name ?? '', status.join(','), roles, since(node.metadata?.creationTimestamp, now), info?.kubeletVersion ?? ''];
    if (wide) {
      const addr = (t: string) => node.status?.addresses?.find((a) => a.type === t)?.address || '<none>';
      row.push(addr('InternalIP'), addr('ExternalIP'), info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>',
        info?.containerRuntimeVersion || '<unknown>');
    }
    return row;
  },
};

export const namespacePrinter: TablePrinter = {
  columns: ['NAME', 'STATUS', 'AGE'],
  wideColumns: [],
  row: (obj, { now }) => {
    const ns = obj as Namespace;
    return [ns.metadata?.name ?? '', ns.status?.phase ?? '', since(ns.metadata?.creationTimestamp, now)];
  },
};

// printEvent: LAST SEEN falls back to eventTime for events.k8s.io-style events.
export const eventPrinter: TablePrinter = {
  columns: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideColumns: [],
  row: (obj, { now }) => {
    const ev = obj as Event;
    const first = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now);
    const last = ev.lastTimestamp ? since(ev.lastTimestamp, now) : first;
    const io = ev.involvedObject;
    const target = io.name ? `${(io.kind ?? '').toLowerCase()}/${io.name}` : (io.kind ?? '').toLowerCase();
    return [last, ev.type ?? '', ev.reason ?? '', target, (ev.message ?? '').trim()];
  },
};

const isDefaultClass = (sc: StorageClass) =>
  sc.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
  sc.metadata?.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';

export const storageClassPrinter: TablePrinter = {
  columns: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
  wideColumns: [],
  row: (obj, { now }) => {
    const sc = obj as StorageClass;
    const name = (sc.metadata?.name ?? '') + (isDefaultClass(sc) ? ' (default)' : '');
    return [name, sc.provisioner, sc.reclaimPolicy ?? 'Delete', sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion ?? false), since(sc.metadata?.creationTimestamp, now)];
  },
};

/**
 * kube-aggregator pkg/registry/apiservice/etcd/etcd.go ConvertToTable: SERVICE is `ns/name`
 * or Local (served by kube-apiserver itself); AVAILABLE the Available condition, with its
 * reason when it is not True.
 */
export const apiServicePrinter: TablePrinter = {
  columns: ['NAME', 'SERVICE', 'AVAILABLE', 'AGE'],
  wideColumns: [],
  row: (obj, { now }) => {
    const svc = obj.spec?.service as { namespace?: string; name?: string } | undefined;
    const cond = (obj.status?.conditions as { type: string; status: string; reason?: string }[] | undefined)?.find((c) => c.type === 'Available');
    const available = !cond ? 'Unknown' : cond.status === 'True' || !cond.reason ? cond.status : `${cond.status} (${cond.reason})`;
    return [obj.metadata?.name ?? '', svc ? `${svc.namespace}/${svc.name}` : 'Local', available, since(obj.metadata?.creationTimestamp, now)];
  },
};
