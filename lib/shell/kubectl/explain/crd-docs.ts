/**
 * Documentation of a custom resource for `kubectl explain`, from its CustomResourceDefinition's
 * `openAPIV3Schema` as the apiserver publishes it (apiextensions-apiserver
 * pkg/controller/openapi/builder: apiVersion/kind get the TypeMeta texts, metadata becomes an
 * ObjectMeta reference). Inline objects print as `<Object>`, like any schema without a $ref.
 */
import type { ApiDocs, FieldDoc, TypeDoc } from './render';

type Schema = {
  type?: string; description?: string; properties?: Record<string, Schema>; items?: Schema;
  additionalProperties?: Schema | boolean; required?: string[]; enum?: unknown[];
};

/** Adds the CRD version's types to a copy of the docs; returns the key of the kind's type. */
export function withCrd(docs: ApiDocs, crdName: string, kind: string, schema: Schema): { docs: ApiDocs; typeKey: string } {
  const types: Record<string, TypeDoc> = {};
  const code = (s: Schema, key: string): string => {
    if (s.type === 'array') return `[${code(s.items ?? {}, key)}`;
    if (s.properties) { types[key] = convert(s, key, ''); return `#${key}`; }
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return `{${code(s.additionalProperties, key)}`;
    if (!s.type || s.type === 'object') return 'Object';
    return s.type;
  };
  const convert = (s: Schema, key: string, d: string): TypeDoc => {
    const f: Record<string, FieldDoc> = {};
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      const enumValues = Array.isArray(prop.enum) && prop.enum.length ? prop.enum : undefined;
      const doc: FieldDoc = [code(prop, `${key}.${name}`), prop.description ?? '', s.required?.includes(name) ? 1 : 0];
      if (enumValues) doc[3] = enumValues;
      f[name] = doc;
    }
    return { d, t: 'Object', f };
  };
  const typeKey = `crd/${crdName}.${kind}`;
  const top = convert(schema, typeKey, schema.description ?? '');
  delete top.t;
  const meta = docs.types['core/v1.Pod']?.f ?? {};
  top.f = { ...top.f,
    apiVersion: ['string', meta.apiVersion?.[1] ?? ''], kind: ['string', meta.kind?.[1] ?? ''],
    metadata: ['#meta/v1.ObjectMeta', meta.metadata?.[1] ?? ''] };
  types[typeKey] = top;
  return { docs: { ...docs, types: { ...docs.types, ...types } }, typeKey };
}
