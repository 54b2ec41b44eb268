/**
 * `kubectl replace -f FILE [--force] [--grace-period=N] [--dry-run] [-o ...]`, after
 * staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go: a PUT of the whole object (it must
 * exist); with --force the live object is deleted and the manifest created again.
 */
import { isStatusError, type KubeObject } from '../../cluster';
import { manifestObjects } from './apply';
import type { Kubectl, VerbSpec } from './context';
import { formatError } from './errors';
import { resourceName } from './printers/output';
import { checkMadeObjectOutput, outputFormat, printMadeObject } from './template-output';

async function runReplace(k: Kubectl): Promise<number> {
  checkMadeObjectOutput(k);
  const dry = k.str('dry-run');
  const dryRun = !!dry && dry !== 'none';
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  const errors: string[] = [];
  let printed = 0;
  try {
    for (const r of manifestObjects(k)) {
      const name = r.obj.metadata?.name ?? '';
      const obj: KubeObject = structuredClone(r.obj);
      if (r.namespace) obj.metadata = { ...obj.metadata, namespace: r.namespace };
      try {
        let result: KubeObject = obj;
        if (k.bool('force')) {
          if (dry !== 'client') {
            const live = k.cluster.get<KubeObject>(r.res.kind, r.namespace, name);
            if (live && !dryRun) {
              const grace = k.flags['grace-period'] as number;
              k.cluster.delete(r.res.kind, r.namespace, name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
              k.out(`${r.res.singular} "${name}" deleted${r.namespace ? ` from ${r.namespace} namespace` : ''}\n`);
              // replace.go waits until the old object is gone before creating it again.
              for (let i = 0; i < 600 && k.cluster.get<KubeObject>(r.res.kind, r.namespace, name)?.metadata?.uid === live.metadata?.uid; i++) {
                k.settle();
                if (k.cluster.get<KubeObject>(r.res.kind, r.namespace, name)?.metadata?.uid !== live.metadata?.uid) break;
                await k.wait(1000);
              }
            }
            result = k.cluster.create(obj, { dryRun });
          }
        } else if (dry !== 'client') {
          result = k.cluster.update(obj, { dryRun });
        }
        k.settle();
        if (!outputFormat(k)) k.out(`${resourceName(r.res, name)} replaced${suffix}\n`);
        else { if (printed++ && outputFormat(k) === 'yaml') k.out('---\n'); printMadeObject(k, result, name); }
      } catch (e) {
        if (!isStatusError(e)) throw e;
        errors.push(formatError(e, { verb: 'replacing', name: r.source }));
      }
    }
  } finally {
    for (const e of errors) k.err(e);
  }
  return errors.length ? 1 : 0;
}

export const replaceVerb: VerbSpec = {
  name: 'replace', short: 'Replace a resource by file name or stdin', usage: 'kubectl replace -f FILENAME [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' }, { name: 'force', type: 'bool' }, { name: 'grace-period', type: 'int', default: -1 },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' }, { name: 'output', short: 'o', type: 'string' }, { name: 'template', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' }, { name: 'validate', type: 'string', noOptDefault: 'strict' }, { name: 'save-config', type: 'bool' },
    { name: 'cascade', type: 'string', noOptDefault: 'background' }, { name: 'wait', type: 'bool' }, { name: 'timeout', type: 'string' },
  ],
  run: runReplace,
};
