import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { fieldError, type StatusCause } from '../errors';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names';

export type NameRule = 'subdomain' | 'label';

/**
 * ValidateObjectMeta, after staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go:
 * name (or generateName) required and well formed, labels' keys and values valid.
 */
export function validateObjectMeta(meta: ObjectMeta | undefined, rule: NameRule): StatusCause[] {
  const errs: StatusCause[] = [];
  const name = meta?.name;
  if (!name) {
    if (!meta?.generateName) errs.push(fieldError.required('metadata.name', 'name or generateName is required'));
  } else {
    const details = rule === 'label' ? isDNS1123Label(name) : isDNS1123Subdomain(name);
    for (const d of details) errs.push(fieldError.invalid('metadata.name', name, d));
  }
  for (const [k, v] of Object.entries(meta?.labels ?? {})) {
    for (const d of isQualifiedName(k)) errs.push(fieldError.invalid('metadata.labels', k, d));
    if (typeof v !== 'string') continue;
    for (const d of isValidLabelValue(v)) errs.push(fieldError.invalid('metadata.labels', v, d));
  }
  for (const k of Object.keys(meta?.annotations ?? {})) {
    for (const d of isQualifiedName(k.toLowerCase())) errs.push(fieldError.invalid('metadata.annotations', k, d));
  }
  return errs;
}
