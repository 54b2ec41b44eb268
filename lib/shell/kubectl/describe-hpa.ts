import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../cluster';
import { describeEvents, describeTime, Lines, multiline } from './describe-pod';
import { formatQuantity } from './printers/quantity';

/** staging/src/k8s.io/kubectl/pkg/describe/describe.go describeHorizontalPodAutoscalerV2 (v1 objects shown as v2). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Record<string, any>;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const q = (v: unknown) => (v === undefined ? '<unset>' : formatQuantity(v as string));

function metricLine(l: Lines, m: Any, cur: Any | undefined): void {
  const key = m.type === 'ContainerResource' ? 'containerResource' : String(m.type ?? '').toLowerCase();
  const src: Any = m[key] ?? {};
  const t: Any = src.target ?? {};
  const c: Any | undefined = cur?.[key]?.current;
  const val = (v: unknown) => (v === undefined ? '<unknown>' : formatQuantity(v as string));
  switch (m.type) {
    case 'Pods': l.w(1, `"${src.metric?.name}" on pods:\t${val(c?.averageValue)} / ${q(t.averageValue)}`); return;
    case 'External':
      if (t.averageValue !== undefined) l.w(1, `"${src.metric?.name}" (target average value):\t${val(c?.averageValue)} / ${q(t.averageValue)}`);
      else l.w(1, `"${src.metric?.name}" (target value):\t${val(c?.value)} / ${q(t.value)}`);
      return;
    case 'Object': {
      const head = `"${src.metric?.name}" on ${src.describedObject?.kind}/${src.describedObject?.name}`;
      if (t.type === 'Value') l.w(1, `${head}:\t${val(c?.value)} / ${q(t.value)}`);
      else l.w(1, `${head} (target average value):\t${val(c?.averageValue)} / ${q(t.averageValue)}`);
      return;
    }
    default: {
      const head = m.type === 'ContainerResource' ? `resource ${src.name} of container "${src.container}" on pods` : `resource ${src.name} on pods`;
      if (t.averageValue !== undefined) { l.w(1, `${head}:\t${val(c?.averageValue)} / ${q(t.averageValue)}`); return; }
      const current = c?.averageUtilization !== undefined ? `${c.averageUtilization}% (${formatQuantity(c.averageValue)})` : '<unknown>';
      l.w(1, `${head}  (as a percentage of request):\t${current} / ${t.averageUtilization !== undefined ? `${t.averageUtilization}%` : '<auto>'}`);
    }
  }
}

function direction(l: Lines, title: string, r: Any | undefined): void {
  if (!r) return;
  l.w(1, `${title}:`);
  if (r.stabilizationWindowSeconds !== undefined) l.w(2, `Stabilization Window: ${r.stabilizationWindowSeconds} seconds`);
  if (r.policies?.length) {
    l.w(2, `Select Policy: ${r.selectPolicy ?? 'Max'}`);
    l.w(2, 'Policies:');
    for (const p of r.policies) l.w(3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds`);
  }
}

export function describeHpa(hpa: KubeObject, events: Event[], now: number): string {
  const l = new Lines();
  const m = hpa.metadata ?? {};
  const spec: Any = hpa.spec ?? {};
  const metrics: Any[] = hpa.apiVersion === 'autoscaling/v1'
    ? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage ?? 80 } } }]
    : spec.metrics ?? [];
  l.w(0, `Name:\t${m.name}`);
  l.w(0, `Namespace:\t${m.namespace}`);
  multiline(l, 0, 'Labels', Object.keys(m.labels ?? {}).sort().map((k) => `${k}=${m.labels![k]}`));
  multiline(l, 0, 'Annotations', Object.keys(m.annotations ?? {}).filter((k) => k !== LAST_APPLIED).sort().map((k) => `${k}: ${m.annotations![k]}`));
  l.w(0, `CreationTimestamp:\t${describeTime(m.creationTimestamp)}`);
  l.w(0, `Reference:\t${spec.scaleTargetRef?.kind}/${spec.scaleTargetRef?.name}`);
  l.w(0, 'Metrics:\t( current / target )');
  metrics.forEach((metric, i) => metricLine(l, metric, hpa.status?.currentMetrics?.[i]));
  l.w(0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}`);
  l.w(0, `Max replicas:\t${spec.maxReplicas}`);
  if (hpa.apiVersion !== 'autoscaling/v1' && spec.behavior) {
    l.w(0, 'Behavior:');
    direction(l, 'Scale Up', spec.behavior.scaleUp);
    direction(l, 'Scale Down', spec.behavior.scaleDown);
  }
  l.w(0, `${spec.scaleTargetRef?.kind} pods:\t${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired`);
  const conds: Any[] = hpa.status?.conditions ?? [];
  if (conds.length) {
    l.w(0, 'Conditions:');
    l.w(1, 'Type\tStatus\tReason\tMessage');
    l.w(1, '----\t------\t------\t-------');
    for (const c of conds) l.w(1, `${c.type}\t${c.status}\t${c.reason}\t${c.message}`);
  }
  describeEvents(l, events, now);
  return l.out.map((x) => `${x}\n`).join('');
}
