import { apiVersionOf, readMetrics, rfc3339, servedVersions, type KubeObject, type ResourceInfo } from '../../cluster';
import type { Kubectl } from './context';
import { ordered } from './discovery-verbs';
import { KubectlError, NotSimulated } from './errors';
import { customMetricsPath } from './get-raw-custom';

const SERVER_ADDRESS = '192.168.0.30:6443';
const NOT_FOUND = 'Error from server (NotFound): the server could not find the requested resource';
const UNAVAILABLE = 'Error from server (ServiceUnavailable): the server is currently unable to handle the request';

/** The API server's JSON serializer: compact, ending in a newline (json.Encoder). */
const encode = (o: unknown) => `${JSON.stringify(o)}\n`;

// ObjectMeta's field order in Go (encoding/json follows the struct).
const META_ORDER = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];

/** An object as the API server encodes it: TypeMeta (kind, apiVersion) first, ObjectMeta in struct order. */
function wire(obj: KubeObject, list = false): Record<string, unknown> {
  const { kind, apiVersion, metadata, ...rest } = obj as KubeObject & Record<string, unknown>;
  const meta = metadata as Record<string, unknown> | undefined;
  const orderedMeta = meta && Object.fromEntries([...META_ORDER.filter((key) => key in meta).map((key) => [key, meta[key]]),
    ...Object.entries(meta).filter(([key]) => !META_ORDER.includes(key))]);
  return { ...(!list && { kind, apiVersion }), metadata: orderedMeta, ...rest };
}

/** /version: WriteRawJSON, json.MarshalIndent with two spaces and no trailing newline. */
function versionBody(gitVersion: string): string {
  const [major, minor] = gitVersion.replace(/^v/, '').split('.');
  return JSON.stringify({
    major, minor, emulationMajor: major, emulationMinor: minor, minCompatibilityMajor: major, minCompatibilityMinor: String(Number(minor) - 1),
    gitVersion, gitCommit: '', gitTreeState: 'clean', buildDate: '2025-09-09T19:44:50Z', goVersion: 'go1.24.6', compiler: 'gc', platform: 'linux/amd64',
  }, null, 2);
}

function apiGroups(k: Kubectl) {
  const groups = new Map<string, Set<string>>();
  for (const r of ordered(k.cluster)) {
    if (!r.group) continue;
    const versions = groups.get(r.group) ?? new Set<string>();
    for (const v of servedVersions(r)) versions.add(v);
    groups.set(r.group, versions);
  }
  return [...groups].map(([name, versions]) => {
    const list = [...versions].map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
    return { name, versions: list, preferredVersion: list[0] };
  });
}

/** `kubectl get` of a resource path: a list (`…/pods`) or one object (`…/pods/NAME`). */
function resourcePath(k: Kubectl, group: string, version: string, rest: string[]): string {
  let ns: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) { ns = rest[1]; rest = rest.slice(2); }
  const [plural, name, ...extra] = rest;
  const res = ordered(k.cluster).find((r: ResourceInfo) => r.plural === plural && r.group === group && servedVersions(r).includes(version));
  if (!res || extra.length || (ns && !res.namespaced)) throw new KubectlError(NOT_FOUND);
  if (name) {
    const obj = k.cluster.get<KubeObject>(res.kind, ns, name);
    if (!obj) throw new KubectlError(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${name}" not found`);
    return encode(wire(obj));
  }
  const items = k.cluster.list<KubeObject>(res.kind, ns).map((o) => wire(o, true));
  return encode({ kind: `${res.kind}List`, apiVersion: apiVersionOf(res), metadata: { resourceVersion: String(k.cluster.revision) }, items });
}

