import type { Pod } from 'kubernetes-types/core/v1';
import type { Kubectl, VerbSpec } from '../context';
import { KubectlError } from '../errors';
import { runInContainer, toolsOf } from './container-shell';

function hex(seed: string, n: number): string {
  let h = 0x811c9dc5, out = '';
  while (out.length < n) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
    seed += out;
  }
  return out.slice(0, n);
}

/** The pod behind `POD`, `pod/POD` or `TYPE/NAME` (the first pod the workload selects). */
function findPod(k: Kubectl, ref: string): Pod {
  const slash = ref.indexOf('/');
  if (slash < 0 || /^pods?$|^po$/.test(ref.slice(0, slash))) {
    const name = slash < 0 ? ref : ref.slice(slash + 1);
    const pod = k.cluster.get<Pod>('Pod', k.namespace, name);
    if (!pod) throw new KubectlError(`Error from server (NotFound): pods "${name}" not found`);
    return pod;
  }
  const res = k.cluster.resolveResource(ref.slice(0, slash));
  if (!res) throw new KubectlError(`error: the server doesn't have a resource type "${ref.slice(0, slash)}"`);
  const name = ref.slice(slash + 1);
  const owner = k.cluster.get<{ spec?: { selector?: { matchLabels?: Record<string, string> } | Record<string, string> } }>(res.kind, k.namespace, name);
  if (!owner) throw new KubectlError(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${name}" not found`);
  const sel = (owner.spec?.selector as { matchLabels?: Record<string, string> })?.matchLabels ?? (owner.spec?.selector as Record<string, string>) ?? {};
  const pod = k.cluster.list<Pod>('Pod', k.namespace)
    .find((p) => Object.entries(sel).every(([a, b]) => p.metadata?.labels?.[a] === b) && p.status?.phase === 'Running');
  if (!pod) throw new KubectlError('error: no running pod found');
  return pod;
}

/**
 * kubectl exec (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go): validation and messages of
 * ExecOptions.Complete/Validate/Run; the command runs against the simulated container runtime.
 */
async function runExec(k: Kubectl): Promise<number> {
  if (k.args.length === 0) throw new KubectlError("error: pod, type/name or --filename must be specified");
  if (k.dashArgs === undefined && k.args.length > 1) {
    throw new KubectlError("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples");
  }
  const argv = k.dashArgs ?? [];
  if (argv.length === 0) throw new KubectlError('error: you must specify at least one command for the container');
  k.settle();
  const pod = findPod(k, k.args[0]);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  const containers = pod.spec?.containers ?? [];
  let name = k.str('container');
  if (!name) {
    name = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0]?.name;
    if (containers.length > 1 && !pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container']) {
      k.err(`Defaulted container "${name}" out of: ${containers.map((c) => c.name).join(', ')}\n`);
    }
  }
  const index = containers.findIndex((c) => c.name === name);
  if (index < 0) throw new KubectlError(`Error from server (BadRequest): container ${name} is not valid for pod ${pod.metadata?.name}`);
  const status = pod.status?.containerStatuses?.[index];
  if (!status?.state?.running) throw new KubectlError(`error: unable to upgrade connection: container not found ("${name}")`);
  const interactiveShell = k.bool('stdin') && argv.length === 1 && /(^|\/)(sh|bash|ash)$/.test(argv[0]) &&
    toolsOf(containers[index]).has(argv[0].split('/').pop()!);
  if (interactiveShell && k.env.enterPod && k.io.stdin === '') {
    // The session's next lines run in the pod until `exit` (session.ts).
    k.env.enterPod({ namespace: pod.metadata?.namespace ?? k.namespace, pod: pod.metadata!.name!, container: name!,
      shell: argv[0].split('/').pop()!, cwd: '/' });
    return 0;
  }
  if (interactiveShell && k.io.stdin === '') {
    throw new KubectlError(`kubelab: an interactive shell inside a pod is not simulated yet; run one command at a time, e.g. kubectl exec ${k.args[0]} -- ${argv[0]} -c 'hostname; cat /etc/resolv.conf'`);
  }
  const code = await runInContainer(k.env, pod, containers[index], argv, { ...k.io, stdin: k.bool('stdin') ? k.io.stdin : '' }, k.signal);
  if (code === undefined) {
    const id = hex(`${pod.metadata?.uid}${argv.join(' ')}${k.cluster.now()}`, 64);
    throw new KubectlError(`error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: ` +
      `failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": ` +
      `executable file not found in $PATH: unknown`);
  }
  if (code !== 0) k.err(`command terminated with exit code ${code}\n`);
  return code;
}

export { findPod };

export const execVerb: VerbSpec = {
  name: 'exec',
  short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'pod-running-timeout', type: 'string' },
  ],
  run: runExec,
};
