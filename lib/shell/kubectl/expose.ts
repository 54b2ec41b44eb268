import type { KubeObject } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError } from './errors';
import { resourceName } from './printers/output';
import { checkMadeObjectOutput, printMadeObject } from './template-output';

const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

/** polymorphichelpers.MapBasedSelectorForObject: the pod selector of what is exposed. */
function selectorOf(obj: KubeObject): Record<string, string> {
  if (obj.kind === 'Pod') return { ...obj.metadata?.labels };
  if (obj.kind === 'Service' || obj.kind === 'ReplicationController') return { ...obj.spec?.selector };
  if (obj.spec?.selector?.matchExpressions?.length) {
    throw new KubectlError(`error: couldn't convert expressions - "${JSON.stringify(obj.spec.selector.matchExpressions)}" to map-based selector format`);
  }
  return { ...obj.spec?.selector?.matchLabels };
}

/** polymorphichelpers.PortsForObject: container ports of the pod (template). */
function portsOf(obj: KubeObject): { port: number; name?: string; protocol?: string }[] {
  if (obj.kind === 'Service') return ((obj.spec?.ports ?? []) as { port: number; name?: string; protocol?: string }[]);
  const spec = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
  return ((spec?.containers ?? []) as { ports?: { containerPort: number; name?: string; protocol?: string }[] }[])
    .flatMap((c) => c.ports ?? []).map((p) => ({ port: p.containerPort, name: p.name, protocol: p.protocol }));
}

/** kubectl expose (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go) with the service generator's defaults. */
function runExpose(k: Kubectl): number {
  if (k.args.length === 0) {
    throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  const [type, name] = k.args[0].includes('/') ? k.args[0].split('/', 2) : [k.args[0], k.args[1]];
  const res = k.cluster.resolveResource(type);
  if (!res) throw new KubectlError(`error: the server doesn't have a resource type "${type}"`);
  if (!name) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const obj = k.cluster.get<KubeObject>(res.kind, k.namespace, name);
  if (!obj) throw new KubectlError(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${name}" not found`);
  if (!EXPOSABLE.includes(res.kind)) throw new KubectlError(`error: cannot expose a ${res.kind}${res.group ? `.${res.group}` : ''}`);
  const selector = k.str('selector') ? Object.fromEntries(k.str('selector')!.split(',').map((kv) => kv.split('=') as [string, string])) : selectorOf(obj);
  const protocol = k.str('protocol') || 'TCP';
  let ports: { port: number; name?: string; protocol?: string }[];
  if (k.str('port')) {
    if (!/^\d+$/.test(k.str('port')!)) throw new KubectlError(`error: failed to create service: strconv.Atoi: parsing "${k.str('port')}": invalid syntax`);
    ports = [{ port: Number(k.str('port')) }];
  } else ports = portsOf(obj);
  if (ports.length === 0) throw new KubectlError("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
  const target = k.str('target-port');
  const svcName = k.str('name') || name;
  const svc: KubeObject = {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: svcName, ...(k.explicitNamespace && { namespace: k.namespace }), ...(obj.metadata?.labels && { labels: { ...obj.metadata.labels } }) },
    spec: {
      ports: ports.map((p, i) => ({
        ...(ports.length > 1 && { name: p.name || `port-${i + 1}` }),
        port: p.port, protocol: p.protocol || protocol,
        targetPort: target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port,
      })),
      selector,
      ...(k.str('type') && { type: k.str('type') }),
      ...(k.str('cluster-ip') && { clusterIP: k.str('cluster-ip') }),
      ...(k.str('external-ip') && { externalIPs: [k.str('external-ip')] }),
    },
  };
  const type_ = k.str('type');
  if (type_ && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(type_)) {
    throw new KubectlError(`The Service "${svcName}" is invalid: spec.type: Unsupported value: "${type_}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`);
  }
  checkMadeObjectOutput(k);
  const dryRun = k.str('dry-run') ?? 'none';
  const shown = dryRun === 'client' ? svc : k.cluster.create(svc, { dryRun: dryRun === 'server' });
  const svcRes = k.cluster.resourceForKind('Service')!;
  if (!printMadeObject(k, shown, svcName)) k.out(`${resourceName(svcRes, svcName)} exposed${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`);
  k.settle();
  return 0;
}

export const exposeVerb: VerbSpec = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    { name: 'port', type: 'string' }, { name: 'target-port', type: 'string' }, { name: 'name', type: 'string' },
    { name: 'type', type: 'string' }, { name: 'protocol', type: 'string' }, { name: 'selector', short: 'l', type: 'string' },
    { name: 'cluster-ip', type: 'string' }, { name: 'external-ip', type: 'string' }, { name: 'labels', type: 'string' },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' }, { name: 'output', short: 'o', type: 'string' }, { name: 'template', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringArray' }, { name: 'session-affinity', type: 'string' },
  ],
  run: runExpose,
};
