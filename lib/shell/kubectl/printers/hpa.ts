import type { KubeObject } from '../../../cluster';
import { since } from './duration';
import { formatQuantity } from './quantity';
import type { TablePrinter } from './types';

/** printers.go printHorizontalPodAutoscaler + formatHPAMetrics (pkg/printers/internalversion). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Record<string, any>;

function metricsOf(hpa: KubeObject): Any[] {
  if (hpa.apiVersion === 'autoscaling/v1') {
    return [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: hpa.spec?.targetCPUUtilizationPercentage ?? 80 } } }];
  }
  return hpa.spec?.metrics ?? [];
}

function formatTargets(hpa: KubeObject): string {
  const specs = metricsOf(hpa);
  if (!specs.length) return '<none>';
  const cur: Any[] = hpa.status?.currentMetrics ?? [];
  const list = specs.map((m, i) => {
    const key = m.type === 'ContainerResource' ? 'containerResource' : m.type?.toLowerCase?.() ?? '';
    const src = m[key] ?? {};
    const c = cur[i]?.[key]?.current ?? {};
    const t = src.target ?? {};
    if (m.type === 'Resource' || m.type === 'ContainerResource') {
      if (t.type === 'AverageValue') return `${src.name}: ${c.averageValue !== undefined ? formatQuantity(c.averageValue) : '<unknown>'}/${formatQuantity(t.averageValue)}`;
      return `${src.name}: ${c.averageUtilization !== undefined ? `${c.averageUtilization}%` : '<unknown>'}/${t.averageUtilization ?? 80}%`;
    }
    const target = t.type === 'Value' ? t.value : t.averageValue;
    const current = t.type === 'Value' ? c.value : c.averageValue;
    const avg = (m.type === 'Object' || m.type === 'External') && t.type === 'AverageValue' ? ' (avg)' : '';
    return `${current !== undefined ? formatQuantity(current) : '<unknown>'}/${formatQuantity(target)}${avg}`;
  });
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...` : list.join(', ');
}

export const hpaPrinter: TablePrinter = {
  columns: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'],
  wideColumns: [],
  row: (o: KubeObject, { now }) => [o.metadata?.name ?? '', `${o.spec?.scaleTargetRef?.kind}/${o.spec?.scaleTargetRef?.name}`, formatTargets(o),
    o.spec?.minReplicas === undefined ? '<unset>' : String(o.spec.minReplicas), String(o.spec?.maxReplicas ?? 0),
    String(o.status?.currentReplicas ?? 0), since(o.metadata?.creationTimestamp, now)],
};
