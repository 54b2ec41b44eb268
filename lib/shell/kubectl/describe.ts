import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { Cluster, KubeObject } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError, NotSimulated } from './errors';
import { CLUSTER_DESCRIBERS } from './describe-cluster-kinds';
import { describeCustomResource } from './describe-custom';
import { describeEndpoints, describeEndpointSlice } from './describe-endpoints';
import { describeHpa } from './describe-hpa';
import { describeIngress } from './describe-ingress';
import { describePod } from './describe-pod';
import { describeService } from './describe-service';
import { describeCronJob, describeDaemonSet, describeDeployment, describeJob, describeReplicaSet } from './describe-workloads';
import { DESCRIBE_TABS, formatTabbed } from './printers/tabwriter';
import { resolveArgs } from './resource-args';
import { matchesSelector, parseSelector } from './selector';

type Describer = (obj: KubeObject, events: Event[], now: number, cluster: Cluster) => string;
const DESCRIBERS: Record<string, Describer> = {
  ...CLUSTER_DESCRIBERS,
  Pod: (o, e, n) => describePod(o as Pod, e, n),
  Service: describeService,
  Ingress: describeIngress,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  DaemonSet: describeDaemonSet,
  Job: describeJob,
  CronJob: describeCronJob,
  HorizontalPodAutoscaler: describeHpa,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  VerticalPodAutoscaler: describeCustomResource,
  VerticalPodAutoscalerCheckpoint: describeCustomResource,
  IPAddressPool: describeCustomResource,
  L2Advertisement: describeCustomResource,
};

/**
 * kubectl describe (staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go): exact name,
 * else every object whose name starts with it; objects separated by a blank line.
 */
async function runDescribe(k: Kubectl): Promise<number> {
  if (k.args.length === 0) throw new KubectlError("error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.");
  const requests = resolveArgs(k, k.args);
  const blocks: string[] = [];
  const errors: string[] = [];
  const sel = k.str('selector') ? parseSelector(k.str('selector')!) : undefined;
  for (const { res, names } of requests) {
    const describer = DESCRIBERS[res.kind];
    if (!describer) throw new NotSimulated(`"kubectl describe ${res.plural}"`);
    const ns = res.namespaced ? (k.bool('all-namespaces') ? undefined : k.namespace) : undefined;
    const all = k.cluster.list<KubeObject>(res.kind, ns);
    let objs: KubeObject[] = [];
    if (names.length === 0) objs = sel ? all.filter((o) => matchesSelector(o.metadata?.labels, sel)) : all;
    for (const name of names) {
      const exact = all.filter((o) => o.metadata?.name === name);
      const matches = exact.length ? exact : all.filter((o) => o.metadata?.name?.startsWith(name));
      if (matches.length === 0) errors.push(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${name}" not found\n`);
      objs.push(...matches);
    }
    for (const o of objs) {
      const events = k.cluster.list<Event>('Event', o.metadata?.namespace).filter((e) => e.involvedObject.uid === o.metadata?.uid);
      blocks.push(formatTabbed(describer(o, events, k.cluster.now(), k.cluster), DESCRIBE_TABS));
    }
  }
  k.out(blocks.join('\n\n'));
  if (blocks.length === 0 && errors.length === 0) k.err(`No resources found in ${k.namespace} namespace.\n`);
  for (const e of errors) k.err(e);
  return errors.length ? 1 : 0;
}

export const describeVerb: VerbSpec = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-events', type: 'bool', default: true },
    { name: 'filename', short: 'f', type: 'stringArray' },
  ],
  run: runDescribe,
};
