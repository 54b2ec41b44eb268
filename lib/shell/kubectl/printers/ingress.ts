import type { KubeObject } from '../../../cluster';
import { since } from './duration';
import type { TablePrinter } from './types';

/** formatHosts (printers.go): at most 3 hosts, then ` + N more...`; `*` when none. */
export function ingressHosts(rules: { host?: string }[]): string {
  const list: string[] = [];
  let more = false;
  for (const r of rules) {
    if (list.length === 3) more = true;
    if (!more && r.host) list.push(r.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${rules.length - 3} more...` : list.join(',');
}

/** loadBalancerStatusStringer: ips/hostnames joined, clipped to 16 characters unless wide. */
export function loadBalancerStatus(status: KubeObject | undefined, wide: boolean): string {
  const ingress = ((status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]);
  const s = ingress.map((i) => i.ip || i.hostname || '').filter(Boolean).join(',');
  return !wide && s.length > 16 ? `${s.slice(0, 13)}...` : s;
}

// printIngress.
export const ingressPrinter: TablePrinter = {
  columns: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
  wideColumns: [],
  row: (ing, { now, wide }) => [ing.metadata?.name ?? '', ing.spec?.ingressClassName ?? '<none>', ingressHosts(ing.spec?.rules ?? []),
    loadBalancerStatus(ing.status, wide), (ing.spec?.tls ?? []).length ? '80, 443' : '80', since(ing.metadata?.creationTimestamp, now)],
};

// printIngressClass.
export const ingressClassPrinter: TablePrinter = {
  columns: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
  wideColumns: [],
  row(c, { now }) {
    const p = c.spec?.parameters as { apiGroup?: string; kind: string; name: string } | undefined;
    const params = p ? `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
    return [c.metadata?.name ?? '', c.spec?.controller ?? '', params, since(c.metadata?.creationTimestamp, now)];
  },
};

// printSecret / printConfigMap.
export const secretPrinter: TablePrinter = {
  columns: ['NAME', 'TYPE', 'DATA', 'AGE'],
  wideColumns: [],
  row: (s, { now }) => [s.metadata?.name ?? '', s.type ?? '', String(Object.keys(s.data ?? {}).length), since(s.metadata?.creationTimestamp, now)],
};

export const configMapPrinter: TablePrinter = {
  columns: ['NAME', 'DATA', 'AGE'],
  wideColumns: [],
  row: (c, { now }) => [c.metadata?.name ?? '', String(Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length),
    since(c.metadata?.creationTimestamp, now)],
};
