import { badRequest, fieldError, type StatusCause } from '../errors';
import type { Pod } from '../k8s';
import { parseQuantity } from '../quantity';
import type { StoredObject } from '../types';
import { validateObjectMeta } from './object-meta';
import type { KindStrategy, StrategyContext } from './strategies';

/**
 * VerticalPodAutoscaler (autoscaling.k8s.io/v1): the CRD's structural schema (vpa-v1-crd-gen.yaml:
 * targetRef required, updateMode enum) and, while vpa-admission-controller runs, its validating
 * webhook `vpa.k8s.io` (pkg/admission-controller/resource/vpa/handler.go validateVPA).
 */
export const UPDATE_MODES = ['Off', 'Initial', 'Recreate', 'InPlaceOrRecreate', 'Auto'];
const CONTROLLED_VALUES = ['RequestsAndLimits', 'RequestsOnly'];
const CONTAINER_MODES = ['Auto', 'Off'];
export const VPA_WEBHOOK_CONFIG = 'vpa-webhook-config';
export const ANNOTATION_UPDATES = 'vpaUpdates';
export const ANNOTATION_OBSERVED = 'vpaObservedContainers';

/** The admission controller registers its webhook configuration once it runs (addons/vpa-effects.ts). */
export function vpaWebhookActive(ctx: Pick<StrategyContext, 'list'>): boolean {
  return ctx.list('MutatingWebhookConfiguration').some((w) => w.metadata.name === VPA_WEBHOOK_CONFIG);
}

function validate(obj: StoredObject): StatusCause[] {
  const errs = validateObjectMeta(obj.metadata, 'subdomain');
  const s = obj.spec;
  if (!s || typeof s !== 'object') return [...errs, fieldError.required('spec')];
  if (!s.targetRef) errs.push(fieldError.required('spec.targetRef'));
  else {
    if (!s.targetRef.kind) errs.push(fieldError.required('spec.targetRef.kind'));
    if (!s.targetRef.name) errs.push(fieldError.required('spec.targetRef.name'));
  }
  const mode = s.updatePolicy?.updateMode;
  if (mode !== undefined && !UPDATE_MODES.includes(mode)) errs.push(fieldError.notSupported('spec.updatePolicy.updateMode', mode, UPDATE_MODES));
  (s.resourcePolicy?.containerPolicies ?? []).forEach((p: Record<string, unknown>, i: number) => {
    const at = `spec.resourcePolicy.containerPolicies[${i}]`;
    if (p.mode !== undefined && !CONTAINER_MODES.includes(String(p.mode))) errs.push(fieldError.notSupported(`${at}.mode`, p.mode, CONTAINER_MODES));
    if (p.controlledValues !== undefined && !CONTROLLED_VALUES.includes(String(p.controlledValues))) {
      errs.push(fieldError.notSupported(`${at}.controlledValues`, p.controlledValues, CONTROLLED_VALUES));
    }
  });
  return errs;
}

/** handler.go validateVPA: the webhook's messages, `admission webhook "vpa.k8s.io" denied the request: ...`. */
function webhookError(obj: StoredObject): string | undefined {
  const s = obj.spec ?? {};
  const min = s.updatePolicy?.minReplicas;
  if (min !== undefined && min <= 0) return `MinReplicas has to be positive, got ${min}`;
  for (const p of s.resourcePolicy?.containerPolicies ?? []) {
    if (!p.containerName) return 'ContainerPolicies.ContainerName is required';
    if (p.mode === 'Off' && p.controlledValues === 'RequestsOnly') return `ControlledValues shouldn't be specified if container scaling mode is off.`;
    for (const res of Object.keys(p.maxAllowed ?? {})) {
      const lo = parseQuantity(p.minAllowed?.[res]), hi = parseQuantity(p.maxAllowed[res]);
      if (lo !== undefined && hi !== undefined && lo > hi) return `max resource for ${res} is lower than min`;
    }
  }
  return undefined;
}

export const vpaStrategy: KindStrategy = {
  hasStatus: true,
  validate,
  prepareForUpdate(next, prev) { next.status = prev.status; },
  admit(obj, ctx) {
    if (!vpaWebhookActive(ctx)) return undefined;
    const why = webhookError(obj);
    return why ? badRequest(`admission webhook "vpa.k8s.io" denied the request: ${why}`) : undefined;
  },
};

export const vpaCheckpointStrategy: KindStrategy = { hasStatus: true, validate: (o) => validateObjectMeta(o.metadata, 'subdomain') };

