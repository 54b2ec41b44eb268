import { parseAllDocuments, type YAMLError } from 'yaml';
import type { KubeObject } from '../../cluster';
import type { Kubectl } from './context';
import { KubectlError } from './errors';
import { readUrl } from './url-source';

export interface ManifestSource {
  /** `STDIN` or the path as typed. */
  name: string;
  text: string;
}

const VALIDATE_HINT = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** Reads `-f` operands: `-` (stdin), files, or directories of .yaml/.yml/.json files. */
export function readSources(k: Kubectl, files: string[]): ManifestSource[] {
  const out: ManifestSource[] = [];
  for (const f of files) {
    if (f === '-') { out.push({ name: 'STDIN', text: k.io.stdin }); continue; }
    if (/^https?:\/\//.test(f)) { out.push(readUrl(f, (t) => k.err(t))); continue; }
    const path = k.env.resolve(f);
    if (k.env.vfs.isDir(path)) {
      for (const n of k.env.vfs.list(path).filter((x) => /\.(ya?ml|json)$/.test(x))) {
        out.push({ name: `${f.replace(/\/$/, '')}/${n}`, text: k.env.vfs.read(`${path}/${n}`) });
      }
      continue;
    }
    if (!k.env.vfs.isFile(path)) throw new KubectlError(`error: the path "${f}" does not exist`);
    out.push({ name: f, text: k.env.vfs.read(path) });
  }
  return out;
}

/**
 * go-yaml v2's wording for the `yaml` package's error codes (sigs.k8s.io/yaml → goyaml.v2
 * scannerc.go/parserc.go). Parser errors report the 0-based line (one less), scanner
 * errors the 1-based one, as goyaml's decode.go fail() does.
 */
function goYamlMessage(e: YAMLError, text: string): string {
  const line = e.linePos?.[0]?.line ?? 1;
  if (/flow (sequence|collection|map)/i.test(e.message)) {
    const close = /sequence/i.test(e.message) ? ']' : '}';
    return `yaml: line ${Math.max(1, line - 1)}: did not find expected ',' or '${close}'`;
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' && /block sequence/.test(e.message)) {
    return `yaml: line ${Math.max(1, line - 1)}: did not find expected key`;
  }
  switch (e.code) {
    case 'TAB_AS_INDENT': return `yaml: line ${line}: found character that cannot start any token`;
    case 'BLOCK_AS_IMPLICIT_KEY': return `yaml: line ${line + 1}: mapping values are not allowed in this context`;
    case 'MULTILINE_IMPLICIT_KEY': return `yaml: line ${line + 1}: mapping values are not allowed in this context`;
    case 'MISSING_CHAR':
      return /quote/i.test(e.message) ? `yaml: line ${line}: found unexpected end of stream`
        : `yaml: line ${line + 1}: could not find expected ':'`;
    case 'DUPLICATE_KEY': {
      const key = text.split('\n')[line - 1]?.trim().split(':')[0].replace(/^- /, '') ?? '';
      return `yaml: unmarshal errors:\n  line ${line}: key "${key}" already set in map`;
    }
    case 'BAD_INDENT': return `yaml: line ${Math.max(1, line - 1)}: did not find expected key`;
    default: return `yaml: line ${Math.max(1, line - 1)}: did not find expected key`;
  }
}

/** Splits a source into objects; `kind: List` is flattened like the builder's FlattenListVisitor. */
export function parseSource(src: ManifestSource): KubeObject[] {
  const docs = parseAllDocuments(src.text, { version: '1.1', uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const objects: KubeObject[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      throw new KubectlError(`error: error parsing ${src.name}: error converting YAML to JSON: ${goYamlMessage(err, src.text)}`);
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // The yaml package throws a ReferenceError on alias bombs; go-yaml (decode.go) refuses them so.
      if (!(e instanceof ReferenceError)) throw e;
      throw new KubectlError(`error: error parsing ${src.name}: error converting YAML to JSON: yaml: document contains excessive aliasing`);
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new KubectlError(`error: error parsing ${src.name}: error unmarshaling JSON: while decoding JSON: json: ` +
        `cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value} into Go value of type map[string]interface {}`);
    }
    const obj = value as KubeObject;
    if (obj.kind === 'List' && Array.isArray(obj.items)) objects.push(...obj.items);
    else objects.push(obj);
  }
  return objects;
}

/**
 * Client-side checks kubectl still makes with server-side validation on
 * (staging/src/k8s.io/kubectl/pkg/validation/schema.go getObjectKind + cli-runtime ValidateSchema).
 */
export function validateObject(obj: KubeObject, source: string): void {
  const errs: string[] = [];
  if (obj.apiVersion === undefined || obj.apiVersion === null) errs.push('apiVersion not set');
  else if (typeof obj.apiVersion !== 'string') errs.push("apiVersion isn't string type");
  if (obj.kind === undefined || obj.kind === null) errs.push('kind not set');
  else if (typeof obj.kind !== 'string') errs.push("kind isn't string type");
  if (errs.length) {
    const agg = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
    throw new KubectlError(`error: error validating "${source}": error validating data: ${agg}; ${VALIDATE_HINT}`);
  }
}
