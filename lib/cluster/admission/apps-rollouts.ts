import { fieldError, type StatusCause } from '../errors';
import type { DaemonSet, Deployment } from '../k8s';
import type { StoredObject } from '../types';
import { validateObjectMeta } from './object-meta';
import { sortKeys } from './pod-validation';
import type { KindStrategy } from './strategies';
import { defaultTemplate, validateReplicatedSpec } from './workloads';

type IntOrString = number | string;

const keepStatus = (next: StoredObject, prev: StoredObject) => { next.status = prev.status; };

function selectorImmutable(next: StoredObject, prev: StoredObject): StatusCause[] {
  if (JSON.stringify(sortKeys(next.spec?.selector)) === JSON.stringify(sortKeys(prev.spec?.selector))) return [];
  return [fieldError.invalid('spec.selector', sortKeys(next.spec?.selector), 'field is immutable')];
}

/** ValidatePositiveIntOrPercent + IsNotMoreThan100Percent (pkg/apis/apps/validation/validation.go). */
function intOrPercent(v: IntOrString | undefined, path: string): StatusCause[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return v < 0 ? [fieldError.invalid(path, v, 'must be greater than or equal to 0')] : [];
  const m = /^(\d+)%$/.exec(v);
  if (!m) return [fieldError.invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  return Number(m[1]) > 100 ? [fieldError.invalid(path, v, 'must not be greater than 100%')] : [];
}

const isZero = (v: IntOrString | undefined) => v === 0 || v === '0%';

// pkg/apis/apps/v1/defaults.go SetDefaults_Deployment.
function defaultDeployment(obj: StoredObject): void {
  const spec = ((obj as Deployment).spec ??= {} as NonNullable<Deployment['spec']>);
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec.template);
}

const STRATEGIES = ['Recreate', 'RollingUpdate'];

/** ValidateDeploymentSpec / ValidateDeploymentStrategy / ValidateRollingUpdateDeployment. */
function validateDeployment(obj: StoredObject): StatusCause[] {
  const d = obj as Deployment;
  const spec = d.spec;
  const errs = [...validateObjectMeta(obj.metadata, 'subdomain'), ...validateReplicatedSpec(spec)];
  const st = spec?.strategy;
  if (st?.type && !STRATEGIES.includes(st.type)) errs.push(fieldError.notSupported('spec.strategy.type', st.type, STRATEGIES));
  if (st?.type === 'Recreate' && st.rollingUpdate) {
    errs.push(fieldError.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  }
  const ru = st?.rollingUpdate;
  if (st?.type === 'RollingUpdate' && ru) {
    errs.push(...intOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
    errs.push(...intOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'));
    if (isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
      errs.push(fieldError.invalid('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  for (const f of ['minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds'] as const) {
    const v = spec?.[f];
    if (v !== undefined && v < 0) errs.push(fieldError.invalid(`spec.${f}`, v, 'must be greater than or equal to 0'));
  }
  if (spec?.progressDeadlineSeconds !== undefined && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
    errs.push(fieldError.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export const deploymentStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj) { defaultDeployment(obj); obj.status = {}; },
  validate: validateDeployment,
  prepareForUpdate(next, prev) { defaultDeployment(next); keepStatus(next, prev); },
  validateUpdate: (next, prev) => {
    const errs = validateDeployment(next);
    return errs.length ? errs : selectorImmutable(next, prev);
  },
};

// pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet.
function defaultDaemonSet(obj: StoredObject): void {
  const spec = ((obj as DaemonSet).spec ??= {} as NonNullable<DaemonSet['spec']>);
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template);
}

const DS_STRATEGIES = ['OnDelete', 'RollingUpdate'];

function validateDaemonSet(obj: StoredObject): StatusCause[] {
  const ds = obj as DaemonSet;
  const { replicas: _ignored, ...rest } = (ds.spec ?? {}) as NonNullable<DaemonSet['spec']> & { replicas?: number };
  void _ignored;
  const errs = [...validateObjectMeta(obj.metadata, 'subdomain'), ...validateReplicatedSpec(rest)];
  const st = ds.spec?.updateStrategy;
  if (st?.type && !DS_STRATEGIES.includes(st.type)) errs.push(fieldError.notSupported('spec.updateStrategy.type', st.type, DS_STRATEGIES));
  const ru = st?.rollingUpdate;
  if (st?.type === 'RollingUpdate' && ru) {
    errs.push(...intOrPercent(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable'));
    errs.push(...intOrPercent(ru.maxSurge, 'spec.updateStrategy.rollingUpdate.maxSurge'));
    if (isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
      errs.push(fieldError.invalid('spec.updateStrategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
  }
  return errs;
}

export const daemonSetStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj) {
    defaultDaemonSet(obj);
    obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  },
  validate: validateDaemonSet,
  prepareForUpdate(next, prev) { defaultDaemonSet(next); keepStatus(next, prev); },
  validateUpdate: (next, prev) => {
    const errs = validateDaemonSet(next);
    return errs.length ? errs : selectorImmutable(next, prev);
  },
};
