import { isStatusError, StatusError, type KubeObject } from '../../cluster';
import { manifestObjects } from './apply';
import type { Kubectl, VerbSpec } from './context';
import { formatError, KubectlError } from './errors';
import { resourceName } from './printers/output';
import { resolveArgs } from './resource-args';
import { matchesSelector, parseSelector } from './selector';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/**
 * kubectl scale (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go): sets spec.replicas through
 * the scale subresource, with the --current-replicas precondition; prints `<kind>.<group>/<name> scaled`.
 */
async function runScale(k: Kubectl): Promise<number> {
  if (!k.changed.has('replicas')) throw new KubectlError('error: required flag(s) "replicas" not set');
  const replicas = k.flags.replicas as number;
  if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const files = (k.flags.filename as string[] | undefined) ?? [];
  const targets: { kind: string; ns?: string; name: string; res: ReturnType<typeof resolveArgs>[number]['res'] }[] = [];
  if (files.length) {
    for (const r of manifestObjects(k)) targets.push({ kind: r.res.kind, ns: r.namespace, name: r.obj.metadata?.name ?? '', res: r.res });
  } else {
    if (k.args.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    for (const { res, names } of resolveArgs(k, k.args)) {
      const ns = res.namespaced ? k.namespace : undefined;
      if (names.length) { for (const name of names) targets.push({ kind: res.kind, ns, name, res }); continue; }
      if (!k.bool('all') && !k.str('selector')) throw new KubectlError('error: resource(s) were provided, but no name was specified');
      const sel = k.str('selector') ? parseSelector(k.str('selector')!) : [];
      for (const o of k.cluster.list<KubeObject>(res.kind, ns)) {
        if (matchesSelector(o.metadata?.labels, sel)) targets.push({ kind: res.kind, ns, name: o.metadata!.name!, res });
      }
    }
  }
  if (targets.length === 0) throw new KubectlError('error: no objects passed to scale');
  let failed = false;
  for (const t of targets) {
    try {
      const live = k.cluster.get<KubeObject>(t.kind, t.ns, t.name);
      if (!live) throw new StatusError('NotFound', 404, `${t.res.plural}${t.res.group ? `.${t.res.group}` : ''} "${t.name}" not found`);
      if (!SCALABLE.has(t.kind)) throw new StatusError('NotFound', 404, 'the server could not find the requested resource');
      const current = k.flags['current-replicas'] as number;
      if (current >= 0 && live.spec?.replicas !== current) {
        throw new KubectlError(`error: Expected replicas to be ${current}, was ${live.spec?.replicas ?? 0}`);
      }
      if (k.str('dry-run') !== 'client') {
        k.cluster.update({ ...live, spec: { ...live.spec, replicas } }, { dryRun: k.str('dry-run') === 'server' });
      }
      const suffix = k.str('dry-run') === 'client' ? ' (dry run)' : k.str('dry-run') === 'server' ? ' (server dry run)' : '';
      k.out(`${resourceName(t.res, t.name)} scaled${suffix}\n`);
      k.settle();
    } catch (e) {
      if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
      k.err(formatError(e));
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

export const scaleVerb: VerbSpec = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    { name: 'replicas', type: 'int', default: 0 },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
    { name: 'timeout', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run: runScale,
};
