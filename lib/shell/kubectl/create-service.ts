/**
 * `kubectl create namespace|ns NAME` and `kubectl create service clusterip|nodeport|loadbalancer|
 * externalname NAME --tcp=PORT[:TARGET]`, after staging/src/k8s.io/kubectl/pkg/cmd/create/
 * {create_namespace.go,create_service.go} (createService, parsePorts, Validate).
 */
import type { KubeObject } from '../../cluster';
import type { CreateSubcommand } from './create-subcommands';
import { KubectlError } from './errors';
import type { FlagSpec } from './flags';

export const SERVICE_SUB_FLAGS: FlagSpec[] = [
  { name: 'tcp', type: 'stringArray' },
  { name: 'clusterip', type: 'string' },
  { name: 'node-port', type: 'int', default: 0 },
  { name: 'external-name', type: 'string' },
];

export const namespace: CreateSubcommand = {
  names: ['namespace', 'ns'],
  build: (_k, name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} }),
};

const TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** parsePorts: `5678:8080` → port 5678, targetPort 8080; a non-numeric target is a port name. */
function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const [portText, targetText = portText] = spec.split(/:(.*)/s);
  if (!/^[+-]?\d+$/.test(portText)) throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(portText)}: invalid syntax`);
  const port = Number(portText);
  if (port < -2147483648 || port > 2147483647) throw new KubectlError(`error: strconv.ParseInt: parsing ${JSON.stringify(portText)}: value out of range`);
  const targetPort = /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  return { port, targetPort };
}

export const service: CreateSubcommand = {
  names: ['service', 'svc'],
  nested: ['clusterip', 'externalname', 'loadbalancer', 'nodeport'],
  build(k, name) {
    const sub = k.args[1];
    const type = TYPES[sub];
    const tcp = (k.flags.tcp as string[] | undefined) ?? [];
    const clusterIP = sub === 'clusterip' ? k.str('clusterip') ?? '' : '';
    const externalName = k.str('external-name') ?? '';
    if (clusterIP === 'None' && type !== 'ClusterIP') throw new KubectlError('error: ClusterIP=None can only be used with ClusterIP service type');
    if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new KubectlError('error: at least one tcp port specifier must be provided');
    if (type === 'ExternalName' && !DNS1123_SUBDOMAIN.test(externalName)) throw new KubectlError(`error: invalid service external name ${externalName}`);
    const nodePort = sub === 'nodeport' ? (k.flags['node-port'] as number) : 0;
    const ports = tcp.map((spec) => {
      const { port, targetPort } = parsePorts(spec);
      return { name: spec.replaceAll(':', '-'), port, protocol: 'TCP', targetPort, ...(nodePort && { nodePort }) };
    });
    const labels = { app: name };
    const svc: KubeObject = {
      apiVersion: 'v1', kind: 'Service',
      metadata: { labels, name, ...(k.explicitNamespace && { namespace: k.namespace }) },
      spec: { ...(clusterIP && { clusterIP }), ...(type === 'ExternalName' && { externalName }), ...(ports.length && { ports }), selector: labels, type },
      status: { loadBalancer: {} },
    };
    return svc;
  },
};
