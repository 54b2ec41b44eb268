import type { ControllerRevision, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { since } from './duration';
import type { TablePrinter } from './types';

/** layoutContainerCells: container names and images, comma-joined. */
export function containerCells(tpl: PodTemplateSpec | undefined): string[] {
  const cs = tpl?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

/** metav1.FormatLabelSelector: `a=b,c in (x,y)` or `<none>`. */
export function formatSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '<none>';
  const reqs: [string, string][] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push([k, `${k}=${v}`]);
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    reqs.push([e.key, e.operator === 'In' ? `${e.key} in (${vals})` : e.operator === 'NotIn' ? `${e.key} notin (${vals})`
      : e.operator === 'Exists' ? e.key : `!${e.key}`]);
  }
  const text = reqs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t).join(',');
  return text || '<none>';
}

// printReplicaSet in pkg/printers/internalversion/printers.go.
export const replicaSetPrinter: TablePrinter = {
  columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, { now, wide }) {
    const rs = obj as ReplicaSet;
    const row = [rs.metadata?.name ?? '', String(rs.spec?.replicas ?? 0), String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0), since(rs.metadata?.creationTimestamp, now)];
    if (wide) row.push(...containerCells(rs.spec?.template), formatSelector(rs.spec?.selector));
    return row;
  },
};

// printStatefulSet.
export const statefulSetPrinter: TablePrinter = {
  columns: ['NAME', 'READY', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES'],
  row(obj, { now, wide }) {
    const s = obj as StatefulSet;
    const row = [s.metadata?.name ?? '', `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 0}`, since(s.metadata?.creationTimestamp, now)];
    if (wide) row.push(...containerCells(s.spec?.template));
    return row;
  },
};

// printControllerRevision: CONTROLLER is `<kind>.<group>/<name>` of the controller owner.
export const controllerRevisionPrinter: TablePrinter = {
  columns: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
  wideColumns: [],
  row(obj, { now }) {
    const cr = obj as ControllerRevision;
    const ref = cr.metadata?.ownerReferences?.find((r) => r.controller);
    const group = ref?.apiVersion.includes('/') ? `.${ref.apiVersion.split('/')[0]}` : '';
    const controller = ref ? `${ref.kind.toLowerCase()}${group}/${ref.name}` : '<none>';
    return [cr.metadata?.name ?? '', controller, String(cr.revision), since(cr.metadata?.creationTimestamp, now)];
  },
};
