/**
 * kubectl explain's "plaintext" output, a transcription of the OpenAPI v3 template
 * staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl (templates "output",
 * "fieldList", "fieldDetail", "description", "typeGuess") over the compact type tree that
 * scripts/gen-explain.ts extracts from kubernetes-types.
 */
import { goString } from '../../gotemplate';
import { indent, wrap } from './wrap';

export type FieldDoc = [code: string, description: string, required?: 0 | 1, enumValues?: unknown[]];
export interface TypeDoc { d: string; t?: string; f?: Record<string, FieldDoc> }
export interface ApiDocs { source: string; kinds: Record<string, string>; types: Record<string, TypeDoc> }

/** A schema as the template sees it: a type code plus the description written on the property. */
interface Schema { code: string; desc?: string }

export class ExplainError extends Error {}

export class PlaintextRenderer {
  constructor(private readonly docs: ApiDocs, private readonly recursive: boolean) {}

  private type(key: string): TypeDoc | undefined {
    return this.docs.types[key];
  }

  /** template "typeGuess": `string`, `[]Container`, `map[string]string`, `Object`, `IntOrString`. */
  typeGuess(code: string): string {
    if (code.startsWith('[')) return `[]${this.typeGuess(code.slice(1))}`;
    if (code.startsWith('{')) return `map[string]${this.typeGuess(code.slice(1))}`;
    if (code.startsWith('#')) {
      const key = code.slice(1);
      return this.type(key)?.t ?? key.slice(key.lastIndexOf('.') + 1);
    }
    return code;
  }

  /** template "description": the property's own text, then its referenced or element type's. */
  private description(s: Schema): string {
    let out = s.desc ? `${s.desc}\n` : '';
    let code = s.code;
    while (code.startsWith('[') || code.startsWith('{')) code = code.slice(1);
    if (code.startsWith('#')) {
      const d = this.type(code.slice(1))?.d;
      if (d) out += `${d}\n`;
    }
    return out;
  }

  /** The fields of the object a code denotes (arrays and maps are looked through). */
  private fieldsOf(code: string): { key?: string; fields: Record<string, FieldDoc> } {
    while (code.startsWith('[') || code.startsWith('{')) code = code.slice(1);
    if (!code.startsWith('#')) return { fields: {} };
    const key = code.slice(1);
    return { key, fields: this.type(key)?.f ?? {} };
  }

  /** template "output": follows the field path, then prints DESCRIPTION and FIELDS. */
  output(s: Schema, path: string[]): string {
    if (path.length === 0) {
      let out = `DESCRIPTION:\n${indent(4, wrap(76, this.description(s) || '<empty>'))}\n`;
      const list = this.fieldList(s.code, 1, new Set());
      if (list) out += `FIELDS:\n${list}`;
      return out;
    }
    const { fields } = this.fieldsOf(s.code);
    const field = Object.hasOwn(fields, path[0]) ? fields[path[0]] : undefined;
    if (!field) return '';
    let out = '';
    if (path.length === 1) out += `FIELD: ${path[0]} <${this.typeGuess(field[0])}>\n${enumText(field[3], true, 0)}\n\n`;
    return out + this.output({ code: field[0], desc: field[1] }, path.slice(1));
  }

  /** template "fieldList"; types already on the path are not expanded again (cycle guard). */
  private fieldList(code: string, level: number, history: Set<string>): string {
    const { key, fields } = this.fieldsOf(code);
    if (!key || history.has(key)) return '';
    const next = new Set(history).add(key);
    let out = '';
    for (const name of Object.keys(fields).sort()) {
      const [fieldCode, desc, required, enumValues] = fields[name];
      out += this.fieldDetail(name, fieldCode, desc, !!required, level, enumValues);
      if (this.recursive) out += this.fieldList(fieldCode, level + 1, next);
    }
    return out;
  }

  /** template "fieldDetail". */
  private fieldDetail(name: string, code: string, desc: string, required: boolean, level: number, enumValues?: unknown[]): string {
    const amount = level * 2;
    let out = `${indent(amount, name)}\t<${this.typeGuess(code)}>${required ? ' -required-' : ''}${enumText(enumValues, false, amount)}\n`;
    if (!this.recursive) out += `${indent(amount + 2, wrap(78 - amount, desc || '<no description>'))}\n\n`;
    return out;
  }
}

/** template "extractEnum": `enum: a, b, c, d, ....` in lists (4 at most), `ENUM:` and one per line for a FIELD. */
function enumText(values: unknown[] | undefined, long: boolean, amount: number): string {
  if (!values?.length) return '';
  let out = long ? 'ENUM:' : `\n${' '.repeat(amount)}enum: `;
  for (let i = 0; i < values.length; i++) {
    if (!long && i >= 4) { out += ', ....'; break; }
    if (i > 0 && !long) out += ', ';
    else if (long) out += '\n    ';
    out += values[i] === '' ? '""' : goString(values[i]);
  }
  return out;
}

export interface ExplainTarget { group: string; version: string; kind: string; typeKey: string }

/** The main template: GROUP/KIND/VERSION, then the schema output or `field "x" does not exist`. */
export function renderPlaintext(docs: ApiDocs, target: ExplainTarget, path: string[], recursive: boolean): { out: string; error?: string } {
  const r = new PlaintextRenderer(docs, recursive);
  let out = target.group ? `GROUP:      ${target.group}\n` : '';
  out += `KIND:       ${target.kind}\nVERSION:    ${target.version}\n\n`;
  const body = r.output({ code: `#${target.typeKey}` }, path);
  if (!body) return { out, error: `error: field "${path[path.length - 1]}" does not exist` };
  return { out: `${out}${body}\n` };
}
