import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { fieldError, type StatusCause } from '../errors';

/**
 * metav1.LabelSelector semantics, after staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go
 * (LabelSelectorAsSelector): matchLabels AND every matchExpressions requirement
 * (In, NotIn, Exists, DoesNotExist). A nil selector matches nothing; an empty one everything.
 */
export function matchesLabelSelector(selector: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  const ml = selector.matchLabels;
  // Hot (every controller sync, every pod): no entry pairs allocated.
  if (ml) for (const k of Object.keys(ml)) if (l[k] !== ml[k]) return false;
  if (!selector.matchExpressions) return true;
  for (const e of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    switch (e.operator) {
      case 'In': if (!has || !(e.values ?? []).includes(l[e.key])) return false; break;
      case 'NotIn': if (has && (e.values ?? []).includes(l[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

export function isEmptySelector(selector: LabelSelector | undefined | null): boolean {
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}

/** labels.Selector.String(): `app=web,tier in (a,b),!x` with keys sorted as upstream does. */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const reqs: [string, string][] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) reqs.push([k, `${k}=${v}`]);
  for (const e of selector.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    const text = e.operator === 'In' ? `${e.key} in (${vals})` : e.operator === 'NotIn' ? `${e.key} notin (${vals})`
      : e.operator === 'Exists' ? e.key : `!${e.key}`;
    reqs.push([e.key, text]);
  }
  return reqs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t).join(',');
}

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabelSelector (apimachinery/pkg/apis/meta/v1/validation/validation.go). */
export function validateLabelSelector(selector: LabelSelector, path: string): StatusCause[] {
  const errs: StatusCause[] = [];
  (selector.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    if (!OPERATORS.includes(e.operator)) errs.push(fieldError.notSupported(`${p}.operator`, e.operator, OPERATORS));
    else if ((e.operator === 'In' || e.operator === 'NotIn') && !(e.values ?? []).length) {
      errs.push(fieldError.required(`${p}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
    } else if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && (e.values ?? []).length) {
      errs.push(fieldError.forbidden(`${p}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
    }
  });
  return errs;
}
