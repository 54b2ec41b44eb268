import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../cluster';
import { describeEvents, Lines, multiline } from './describe-pod';

/**
 * kubectl's generic describer for custom resources (staging/src/k8s.io/kubectl/pkg/describe/
 * describe.go genericDescriber + printUnstructuredContent + smartLabelFor): Name, Namespace,
 * Labels, Annotations, then every other field in key order with camelCase keys turned into
 * labels ("targetRef" → "Target Ref"), then Events.
 */
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);
const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** github.com/fatih/camelcase Split: runs of lower case, upper case (an acronym keeps its last capital for the next word) and digits. */
function camelSplit(s: string): string[] {
  const runs: string[] = [];
  const cls = (c: string) => (/[a-z]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : /\d/.test(c) ? 3 : 4);
  for (const ch of s) {
    const last = runs[runs.length - 1];
    if (last !== undefined && cls(last[last.length - 1]) === cls(ch)) runs[runs.length - 1] += ch;
    else runs.push(ch);
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (runs[i] && cls(runs[i][0]) === 2 && cls(runs[i + 1][0]) === 1) {
      runs[i + 1] = runs[i].slice(-1) + runs[i + 1];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter(Boolean);
}

export function smartLabelFor(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  return camelSplit(field).filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1))).join(' ');
}

/** Go's %v of a JSON value: float64 in %g's shortest form (1e+06 from a million up). */
export function goValue(v: unknown): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) < 1e21 && Math.abs(v) < 1e6) return String(v);
    const exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
    if (exp < -4 || exp >= 21 || (Math.abs(v) >= 1e6)) {
      const [mant, e] = v.toExponential().split('e');
      const n = Number(e);
      return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
    }
    return String(v);
  }
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object') return `map[${Object.keys(v as object).sort().map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  return String(v);
}

function content(l: Lines, level: number, obj: Record<string, unknown>, prefix: string): void {
  for (const key of Object.keys(obj).sort()) {
    const path = `${prefix}.${key}`;
    if (SKIP.has(path)) continue;
    const v = obj[key];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      l.w(level, `${smartLabelFor(key)}:`);
      content(l, level + 1, v as Record<string, unknown>, path);
    } else if (Array.isArray(v)) {
      l.w(level, `${smartLabelFor(key)}:`);
      for (const item of v) {
        if (item && typeof item === 'object' && !Array.isArray(item)) content(l, level + 1, item as Record<string, unknown>, path);
        else l.w(level + 1, goValue(item));
      }
    } else {
      l.w(level, `${smartLabelFor(key)}:\t${goValue(v)}`);
    }
  }
}

export function describeCustomResource(obj: KubeObject, events: Event[], now: number): string {
  const l = new Lines();
  const meta = obj.metadata ?? {};
  l.w(0, `Name:\t${meta.name ?? ''}`);
  l.w(0, `Namespace:\t${meta.namespace ?? ''}`);
  multiline(l, 0, 'Labels', Object.keys(meta.labels ?? {}).sort().map((k) => `${k}=${meta.labels![k]}`));
  multiline(l, 0, 'Annotations', Object.keys(meta.annotations ?? {}).filter((k) => k !== LAST_APPLIED).sort().map((k) => `${k}: ${meta.annotations![k]}`));
  content(l, 0, obj as Record<string, unknown>, '');
  describeEvents(l, events, now);
  return l.out.map((x) => `${x}\n`).join('');
}
