import { rfc3339 } from '../api/time';
import type { ControllerRevision, PersistentVolumeClaim, Pod, PodTemplateSpec, StatefulSet } from '../k8s';
import type { StoredObject } from '../types';
import { newControllerRef } from '../api/owners';
import type { ControllerContext } from './controller';
import { computeHash } from './hash';
import { isPodReady, podFromTemplate } from './pod-util';

export type Sts = StatefulSet & StoredObject;
export const REVISION_LABEL = 'controller-revision-hash';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const SOURCE = { component: 'statefulset-controller' };

/** getParentNameAndOrdinal (stateful_set_utils.go): `web-3` → ordinal 3 of `web`. */
export function ordinalOf(sts: Sts, pod: Pod): number | undefined {
  const name = pod.metadata?.name ?? '';
  const prefix = `${sts.metadata.name}-`;
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}

export const startOrdinal = (sts: Sts): number => sts.spec?.ordinals?.start ?? 0;
export const claimName = (tpl: string, sts: Sts, ordinal: number): string => `${tpl}-${sts.metadata.name}-${ordinal}`;
export const isRunningAndReady = (p: Pod): boolean => p.status?.phase === 'Running' && isPodReady(p);

/** The patch a ControllerRevision stores (history.go getPatch): the template with `$patch: replace`. */
function revisionData(sts: Sts): unknown {
  return { spec: { template: { ...structuredClone(sts.spec!.template), $patch: 'replace' } } };
}

/**
 * getStatefulSetRevisions (stateful_set_control.go): finds or creates the ControllerRevision
 * `<set>-<hash>` for the current template; an equal older revision is re-numbered as newest.
 */
export function ensureRevision(ctx: ControllerContext, sts: Sts): { update: string; revisions: ControllerRevision[] } {
  const revisions = ctx.store.filter((o) => o.kind === 'ControllerRevision' && o.metadata.namespace === sts.metadata.namespace &&
    !!o.metadata.ownerReferences?.some((r) => r.uid === sts.metadata.uid), 'ControllerRevision') as ControllerRevision[];
  const data = revisionData(sts);
  const name = `${sts.metadata.name}-${computeHash(data, sts.status?.collisionCount)}`;
  const max = revisions.reduce((m, r) => Math.max(m, r.revision ?? 0), 0);
  const existing = revisions.find((r) => r.metadata?.name === name);
  if (existing) {
    if ((existing.revision ?? 0) < max) {
      existing.revision = max + 1;
      ctx.api.write(existing);
    }
    return { update: name, revisions };
  }
  const cr = ctx.api.createInternal({
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name, namespace: sts.metadata.namespace, labels: { ...sts.spec?.template?.metadata?.labels, 'controller.kubernetes.io/hash': name.slice(sts.metadata.name.length + 1) },
      ownerReferences: [newControllerRef(sts)], creationTimestamp: rfc3339(ctx.now()) },
    data, revision: max + 1,
  }) as ControllerRevision;
  return { update: name, revisions: [...revisions, cr] };
}

/** The template a revision recorded, for pods below the partition (ApplyRevision). */
export function templateOf(revisions: ControllerRevision[], name: string | undefined): PodTemplateSpec | undefined {
  const cr = revisions.find((r) => r.metadata?.name === name);
  const tpl = (cr?.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template;
  if (!tpl) return undefined;
  const copy = structuredClone(tpl);
  delete copy.$patch;
  return copy as PodTemplateSpec;
}

/** The claims a pod of this ordinal uses (getPersistentVolumeClaims): template labels + selector labels. */
export function claimsFor(sts: Sts, ordinal: number): PersistentVolumeClaim[] {
  return (sts.spec?.volumeClaimTemplates ?? []).map((t) => {
    const claim = structuredClone(t) as PersistentVolumeClaim;
    const tplName = t.metadata?.name ?? '';
    delete (claim as { status?: unknown }).status;
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    claim.metadata = {
      name: claimName(tplName, sts, ordinal), namespace: sts.metadata.namespace,
      labels: { ...t.metadata?.labels, ...sts.spec?.selector?.matchLabels },
      ...(t.metadata?.annotations && { annotations: { ...t.metadata.annotations } }),
    };
    return claim;
  });
}

/**
 * newVersionedStatefulSetPod / initIdentity / updateStorage (stateful_set_utils.go): name
 * `<set>-<ordinal>`, hostname and subdomain, revision and index labels, claim volumes first.
 */
export function newPod(sts: Sts, template: PodTemplateSpec, revision: string, ordinal: number): Pod {
  const pod = podFromTemplate(template, sts, newControllerRef(sts));
  const name = `${sts.metadata.name}-${ordinal}`;
  pod.metadata!.name = name;
  pod.metadata!.labels = { ...pod.metadata!.labels, [REVISION_LABEL]: revision, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) };
  const spec = pod.spec!;
  spec.hostname = name;
  if (sts.spec?.serviceName) spec.subdomain = sts.spec.serviceName;
  const templates = sts.spec?.volumeClaimTemplates ?? [];
  if (templates.length) {
    const claimVolumes = templates.map((t) => ({ name: t.metadata!.name!, persistentVolumeClaim: { claimName: claimName(t.metadata!.name!, sts, ordinal) } }));
    spec.volumes = [...claimVolumes, ...(spec.volumes ?? []).filter((v) => !templates.some((t) => t.metadata?.name === v.name))];
  }
  return pod;
}
