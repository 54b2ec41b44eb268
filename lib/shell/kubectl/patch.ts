/**
 * `kubectl patch` after staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go: `-p` (JSON or YAML),
 * `--type strategic` (default; maps merge, `null` deletes, lists of keyed objects merge by their
 * patch merge key as in apimachinery/pkg/util/strategicpatch), `merge` (RFC 7386) and `json`
 * (RFC 6902). Prints `pod/web patched` or `pod/web patched (no change)`.
 */
import { parse } from 'yaml';
import { isStatusError, strictDecodingError, type KubeObject } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { formatError, KubectlError } from './errors';
import { targetObjects } from './label';
import { canonicalJson } from './merge';
import { resourceName } from './printers/output';

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Patch merge keys of the built-in types (the `patchMergeKey` tags in k8s.io/api). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', env: 'name', volumes: 'name',
  volumeMounts: 'mountPath', volumeDevices: 'devicePath', ports: 'containerPort', imagePullSecrets: 'name',
  hostAliases: 'ip', conditions: 'type', ownerReferences: 'uid', topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name', finalizers: '', tolerations: '',
};

export function mergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export function strategicPatch(target: Json, patch: Json, field = ''): Json {
  if (Array.isArray(patch)) {
    const key = MERGE_KEYS[field];
    const items = Array.isArray(target) ? target : [];
    if (!key || !patch.every(isObj) || !items.every(isObj)) return patch.filter((p) => !(isObj(p) && p.$patch === 'delete'));
    const out = [...items] as Obj[];
    for (const p of patch as Obj[]) {
      const i = out.findIndex((o) => o[key] === p[key]);
      if (p.$patch === 'delete') { if (i >= 0) out.splice(i, 1); continue; }
      if (i >= 0) out[i] = strategicPatch(out[i], p) as Obj;
      else out.push(strategicPatch({}, p) as Obj);
    }
    return out;
  }
  if (!isObj(patch)) return patch;
  if (patch.$patch === 'replace') { const rest = { ...patch }; delete rest.$patch; return rest; }
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else out[k] = strategicPatch(out[k], v, k);
  }
  return out;
}

class JsonPatchError extends Error {}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`JSON pointer must be empty or start with a "/": ${path}`);
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Json, parts: string[], op: string, path: string): Obj | Json[] {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(p)] : isObj(cur) ? cur[p] : undefined;
    if (cur === undefined) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  if (!isObj(cur) && !Array.isArray(cur)) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return cur;
}

function getAt(doc: Json, path: string, op: string): Json {
  const parts = pointer(path);
  if (parts.length === 0) return doc;
  const parent = parentOf(doc, parts, op, path);
  const last = parts[parts.length - 1];
  const v = Array.isArray(parent) ? parent[Number(last)] : parent[last];
  if (v === undefined) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return v;
}

function setAt(doc: Json, path: string, value: Json, op: 'add' | 'replace' | 'remove'): void {
  const parts = pointer(path);
  const parent = parentOf(doc, parts, op, path);
  const last = parts[parts.length - 1];
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (op !== 'add' && i >= parent.length)) {
      throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    }
    if (op === 'add') parent.splice(i, 0, value);
    else if (op === 'replace') parent[i] = value;
    else parent.splice(i, 1);
    return;
  }
  if (op !== 'add' && !(last in parent)) {
    throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  if (op === 'remove') delete parent[last];
  else parent[last] = value;
}

export function jsonPatch(target: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const doc = structuredClone(target);
  for (const raw of ops) {
    if (!isObj(raw)) throw new JsonPatchError('invalid operation');
    const { op, path, value, from } = raw as { op?: string; path?: string; value?: Json; from?: string };
    if (typeof path !== 'string') throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "": missing value`);
    switch (op) {
      case 'add': case 'replace': setAt(doc, path, structuredClone(value), op); break;
      case 'remove': setAt(doc, path, undefined, 'remove'); break;
      case 'move': case 'copy': {
        const v = structuredClone(getAt(doc, from ?? '', op));
        if (op === 'move') setAt(doc, from ?? '', undefined, 'remove');
        setAt(doc, path, v, 'add');
        break;
      }
      case 'test':
        if (canonicalJson(getAt(doc, path, op)) !== canonicalJson(value)) throw new JsonPatchError('testing value ' + path + ' failed: test failed');
        break;
      default: throw new JsonPatchError(`Unexpected kind: ${op}`);
    }
  }
  return doc;
}

async function runPatch(k: Kubectl): Promise<number> {
  const type = k.str('type') ?? 'strategic';
  if (!['json', 'merge', 'strategic'].includes(type)) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${type}"`);
  let text = k.str('patch');
  if (k.str('patch-file')) {
    const path = k.env.resolve(k.str('patch-file')!);
    if (!k.env.vfs.isFile(path)) throw new KubectlError(`error: unable to read patch file: open ${k.str('patch-file')}: no such file or directory`);
    text = k.env.vfs.read(path);
  }
  if (!text) throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch');
  let patch: Json;
  try { patch = parse(text); } catch (e) {
    throw new KubectlError(`error: unable to parse "${text}": yaml: ${(e as Error).message.split('\n')[0]}`);
  }
  if (type !== 'json' && !isObj(patch)) throw new KubectlError(`error: unable to parse "${text}": json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
  let status = 0;
  for (const { req, obj } of targetObjects(k, k.args)) {
    const name = resourceName(req.res, obj.metadata?.name ?? '');
    let patched: KubeObject;
    try {
      patched = (type === 'json' ? jsonPatch(obj, patch) : type === 'merge' ? mergePatch(obj, patch) : strategicPatch(obj, patch)) as KubeObject;
    } catch (e) {
      if (!(e instanceof JsonPatchError)) throw e;
      k.err(`Error from server: ${e.message}\n`);
      status = 1;
      continue;
    }
    if (canonicalJson(patched) === canonicalJson(obj)) { k.out(`${name} patched (no change)\n`); continue; }
    const dry = k.str('dry-run') && k.str('dry-run') !== 'none';
    try {
      const undecodable = strictDecodingError(patched, false);
      if (undecodable) throw undecodable;
      if (k.str('dry-run') !== 'client') k.cluster.update(patched, { dryRun: !!dry });
    } catch (e) {
      if (!isStatusError(e)) throw e;
      k.err(formatError(e));
      status = 1;
      continue;
    }
    k.out(`${name} patched${dry ? (k.str('dry-run') === 'server' ? ' (server dry run)' : ' (dry run)') : ''}\n`);
  }
  k.settle();
  return status;
}

export const patchVerb: VerbSpec = {
  name: 'patch',
  short: 'Update fields of a resource',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'local', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'field-manager', type: 'string' },
  ],
  run: runPatch,
};
