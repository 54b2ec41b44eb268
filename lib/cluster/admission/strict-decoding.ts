/**
 * The apiserver's strict field validation (fieldValidation=Strict, kubectl's default
 * `--validate=strict`): unknown fields are rejected with
 * `<Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error: unknown field "spec.x"`
 * (staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go strict decoding and
 * apiserver/pkg/endpoints/handlers/rest.go). The field tree comes from api-fields.json,
 * generated from the `kubernetes-types` package (scripts/gen-api-fields.ts).
 */
import fields from './api-fields.json';
import { badRequest, type StatusError } from '../errors';
import { CRD_FIELDS } from './crd-fields';

interface FieldTree { kinds: Record<string, string>; types: Record<string, Record<string, string>> }
const BUILT_IN = fields as unknown as FieldTree;
/** Built-in types from kubernetes-types plus the add-on custom resources (crd-fields.ts). */
const TREE: FieldTree = { kinds: { ...BUILT_IN.kinds, ...CRD_FIELDS.kinds }, types: { ...BUILT_IN.types, ...CRD_FIELDS.types } };

/** Limits work on hostile input: deeper or larger documents stop being checked, never crash. */
const MAX_DEPTH = 64;
const MAX_ERRORS = 20;

const INT64 = new Set(['terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'deletionGracePeriodSeconds', 'generation', 'observedGeneration']);
const jsonType = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'boolean' ? 'bool' : typeof v);

/** Go's name for a type code, as encoding/json reports it. */
function goType(t: string, field: string): string {
  if (t === 's') return 'string';
  if (t === 'n') return INT64.has(field) ? 'int64' : 'int32';
  if (t === 'b') return 'bool';
  if (t === 'p') return 'intstr.IntOrString';
  if (t.startsWith('[')) return `[]${goType(t.slice(1), field)}`;
  if (t.startsWith('{')) return `map[string]${goType(t.slice(1), field)}`;
  return `v1.${t.split('.').pop()}`;
}

interface Walk { unknown: string[]; typeError?: string }

/** A value that cannot decode into the field's Go type: encoding/json's UnmarshalTypeError text. */
function mismatch(value: unknown, t: string): string | undefined {
  if (value === null || t === '*') return undefined;
  const jt = jsonType(value);
  if (t === 's') return jt === 'string' ? undefined : jt;
  if (t === 'b') return jt === 'bool' ? undefined : jt;
  if (t === 'n') return jt !== 'number' ? jt : Number.isInteger(value) ? undefined : `number ${value}`;
  if (t === 'p') return jt === 'string' || jt === 'number' ? undefined : jt;
  if (t.startsWith('[')) return jt === 'array' ? undefined : jt;
  return jt === 'object' ? undefined : jt;
}

function walk(value: unknown, type: string, path: string, goPath: string, parent: string, field: string, w: Walk, depth: number): void {
  if (w.typeError || w.unknown.length >= MAX_ERRORS || depth > MAX_DEPTH) return;
  const bad = mismatch(value, type);
  if (bad) {
    w.typeError = `json: cannot unmarshal ${bad} into Go struct field ${parent}.${goPath} of type ${goType(type, field)}`;
    return;
  }
  if (value === null || ['s', 'n', 'b', 'p', '*'].includes(type)) return;
  if (type.startsWith('[')) {
    (value as unknown[]).forEach((v, i) => walk(v, type.slice(1), `${path}[${i}]`, goPath, parent, field, w, depth + 1));
    return;
  }
  if (type.startsWith('{')) {
    for (const [k, v] of Object.entries(value as object)) walk(v, type.slice(1), `${path}.${k}`, goPath, parent, field, w, depth + 1);
    return;
  }
  const shape = TREE.types[type];
  if (!shape) return;
  const name = type.split('.').pop()!;
  for (const [k, v] of Object.entries(value as object)) {
    const p = path ? `${path}.${k}` : k;
    const t = shape[k];
    if (t === undefined) { w.unknown.push(p); if (w.unknown.length >= MAX_ERRORS) return; continue; }
    walk(v, t, p, goPath ? `${goPath}.${k}` : k, name, k, w, depth + 1);
  }
}

function check(obj: Record<string, unknown>): Walk | undefined {
  const type = TREE.kinds[`${obj.apiVersion}/${obj.kind}`];
  if (!type) return undefined;
  const w: Walk = { unknown: [] };
  walk(obj, type, '', '', type.split('.').pop()!, '', w, 0);
  return w;
}

/** Unknown field paths of a manifest, in document order; [] for kinds without a schema. */
export function unknownFields(obj: Record<string, unknown>): string[] {
  return check(obj)?.unknown ?? [];
}

/**
 * The BadRequest the apiserver answers when a body does not decode: a type mismatch first (the
 * non-strict decode fails), else unknown fields when `strict`. Undefined when it decodes.
 */
export function strictDecodingError(obj: Record<string, unknown>, strict = true): StatusError | undefined {
  const w = check(obj);
  if (!w || (!w.typeError && (!strict || w.unknown.length === 0))) return undefined;
  const version = String(obj.apiVersion ?? '').split('/').pop();
  const kind = String(obj.kind);
  const head = `${kind} in version "${version}" cannot be handled as a ${kind}: `;
  if (w.typeError) return badRequest(head + w.typeError);
  return badRequest(`${head}strict decoding error: ${w.unknown.map((f) => `unknown field "${f}"`).join(', ')}`);
}
