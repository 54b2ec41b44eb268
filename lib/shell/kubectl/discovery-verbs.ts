import { runTop } from './top';
/**
 * `kubectl api-resources`, `api-versions`, `cluster-info` and `top`, after
 * staging/src/k8s.io/kubectl/pkg/cmd/{apiresources/apiresources.go,apiresources/apiversions.go,
 * clusterinfo/clusterinfo.go,top/top.go}; `explain` lives in explain/.
 */
import { apiVersionOf, CUSTOM_RESOURCES, RESOURCES, servedVersions, type Cluster, type KubeObject, type ResourceInfo } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError } from './errors';
import { tabulate } from './printers/tabwriter';

/** API groups in a 1.34 apiserver's discovery order (aggregator's group priority). */
const GROUP_ORDER = ['', 'apiregistration.k8s.io', 'apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io',
  'autoscaling', 'batch', 'certificates.k8s.io', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io',
  'discovery.k8s.io', 'flowcontrol.apiserver.k8s.io', 'resource.k8s.io'];

const VERBS_ALL = 'create,delete,deletecollection,get,list,patch,update,watch';

/** Built-in resources plus the custom ones whose CRD is installed (VPA, MetalLB, ...). */
function served(cluster: Cluster): ResourceInfo[] {
  return [...RESOURCES, ...CUSTOM_RESOURCES.filter((r) => cluster.resourceForKind(r.kind, apiVersionOf(r)))];
}

export function ordered(cluster: Cluster): ResourceInfo[] {
  const rank = (g: string) => (GROUP_ORDER.indexOf(g) < 0 ? GROUP_ORDER.length : GROUP_ORDER.indexOf(g));
  return served(cluster).sort((a, b) => rank(a.group) - rank(b.group) || (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
}

function runApiResources(k: Kubectl): number {
  let list = ordered(k.cluster);
  if (k.changed.has('namespaced')) list = list.filter((r) => r.namespaced === k.bool('namespaced'));
  if (k.changed.has('api-group')) list = list.filter((r) => r.group === k.str('api-group'));
  const sortBy = k.str('sort-by');
  if (sortBy === 'name') list.sort((a, b) => (a.plural < b.plural ? -1 : 1));
  else if (sortBy === 'kind') list.sort((a, b) => (a.kind < b.kind ? -1 : 1));
  else if (sortBy) throw new KubectlError(`error: --sort-by accepts only name or kind`);
  const out = k.str('output') ?? '';
  if (out === 'name') { for (const r of list) k.out(`${r.plural}${r.group ? `.${r.group}` : ''}\n`); return 0; }
  if (out && out !== 'wide') throw new KubectlError(`error: --output ${out} is not available`);
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(out === 'wide' ? ['VERBS', 'CATEGORIES'] : [])];
  const rows = list.map((r) => [r.plural, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind,
    ...(out === 'wide' ? [VERBS_ALL, ''] : [])]);
  k.out(tabulate(k.bool('no-headers') ? rows : [header, ...rows]));
  return 0;
}

export const apiResourcesVerb: VerbSpec = {
  name: 'api-resources', short: 'Print the supported API resources on the server', usage: 'kubectl api-resources [flags] [options]',
  flags: [{ name: 'namespaced', type: 'bool', default: true }, { name: 'api-group', type: 'string' }, { name: 'output', short: 'o', type: 'string' },
    { name: 'sort-by', type: 'string' }, { name: 'no-headers', type: 'bool' }, { name: 'cached', type: 'bool' }, { name: 'verbs', type: 'stringArray' },
    { name: 'categories', type: 'stringArray' }],
  run: runApiResources,
};

export const apiVersionsVerb: VerbSpec = {
  name: 'api-versions', short: 'Print the supported API versions on the server, in the form of "group/version"', usage: 'kubectl api-versions [flags] [options]',
  flags: [],
  run: (k) => {
    const versions = [...new Set(served(k.cluster).flatMap((r) => servedVersions(r).map((v) => apiVersionOf(r, v))))].sort();
    k.out(versions.map((v) => `${v}\n`).join(''));
    return 0;
  },
};

const SERVER = 'https://192.168.0.30:6443';
/** go-colortext's ANSI sequences as cluster-info prints them (green name, yellow link). */
const green = (s: string) => `\x1b[0;32m${s}\x1b[0m`;
const yellow = (s: string) => `\x1b[0;33m${s}\x1b[0m`;

export const clusterInfoVerb: VerbSpec = {
  name: 'cluster-info', short: 'Display cluster information', usage: 'kubectl cluster-info [flags] [options]',
  flags: [],
  run: (k) => {
    if (k.args[0] === 'dump') throw new KubectlError('kubelab: "kubectl cluster-info dump" is not simulated yet');
    const lines = [`${green('Kubernetes control plane')} is running at ${yellow(SERVER)}`];
    for (const svc of k.cluster.list<KubeObject>('Service', 'kube-system')) {
      const labels = svc.metadata?.labels ?? {};
      if (labels['kubernetes.io/cluster-service'] !== 'true') continue;
      const name = labels['kubernetes.io/name'] ?? svc.metadata?.name;
      const port = svc.spec?.ports?.[0];
      const portPart = port?.name ? `:${port.name}` : '';
      lines.push(`${green(name)} is running at ${yellow(`${SERVER}/api/v1/namespaces/kube-system/services/${svc.metadata?.name}${portPart}/proxy`)}`);
    }
    k.out(`${lines.join('\n')}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
    return 0;
  },
};

/** Reads metrics-server's metrics.k8s.io data (top.ts); without the add-on the API is not served. */
export const topVerb: VerbSpec = {
  name: 'top', short: 'Display resource (CPU/memory) usage', usage: 'kubectl top [flags] [options]',
  flags: [{ name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'selector', short: 'l', type: 'string' }, { name: 'containers', type: 'bool' },
    { name: 'sort-by', type: 'string' }, { name: 'no-headers', type: 'bool' }, { name: 'use-protocol-buffers', type: 'bool' }],
  run: (k) => {
    if (k.args.length === 0) {
      k.out('Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]\n\nUse "kubectl top <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
      return 0;
    }
    if (!['node', 'nodes', 'no', 'pod', 'pods', 'po'].includes(k.args[0])) throw new KubectlError(`error: unknown command "${k.args[0]}" for "kubectl top"`);
    return runTop(k);
  },
};
