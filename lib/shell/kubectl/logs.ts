import { parseTime, processLogs, type KubeObject } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError, NotSimulated } from './errors';
import { resolveArgs } from './resource-args';
import { matchesSelector, parseSelector } from './selector';

type Pod = KubeObject;
const badRequest = (msg: string) => new KubectlError(`Error from server (BadRequest): ${msg}`);

/** A controller's pods through its selector's matchLabels (polymorphichelpers/attachablepodforobject.go). */
function podsFor(k: Kubectl, obj: KubeObject): Pod[] {
  const sel = obj.spec?.selector;
  const labels: Record<string, string> | undefined = obj.kind === 'Service' ? sel : sel?.matchLabels;
  if (!labels || Object.keys(labels).length === 0) return [];
  const reqs = parseSelector(Object.entries(labels).map(([a, b]) => `${a}=${b}`).join(','));
  return k.cluster.list<Pod>('Pod', k.namespace).filter((p) => matchesSelector(p.metadata?.labels, reqs));
}

/** controller.ByLogging: running and ready pods first, then the older one. */
const byLogging = (a: Pod, b: Pod) => {
  const rank = (p: Pod) => (p.spec?.nodeName ? 0 : 4) + (p.status?.phase === 'Running' ? 0 : 2) +
    ((p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  return rank(a) - rank(b) || (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '');
};

function targetPods(k: Kubectl): Pod[] {
  if (k.str('selector')) {
    const reqs = parseSelector(k.str('selector')!);
    const pods = k.cluster.list<Pod>('Pod', k.namespace).filter((p) => matchesSelector(p.metadata?.labels, reqs));
    if (pods.length === 0) { k.err(`No resources found in ${k.namespace} namespace.\n`); return []; }
    return pods.slice(0, Number(k.flags['max-log-requests'] ?? 5));
  }
  const arg = k.args[0];
  if (!arg) throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
  if (!arg.includes('/')) {
    const pod = k.cluster.get<Pod>('Pod', k.namespace, arg);
    if (!pod) throw new KubectlError(`Error from server (NotFound): pods "${arg}" not found`);
    return [pod];
  }
  const [{ res, names }] = resolveArgs(k, [arg]);
  const obj = k.cluster.get<KubeObject>(res.kind, k.namespace, names[0]);
  if (!obj) throw new KubectlError(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${names[0]}" not found`);
  if (res.kind === 'Pod') return [obj];
  const pods = podsFor(k, obj).sort(byLogging);
  if (pods.length === 0) throw new KubectlError(`error: timed out waiting for the condition`);
  if (pods.length > 1) k.err(`Found ${pods.length} pods, using pod/${pods[0].metadata?.name}\n`);
  return [pods[0]];
}

/** The kubelet's validateContainerLogStatus: which container instance to read, or why not. */
function instance(pod: Pod, name: string, previous: boolean): { start: number; end?: number } {
  const podName = pod.metadata?.name;
  const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s: { name: string }) => s.name === name);
  if (!pod.spec?.nodeName) return { start: 0, end: 0 };
  if (!st) throw badRequest(`container "${name}" in pod "${podName}" is waiting to start: ContainerCreating`);
  const span = (t: { startedAt?: string; finishedAt?: string }) => ({ start: parseTime(t.startedAt) ?? 0, end: parseTime(t.finishedAt) });
  const last = st.lastState?.terminated;
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container "${name}" in pod "${podName}" not found`);
    return span(last);
  }
  if (st.state?.running) return { start: parseTime(st.state.running.startedAt) ?? 0 };
  if (st.state?.terminated) return span(st.state.terminated);
  if (last) return span(last);
  const reason = st.state?.waiting?.reason ?? 'ContainerCreating';
  const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
  throw badRequest(`container "${name}" in pod "${podName}" is waiting to start: ${why}`);
}

function containerLines(k: Kubectl, pod: Pod, name: string): string[] {
  const spec = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c: { name: string }) => c.name === name);
  if (!spec) throw badRequest(`container ${name} is not valid for pod ${pod.metadata?.name}`);
  const { start, end } = instance(pod, name, k.bool('previous'));
  if (end === 0 && start === 0) return [];
  const until = end ?? k.cluster.now();
  const vars = { HOSTNAME: pod.metadata?.name ?? '', HOME: '/root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
  let lines = processLogs(spec, vars, start, until).map((l) => (k.bool('timestamps')
    ? `${new Date(start + l.at).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ${l.text}` : l.text));
  const since = k.str('since');
  if (since) {
    const m = /^(\d+)(s|m|h)$/.exec(since);
    if (!m) throw new KubectlError(`error: invalid argument "${since}" for "--since" flag: time: invalid duration "${since}"`);
    const from = k.cluster.now() - Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'];
    lines = processLogs(spec, vars, start, until).filter((l) => start + l.at >= from).map((l) => l.text);
  }
  const tail = Number(k.flags.tail ?? -1);
  return tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
}

/** kubectl logs (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go); `-f` prints what exists and returns. */
async function runLogs(k: Kubectl): Promise<number> {
  if (k.str('since-time')) throw new NotSimulated('"kubectl logs --since-time"');
  const pods = targetPods(k);
  const explicit = k.str('container') ?? (k.args[1] && !k.args[0].includes('/') ? k.args[1] : undefined);
  for (const pod of pods) {
    const names: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
    let containers: string[];
    if (k.bool('all-containers')) containers = [...(pod.spec?.initContainers ?? []).map((c: { name: string }) => c.name), ...names];
    else if (explicit) containers = [explicit];
    else {
      const wanted = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
      containers = [wanted && names.includes(wanted) ? wanted : names[0]];
      if (names.length > 1 && !wanted) {
        const inits = (pod.spec?.initContainers ?? []).map((c: { name: string }) => `${c.name} (init)`);
        k.err(`Defaulted container "${names[0]}" out of: ${[...names, ...inits].join(', ')}\n`);
      }
    }
    for (const c of containers) {
      const lines = containerLines(k, pod, c);
      const prefix = k.bool('prefix') ? `[pod/${pod.metadata?.name}/${c}] ` : '';
      if (lines.length) k.out(lines.map((l) => `${prefix}${l}\n`).join(''));
    }
  }
  return 0;
}

export const logsVerb: VerbSpec = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'timestamps', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-containers', type: 'bool' },
    { name: 'prefix', type: 'bool' },
    { name: 'since', type: 'string' },
    { name: 'since-time', type: 'string' },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'limit-bytes', type: 'int' },
    { name: 'pod-running-timeout', type: 'string' },
  ],
  run: runLogs,
};
