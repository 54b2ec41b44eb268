import type { DeploymentCondition } from 'kubernetes-types/apps/v1';
import { rfc3339 } from '../api/time';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../k8s';
import type { StoredObject } from '../types';

type IntOrString = number | string;

// Annotations and labels of pkg/controller/deployment/util/deployment_util.go.
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type Deploy = Deployment & StoredObject;
export type RS = ReplicaSet & StoredObject;

/** intstr.GetScaledValueFromIntOrPercent: percent of total, rounded up or down. */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  const x = (pct * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** ResolveFenceposts: surge rounds up, unavailable down; both 0 → unavailable 1. */
export function fenceposts(d: Deployment): { surge: number; unavailable: number } {
  const replicas = d.spec?.replicas ?? 1;
  const ru = d.spec?.strategy?.rollingUpdate;
  if (d.spec?.strategy?.type !== 'RollingUpdate') return { surge: 0, unavailable: 0 };
  const surge = scaledValue(ru?.maxSurge, replicas, true);
  let unavailable = scaledValue(ru?.maxUnavailable, replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** MaxUnavailable: never more than the desired replicas. */
export const maxUnavailable = (d: Deployment): number => {
  const replicas = d.spec?.replicas ?? 1;
  if (d.spec?.strategy?.type !== 'RollingUpdate' || replicas === 0) return 0;
  return Math.min(fenceposts(d).unavailable, replicas);
};

export const revisionOf = (o: { metadata?: { annotations?: Record<string, string> } }): number =>
  Number(o.metadata?.annotations?.[REVISION] ?? 0) || 0;

/** EqualIgnoreHash: pod templates equal once the pod-template-hash label is removed. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  // Shallow copies down to the labels only: this runs for every ReplicaSet on every Deployment sync.
  const strip = (t: PodTemplateSpec | undefined): PodTemplateSpec => {
    const labels = t?.metadata?.labels;
    if (!labels || !(HASH_LABEL in labels)) return t ?? {};
    const rest = { ...labels };
    delete rest[HASH_LABEL];
    return { ...t, metadata: { ...t.metadata, labels: Object.keys(rest).length ? rest : undefined } };
  };
  return jsonEqual(strip(a), strip(b));
}

/**
 * Whether two JSON-like values serialise to the same JSON once object keys are sorted (what
 * comparing `JSON.stringify(sortKeys(x))` gives: key order and undefined-valued keys do not count).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i] ?? null, bb[i] ?? null)) return false;
    return true;
  }
  const ra = a as Record<string, unknown>, rb = b as Record<string, unknown>;
  let n = 0;
  for (const k of Object.keys(ra)) {
    if (ra[k] === undefined) continue;
    n++;
    if (!jsonEqual(ra[k], rb[k])) return false;
  }
  for (const k of Object.keys(rb)) if (rb[k] !== undefined) n--;
  return n === 0;
}

export const sum = (xs: RS[], f: (rs: RS) => number | undefined): number => xs.reduce((n, rs) => n + (f(rs) ?? 0), 0);
export const specReplicas = (rs: RS): number => rs.spec?.replicas ?? 0;

/** Old RSs ordered oldest first (controller.ReplicaSetsByCreationTimestamp). */
export const byCreation = (a: RS, b: RS): number =>
  (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name);

/**
 * SetDeploymentCondition (deployment_util.go): a condition with the same status and reason is left
 * alone unless `refresh` (the ReplicaSetUpdated case replaces it to move lastUpdateTime);
 * lastTransitionTime is kept while the status does not change.
 */
export function setCondition(d: Deployment, type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string,
  now: number, refresh = false): void {
  const st = (d.status ??= {});
  const list = [...(st.conditions ?? [])] as DeploymentCondition[];
  const prev = list.find((c) => c.type === type);
  if (prev && prev.status === status && prev.reason === reason && !refresh) return;
  const ts = rfc3339(now);
  const cond = { type, status, lastUpdateTime: ts, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : ts, reason, message };
  st.conditions = [...list.filter((c) => c.type !== type), cond];
}

export const conditionOf = (d: Deployment, type: string): DeploymentCondition | undefined =>
  d.status?.conditions?.find((c) => c.type === type);

/** Annotations the Deployment copies to its ReplicaSets (skipCopyAnnotation). */
export function copiedAnnotations(d: Deployment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if ([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS].includes(k)) continue;
    out[k] = v;
  }
  return out;
}

/** DeploymentComplete: every replica updated and available, and the generation observed. */
export function deploymentComplete(d: Deployment, st: NonNullable<Deployment['status']>): boolean {
  const replicas = d.spec?.replicas ?? 1;
  return (st.updatedReplicas ?? 0) === replicas && (st.replicas ?? 0) === replicas &&
    (st.availableReplicas ?? 0) === replicas && (st.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0);
}