/** /apis/metrics.k8s.io/v1beta1/…: what metrics-server serves through the aggregation layer. */
function metricsPath(k: Kubectl, rest: string[]): string {
  const api = readMetrics(k.cluster);
  if (!api.ok && api.reason === 'no-api') throw new KubectlError(NOT_FOUND);
  if (!api.ok && api.reason === 'unavailable') throw new KubectlError(UNAVAILABLE);
  const state = api.ok ? api.state : undefined;
  const now = rfc3339(k.cluster.now());
  const meta = { timestamp: state?.timestamp ? rfc3339(state.timestamp) : now, window: '15s' };
  const cpu = (n: number) => `${Math.round(n)}n`;
  const mem = (b: number) => `${Math.round(b / 1024)}Ki`;
  let ns: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) { ns = rest[1]; rest = rest.slice(2); }
  const [what, name, ...extra] = rest;
  if (extra.length) throw new KubectlError(NOT_FOUND);
  if (what === 'nodes' && !ns) {
    const items = (state?.nodes ?? []).filter((n) => !name || n.name === name).map((n) => {
      const node = k.cluster.get<KubeObject>('Node', undefined, n.name);
      return { metadata: { name: n.name, creationTimestamp: now, labels: node?.metadata?.labels ?? {} }, ...meta, usage: { cpu: cpu(n.nanoCores), memory: mem(n.memoryBytes) } };
    });
    if (name) { if (!items.length) throw new KubectlError(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${name}" not found`); return encode({ kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', ...items[0] }); }
    return encode({ kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items });
  }
  if (what === 'pods') {
    const items = (state?.pods ?? []).filter((p) => (!ns || p.namespace === ns) && (!name || p.name === name)).map((p) => {
      const pod = k.cluster.get<KubeObject>('Pod', p.namespace, p.name);
      return { metadata: { name: p.name, namespace: p.namespace, creationTimestamp: now, labels: pod?.metadata?.labels ?? {} }, ...meta,
        containers: p.containers.map((c) => ({ name: c.name, usage: { cpu: cpu(c.nanoCores), memory: mem(c.memoryBytes) } })) };
    });
    if (name) { if (!items.length) throw new KubectlError(`Error from server (NotFound): podmetrics.metrics.k8s.io "${ns ?? ''}/${name}" not found`); return encode({ kind: 'PodMetrics', apiVersion: 'metrics.k8s.io/v1beta1', ...items[0] }); }
    return encode({ kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items });
  }
  if (!what) {
    return encode({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'metrics.k8s.io/v1beta1', resources: [
      { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
      { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] }] });
  }
  throw new KubectlError(NOT_FOUND);
}

/**
 * `kubectl get --raw PATH` (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go RawGet): the API
 * server's response body as it is, or the error status as kubectl words it.
 */
export function runGetRaw(k: Kubectl, raw: string): number {
  if (k.args.length) throw new KubectlError('error: arguments may not be passed when --raw is specified');
  const [path, query = ''] = raw.split('?');
  if (!path.startsWith('/')) throw new KubectlError(`error: ${raw} is not a valid raw path`);
  const parts = path.split('/').filter(Boolean);
  let body: string;
  if (['/healthz', '/livez', '/readyz'].includes(path.replace(/\/$/, ''))) {
    if (query) throw new NotSimulated(`"kubectl get --raw '${raw}'" (the per-check health report)`);
    body = 'ok';
  } else if (path === '/version' || path === '/version/') body = versionBody(k.cluster.version);
  else if (path === '/api' || path === '/api/') {
    body = encode({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: SERVER_ADDRESS }] });
  } else if (path === '/apis' || path === '/apis/') body = encode({ kind: 'APIGroupList', apiVersion: 'v1', groups: apiGroups(k) });
  else if (parts[0] === 'api' && parts[1] === 'v1' && parts.length > 2) body = resourcePath(k, '', 'v1', parts.slice(2));
  else if (parts[0] === 'apis' && parts[1] === 'metrics.k8s.io' && parts[2] === 'v1beta1') body = metricsPath(k, parts.slice(3));
  else if (parts[0] === 'apis' && parts[1] === 'custom.metrics.k8s.io' && parts[2] === 'v1beta1') body = customMetricsPath(k, parts.slice(3), query);
  else if (parts[0] === 'apis' && parts[1] === 'external.metrics.k8s.io') {
    if (!k.cluster.get<KubeObject>('APIService', undefined, 'v1beta1.external.metrics.k8s.io')) throw new KubectlError(NOT_FOUND);
    throw new NotSimulated(`"kubectl get --raw ${path}" (external metrics)`);
  } else if (parts[0] === 'apis' && parts.length > 3) body = resourcePath(k, parts[1], parts[2], parts.slice(3));
  else throw new KubectlError(NOT_FOUND);
  k.out(body);
  return 0;
}
