import type { StoredObject } from '../types';

/** pkg/controller/podautoscaler/horizontal.go normalization (legacy rules and behaviors). */
export interface Rec { r: number; t: number }
export interface ScaleEvent { n: number; t: number }
export interface Cond { type: string; status: string; lastTransitionTime: string; reason: string; message: string }
interface Policy { type: 'Pods' | 'Percent'; value: number; periodSeconds: number }
interface Rules { stabilizationWindowSeconds?: number; selectPolicy?: string; policies?: Policy[] }
export interface HpaSpecV2 {
  scaleTargetRef: { kind: string; name: string; apiVersion?: string };
  minReplicas?: number; maxReplicas: number;
  metrics: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  behavior?: { scaleUp?: Rules; scaleDown?: Rules };
}

/** autoscaling/v1 is converted to v2 (targetCPUUtilizationPercentage); no metrics = cpu 80 %. */
export function hpaSpec(hpa: StoredObject): HpaSpecV2 {
  const s = hpa.spec ?? {};
  const v1 = hpa.apiVersion === 'autoscaling/v1';
  const cpu = (u: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: u } } });
  const metrics = v1 ? [cpu(s.targetCPUUtilizationPercentage ?? 80)] : s.metrics?.length ? s.metrics : [cpu(80)];
  return { scaleTargetRef: s.scaleTargetRef ?? {}, minReplicas: s.minReplicas, maxReplicas: s.maxReplicas, metrics, behavior: v1 ? undefined : s.behavior };
}

type SetCond = (type: string, status: string, reason: string, message: string) => void;
const sinceSum = (evs: ScaleEvent[], periodS: number, now: number) =>
  evs.filter((e) => e.t > now - periodS * 1000).reduce((a, e) => a + e.n, 0);

export function normalize(spec: HpaSpecV2, st: { recs: Rec[]; ups: ScaleEvent[]; downs: ScaleEvent[] }, now: number,
  current: number, desired: number, min: number, set: SetCond): number {
  // Forget what no window can use any more (the longest window/period is 3600 s).
  st.recs = st.recs.filter((r) => r.t > now - 3_600_000);
  st.ups = st.ups.filter((e) => e.t > now - 3_600_000);
  st.downs = st.downs.filter((e) => e.t > now - 3_600_000);
  const b = spec.behavior;
  const upWin = b?.scaleUp?.stabilizationWindowSeconds ?? 0;
  const downWin = b?.scaleDown?.stabilizationWindowSeconds ?? 300;
  // stabilizeRecommendation(WithBehaviors): lowest recent for up, highest recent for down.
  let up = desired, down = desired;
  for (const r of st.recs) {
    if (b && r.t > now - upWin * 1000) up = Math.min(up, r.r);
    if (r.t > now - downWin * 1000) down = Math.max(down, r.r);
  }
  st.recs.push({ r: desired, t: now });
  let stabilized = b ? Math.min(Math.max(current, up), down) : down;
  if (!b && stabilized < desired) stabilized = desired;
  if (stabilized !== desired) {
    if (stabilized < desired) set('AbleToScale', 'True', 'ScaleUpStabilized', 'recent recommendations were lower than current one, applying the lowest recent recommendation');
    else set('AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation');
  } else set('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size');
  const [result, reason, message] = b ? withBehavior(spec, st, now, current, stabilized, min) : withRules(current, stabilized, min, spec.maxReplicas);
  set('ScalingLimited', result === stabilized ? 'False' : 'True', reason, message);
  return result;
}

/** convertDesiredReplicasWithRules: at most max(2 × current, 4) per sync. */
function withRules(current: number, desired: number, min: number, max: number): [number, string, string] {
  const upLimit = Math.max(2 * current, 4);
  let maxAllowed = max, cond = 'TooManyReplicas', reason = 'the desired replica count is more than the maximum replica count';
  if (max > upLimit) { maxAllowed = upLimit; cond = 'ScaleUpLimit'; reason = 'the desired replica count is increasing faster than the maximum scale rate'; }
  if (desired < min) return [min, 'TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
  if (desired > maxAllowed) return [maxAllowed, cond, reason];
  return [desired, 'DesiredWithinRange', 'the desired count is within the acceptable range'];
}

const DEFAULT_UP: Policy[] = [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }];
const DEFAULT_DOWN: Policy[] = [{ type: 'Percent', value: 100, periodSeconds: 15 }];

/** convertDesiredReplicasWithBehaviorRate with calculateScale{Up,Down}Limit(WithScalingRules). */
function withBehavior(spec: HpaSpecV2, st: { ups: ScaleEvent[]; downs: ScaleEvent[] }, now: number, current: number, desired: number, min: number): [number, string, string] {
  const b = spec.behavior!;
  if (desired > current) {
    const rules = b.scaleUp ?? {};
    let limit = current;
    if (rules.selectPolicy !== 'Disabled') {
      const props = (rules.policies ?? DEFAULT_UP).map((p) => {
        const start = current - sinceSum(st.ups, p.periodSeconds, now) + sinceSum(st.downs, p.periodSeconds, now);
        return p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
      });
      limit = rules.selectPolicy === 'Min' ? Math.min(...props) : Math.max(...props);
    }
    limit = Math.max(limit, current);
    const [maxAllowed, reason, msg] = spec.maxReplicas > limit
      ? [limit, 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate']
      : [spec.maxReplicas, 'TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
    if (desired > maxAllowed) return [maxAllowed, reason, msg];
  } else if (desired < current) {
    const rules = b.scaleDown ?? {};
    let limit = current;
    if (rules.selectPolicy !== 'Disabled') {
      const props = (rules.policies ?? DEFAULT_DOWN).map((p) => {
        const start = current - sinceSum(st.ups, p.periodSeconds, now) + sinceSum(st.downs, p.periodSeconds, now);
        return p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
      });
      limit = rules.selectPolicy === 'Min' ? Math.max(...props) : Math.min(...props);
    }
    limit = Math.min(limit, current);
    const [minAllowed, reason, msg] = min < limit
      ? [limit, 'ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate']
      : [min, 'TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
    if (desired < minAllowed) return [minAllowed, reason, msg];
  }
  return [desired, 'DesiredWithinRange', 'the desired count is within the acceptable range'];
}
