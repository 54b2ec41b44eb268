import type { KubeObject } from '../../types';

/** Annotation prefix of ingress-nginx (docs/user-guide/nginx-configuration/annotations.md). */
export const A = 'nginx.ingress.kubernetes.io/';

export interface Backend { service?: { name: string; port: { number?: number; name?: string } } }

export interface Location {
  ingress: KubeObject;
  host: string;
  path: string;
  pathType: string;
  backend: Backend;
}

export interface Route {
  location: Location;
  /** Canary Ingresses for the same host and path (at most one is used, like upstream). */
  canaries: Location[];
  /** The server's locations are nginx regex locations (use-regex / rewrite-target on any of its Ingresses). */
  regex: boolean;
}

export const annotation = (ing: KubeObject, name: string): string | undefined => ing.metadata?.annotations?.[A + name];
export const isCanary = (ing: KubeObject) => annotation(ing, 'canary') === 'true';

function locationsOf(ing: KubeObject): Location[] {
  const out: Location[] = [];
  for (const rule of (ing.spec?.rules ?? []) as { host?: string; http?: { paths?: { path?: string; pathType?: string; backend: Backend }[] } }[]) {
    for (const p of rule.http?.paths ?? []) {
      out.push({ ingress: ing, host: rule.host ?? '', path: p.path || '/', pathType: p.pathType ?? 'ImplementationSpecific', backend: p.backend });
    }
  }
  if (ing.spec?.defaultBackend && !(ing.spec?.rules ?? []).length) {
    out.push({ ingress: ing, host: '', path: '/', pathType: 'Prefix', backend: ing.spec.defaultBackend });
  }
  return out;
}

/** Server names: exact host, then `*.suffix` wildcards of one label, then the default server `_`. */
export function serverFor(host: string, hosts: Set<string>): string {
  if (hosts.has(host)) return host;
  const dot = host.indexOf('.');
  if (dot > 0 && hosts.has(`*${host.slice(dot)}`)) return `*${host.slice(dot)}`;
  return '';
}

/**
 * Which location serves a path, as the nginx.conf ingress-nginx renders would
 * (internal/ingress/controller/template/template.go buildLocation): Exact paths are `= path`;
 * Prefix `/p` matches `/p` and `/p/...`; ImplementationSpecific is a plain nginx prefix; in a
 * regex server every path is a case-insensitive `~* ^path` regex, the longest path first.
 */
function matchScore(loc: Location, path: string, regex: boolean): number {
  if (loc.pathType === 'Exact') return path === loc.path ? Number.MAX_SAFE_INTEGER : -1;
  if (regex) {
    try { return new RegExp(`^${loc.path}`, 'i').test(path) ? loc.path.length : -1; } catch { return -1; }
  }
  if (loc.pathType === 'Prefix') {
    const p = loc.path.replace(/\/+$/, '');
    return p === '' || path === p || path.startsWith(`${p}/`) ? loc.path.length : -1;
  }
  return path.startsWith(loc.path) ? loc.path.length : -1;
}

/** Finds the location (and its canaries) for host + path among the controller's Ingresses. */
export function route(ingresses: KubeObject[], host: string, path: string): { server: string; route?: Route } {
  const all = ingresses.flatMap(locationsOf);
  const hosts = new Set(all.filter((l) => !isCanary(l.ingress)).map((l) => l.host).filter(Boolean));
  const server = serverFor(host, hosts);
  const onServer = all.filter((l) => l.host === server);
  const regex = onServer.some((l) => annotation(l.ingress, 'use-regex') === 'true' || annotation(l.ingress, 'rewrite-target') !== undefined);
  let best: Location | undefined;
  let bestScore = -1;
  for (const loc of onServer) {
    if (isCanary(loc.ingress)) continue;
    const s = matchScore(loc, path, regex);
    if (s > bestScore) { best = loc; bestScore = s; }
  }
  if (!best) return { server };
  const canaries = onServer.filter((l) => isCanary(l.ingress) && l.path === best!.path && l.ingress.metadata?.name !== best!.ingress.metadata?.name);
  return { server, route: { location: best, canaries, regex } };
}

/**
 * Canary precedence (docs annotations.md#canary): canary-by-header (with -value or -pattern),
 * then canary-by-cookie, then canary-weight. `always`/`never` force the choice; other values
 * fall through to the next rule. `draw` is a number in [0, 1) for the weighted choice.
 */
export function chooseCanary(canary: KubeObject, headers: Record<string, string>, draw: number): boolean {
  const header = annotation(canary, 'canary-by-header');
  if (header) {
    const v = headers[header.toLowerCase()];
    const want = annotation(canary, 'canary-by-header-value');
    const pattern = annotation(canary, 'canary-by-header-pattern');
    if (v !== undefined) {
      if (want !== undefined) { if (v === want) return true; }
      else if (pattern !== undefined) { try { if (new RegExp(pattern).test(v)) return true; } catch { /* ignored like an invalid pattern */ } }
      else if (v === 'always') return true;
      else if (v === 'never') return false;
    }
  }
  const cookieName = annotation(canary, 'canary-by-cookie');
  if (cookieName) {
    const cookie = (headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).find(([k]) => k === cookieName)?.[1];
    if (cookie === 'always') return true;
    if (cookie === 'never') return false;
  }
  const weight = Number(annotation(canary, 'canary-weight') ?? 0);
  const total = Number(annotation(canary, 'canary-weight-total') ?? 100) || 100;
  return weight > 0 && draw * total < weight;
}

/** rewrite-target: nginx `rewrite "(?i)path" target break;` — `$1`.. are the path regex's groups. */
export function rewrite(path: string, query: string, locPath: string, target: string): string {
  let m: RegExpExecArray | null = null;
  try { m = new RegExp(locPath, 'i').exec(path); } catch { m = null; }
  if (!m) return path + query;
  const out = target.replace(/\$(\d)/g, (_, d: string) => m![Number(d)] ?? '');
  return out.includes('?') ? out : out + query;
}
