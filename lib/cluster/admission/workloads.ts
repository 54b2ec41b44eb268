import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { isEmptySelector, matchesLabelSelector, validateLabelSelector } from '../api/label-selector';
import { fieldError, type StatusCause } from '../errors';
import type { Pod, PodTemplateSpec, ReplicaSet, StatefulSet } from '../k8s';
import { LIMITS } from '../limits';
import type { StoredObject } from '../types';
import { validateObjectMeta } from './object-meta';
import { defaultPodSpecScheme } from './pod-defaults';
import { sortKeys, validatePod } from './pod-validation';
import type { KindStrategy } from './strategies';

/** Scheme defaults of a pod template (pkg/apis/core/v1/defaults.go via apps/v1 defaults). */
export function defaultTemplate(tpl: PodTemplateSpec | undefined): void {
  if (!tpl) return;
  const t = tpl as { spec?: Pod['spec'] };
  if (t.spec) defaultPodSpecScheme(t.spec);
}

/** ValidatePodTemplateSpec: the pod rules with paths under `spec.template`. */
export function validateTemplate(tpl: PodTemplateSpec | undefined, path: string, restartPolicies: string[]): StatusCause[] {
  if (!tpl) return [fieldError.required(path)];
  const fake = { metadata: { ...tpl.metadata, name: 'template' }, spec: tpl.spec } as Pod;
  const errs = validatePod(fake).map((c) => ({ ...c, field: `${path}.${c.field}` }));
  const rp = tpl.spec?.restartPolicy;
  if (rp && !restartPolicies.includes(rp)) errs.push(fieldError.notSupported(`${path}.spec.restartPolicy`, rp, restartPolicies));
  return errs;
}

const labelsValue = (labels: Record<string, string> | undefined) => sortKeys(labels ?? {});

/** Shared part of ValidateReplicaSetSpec / ValidateStatefulSetSpec / ValidateDeploymentSpec (apps/validation). */
export function validateReplicatedSpec(spec: { replicas?: number; selector?: LabelSelector; template?: PodTemplateSpec } | undefined,
  restartPolicies = ['Always']): StatusCause[] {
  const errs: StatusCause[] = [];
  const replicas = spec?.replicas;
  if (replicas !== undefined) {
    if (replicas < 0) errs.push(fieldError.invalid('spec.replicas', replicas, 'must be greater than or equal to 0'));
    else if (replicas > LIMITS.replicasPerObject) {
      errs.push(fieldError.invalid('spec.replicas', replicas, `must be less than or equal to ${LIMITS.replicasPerObject} (KubeLab limit per object)`));
    }
  }
  if (isEmptySelector(spec?.selector)) {
    errs.push(fieldError.required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(spec!.selector!, 'spec.selector'));
    if (errs.length === 0 && !matchesLabelSelector(spec!.selector, spec?.template?.metadata?.labels)) {
      errs.push(fieldError.invalid('spec.template.metadata.labels', labelsValue(spec?.template?.metadata?.labels),
        '`selector` does not match template `labels`'));
    }
  }
  errs.push(...validateTemplate(spec?.template, 'spec.template', restartPolicies));
  return errs;
}

function selectorImmutable(next: StoredObject, prev: StoredObject): StatusCause[] {
  if (JSON.stringify(sortKeys(next.spec?.selector)) === JSON.stringify(sortKeys(prev.spec?.selector))) return [];
  return [fieldError.invalid('spec.selector', sortKeys(next.spec?.selector), 'field is immutable')];
}

const keepStatus = (next: StoredObject, prev: StoredObject) => { next.status = prev.status; };

// pkg/registry/apps/replicaset/strategy.go + pkg/apis/apps/v1/defaults.go SetDefaults_ReplicaSet.
function defaultReplicaSet(obj: StoredObject): void {
  const rs = obj as ReplicaSet;
  rs.spec ??= {} as NonNullable<ReplicaSet['spec']>;
  rs.spec.replicas ??= 1;
  defaultTemplate(rs.spec.template);
}

