/**
 * `kubectl diff -f FILE`, after staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go: the live object
 * and the result of a server-side dry-run apply are written as YAML (managedFields dropped) into
 * LIVE-* and MERGED-* directories and compared with `diff -u -N`. Exit status 0 without
 * differences, 1 with differences, greater than 1 on errors.
 */
import { isStatusError, type KubeObject } from '../../cluster';
import { manifestObjects, planApply } from './apply';
import type { Kubectl, VerbSpec } from './context';
import { formatError, KubectlError } from './errors';
import { toYaml } from './printers/output';
import { unifiedHunks } from './unified-diff';

/** diff.go's file name: group.version.Kind.namespace.name (core: v1.Kind...). */
function fileName(obj: KubeObject, namespace: string | undefined): string {
  const gv = String(obj.apiVersion ?? '').replace('/', '.');
  return [gv, obj.kind, ...(namespace ? [namespace] : []), obj.metadata?.name].join('.');
}

function strip(obj: KubeObject | undefined): string {
  if (!obj) return '';
  const copy = structuredClone(obj);
  if (copy.metadata) delete copy.metadata.managedFields;
  return toYaml(copy);
}

/** GNU diff's header time (`2025-01-01 00:00:00.000000000 +0000`). */
const stamp = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').replace(/\.(\d{3})Z$/, '.$1000000 +0000')}`;

async function runDiff(k: Kubectl): Promise<number> {
  if (k.bool('server-side')) throw new KubectlError('kubelab: "kubectl diff --server-side" is not simulated yet');
  const now = k.cluster.now();
  // mkdir-temp style directory names, stable for a given moment.
  const seed = (n: number) => String(Math.abs(Math.imul(Math.floor(now / 1000) ^ n, 2654435761)) % 9_000_000_000 + 1_000_000_000);
  const liveDir = `/tmp/LIVE-${seed(1)}`, mergedDir = `/tmp/MERGED-${seed(2)}`;
  let differ = false;
  const errors: string[] = [];
  try {
    for (const r of manifestObjects(k)) {
      if (!r.obj.metadata?.name) throw new KubectlError('error: resource name may not be empty');
      let merged: KubeObject;
      const { live, planned } = planApply(k, r);
      try {
        merged = live ? k.cluster.update(planned, { dryRun: true }) : k.cluster.create(planned, { dryRun: true });
      } catch (e) {
        if (!isStatusError(e)) throw e;
        errors.push(formatError(e));
        continue;
      }
      const hunks = unifiedHunks(strip(live), strip(merged));
      if (!hunks) continue;
      differ = true;
      const name = fileName(r.obj, r.namespace);
      k.out(`diff -u -N ${liveDir}/${name} ${mergedDir}/${name}\n` +
        `--- ${liveDir}/${name}\t${live ? stamp(now) : '1970-01-01 00:00:00.000000000 +0000'}\n` +
        `+++ ${mergedDir}/${name}\t${stamp(now)}\n${hunks}`);
    }
  } catch (e) {
    for (const err of errors) k.err(err);
    // cmdutil.CheckDiffErr: failures exit with 2, so they differ from "differences found" (1).
    if (isStatusError(e)) throw new KubectlError(formatError(e), 2);
    throw e instanceof KubectlError ? new KubectlError(e.message, 2) : e;
  }
  for (const err of errors) k.err(err);
  if (errors.length) return 2;
  return differ ? 1 : 0;
}

export const diffVerb: VerbSpec = {
  name: 'diff', short: 'Diff the live version against a would-be applied version', usage: 'kubectl diff -f FILENAME [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' }, { name: 'recursive', short: 'R', type: 'bool' }, { name: 'selector', short: 'l', type: 'string' },
    { name: 'server-side', type: 'bool' }, { name: 'field-manager', type: 'string' }, { name: 'force-conflicts', type: 'bool' },
    { name: 'prune', type: 'bool' }, { name: 'show-managed-fields', type: 'bool' }, { name: 'concurrency', type: 'int', default: 1 },
  ],
  run: runDiff,
};
