import type { KubeObject, ResourceInfo } from '../../cluster';
import type { Kubectl } from './context';
import { KubectlError, NotSimulated } from './errors';
import { resourceName } from './printers/output';

const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const HASH = 'pod-template-hash';
// polymorphichelpers/rollback.go annotationsToSkip.
const SKIP = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY,
  'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'deprecated.deployment.rollback.to']);

const owned = (k: Kubectl, kind: string, owner: KubeObject) => k.cluster.list<KubeObject>(kind, owner.metadata?.namespace)
  .filter((o) => o.metadata?.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata?.uid));

/** Revision → the object recording it: ReplicaSets for Deployments, ControllerRevisions otherwise (history.go). */
function revisions(k: Kubectl, obj: KubeObject): Map<number, KubeObject> {
  const out = new Map<number, KubeObject>();
  if (obj.kind === 'Deployment') {
    for (const rs of owned(k, 'ReplicaSet', obj)) {
      const v = Number(rs.metadata?.annotations?.[REVISION]);
      // Only the current revision of each ReplicaSet (history.go): reused ones move to the newest number.
      if (!Number.isNaN(v) && rs.metadata?.annotations?.[REVISION] !== undefined) out.set(v, rs);
    }
  } else {
    for (const cr of owned(k, 'ControllerRevision', obj)) out.set(Number(cr.revision), cr);
  }
  return out;
}

/** `kubectl rollout history`: `<kind>/<name> ` then a REVISION/CHANGE-CAUSE table (tabwriter padding 2). */
export function historyOf(k: Kubectl, res: ResourceInfo, obj: KubeObject): string {
  const revs = revisions(k, obj);
  const wanted = Number(k.flags.revision ?? 0);
  if (wanted > 0) {
    if (!revs.has(wanted)) throw new KubectlError(`error: unable to find the specified revision`);
    throw new NotSimulated('"kubectl rollout history --revision"');
  }
  if (revs.size === 0) return `No rollout history found.\n`;
  const rows = [...revs.keys()].sort((a, b) => a - b)
    .map((v) => [String(v), revs.get(v)!.metadata?.annotations?.[CHANGE_CAUSE] || '<none>']);
  // tabbedString: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0) — first column max width + 2.
  const table = [['REVISION', 'CHANGE-CAUSE'], ...rows];
  const width = Math.max(...table.map((r) => r[0].length)) + 2;
  const text = table.map(([a, b]) => `${a.padEnd(width)}${b}\n`).join('');
  return `${resourceName(res, obj.metadata?.name ?? '')} \n${text}\n`;
}

export interface UndoResult { message: string; patched?: KubeObject; error?: string }

/** DeploymentRollbacker.Rollback (polymorphichelpers/rollback.go). */
export function undoDeployment(k: Kubectl, d: KubeObject, toRevision: number): UndoResult {
  const name = d.metadata?.name;
  if (toRevision < 0) return { message: '', error: `error: unable to find specified revision ${toRevision} in history` };
  if (d.spec?.paused) {
    return { message: '', error: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" };
  }
  const all = owned(k, 'ReplicaSet', d).map((rs) => ({ rs, v: Number(rs.metadata?.annotations?.[REVISION] ?? NaN) }))
    .filter((x) => !Number.isNaN(x.v)).sort((a, b) => b.v - a.v);
  let target: KubeObject | undefined;
  if (toRevision > 0) {
    target = all.find((x) => x.v === toRevision)?.rs;
    if (!target) return { message: '', error: `error: unable to find specified revision ${toRevision} in history` };
  } else {
    target = all[1]?.rs;
    if (!target) return { message: '', error: `error: no rollout history found for deployment "${name}"` };
  }
  const tpl = structuredClone(target.spec.template);
  if (tpl.metadata?.labels) delete tpl.metadata.labels[HASH];
  if (canonical(tpl) === canonical(d.spec.template)) {
    return { message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const annotations: Record<string, string> = {};
  for (const [key, v] of Object.entries(d.metadata?.annotations ?? {})) if (SKIP.has(key)) annotations[key] = v;
  for (const [key, v] of Object.entries(target.metadata?.annotations ?? {})) if (!SKIP.has(key)) annotations[key] = v;
  const patched = structuredClone(d);
  patched.spec.template = tpl;
  patched.metadata = { ...patched.metadata, annotations };
  return { message: 'rolled back', patched };
}

function canonical(v: unknown): string {
  const sort = (x: unknown): unknown => Array.isArray(x) ? x.map(sort) : x && typeof x === 'object'
    ? Object.fromEntries(Object.keys(x).sort().map((key) => [key, sort((x as Record<string, unknown>)[key])])) : x;
  return JSON.stringify(sort(v));
}
