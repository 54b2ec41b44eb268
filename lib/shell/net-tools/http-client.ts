import { bundledManifest, connect, connectLocalhost, containerFileLookup, isControllerPod, plainHttpOnTlsPort, resolveHost, servedCertificate, serveHttp, serveIngress, type HttpResponse, type ServedCertificate } from '../../cluster';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ShellEnv } from '../io';

/** The master node's address: the source IP of requests typed at the master's shell. */
const MASTER_IP = '192.168.0.30';

/** Where a network tool runs: inside a pod (cluster DNS) or on the master node (no pod). */
export interface NetOrigin {
  pod?: Pod;
}

export interface ParsedUrl { scheme: string; host: string; port: number; path: string }

/** curl's URL guessing: no scheme means http, default ports 80/443, path `/`. */
export function parseUrl(raw: string): ParsedUrl | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(raw.trim());
  if (!m || !m[2]) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  let path = m[4] ?? '/';
  if (path.startsWith('?')) path = `/${path}`;
  return { scheme, host: m[2], port, path: path.replace(/#.*$/, '') };
}

export type FetchResult =
  | { kind: 'resolve'; host: string }
  | { kind: 'refused' | 'timeout' | 'unreachable'; ip: string; ms: number }
  | { kind: 'tls'; ip: string }
  /** TLS handshake done but the self-signed certificate fails verification (no `-k`). */
  | { kind: 'cert'; ip: string }
  /** `http2`: ALPN picked h2 (ingress-nginx enables it on TLS, curl offers it). */
  | { kind: 'ok'; ip: string; response: HttpResponse; http2?: boolean; cert?: ServedCertificate };

type Cluster = ShellEnv['cluster'];
type Upstream = (pod: Pod, c: number, port: number, req: { method: string; path: string; headers: Record<string, string> }) => HttpResponse | undefined;
/** The ingress controller's upstream call, one per cluster (not a new closure per request). */
const upstreams = new WeakMap<Cluster, Upstream>();
function upstreamOf(cluster: Cluster): Upstream {
  let serve = upstreams.get(cluster);
  if (!serve) {
    serve = (pod, c, port, req) => serveHttp(pod, c, port, req, cluster.now(), containerFileLookup(cluster, pod, c));
    upstreams.set(cluster, serve);
  }
  return serve;
}

/** DNS, then kube-proxy routing, then the image's HTTP handler; time passes for timeouts. */
export async function httpFetch(env: ShellEnv, origin: NetOrigin, url: ParsedUrl, method: string,
  headers: Record<string, string>, maxMs?: number, signal?: AbortSignal, tls: { insecure?: boolean } = {}): Promise<FetchResult> {
  const cluster = env.cluster;
  cluster.advanceTo(cluster.now());
  // The add-on manifests bundled for `kubectl apply -f URL` can be downloaded too (to edit them).
  const bundled = !origin.pod && url.scheme === 'https' ? bundledManifest(`https://${url.host}${url.path}`) : undefined;
  if (bundled !== undefined && url.host === 'raw.githubusercontent.com') {
    const len = new TextEncoder().encode(bundled).length;
    return { kind: 'ok', ip: '185.199.108.133', http2: true, response: { status: 200, reason: 'OK', body: method === 'HEAD' ? '' : bundled,
      headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', String(len)], ['Cache-Control', 'max-age=300']] } };
  }
  const answer = resolveHost(cluster, url.host.replace(/^\[|\]$/g, ''), origin.pod);
  if (!answer.ok || answer.addresses.length === 0) return { kind: 'resolve', host: url.host };
  const ip = answer.addresses[0];
  // On the master, localhost reaches LoadBalancer Services published there (Docker Desktop style).
  // `kubectl port-forward` listening on the master's localhost reaches its pod directly.
  const forward = ip === '127.0.0.1' && !origin.pod ? env.forwards?.get(url.port) : undefined;
  const target = forward && cluster.get<Pod>('Pod', forward.namespace, forward.pod);
  const conn = forward ? (target?.status?.podIP ? connect(cluster, target.status.podIP, forward.port) : { ok: false as const, error: 'refused' as const, ms: 0 })
    : ip === '127.0.0.1' ? (origin.pod ? { ok: false as const, error: 'refused' as const, ms: 0 } : connectLocalhost(cluster, url.port))
      : connect(cluster, ip, url.port, origin.pod?.status?.podIP ?? MASTER_IP);
  if (!conn.ok) {
    const ms = maxMs !== undefined ? Math.min(conn.ms, maxMs) : conn.ms;
    if (ms > 0) await env.sleep(ms, signal);
    return { kind: maxMs !== undefined && conn.ms > maxMs ? 'timeout' : conn.error, ip, ms };
  }
  if (isControllerPod(conn.pod) && (conn.port === 80 || conn.port === 443)) {
    // ingress-nginx: TLS on 443 (a self-signed certificate curl rejects without -k), HTTP on 80.
    if (url.scheme === 'https' && conn.port === 80) return { kind: 'tls', ip };
    if (url.scheme === 'https' && !tls.insecure) return { kind: 'cert', ip };
    if (url.scheme === 'http' && conn.port === 443) return { kind: 'ok', ip, response: plainHttpOnTlsPort(cluster.now()) };
    const response = serveIngress(cluster, conn.pod, { method, path: url.path, headers, scheme: url.scheme === 'https' ? 'https' : 'http' }, upstreamOf(cluster));
    const https = url.scheme === 'https';
    return { kind: 'ok', ip, response, http2: https, ...(https && { cert: servedCertificate(cluster, conn.pod, headers.host?.replace(/:\d+$/, '') || url.host) }) };
  }
  // Every other simulated server speaks plain HTTP; a TLS ClientHello gets an HTTP 400 back.
  if (url.scheme === 'https') return { kind: 'tls', ip };
  const files = containerFileLookup(cluster, conn.pod, conn.container);
  const response = serveHttp(conn.pod, conn.container, conn.port, { method, path: url.path, headers }, cluster.now(), files);
  if (!response) return { kind: 'refused', ip, ms: 0 };
  return { kind: 'ok', ip, response };
}
