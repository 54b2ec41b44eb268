/**
 * The template printers of `-o`: jsonpath[-file], jsonpath-as-json, custom-columns[-file],
 * go-template[-file] and template[file], with `--template`, after cli-runtime
 * pkg/genericclioptions/{jsonpath_flags.go,go_template_flags.go} and pkg/printers/template.go.
 */
import type { KubeObject } from '../../cluster';
import { goString, parseGoTemplate, TemplateError } from '../gotemplate';
import type { Kubectl } from './context';
import { KubectlError } from './errors';
import { customColumns } from './get-output';
import { evalPath, JsonPathError, parsePath, relaxed, renderJsonPath } from './jsonpath';
import { asList, resourceName, toJson, toYaml } from './printers/output';

const FORMATS = /^(jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|go-template|go-template-file|template|templatefile)(=|$)/;

/** Output formats this file prints (`--template` alone means go-template, as in kubectl). */
export function isTemplateOutput(output: string): boolean {
  return FORMATS.test(output);
}

export function outputFormat(k: Kubectl): string {
  const output = k.str('output') ?? '';
  return !output && k.str('template') ? 'go-template' : output;
}

function templateOf(k: Kubectl, output: string): { kind: string; arg: string } {
  const eq = output.indexOf('=');
  const kind = eq < 0 ? output : output.slice(0, eq);
  let arg = eq < 0 ? (k.str('template') ?? '') : output.slice(eq + 1);
  if (kind.endsWith('-file') || kind === 'templatefile') {
    if (!arg) return { kind, arg };
    const path = k.env.resolve(arg);
    const what = kind === 'custom-columns-file' ? 'template' : '--template';
    if (!k.env.vfs.isFile(path)) {
      const why = k.env.vfs.isDir(path) ? 'is a directory' : 'no such file or directory';
      throw new KubectlError(`error: error reading ${what} ${arg}, ${k.env.vfs.isDir(path) ? 'read' : 'open'} ${arg}: ${why}`);
    }
    arg = k.env.vfs.read(path);
    if (kind === 'custom-columns-file') arg = columnsFromFile(arg);
  }
  return { kind: kind.replace(/-?file$/, ''), arg };
}

/** customcolumn.go NewCustomColumnsPrinterFromTemplate: a line of headers, a line of specs → `H:spec,...`. */
function columnsFromFile(text: string): string {
  const [headerLine, specLine] = text.split('\n');
  const format = 'Expected format is one line of space separated headers, one line of space separated column specs.';
  if (headerLine === undefined || (headerLine === '' && specLine === undefined)) throw new KubectlError(`error: invalid template, missing header line. ${format}`);
  if (specLine === undefined) throw new KubectlError(`error: invalid template, missing spec line. ${format}`);
  const headers = headerLine.trim().split(/\s+/).filter(Boolean);
  const specs = specLine.trim().split(/\s+/).filter(Boolean);
  if (headers.length !== specs.length) throw new KubectlError(`error: number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  return headers.map((h, i) => `${h}:${specs[i]}`).join(',');
}

/** encoding/json.Marshal of an unstructured object: sorted keys, compact, HTML characters escaped. */
function goJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((key) => o[key] !== undefined).sort().map((key) => `${goJson(key)}:${goJson(o[key])}`).join(',')}}`;
  }
  return (JSON.stringify(v) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function printGoTemplate(k: Kubectl, tpl: string, data: KubeObject): void {
  const funcs = {
    // cli-runtime printers/template.go
    base64decode: (v: unknown) => {
      const s = typeof v === 'string' ? v : goString(v);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) throw new Error(`base64 decode failed: illegal base64 data at input byte ${firstBadByte(s)}`);
      return Buffer.from(s, 'base64').toString('utf8');
    },
    exists: (item: unknown, ...keys: unknown[]) => {
      let v = item;
      for (const key of keys) {
        if (Array.isArray(v) && typeof key === 'number' && key >= 0 && key < v.length) v = v[key];
        else if (v && typeof v === 'object' && !Array.isArray(v) && typeof key === 'string' && Object.hasOwn(v, key)) v = (v as Record<string, unknown>)[key];
        else return false;
      }
      return true;
    },
  };
  let template;
  // --allow-missing-template-keys=false is Go's missingkey=error (flag registered by get).
  const missingKeyError = k.changed.has('allow-missing-template-keys') && !k.bool('allow-missing-template-keys');
  try { template = parseGoTemplate(tpl, { funcs, missingKeyError }); } catch (e) {
    if (e instanceof TemplateError) throw new KubectlError(`error: error parsing template ${tpl}, ${e.message}`);
    throw e;
  }
  try {
    k.out(template.execute(JSON.parse(JSON.stringify(data))));
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    k.out(`Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${tpl}\n\traw data was:\n\t\t${goJson(data)}\n\tobject given to template engine was:\n\t\t${goString(JSON.parse(JSON.stringify(data)))}\n\n`);
    throw new KubectlError(`error: error executing template ${JSON.stringify(tpl)}: ${e.message}`);
  }
}

function firstBadByte(s: string): number {
  const i = s.search(/[^A-Za-z0-9+/=]/);
  return i >= 0 ? i : Math.floor(s.length / 4) * 4;
}

/**
 * `-o` of the verbs that print the one object they made (create, expose, ...): yaml, json, name or
 * a template; returns false when no -o was given so the caller prints its own "created" line.
 */
export function printMadeObject(k: Kubectl, obj: KubeObject, name: string): boolean {
  const output = outputFormat(k);
  if (!output) return false;
  if (output === 'yaml') k.out(toYaml(obj));
  else if (output === 'json') k.out(toJson(obj));
  else if (output === 'name') k.out(`${resourceName(k.cluster.resourceForKind(obj.kind!)!, name)}\n`);
  else if (isTemplateOutput(output)) printTemplate(k, [obj], true);
  else throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`);
  return true;
}

const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Checks `-o` before anything is created, as kubectl builds its printer first. */
export function checkMadeObjectOutput(k: Kubectl): void {
  const output = outputFormat(k);
  if (output && !['yaml', 'json', 'name'].includes(output) && !(isTemplateOutput(output) && !output.startsWith('custom-columns'))) {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`);
  }
}

/** Prints objects through a jsonpath, custom-columns or go-template template. */
export function printTemplate(k: Kubectl, objects: KubeObject[], single: boolean): void {
  const { kind, arg } = templateOf(k, outputFormat(k));
  if (kind === 'custom-columns') { k.out(customColumns(arg, objects, k.bool('no-headers'))); return; }
  if (!arg) throw new KubectlError('error: template format specified but no template given');
  const data = single ? objects[0] : asList(objects);
  if (kind === 'go-template' || kind === 'template') { printGoTemplate(k, arg, data); return; }
  try {
    if (kind === 'jsonpath-as-json') {
      const tpl = relaxed(arg).slice(1, -1);
      k.out(`${JSON.stringify(evalPath(data, parsePath(tpl)), null, 4)}\n`);
      return;
    }
    k.out(renderJsonPath(arg, data));
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(`error: error parsing jsonpath ${arg}, ${e.message}`);
    throw e;
  }
}