export const replicaSetStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj) { defaultReplicaSet(obj); obj.status = { replicas: 0 }; },
  validate: (obj) => [...validateObjectMeta(obj.metadata, 'subdomain'), ...validateReplicatedSpec(obj.spec)],
  prepareForUpdate(next, prev) { defaultReplicaSet(next); keepStatus(next, prev); },
  validateUpdate: (next, prev) => {
    const errs = replicaSetStrategy.validate(next);
    return errs.length ? errs : selectorImmutable(next, prev);
  },
};

// pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet.
function defaultStatefulSet(obj: StoredObject): void {
  const sts = obj as StatefulSet;
  const spec = (sts.spec ??= {} as NonNullable<StatefulSet['spec']>);
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.updateStrategy ??= { type: 'RollingUpdate' };
  if (spec.updateStrategy.type === 'RollingUpdate') spec.updateStrategy.rollingUpdate ??= { partition: 0 };
  if (spec.updateStrategy.rollingUpdate) (spec.updateStrategy.rollingUpdate as { partition?: number }).partition ??= 0;
  spec.revisionHistoryLimit ??= 10;
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  for (const vct of spec.volumeClaimTemplates ?? []) {
    const t = vct as StoredObject;
    t.apiVersion ??= 'v1';
    t.kind ??= 'PersistentVolumeClaim';
    t.spec ??= {};
    t.spec.volumeMode ??= 'Filesystem';
    t.status ??= { phase: 'Pending' };
  }
  defaultTemplate(spec.template);
}

const STS_FORBIDDEN = "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
  "'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
const POLICIES = ['OrderedReady', 'Parallel'];
const UPDATE_TYPES = ['OnDelete', 'RollingUpdate'];
const RETENTION = ['Retain', 'Delete'];

function validateStatefulSet(obj: StoredObject): StatusCause[] {
  const sts = obj as StatefulSet;
  const errs = validateObjectMeta(obj.metadata, 'subdomain');
  const spec = sts.spec;
  if (spec?.podManagementPolicy && !POLICIES.includes(spec.podManagementPolicy)) {
    errs.push(fieldError.notSupported('spec.podManagementPolicy', spec.podManagementPolicy, POLICIES));
  }
  const ut = spec?.updateStrategy?.type;
  if (ut && !UPDATE_TYPES.includes(ut)) errs.push(fieldError.notSupported('spec.updateStrategy.type', ut, UPDATE_TYPES));
  const partition = spec?.updateStrategy?.rollingUpdate?.partition;
  if (partition !== undefined && partition < 0) {
    errs.push(fieldError.invalid('spec.updateStrategy.rollingUpdate.partition', partition, 'must be greater than or equal to 0'));
  }
  const policy = spec?.persistentVolumeClaimRetentionPolicy;
  for (const f of ['whenDeleted', 'whenScaled'] as const) {
    const v = policy?.[f];
    if (v && !RETENTION.includes(v)) errs.push(fieldError.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, RETENTION));
  }
  errs.push(...validateReplicatedSpec(spec));
  return errs;
}

export const statefulSetStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj) { defaultStatefulSet(obj); obj.status = { availableReplicas: 0, replicas: 0 }; },
  validate: validateStatefulSet,
  prepareForUpdate(next, prev) { defaultStatefulSet(next); keepStatus(next, prev); },
  // ValidateStatefulSetUpdate (pkg/apis/apps/validation/validation.go): only a few spec fields may change.
  validateUpdate(next, prev) {
    const errs = validateStatefulSet(next);
    if (errs.length) return errs;
    const a = structuredClone(next.spec ?? {});
    const b = structuredClone(prev.spec ?? {});
    for (const f of ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds']) {
      delete a[f];
      delete b[f];
    }
    if (JSON.stringify(sortKeys(a)) !== JSON.stringify(sortKeys(b))) return [fieldError.forbidden('spec', STS_FORBIDDEN)];
    return [];
  },
};
