import { isStatusError, type KubeObject, type ResourceInfo } from '../../cluster';
import { manifestObjects, MappingError } from './apply';
import type { Kubectl, VerbSpec } from './context';
import { formatError, KubectlError } from './errors';
import { resolveArgs } from './resource-args';
import { matchesSelector, parseSelector } from './selector';

interface Target { res: ResourceInfo; namespace: string | undefined; name: string; source?: string }

function targets(k: Kubectl, deferred: KubectlError[] = []): Target[] {
  const files = (k.flags.filename as string[] | undefined) ?? [];
  if (files.length) {
    const out: Target[] = [];
    try {
      for (const r of manifestObjects(k)) out.push({ res: r.res, namespace: r.namespace, name: r.obj.metadata?.name ?? '', source: r.source });
    } catch (e) {
      // Unserved kinds are reported after the other objects are deleted.
      if (!(e instanceof MappingError)) throw e;
      deferred.push(e);
    }
    return out;
  }
  if (k.args.length === 0) {
    throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource " +
      "specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const out: Target[] = [];
  for (const { res, names } of resolveArgs(k, k.args)) {
    const ns = res.namespaced ? k.namespace : undefined;
    if (names.length) { for (const name of names) out.push({ res, namespace: ns, name }); continue; }
    if (!k.bool('all') && !k.str('selector')) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const sel = k.str('selector') ? parseSelector(k.str('selector')!) : [];
    for (const o of k.cluster.list<KubeObject>(res.kind, ns)) {
      if (matchesSelector(o.metadata?.labels, sel)) out.push({ res, namespace: ns, name: o.metadata!.name! });
    }
  }
  return out;
}

/**
 * kubectl delete (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go): prints
 * `<kind> "<name>" deleted from <ns> namespace` as each delete call returns, then waits
 * until every deleted object (by UID) is gone, unless --wait=false.
 */
async function runDelete(k: Kubectl): Promise<number> {
  let grace = k.changed.has('grace-period') ? (k.flags['grace-period'] as number) : -1;
  const force = k.bool('force');
  if (k.bool('now')) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (grace === 0 && force) {
    k.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. ' +
      'The resource may continue to run on the cluster indefinitely.\n');
  }
  const deferred: KubectlError[] = [];
  const list = targets(k, deferred);
  if (list.length === 0 && !deferred.length) {
    k.err(list.length === 0 && k.explicitNamespace ? `No resources found in ${k.namespace} namespace.\n` : 'No resources found\n');
    return 0;
  }
  const cascade = k.str('cascade') ?? 'background';
  const policies: Record<string, 'Background' | 'Foreground' | 'Orphan'> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan', true: 'Background', false: 'Orphan' };
  const propagationPolicy = policies[cascade];
  if (!propagationPolicy) {
    throw new KubectlError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`);
  }
  const pending: { t: Target; uid: string }[] = [];
  let failed = false;
  for (const t of list) {
    try {
      const obj = k.cluster.delete(t.res.kind, t.namespace, t.name, { gracePeriodSeconds: grace >= 0 ? grace : undefined, propagationPolicy });
      const kind = `${t.res.kind.toLowerCase()}${t.res.group ? `.${t.res.group}` : ''}`;
      const verb = grace === 0 ? 'force deleted' : 'deleted';
      if (k.str('output') === 'name') k.out(`${kind}/${t.name}\n`);
      else k.out(`${kind} "${t.name}" ${verb}${t.namespace ? ` from ${t.namespace} namespace` : ''}\n`);
      pending.push({ t, uid: obj.metadata?.uid ?? '' });
    } catch (e) {
      if (isStatusError(e) && e.reason === 'NotFound' && k.bool('ignore-not-found')) continue;
      if (!isStatusError(e)) throw e;
      k.err(formatError(e, t.source ? { verb: 'deleting', name: t.source } : undefined));
      failed = true;
    }
  }
  for (const e of deferred) { k.err(formatError(e)); failed = true; }
  k.settle();
  if (k.flags.wait !== false) {
    const gone = () => pending.every(({ t, uid }) => k.cluster.get<KubeObject>(t.res.kind, t.namespace, t.name)?.metadata?.uid !== uid);
    while (!gone() && !k.signal?.aborted) {
      const due = k.cluster.nextDueAt();
      // Nothing left to happen on its own (e.g. a protected PVC still in use): stop waiting.
      if (due === undefined) break;
      const step = due === undefined ? 1000 : Math.min(1000, Math.max(1, due - k.cluster.now()));
      await k.wait(step);
    }
  }
  return failed ? 1 : 0;
}

export const deleteVerb: VerbSpec = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: "kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]",
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'force', type: 'bool' },
    { name: 'now', type: 'bool' },
    { name: 'wait', type: 'bool', default: true },
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'cascade', type: 'string', noOptDefault: 'background' },
    { name: 'timeout', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  ],
  run: runDelete,
};
