import { connect, resolveHost, serveHttp, type HttpResponse } from '../../cluster';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ShellEnv } from '../io';
import { containerFileLookup } from '../kubectl/exec/container-fs';

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
  | { kind: 'ok'; ip: string; response: HttpResponse };

/** DNS, then kube-proxy routing, then the image's HTTP handler; time passes for timeouts. */
export async function httpFetch(env: ShellEnv, origin: NetOrigin, url: ParsedUrl, method: string,
  headers: Record<string, string>, maxMs?: number, signal?: AbortSignal): Promise<FetchResult> {
  const cluster = env.cluster;
  cluster.advanceTo(cluster.now());
  const answer = resolveHost(cluster, url.host.replace(/^\[|\]$/g, ''), origin.pod);
  if (!answer.ok || answer.addresses.length === 0) return { kind: 'resolve', host: url.host };
  const ip = answer.addresses[0];
  const conn = ip === '127.0.0.1' ? { ok: false as const, error: 'refused' as const, ms: 0 } : connect(cluster, ip, url.port);
  if (!conn.ok) {
    const ms = maxMs !== undefined ? Math.min(conn.ms, maxMs) : conn.ms;
    if (ms > 0) await env.sleep(ms, signal);
    return { kind: maxMs !== undefined && conn.ms > maxMs ? 'timeout' : conn.error, ip, ms };
  }
  // Every simulated server speaks plain HTTP; a TLS ClientHello gets an HTTP 400 back.
  if (url.scheme === 'https') return { kind: 'tls', ip };
  const files = containerFileLookup(cluster, conn.pod, conn.container);
  const response = serveHttp(conn.pod, conn.container, conn.port, { method, path: url.path, headers }, cluster.now(), files);
  if (!response) return { kind: 'refused', ip, ms: 0 };
  return { kind: 'ok', ip, response };
}
