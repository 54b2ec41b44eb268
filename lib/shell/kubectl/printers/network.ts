import type { KubeObject } from '../../../cluster';
import { since } from './duration';
import type { TablePrinter } from './types';

interface SvcPort { name?: string; port: number; protocol?: string; nodePort?: number; targetPort?: number | string }

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
}

/** makePortString (printers.go): `80/TCP`, `80:31045/TCP`, comma-joined. */
export function servicePorts(svc: KubeObject): string {
  const ports = (svc.spec?.ports ?? []) as SvcPort[];
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',') || '<none>';
}

/** getServiceExternalIP (printers.go); LoadBalancer ingress lists are clipped to 16 chars unless wide. */
export function serviceExternalIP(svc: KubeObject, wide: boolean): string {
  const external = (svc.spec?.externalIPs ?? []) as string[];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = ((svc.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[])
        .map((i) => i.ip || i.hostname || '').filter(Boolean);
      let lb = ingress.join(',');
      if (!wide && lb.length > 16) lb = `${lb.slice(0, 13)}...`;
      const all = [lb, ...external].filter(Boolean);
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

// printService.
export const servicePrinter: TablePrinter = {
  columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideColumns: ['SELECTOR'],
  row(svc, { now, wide }) {
    const ips = (svc.spec?.clusterIPs ?? []) as string[];
    const row = [svc.metadata?.name ?? '', svc.spec?.type ?? '', ips[0] ?? '<none>', serviceExternalIP(svc, wide), servicePorts(svc),
      since(svc.metadata?.creationTimestamp, now)];
    if (wide) row.push(formatLabels(svc.spec?.selector));
    return row;
  },
};

const withMore = (list: string[], count: number, max: number, empty: string): string =>
  count > max ? `${list.join(',')} + ${count - max} more...` : list.join(',') || empty;

/** formatEndpoints (printers.go): ready `ip:port` per port then address, at most 3. */
export function formatEndpoints(ep: KubeObject, portNames?: Set<string>): string {
  const subsets = (ep.subsets ?? []) as { addresses?: { ip: string }[]; ports?: { name?: string; port: number }[] }[];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports?.length) {
      count += addrs.length;
      for (const a of addrs) if (list.length < 3) list.push(a.ip);
      continue;
    }
    for (const p of ss.ports) {
      if (portNames && !portNames.has(p.name ?? '')) continue;
      count += addrs.length;
      for (const a of addrs) if (list.length < 3) list.push(`${a.ip}:${p.port}`);
    }
  }
  return withMore(list, count, 3, '');
}

export const endpointsPrinter: TablePrinter = {
  columns: ['NAME', 'ENDPOINTS', 'AGE'],
  wideColumns: [],
  row: (ep, { now }) => [ep.metadata?.name ?? '', formatEndpoints(ep), since(ep.metadata?.creationTimestamp, now)],
};

// printEndpointSlice: formatDiscoveryPorts / formatDiscoveryEndpoints.
export const endpointSlicePrinter: TablePrinter = {
  columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wideColumns: [],
  row(s, { now }) {
    const ports = ((s.ports ?? []) as { name?: string; port?: number }[]).map((p) => (p.port !== undefined ? String(p.port) : p.name ?? '*'));
    const addrs = ((s.endpoints ?? []) as { addresses: string[] }[]).flatMap((e) => e.addresses);
    return [s.metadata?.name ?? '', s.addressType ?? '', withMore(ports.slice(0, 3), ports.length, 3, '<unset>'),
      withMore(addrs.slice(0, 3), addrs.length, 3, '<unset>'), since(s.metadata?.creationTimestamp, now)];
  },
};
