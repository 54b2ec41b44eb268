import type { Pod } from '../../k8s';
import type { HttpRequest, HttpResponse } from '../../runtime/http-apps';
import type { KubeObject } from '../../types';
import type { NetView } from '../dns';
import { connect, type ConnectResult } from '../routing';
import { commitRequest, nextCounter, reserveCounters } from '../net-state';
import { controllerConfig, handledIngresses } from './classes';
import { annotation, route, rewrite, chooseCanary, type Location } from './router';
import { netList, netGet } from '../view-cache';

export interface IngressRequest extends HttpRequest {
  scheme: 'http' | 'https';
}

/** Serves a request on a backend pod (the caller adds container files); undefined = nothing listens. */
export type UpstreamServe = (pod: Pod, container: number, port: number, req: HttpRequest) => HttpResponse | undefined;

/** The Date header; a burst of requests at one simulated instant formats it once. */
let lastDate = { ms: NaN, text: '' };
function httpDate(ms: number): string {
  if (lastDate.ms !== ms) lastDate = { ms, text: new Date(ms).toUTCString() };
  return lastDate.text;
}

/**
 * nginx's built-in error pages (src/http/ngx_http_special_response.c) with
 * `server_tokens off`, as ingress-nginx configures it: the footer reads just `nginx` and no
 * Server header is sent. `404 Not Found` is what the default backend answers.
 */
