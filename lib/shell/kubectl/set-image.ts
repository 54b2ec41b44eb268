import { isStatusError, type KubeObject } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { formatError, KubectlError, NotSimulated } from './errors';
import { resourceName } from './printers/output';
import { fullHelp } from './help-texts';
import { resolveArgs } from './resource-args';
import { podSpecOf, runSetEnv, runSetResources } from './set-env-resources';

/** kubectl set image (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go). */
async function runSetImage(k: Kubectl, args: string[]): Promise<number> {
  const pairs = args.filter((a) => a.includes('='));
  const resources = args.filter((a) => !a.includes('='));
  if (pairs.length === 0) throw new KubectlError("error: at least one image update is required\nSee 'kubectl set image -h' for help and examples");
  if (resources.length === 0) {
    throw new KubectlError("error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl set image -h' for help and examples");
  }
  const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  let failed = false;
  for (const { res, names } of resolveArgs(k, resources)) {
    const objects = names.length ? names.map((n) => ({ n, o: k.cluster.get<KubeObject>(res.kind, k.namespace, n) }))
      : k.bool('all') ? k.cluster.list<KubeObject>(res.kind, k.namespace).map((o) => ({ n: o.metadata!.name!, o }))
        : (() => { throw new KubectlError('error: resource(s) were provided, but no name was specified'); })();
    for (const { n, o } of objects) {
      try {
        if (!o) throw new KubectlError(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${n}" not found`);
        const copy = structuredClone(o);
        const spec = podSpecOf(copy);
        if (!spec) throw new KubectlError(`error: ${res.kind.toLowerCase()}/${n} does not have a pod template`);
        let changed = false;
        for (const [name, image] of images) {
          const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
          const hits = name === '*' ? all : all.filter((c) => c.name === name);
          if (hits.length === 0) throw new KubectlError(`error: unable to find container named "${name}"`);
          for (const c of hits) if (c.image !== image) { c.image = image; changed = true; }
        }
        if (!changed) continue;
        if (k.str('dry-run') !== 'client') k.cluster.update(copy, { dryRun: k.str('dry-run') === 'server' });
        k.settle();
        const suffix = k.str('dry-run') === 'client' ? ' (dry run)' : k.str('dry-run') === 'server' ? ' (server dry run)' : '';
        k.out(`${resourceName(res, n)} image updated${suffix}\n`);
      } catch (e) {
        if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
        k.err(formatError(e));
        failed = true;
      }
    }
  }
  return failed ? 1 : 0;
}

export const setVerb: VerbSpec = {
  name: 'set',
  short: 'Set specific features on objects',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'local', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'record', type: 'bool' },
    { name: 'containers', short: 'c', type: 'string' },
    { name: 'requests', type: 'string' },
    { name: 'limits', type: 'string' },
    { name: 'env', short: 'e', type: 'stringArray' },
    { name: 'list', type: 'bool' },
    { name: 'overwrite', type: 'bool' },
    { name: 'resolve', type: 'bool' },
    { name: 'from', type: 'string' },
    { name: 'keys', type: 'stringArray' },
    { name: 'prefix', type: 'string' },
  ],
  run: (k) => {
    const sub = k.args[0];
    if (!sub) { k.out(fullHelp('set', []) ?? ''); return 0; } // cobra: a bare parent command prints its help
    if (sub === 'env') return runSetEnv(k, k.args.slice(1));
    if (sub === 'resources') return runSetResources(k, k.args.slice(1));
    if (sub !== 'image') {
      if (['selector', 'serviceaccount', 'sa', 'subject'].includes(sub)) throw new NotSimulated(`"kubectl set ${sub}"`);
      throw new KubectlError(`error: unknown command "${sub}" for "kubectl set"`);
    }
    return runSetImage(k, k.args.slice(1));
  },
};
