import { readMetrics, type KubeObject } from '../../cluster';
import type { Kubectl } from './context';
import { KubectlError } from './errors';
import { parseSelector, matchesSelector } from './selector';

/** kubectl top pod|node (pkg/cmd/top, pkg/metricsutil/metrics_printer.go). */
const pad = (rows: string[][]) => {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)) + 3);
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]))).join('')).join('\n') + '\n';
};
const milli = (nano: number) => `${Math.ceil(nano / 1e6)}m`;
const mib = (b: number) => `${Math.floor(b / 1024 / 1024)}Mi`;
/** Go's time.Duration.String() for a positive span: 2m30.5s, 1h0m3s. */
function goDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000), m = Math.floor((ms % 3_600_000) / 60_000);
  const sec = String(((ms % 60_000) / 1000).toFixed(3)).replace(/\.?0+$/, '');
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${sec}s`;
}
const cpuOf = (q: string) => (q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000);

export function runTop(k: Kubectl): number {
  const api = readMetrics(k.cluster);
  if (!api.ok && api.reason === 'no-api') throw new KubectlError('error: Metrics API not available');
  const nodesMode = ['node', 'nodes', 'no'].includes(k.args[0]);
  if (!api.ok && api.reason === 'unavailable') {
    throw new KubectlError(`Error from server (ServiceUnavailable): the server is currently unable to handle the request (get ${nodesMode ? 'nodes' : 'pods'}.metrics.k8s.io)`);
  }
  if (!api.ok) throw new KubectlError('error: metrics not available yet');
  const sel = k.str('selector') ? parseSelector(k.str('selector')!) : [];
  const sortBy = k.str('sort-by');
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError('error: --sort-by accepts only cpu or memory');
  if (nodesMode) {
    const nodes = k.cluster.list<KubeObject>('Node').filter((n) => matchesSelector(n.metadata?.labels, sel) && (!k.args[1] || n.metadata?.name === k.args[1]));
    if (k.args[1] && !api.state.nodes?.some((n) => n.name === k.args[1])) {
      throw new KubectlError(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${k.args[1]}" not found`);
    }
    const rows = nodes.map((n) => {
      const u = api.state.nodes?.find((x) => x.name === n.metadata?.name);
      if (!u) return [n.metadata!.name!, '<unknown>', '<unknown>', '<unknown>', '<unknown>', 0, 0] as const;
      const cpuAlloc = cpuOf(String(n.status?.allocatable?.cpu ?? '1'));
      const memAlloc = Number(String(n.status?.allocatable?.memory ?? '1Ki').replace(/Ki$/, '')) * 1024;
      const c = Math.ceil(u.nanoCores / 1e6);
      return [n.metadata!.name!, `${c}m`, `${Math.trunc((c / cpuAlloc) * 100)}%`, mib(u.memoryBytes), `${Math.trunc((u.memoryBytes / memAlloc) * 100)}%`, c, u.memoryBytes] as const;
    });
    if (sortBy === 'cpu') rows.sort((a, b) => b[5] - a[5]); else if (sortBy === 'memory') rows.sort((a, b) => b[6] - a[6]);
    const head = k.bool('no-headers') ? [] : [['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']];
    k.out(pad([...head, ...rows.map((r) => r.slice(0, 5) as string[])]));
    return 0;
  }
  const all = k.bool('all-namespaces');
  const live = new Map(k.cluster.list<KubeObject>('Pod', all ? undefined : k.namespace).map((p) => [`${p.metadata?.namespace}/${p.metadata?.name}`, p]));
  const pods = (api.state.pods ?? []).filter((p) => live.has(`${p.namespace}/${p.name}`) && matchesSelector(live.get(`${p.namespace}/${p.name}`)!.metadata?.labels, sel));
  if (k.args[1]) {
    // A named pod: metrics-server's own NotFound when it holds no sample for it.
    const one = pods.filter((p) => p.name === k.args[1] && p.namespace === k.namespace);
    if (!one.length) throw new KubectlError(`Error from server (NotFound): podmetrics.metrics.k8s.io "${k.namespace}/${k.args[1]}" not found`);
    pods.splice(0, pods.length, ...one);
  }
  if (!pods.length) {
    // top_pod.go verifyEmptyMetrics/checkPodAge: pods older than 2 minutes without metrics are reported.
    const candidates = [...live.values()].filter((p) => matchesSelector(p.metadata?.labels, sel));
    if (candidates.length) {
      const old = candidates.find((p) => k.cluster.now() - Date.parse(p.metadata?.creationTimestamp ?? '') > 120_000);
      if (old) throw new KubectlError(`error: Metrics not available for pod ${old.metadata?.namespace}/${old.metadata?.name}, age: ${goDuration(k.cluster.now() - Date.parse(old.metadata!.creationTimestamp!))}`);
      throw new KubectlError('error: metrics not available yet');
    }
    k.err(all ? 'No resources found\n' : `No resources found in ${k.namespace} namespace.\n`);
    return 0;
  }
  const sum = (p: (typeof pods)[number], f: 'nanoCores' | 'memoryBytes') => p.containers.reduce((a, c) => a + c[f], 0);
  if (sortBy === 'cpu') pods.sort((a, b) => sum(b, 'nanoCores') - sum(a, 'nanoCores'));
  else if (sortBy === 'memory') pods.sort((a, b) => sum(b, 'memoryBytes') - sum(a, 'memoryBytes'));
  const containers = k.bool('containers');
  const head = [...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)'];
  const rows: string[][] = k.bool('no-headers') ? [] : [head];
  for (const p of pods) {
    const ns = all ? [p.namespace] : [];
    if (containers) for (const c of p.containers) rows.push([...ns, p.name, c.name, milli(c.nanoCores), mib(c.memoryBytes)]);
    else rows.push([...ns, p.name, milli(sum(p, 'nanoCores')), mib(sum(p, 'memoryBytes'))]);
  }
  k.out(pad(rows));
  return 0;
}
