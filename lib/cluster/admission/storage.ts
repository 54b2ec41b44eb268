import { fieldError, type StatusCause } from '../errors';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../k8s';
import { parseQuantity, QUANTITY_ERROR } from '../quantity';
import type { StoredObject } from '../types';
import { validateObjectMeta } from './object-meta';
import { sortKeys } from './pod-validation';
import type { KindStrategy } from './strategies';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const RECLAIM = ['Delete', 'Recycle', 'Retain'];

function validateAccessModes(modes: string[] | undefined, path: string): StatusCause[] {
  if (!modes?.length) return [fieldError.required(path, 'at least 1 access mode is required')];
  return modes.filter((m) => !ACCESS_MODES.includes(m)).map((m) => fieldError.notSupported(path, m, ACCESS_MODES));
}

function validateStorage(value: unknown, path: string): StatusCause[] {
  if (value === undefined) return [fieldError.required(path)];
  const n = parseQuantity(value as string);
  if (n === undefined) return [fieldError.invalid(path, value, QUANTITY_ERROR)];
  if (n <= 0) return [fieldError.invalid(path, value, 'must be greater than zero')];
  return [];
}

/** ValidatePersistentVolumeClaimSpec (pkg/apis/core/validation/validation.go), the learner-facing rules. */
export function validateClaimSpec(spec: PersistentVolumeClaim['spec'], path: string): StatusCause[] {
  return [
    ...validateAccessModes(spec?.accessModes as string[] | undefined, `${path}.accessModes`),
    ...validateStorage(spec?.resources?.requests?.storage, `${path}.resources[storage]`),
  ];
}

// pkg/registry/core/persistentvolumeclaim/strategy.go (status Pending), admission plugins
// DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault) and
// StorageObjectInUseProtection (plugin/pkg/admission/storage/storageobjectinuseprotection).
export const pvcStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj, ctx) {
    const pvc = obj as PersistentVolumeClaim;
    pvc.spec ??= {};
    pvc.spec.volumeMode ??= 'Filesystem';
    if (pvc.spec.storageClassName === undefined || pvc.spec.storageClassName === null) {
      const def = (ctx.list('StorageClass') as StorageClass[]).find((sc) =>
        sc.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
      if (def) pvc.spec.storageClassName = def.metadata!.name;
    }
    const fin = (pvc.metadata!.finalizers ??= []);
    if (!fin.includes(PVC_PROTECTION)) fin.push(PVC_PROTECTION);
    pvc.status = { phase: 'Pending' };
  },
  validate: (obj) => [...validateObjectMeta(obj.metadata, 'subdomain'), ...validateClaimSpec(obj.spec, 'spec')],
  prepareForUpdate(next, prev) { next.status = prev.status; },
  validateUpdate(next, prev) {
    const errs = pvcStrategy.validate(next);
    if (errs.length) return errs;
    const strip = (o: StoredObject) => {
      const s = structuredClone(o.spec ?? {});
      delete s.resources;
      delete s.volumeAttributesClassName;
      if (!prev.spec?.volumeName) delete s.volumeName;
      return JSON.stringify(sortKeys(s));
    };
    if (strip(next) !== strip(prev)) {
      return [fieldError.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims')];
    }
    return [];
  },
};

const SOURCES = ['hostPath', 'local', 'nfs', 'csi', 'iscsi', 'fc', 'cephfs', 'rbd', 'glusterfs', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk'];

// pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolume (Retain, Filesystem, phase Pending).
export const pvStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj) {
    const pv = obj as PersistentVolume;
    pv.spec ??= {};
    pv.spec.persistentVolumeReclaimPolicy ??= 'Retain';
    pv.spec.volumeMode ??= 'Filesystem';
    const fin = (pv.metadata!.finalizers ??= []);
    if (!fin.includes(PV_PROTECTION)) fin.push(PV_PROTECTION);
    pv.status = { phase: 'Pending' };
  },
  validate(obj) {
    const pv = obj as PersistentVolume;
    const errs = validateObjectMeta(obj.metadata, 'subdomain');
    errs.push(...validateAccessModes(pv.spec?.accessModes as string[] | undefined, 'spec.accessModes'));
    errs.push(...validateStorage(pv.spec?.capacity?.storage, 'spec.capacity'));
    const policy = pv.spec?.persistentVolumeReclaimPolicy;
    if (policy && !RECLAIM.includes(policy)) errs.push(fieldError.notSupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM));
    if (!SOURCES.some((s) => (pv.spec as Record<string, unknown> | undefined)?.[s])) {
      errs.push(fieldError.required('spec', 'must specify a volume type'));
    }
    return errs;
  },
  prepareForUpdate(next, prev) { next.status = prev.status; },
};
