/**
 * `kubectl label` and `kubectl annotate`, after staging/src/k8s.io/kubectl/pkg/cmd/label/label.go
 * and pkg/cmd/annotate/annotate.go: `KEY=VAL` sets, `KEY-` removes, `--overwrite` to change an
 * existing value, `--all` / `-l` for many objects; prints `pod/web labeled`.
 */
import { isStatusError, type KubeObject } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { formatError, KubectlError } from './errors';
import { resourceName } from './printers/output';
import { resolveArgs, type ResourceRequest } from './resource-args';
import { matchesSelector, parseSelector } from './selector';

type Field = 'labels' | 'annotations';

/** Splits `TYPE NAME a=b c-` into resource args and updates (label.go parseLabels). */
function splitArgs(args: string[], field: Field, many: boolean): { resources: string[]; set: Record<string, string>; remove: string[] } {
  const resources: string[] = [];
  const set: Record<string, string> = {};
  const remove: string[] = [];
  let seenUpdate = false;
  for (const a of args) {
    if (a.includes('=')) {
      seenUpdate = true;
      const i = a.indexOf('=');
      const key = a.slice(0, i);
      if (!key || (field === 'labels' && a.slice(i + 1).includes('='))) throw new KubectlError(`error: invalid ${field === 'labels' ? 'label' : 'annotation'} spec: ${a}`);
      set[key] = a.slice(i + 1);
    } else if (a.endsWith('-') && (seenUpdate || many || resources.length >= 2 || resources.some((r) => r.includes('/')))) {
      seenUpdate = true;
      remove.push(a.slice(0, -1));
    } else if (seenUpdate) {
      throw new KubectlError(`error: invalid ${field === 'labels' ? 'label' : 'annotation'} spec: ${a}`);
    } else resources.push(a);
  }
  for (const r of remove) if (r in set) throw new KubectlError(`error: can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`);
  return { resources, set, remove };
}

/** Objects named by the resource args, `--all`, or `-l`. */
export function targetObjects(k: Kubectl, resources: string[]): { req: ResourceRequest; obj: KubeObject }[] {
  if (resources.length === 0) {
    throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  const out: { req: ResourceRequest; obj: KubeObject }[] = [];
  const sel = k.str('selector') ? parseSelector(k.str('selector')!) : undefined;
  for (const req of resolveArgs(k, resources)) {
    const ns = req.res.namespaced ? (k.bool('all-namespaces') ? undefined : k.namespace) : undefined;
    if (req.names.length === 0) {
      if (!k.bool('all') && !sel) {
        throw new KubectlError('error: resource(s) were provided, but no name was specified');
      }
      for (const obj of k.cluster.list<KubeObject>(req.res.kind, ns)) {
        if (!sel || matchesSelector(obj.metadata?.labels, sel)) out.push({ req, obj });
      }
      continue;
    }
    for (const name of req.names) {
      const obj = k.cluster.get<KubeObject>(req.res.kind, ns, name);
      if (!obj) throw new KubectlError(`Error from server (NotFound): ${req.res.plural}${req.res.group ? `.${req.res.group}` : ''} "${name}" not found`);
      out.push({ req, obj });
    }
  }
  return out;
}

async function runMeta(k: Kubectl, field: Field): Promise<number> {
  const noun = field === 'labels' ? 'label' : 'annotation';
  const { resources, set, remove } = splitArgs(k.args, field, k.bool('all') || !!k.str('selector'));
  if (Object.keys(set).length === 0 && remove.length === 0) throw new KubectlError(`error: at least one ${noun} update is required`);
  const targets = targetObjects(k, resources);
  if (targets.length === 0) { k.err(`No resources found in ${k.namespace} namespace.\n`); return 0; }
  let status = 0;
  for (const { req, obj } of targets) {
    const current = { ...(obj.metadata?.[field] ?? {}) } as Record<string, string>;
    if (!k.bool('overwrite')) {
      const clashes = Object.keys(set).filter((key) => key in current && current[key] !== set[key]);
      if (clashes.length && field === 'labels') {
        throw new KubectlError(`error: '${clashes[0]}' already has a value (${current[clashes[0]]}), and --overwrite is false`);
      }
      if (clashes.length) {
        throw new KubectlError(`error: --overwrite is false but found the following declared annotation(s): ${clashes.map((c) => `'${c}' already has a value (${current[c]})`).join('; ')}`);
      }
    }
    const before = JSON.stringify(current);
    for (const key of remove) {
      if (!(key in current) && field === 'labels') k.out(`label "${key}" not found.\n`);
      delete current[key];
    }
    Object.assign(current, set);
    const changed = JSON.stringify(current) !== before;
    const name = obj.metadata?.name ?? '';
    const dry = k.str('dry-run') && k.str('dry-run') !== 'none';
    if (changed && k.str('dry-run') !== 'client') {
      const updated = structuredClone(obj);
      updated.metadata = { ...updated.metadata, [field]: current };
      if (Object.keys(current).length === 0) delete updated.metadata[field];
      try {
        k.cluster.update(updated, { dryRun: !!dry });
      } catch (e) {
        if (!isStatusError(e)) throw e;
        k.err(formatError(e));
        status = 1;
        continue;
      }
    }
    let msg: string;
    if (field === 'annotations') msg = 'annotated';
    else if (!changed) msg = 'not labeled';
    else msg = Object.keys(set).length === 0 ? 'unlabeled' : 'labeled';
    k.out(k.str('output') === 'name' ? `${resourceName(req.res, name)}\n` : `${resourceName(req.res, name)} ${msg}${dry ? (k.str('dry-run') === 'server' ? ' (server dry run)' : ' (dry run)') : ''}\n`);
  }
  k.settle();
  return status;
}

const META_FLAGS = [
  { name: 'overwrite', type: 'bool' as const },
  { name: 'all', type: 'bool' as const },
  { name: 'all-namespaces', short: 'A', type: 'bool' as const },
  { name: 'selector', short: 'l', type: 'string' as const },
  { name: 'field-selector', type: 'string' as const },
  { name: 'dry-run', type: 'string' as const, noOptDefault: 'unchanged' },
  { name: 'output', short: 'o', type: 'string' as const },
  { name: 'resource-version', type: 'string' as const },
  { name: 'local', type: 'bool' as const },
  { name: 'list', type: 'bool' as const },
  { name: 'filename', short: 'f', type: 'stringArray' as const },
  { name: 'field-manager', type: 'string' as const },
];

export const labelVerb: VerbSpec = {
  name: 'label',
  short: 'Update the labels on a resource',
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: META_FLAGS,
  run: (k) => runMeta(k, 'labels'),
};

export const annotateVerb: VerbSpec = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: META_FLAGS,
  run: (k) => runMeta(k, 'annotations'),
};
