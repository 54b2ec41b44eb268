import type { Event } from 'kubernetes-types/core/v1';
import type { Cluster, KubeObject } from '../../cluster';
import { describeEvents, Lines, multiline } from './describe-pod';
import { formatLabels } from './printers/network';

interface SvcPort { name?: string; port: number; protocol?: string; nodePort?: number; targetPort?: number | string }

/**
 * formatEndpointSlices (kubectl describe, 1.33+ reads EndpointSlices): ready endpoints'
 * `ip:port` for the named port, at most 3 then ` + N more...`, `<none>` when empty.
 */
function endpointsFor(slices: KubeObject[], portName: string): string {
  const list: string[] = [];
  let count = 0;
  for (const s of slices) {
    const port = ((s.ports ?? []) as { name?: string; port?: number }[]).find((p) => (p.name ?? '') === portName);
    if (!port) continue;
    for (const e of (s.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[]) {
      if (e.conditions?.ready === false) continue;
      for (const a of e.addresses) { count++; if (list.length < 3) list.push(`${a}:${port.port}`); }
    }
  }
  if (count === 0) return '<none>';
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

/** describe.go describeService, line for line. */
export function describeService(svc: KubeObject, events: Event[], now: number, cluster: Cluster): string {
  const l = new Lines();
  const m = svc.metadata ?? {};
  const spec = svc.spec ?? {};
  const slices = cluster.list<KubeObject>('EndpointSlice', m.namespace)
    .filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === m.name);
  l.w(0, `Name:\t${m.name}`);
  l.w(0, `Namespace:\t${m.namespace}`);
  multiline(l, 0, 'Labels', Object.keys(m.labels ?? {}).sort().map((k) => `${k}=${m.labels![k]}`));
  multiline(l, 0, 'Annotations', Object.keys(m.annotations ?? {}).filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration').sort().map((k) => `${k}: ${m.annotations![k]}`));
  l.w(0, `Selector:\t${formatLabels(spec.selector)}`);
  l.w(0, `Type:\t${spec.type}`);
  if (spec.ipFamilyPolicy) l.w(0, `IP Family Policy:\t${spec.ipFamilyPolicy}`);
  l.w(0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}`);
  l.w(0, `IP:\t${spec.clusterIP ?? ''}`);
  l.w(0, `IPs:\t${(spec.clusterIPs ?? []).join(',') || '<none>'}`);
  if (spec.externalIPs?.length) l.w(0, `External IPs:\t${spec.externalIPs.join(',')}`);
  // buildIngressString: IP (or hostname), then the ipMode in parentheses when set.
  const ingress = (svc.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string; ipMode?: string }[];
  if (ingress.length) l.w(0, `LoadBalancer Ingress:\t${ingress.map((i) => `${i.ip || i.hostname}${i.ipMode ? ` (${i.ipMode})` : ''}`).join(', ')}`);
  if (spec.type === 'ExternalName') l.w(0, `External Name:\t${spec.externalName}`);
  for (const p of (spec.ports ?? []) as SvcPort[]) {
    const name = p.name || '<unset>';
    l.w(0, `Port:\t${name}\t${p.port}/${p.protocol}`);
    l.w(0, `TargetPort:\t${p.targetPort}/${p.protocol}`);
    if (p.nodePort) l.w(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}`);
    l.w(0, `Endpoints:\t${endpointsFor(slices, p.name ?? '')}`);
  }
  l.w(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}`);
  if (spec.externalTrafficPolicy) l.w(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy) l.w(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  describeEvents(l, events, now);
  return l.out.map((x) => `${x}\n`).join('');
}
