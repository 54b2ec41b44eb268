import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { since } from './duration';
import { formatQuantity } from './quantity';
import type { TablePrinter } from './types';

const MODES: [string, string][] = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];

/** helper.GetAccessModesAsString: fixed order, comma-joined. */
export function accessModes(modes: readonly string[] | undefined): string {
  return MODES.filter(([m]) => modes?.includes(m)).map(([, s]) => s).join(',');
}

// printPersistentVolumeClaim: VOLUME/CAPACITY/ACCESS MODES stay blank until a volume is bound.
export const pvcPrinter: TablePrinter = {
  columns: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
  wideColumns: ['VOLUMEMODE'],
  row(obj, { now, wide }) {
    const pvc = obj as PersistentVolumeClaim;
    const phase = pvc.metadata?.deletionTimestamp ? 'Terminating' : pvc.status?.phase ?? '';
    const bound = !!pvc.spec?.volumeName;
    const row = [pvc.metadata?.name ?? '', phase, pvc.spec?.volumeName ?? '', bound ? formatQuantity(pvc.status?.capacity?.storage) : '',
      bound ? accessModes(pvc.status?.accessModes) : '', pvc.spec?.storageClassName ?? '',
      pvc.spec?.volumeAttributesClassName ?? '<unset>', since(pvc.metadata?.creationTimestamp, now)];
    if (wide) row.push(pvc.spec?.volumeMode ?? '<unset>');
    return row;
  },
};

// printPersistentVolume.
export const pvPrinter: TablePrinter = {
  columns: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
  wideColumns: ['VOLUMEMODE'],
  row(obj, { now, wide }) {
    const pv = obj as PersistentVolume;
    const ref = pv.spec?.claimRef;
    const phase = pv.metadata?.deletionTimestamp ? 'Terminating' : pv.status?.phase ?? '';
    const row = [pv.metadata?.name ?? '', formatQuantity(pv.spec?.capacity?.storage), accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '', phase, ref ? `${ref.namespace}/${ref.name}` : '', pv.spec?.storageClassName ?? '',
      pv.spec?.volumeAttributesClassName ?? '<unset>', pv.status?.reason ?? '', since(pv.metadata?.creationTimestamp, now)];
    if (wide) row.push(pv.spec?.volumeMode ?? '<unset>');
    return row;
  },
};
