import type { Probe } from 'kubernetes-types/core/v1';
import type { Container, Pod } from '../k8s';
import { IMAGE_PORTS, imageFamily, serveHttp } from '../runtime/http-apps';
import { parseImageRef, repositoryOf } from '../runtime/image-ref';
import { lookupImage, processFor } from '../runtime/images';
import { runExecProbe } from './probe-exec';
import type { ContainerFiles } from './probe-files';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';
export const PROBE_FIELD = { startup: 'startupProbe', liveness: 'livenessProbe', readiness: 'readinessProbe' } as const;
export const PROBE_TITLE: Record<ProbeKind, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

/** `success`/`failure` as pkg/probe results; `error` is the prober's err path (the result is thrown away). */
export interface ProbeOutcome { result: 'success' | 'failure' | 'error'; output: string; notSimulated?: string }

// Daemons of images outside the HTTP families: the port their entrypoint listens on.
const OTHER_PORTS: Record<string, number[]> = {
  'docker.io/library/redis': [6379], 'docker.io/library/mysql': [3306], 'docker.io/library/httpd': [80],
  'registry.k8s.io/metrics-server/metrics-server': [10250], 'docker.io/longhornio/longhorn-manager': [9500],
  'docker.io/longhornio/longhorn-ui': [8000],
};

/** Whether container `c` of the pod has a process listening on `port` (its image's server runs). */
export function listens(pod: Pod, c: number, port: number): boolean {
  const container = pod.spec!.containers[c];
  const st = pod.status?.containerStatuses?.[c];
  if (!st?.state?.running || !container.image) return false;
  const spec = lookupImage(container.image);
  if (!spec || processFor(container, spec) !== spec.entrypoint) return false;
  const family = imageFamily(container.image);
  const ports = family ? IMAGE_PORTS[family] : OTHER_PORTS[repositoryOf(parseImageRef(container.image))] ?? [];
  return ports.includes(port);
}

/** probe.ResolveContainerPort (pkg/probe/util.go): a number, or a named containerPort. */
function resolvePort(port: number | string | undefined, container: Container): number | string {
  if (typeof port === 'number') return port;
  const named = container.ports?.find((p) => p.name === port);
  if (named) return named.containerPort;
  const n = Number(port);
  return Number.isInteger(n) && String(n) === port ? n : `strconv.Atoi: parsing ${JSON.stringify(port ?? '')}: invalid syntax`;
}

/**
 * One probe run (pkg/kubelet/prober/prober.go runProbe, pkg/probe/http|tcp|exec): HTTP answers
 * 200–399 pass; a closed port is `connection refused`; exec passes on exit code 0.
 */
export function runProbe(pod: Pod, c: number, probe: Probe, loadFiles: () => ContainerFiles, now: number): ProbeOutcome {
  let cached: ContainerFiles | undefined;
  const files = () => (cached ??= loadFiles());
  const container = pod.spec!.containers[c];
  const podIP = pod.status?.podIP ?? '';
  const onPod = (port: number) => pod.spec!.containers.findIndex((_, i) => listens(pod, i, port));
  if (probe.exec) {
    const local = (port: number, path: string) => {
      const target = onPod(port);
      const res = target < 0 ? undefined : serveHttp(pod, target, port, { method: 'GET', path, headers: { Host: `localhost:${port}` } }, now, (p) => files().read(p));
      return res && { status: res.status, reason: res.reason };
    };
    const out = runExecProbe(probe.exec.command ?? [], container.image ?? '', files(), local);
    return { result: out.code === 0 ? 'success' : 'failure', output: out.output.trimEnd(), notSimulated: out.notSimulated };
  }
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port as number | string, container);
    if (typeof port === 'string') return { result: 'error', output: port };
    const host = probe.httpGet.host || podIP;
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const path = probe.httpGet.path || '/';
    const url = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}${path.startsWith('/') ? '' : '/'}${path}`;
    const target = host === podIP ? onPod(port) : -1;
    if (target < 0) return { result: 'failure', output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    const headers: Record<string, string> = { Host: `${host}:${port}`, 'User-Agent': `kube-probe/1.34`, Accept: '*/*' };
    for (const h of probe.httpGet.httpHeaders ?? []) headers[h.name] = h.value;
    const res = serveHttp(pod, target, port, { method: 'GET', path, headers }, now, (p) => files().read(p));
    // A daemon without a modelled HTTP API (redis, metrics-server, ...) answers its health endpoints.
    if (!res) return { result: 'success', output: '' };
    if (res.status >= 200 && res.status < 400) return { result: 'success', output: '' };
    return { result: 'failure', output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port as number | string, container);
    if (typeof port === 'string') return { result: 'error', output: port };
    const host = probe.tcpSocket.host || podIP;
    if (host === podIP && onPod(port) >= 0) return { result: 'success', output: '' };
    return { result: 'failure', output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.grpc) return { result: 'success', output: '', notSimulated: 'gRPC' };
  return { result: 'error', output: 'missing probe handler' };
}
