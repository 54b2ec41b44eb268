import { fieldError, type StatusCause } from '../errors';
import type { StoredObject } from '../types';
import { validateObjectMeta } from './object-meta';
import type { KindStrategy } from './strategies';

/**
 * HorizontalPodAutoscaler REST strategy: pkg/apis/autoscaling/v2/defaults.go (minReplicas 1,
 * cpu 80 % when no metrics, behavior rules filled only when a behavior is given) and
 * pkg/apis/autoscaling/validation/validation.go (replica bounds, scale target, metric targets).
 */
const UP = { stabilizationWindowSeconds: 0, selectPolicy: 'Max',
  policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
const DOWN = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

/** autoscaling/v1 → v2 (pkg/apis/autoscaling/v1/conversion.go): the server stores and serves v2. */
function toV2(obj: StoredObject): void {
  if (obj.apiVersion !== 'autoscaling/v1') return;
  const { targetCPUUtilizationPercentage: cpu, ...rest } = obj.spec ?? {};
  obj.apiVersion = 'autoscaling/v2';
  obj.spec = { ...rest, ...(cpu !== undefined && { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }] }) };
}

function defaults(obj: StoredObject): void {
  toV2(obj);
  const spec = (obj.spec ??= {});
  spec.minReplicas ??= 1;
  if (!spec.metrics?.length) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  if (spec.behavior) {
    spec.behavior.scaleUp = { ...UP, ...spec.behavior.scaleUp };
    spec.behavior.scaleDown = { ...DOWN, ...spec.behavior.scaleDown };
  }
}

function validate(obj: StoredObject): StatusCause[] {
  const errs = validateObjectMeta(obj.metadata, 'subdomain');
  const s = obj.spec ?? {};
  if (!s.scaleTargetRef?.kind) errs.push(fieldError.required('spec.scaleTargetRef.kind'));
  if (!s.scaleTargetRef?.name) errs.push(fieldError.required('spec.scaleTargetRef.name'));
  if (s.minReplicas !== undefined && s.minReplicas < 1) errs.push(fieldError.invalid('spec.minReplicas', s.minReplicas, 'must be greater than or equal to 1'));
  if (!(s.maxReplicas >= 1)) errs.push(fieldError.invalid('spec.maxReplicas', s.maxReplicas ?? 0, 'must be greater than 0'));
  else if (s.minReplicas !== undefined && s.maxReplicas < s.minReplicas) {
    errs.push(fieldError.invalid('spec.maxReplicas', s.maxReplicas, 'must be greater than or equal to `minReplicas`'));
  }
  ((s.metrics ?? []) as Record<string, any>[]).forEach((m, i) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const path = `spec.metrics[${i}]`;
    const types = ['Object', 'Pods', 'Resource', 'External', 'ContainerResource'];
    if (!types.includes(m.type)) { errs.push(fieldError.notSupported(`${path}.type`, m.type ?? '', types)); return; }
    if (m.type !== 'Resource') return;
    const t = m.resource?.target ?? {};
    if (!m.resource?.name) errs.push(fieldError.required(`${path}.resource.name`));
    if (t.type === 'Utilization' && t.averageUtilization === undefined) errs.push(fieldError.required(`${path}.resource.target.averageUtilization`, 'must set either a target raw value or a target utilization'));
    if (t.type === 'AverageValue' && t.averageValue === undefined) errs.push(fieldError.required(`${path}.resource.target.averageValue`, 'must set either a target raw value or a target utilization'));
    if (t.type === 'Value') errs.push(fieldError.forbidden(`${path}.resource.target.value`, 'may not set a raw value for a resource metric'));
  });
  return errs;
}

export const hpaStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj) {
    defaults(obj);
    obj.status = { currentReplicas: 0, desiredReplicas: 0 };
  },
  validate,
  prepareForUpdate(next, prev) {
    defaults(next);
    next.status = prev.status;
  },
};