/** The pod's top-level controller (Pod → ReplicaSet → Deployment), as vpa_api_util's controller fetcher resolves it. */
export function topController(pod: { metadata?: Pod['metadata'] }, list: StrategyContext['list']): { kind: string; name: string } | undefined {
  const ref = pod.metadata?.ownerReferences?.find((r) => r.controller);
  if (!ref) return undefined;
  if (ref.kind === 'ReplicaSet') {
    const rs = list('ReplicaSet', pod.metadata?.namespace).find((r) => r.metadata.name === ref.name);
    const up = rs?.metadata.ownerReferences?.find((r) => r.controller);
    if (up) return { kind: up.kind, name: up.name };
  }
  return { kind: ref.kind, name: ref.name };
}

/** GetControllingVPAForPod: the VPA whose targetRef is the pod's top-level controller. */
export function controllingVpa(pod: Pod, list: StrategyContext['list']): StoredObject | undefined {
  const top = topController(pod, list);
  if (!top) return undefined;
  return list('VerticalPodAutoscaler', pod.metadata?.namespace)
    .filter((v) => v.spec?.targetRef?.kind === top.kind && v.spec?.targetRef?.name === top.name && !v.metadata.deletionTimestamp)
    .sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : 1))[0];
}

/** CPU as a Quantity string (milli, DecimalSI) and memory as DecimalSI bytes, as resource.Quantity prints them. */
export function formatCpu(milli: number): string {
  const m = Math.round(milli);
  return m % 1000 === 0 ? formatBytes(m / 1000) : `${m}m`;
}

export function formatBytes(bytes: number): string {
  let v = Math.floor(bytes);
  if (v === 0) return '0';
  const suffixes = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  let i = 0;
  while (v % 1000 === 0 && i < suffixes.length - 1) { v /= 1000; i++; }
  return `${v}${suffixes[i]}`;
}

const fmt = (res: string, v: number) => (res === 'cpu' ? formatCpu(v * 1000) : formatBytes(v));

/**
 * vpa-admission-controller's pod patch (resource/pod/patch/resource_updates.go, observed_containers.go):
 * requests from the recommendation's target, limits scaled in proportion (RequestsAndLimits),
 * annotations `vpaUpdates` and `vpaObservedContainers`. Mode Off leaves the pod alone.
 */
export function applyVpaToPod(pod: Pod, ctx: StrategyContext): void {
  if (!vpaWebhookActive(ctx)) return;
  const vpa = controllingVpa(pod, ctx.list);
  if (!vpa || (vpa.spec?.updatePolicy?.updateMode ?? 'Auto') === 'Off') return;
  const recs: Record<string, unknown>[] = vpa.status?.recommendation?.containerRecommendations ?? [];
  const policies: Record<string, unknown>[] = vpa.spec?.resourcePolicy?.containerPolicies ?? [];
  const parts: string[] = [];
  (pod.spec?.containers ?? []).forEach((c, i) => {
    const rec = recs.find((r) => r.containerName === c.name);
    const policy = policies.find((p) => p.containerName === c.name) ?? policies.find((p) => p.containerName === '*');
    const done: string[] = [];
    const target = policy?.mode === 'Off' ? undefined : rec?.target as Record<string, string> | undefined;
    for (const res of ['cpu', 'memory']) {
      const want = parseQuantity(target?.[res]);
      if (want === undefined) continue;
      const resources = (c.resources ??= {});
      const oldReq = parseQuantity(resources.requests?.[res] as string | undefined);
      resources.requests = { ...resources.requests, [res]: fmt(res, want) };
      done.push(`${res} request`);
      const oldLimit = parseQuantity(resources.limits?.[res] as string | undefined);
      if (policy?.controlledValues !== 'RequestsOnly' && oldLimit !== undefined && oldReq) {
        resources.limits = { ...resources.limits, [res]: fmt(res, (oldLimit * want) / oldReq) };
        done.push(`${res} limit`);
      }
    }
    const order = ['cpu request', 'memory request', 'cpu limit', 'memory limit'];
    parts.push(`container ${i}: ${done.sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(', ')}`);
  });
  const meta = pod.metadata!;
  meta.annotations = {
    ...meta.annotations,
    [ANNOTATION_UPDATES]: `Pod resources updated by ${vpa.metadata.name}: ${parts.join('; ')}`,
    [ANNOTATION_OBSERVED]: (pod.spec?.containers ?? []).map((c) => c.name).join(', '),
  };
}
