import type { Event } from 'kubernetes-types/core/v1';
import type { Cluster, KubeObject } from '../../cluster';
import { describeEvents, Lines, multiline } from './describe-pod';

interface Backend { service?: { name: string; port?: { number?: number; name?: string } }; resource?: { apiGroup?: string; kind: string; name: string } }

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** formatEndpointSlices: ready `ip:port` of the backend's Service port, at most 3, `<none>` when empty. */
function endpoints(cluster: Cluster, ns: string, svc: string, portName: string): string {
  const list: string[] = [];
  let count = 0;
  for (const s of cluster.list<KubeObject>('EndpointSlice', ns)) {
    if (s.metadata?.labels?.['kubernetes.io/service-name'] !== svc) continue;
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

/** IngressDescriber.describeBackendV1: `svc:port (endpoints)` or the lookup error. */
function backend(cluster: Cluster, ns: string, b: Backend): string {
  if (b.resource) return `APIGroup: ${b.resource.apiGroup ?? ''}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  if (!b.service) return '';
  const port = b.service.port?.name ?? String(b.service.port?.number ?? '');
  const sb = `${b.service.name}:${port}`;
  const svc = cluster.get<KubeObject>('Service', ns, b.service.name);
  if (!svc) return `${sb} (<error: services "${b.service.name}" not found>)`;
  let spName = '';
  for (const sp of (svc.spec?.ports ?? []) as { name?: string; port: number }[]) {
    if (b.service.port?.number && b.service.port.number === sp.port) spName = sp.name ?? '';
    else if (b.service.port?.name && b.service.port.name === sp.name) spName = sp.name ?? '';
  }
  return `${sb} (${endpoints(cluster, ns, b.service.name, spName)})`;
}

/** describe.go describeIngressV1, line for line. */
export function describeIngress(ing: KubeObject, events: Event[], now: number, cluster: Cluster): string {
  const l = new Lines();
  const m = ing.metadata ?? {};
  const spec = ing.spec ?? {};
  const ns = m.namespace ?? 'default';
  l.w(0, `Name:\t${m.name}`);
  multiline(l, 0, 'Labels', Object.keys(m.labels ?? {}).sort().map((k) => `${k}=${m.labels![k]}`));
  l.w(0, `Namespace:\t${ns}`);
  const lb = ((ing.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]).map((i) => i.ip || i.hostname).filter(Boolean);
  l.w(0, `Address:\t${lb.join(',')}`);
  l.w(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}`);
  const def = spec.defaultBackend ? backend(cluster, ns, spec.defaultBackend) : '<default>';
  l.w(0, `Default backend:\t${def}`);
  if ((spec.tls ?? []).length) {
    l.w(0, 'TLS:');
    for (const t of spec.tls as { hosts?: string[]; secretName?: string }[]) {
      l.w(1, t.secretName ? `${t.secretName} terminates ${(t.hosts ?? []).join(',')}` : `SNI routes ${(t.hosts ?? []).join(',')}`);
    }
  }
  l.w(0, 'Rules:');
  l.w(1, 'Host\tPath\tBackends');
  l.w(1, '----\t----\t--------');
  let count = 0;
  for (const r of (spec.rules ?? []) as { host?: string; http?: { paths?: { path?: string; backend: Backend }[] } }[]) {
    if (!r.http) continue;
    count++;
    l.w(1, `${r.host || '*'}\t`);
    for (const p of r.http.paths ?? []) l.w(2, `\t${p.path ?? ''} \t${backend(cluster, ns, p.backend)}`);
  }
  if (count === 0) l.w(1, `*\t*\t${def}`);
  multiline(l, 0, 'Annotations', Object.keys(m.annotations ?? {}).filter((k) => k !== LAST_APPLIED).sort().map((k) => `${k}: ${m.annotations![k]}`));
  describeEvents(l, events, now);
  return l.out.map((x) => `${x}\n`).join('');
}