export function nginxPage(status: number, reason: string, now: number, extra: [string, string][] = [], detail?: string): HttpResponse {
  const title = detail ?? `${status} ${reason}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n` +
    `${detail ? `<center>${detail.replace(/^\d+ /, '')}</center>\r\n` : ''}<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, reason, body, headers: [['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive'], ...extra] };
}

/** The weighted canary draw: a number in [0, 1) from the lab seed and a request counter kept in the snapshot. */
function draw(view: NetView, n = nextCounter(view, 'ingress-canary')): number {
  let h = 0x811c9dc5;
  const s = `${view.seed}/canary/${n}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  // murmur3 fmix32 so consecutive counters spread evenly.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** A host + path's location with what its annotations and the server's TLS make of every request. */
interface Routed {
  route?: ReturnType<typeof route>['route'];
  /** ssl-redirect / force-ssl-redirect for plain-HTTP requests. */
  redirect: boolean;
}

/** nginx builds its server/location tables once per configuration; here: per served Ingress list. */
const routeCache = new WeakMap<KubeObject[], Map<string, Routed>>();
function routeCached(ingresses: KubeObject[], host: string, path: string): Routed {
  let m = routeCache.get(ingresses);
  if (!m) routeCache.set(ingresses, (m = new Map()));
  const key = `${host}\n${path}`;
  let r = m.get(key);
  if (!r) {
    const { route: found } = route(ingresses, host, path);
    const loc = found?.location;
    const tls = found && tlsFor(ingresses, host);
    const force = !!loc && annotation(loc.ingress, 'force-ssl-redirect') === 'true';
    r = { route: found, redirect: !!loc && ((!!tls && annotation(loc.ingress, 'ssl-redirect') !== 'false') || force) };
    if (m.size < 1000) m.set(key, r);
  }
  return r;
}

/** TLS hosts configured for a server by the controller's Ingresses (spec.tls[].hosts). */
export function tlsFor(ingresses: KubeObject[], host: string): { secretName?: string; namespace?: string } | undefined {
  for (const ing of ingresses) {
    for (const t of (ing.spec?.tls ?? []) as { hosts?: string[]; secretName?: string }[]) {
      if ((t.hosts ?? []).some((h) => h === host || (h.startsWith('*.') && host.endsWith(h.slice(1))))) {
        return { secretName: t.secretName, namespace: ing.metadata?.namespace };
      }
    }
  }
  return undefined;
}

function servicePort(svc: KubeObject, port: { number?: number; name?: string }): number | undefined {
  const ports = (svc.spec?.ports ?? []) as { name?: string; port: number }[];
  return (port.number !== undefined ? ports.find((p) => p.port === port.number) : ports.find((p) => p.name === port.name))?.port;
}

function upstreamOf(view: NetView, loc: Location, client: string | undefined, taken?: { counter: number; pending: readonly string[] }): ConnectResult | 'no-service' {
  const svcRef = loc.backend?.service;
  const ns = loc.ingress.metadata?.namespace ?? 'default';
  const svc = svcRef ? netGet<KubeObject>(view, 'Service', ns, svcRef.name) : undefined;
  if (!svc || !svcRef) return 'no-service';
  const port = servicePort(svc, svcRef.port ?? {});
  if (port === undefined || !svc.spec?.clusterIP || svc.spec.clusterIP === 'None') return 'no-service';
  return connect(view, svc.spec.clusterIP, port, client, taken);
}

/** Response headers nginx sends for a proxied response (proxy_hide_header defaults). */
const HIDDEN = new Set(['server', 'date', 'connection', 'keep-alive']);
function proxied(res: HttpResponse, now: number): HttpResponse {
  // Date, Content-Type, Content-Length/Transfer-Encoding, Connection, then the other headers in their order.
  const ct: [string, string][] = [];
  const length: [string, string][] = [];
  const other: [string, string][] = [];
  for (const h of res.headers) {
    const k = h[0].toLowerCase();
    if (HIDDEN.has(k)) continue;
    if (k === 'content-type') ct.push(h);
    else if (k === 'content-length' || k === 'transfer-encoding') length.push(h);
    else other.push(h);
  }
  return { ...res, headers: [['Date', httpDate(now)], ...ct, ...length, ['Connection', 'keep-alive'], ...other] };
}

/**
 * One request through an ingress-nginx controller pod: server by Host, location by path,
 * ssl-redirect (308 when the server has TLS), canary choice, rewrite-target, then the
 * backend Service through kube-proxy routing. Missing Services / no ready endpoints → 503.
 */
export function serveIngress(view: NetView, pod: Pod, req: IngressRequest, serve: UpstreamServe): HttpResponse {
  const res = routeRequest(view, pod, req, serve);
  // hsts (ConfigMap default true, hsts-max-age 15724800, hsts-include-subdomains true) on TLS responses.
  if (req.scheme === 'https') res.headers = [...res.headers, ['Strict-Transport-Security', 'max-age=15724800; includeSubDomains']];
  return res;
}

function routeRequest(view: NetView, pod: Pod, req: IngressRequest, serve: UpstreamServe): HttpResponse {
  const now = view.now();
  const cfg = controllerConfig(pod);
  const ingresses = handledIngresses(view, cfg);
  const rawHost = req.headers.host ?? '';
  // `host[:port]` or `[v6]:port`, lower-cased (a plain name skips the regular expressions).
  const host = /^[a-z0-9.-]*$/.test(rawHost) ? rawHost : rawHost.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  const q = req.path.indexOf('?');
  const pathname = q >= 0 ? req.path.slice(0, q) : req.path;
  const query = q >= 0 ? req.path.slice(q) : '';
  const { route: r, redirect } = routeCached(ingresses, host, pathname);
  if (!r) return nginxPage(404, 'Not Found', now);
  const loc = r.location;
  if (req.scheme === 'http' && redirect) {
    return nginxPage(308, 'Permanent Redirect', now, [['Location', `https://${host}${req.path}`]]);
  }
  const canary = r.canaries[0];
  // The canary draw and kube-proxy's pick are reserved together and committed with the request (one write).
  const reserved = canary ? reserveCounters(view, ['ingress-canary', 'kube-proxy']) : undefined;
  const target = canary && chooseCanary(canary.ingress, req.headers, draw(view, reserved!.values[0])) ? canary : loc;
  const taken = reserved && { counter: reserved.values[1], pending: reserved.pending };
  const rt = annotation(target.ingress, 'rewrite-target') ?? annotation(loc.ingress, 'rewrite-target');
  const path = rt !== undefined ? rewrite(pathname, query, loc.path, rt) : req.path;
  const conn = upstreamOf(view, target, pod.status?.podIP, taken);
  if (conn === 'no-service' && taken) commitRequest(view, taken.pending, undefined, () => {});
  if (conn === 'no-service' || !conn.ok) return nginxPage(503, 'Service Temporarily Unavailable', now);
  const res = serve(conn.pod, conn.container, conn.port, { method: req.method, path, headers: req.headers });
  if (!res) return nginxPage(502, 'Bad Gateway', now);
  return proxied(res, now);
}

/** nginx's answer to plain HTTP on the TLS port. */
export const plainHttpOnTlsPort = (now: number) =>
  nginxPage(400, 'Bad Request', now, [], '400 The plain HTTP request was sent to HTTPS port');

/**
 * The LoadBalancer Service answering on the master's `localhost` (Docker Desktop's vpnkit
 * publishes LoadBalancer ports on localhost; status.loadBalancer.ingress hostname `localhost`).
 */
export function connectLocalhost(view: NetView, port: number): ConnectResult {
  for (const svc of netList<KubeObject>(view, 'Service')) {
    if (svc.spec?.type !== 'LoadBalancer') continue;
    if (!((svc.status?.loadBalancer?.ingress ?? []) as { hostname?: string }[]).some((i) => i.hostname === 'localhost')) continue;
    if (((svc.spec?.ports ?? []) as { port: number }[]).some((p) => p.port === port)) return connect(view, svc.spec.clusterIP, port);
  }
  return { ok: false, error: 'refused', ms: 0 };
}
