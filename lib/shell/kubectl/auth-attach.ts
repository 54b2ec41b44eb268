import type { Pod } from 'kubernetes-types/core/v1';
import { imageFamily } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError, NotSimulated } from './errors';
import { tabulate } from './printers/tabwriter';
import { ATTACH_NOTICE } from './run-attach';

// The lab's user is kubeadm's kubernetes-admin: group kubeadm:cluster-admins, bound to cluster-admin
// (kubeadm 1.29+), plus the rules every authenticated user gets (system:basic-user, system:discovery,
// system:public-info-viewer) — what SelfSubjectRulesReview returns for it.
const RULES: [string, string, string, string][] = [
  ['*.*', '[]', '[]', '[*]'],
  ['', '[*]', '[]', '[*]'],
  ['selfsubjectreviews.authentication.k8s.io', '[]', '[]', '[create]'],
  ['selfsubjectaccessreviews.authorization.k8s.io', '[]', '[]', '[create]'],
  ['selfsubjectrulesreviews.authorization.k8s.io', '[]', '[]', '[create]'],
  ...['/api/*', '/api', '/apis/*', '/apis', '/healthz', '/healthz', '/livez', '/livez', '/openapi/*', '/openapi', '/readyz', '/readyz',
    '/version/', '/version/', '/version', '/version'].map((u): [string, string, string, string] => ['', `[${u}]`, '[]', '[get]']),
];

const AUTH_HELP = 'Inspect authorization.\n\nAvailable Commands:\n  can-i         Check whether an action is allowed\n' +
  '  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects\n' +
  '  whoami        Experimental: Check self subject attributes\n\nUsage:\n  kubectl auth [flags] [options]\n\n' +
  'Use "kubectl auth <command> --help" for more information about a given command.\n' +
  'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';

/**
 * kubectl auth can-i (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go) for the lab's user, who is
 * cluster-admin: every request is allowed; `--list` prints its SelfSubjectRulesReview.
 */
function canI(k: Kubectl, args: string[]): number {
  if (k.str('as') || k.str('as-group')) throw new NotSimulated('"kubectl auth can-i --as" (RBAC evaluation for other users)');
  if (k.bool('list')) {
    if (args.length) throw new KubectlError('error: list option must be specified with no arguments');
    k.out(tabulate([['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'], ...RULES]));
    return 0;
  }
  if (args.length !== 2) throw new KubectlError('error: you must specify two arguments: verb resource or verb resource/resourceName.');
  const target = args[1];
  if (!target.startsWith('/')) {
    const type = target.split('/')[0];
    if (type !== '*' && !k.cluster.resolveResource(type)) k.err(`Warning: the server doesn't have a resource type '${type}'\n`);
  }
  // cluster-admin's `*.*` rule allows every verb on every resource and non-resource URL.
  if (!k.bool('quiet')) k.out('yes\n');
  return 0;
}

function whoami(k: Kubectl): number {
  const out = k.str('output');
  if (out === 'yaml' || out === 'json') {
    const obj = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: { creationTimestamp: null },
      status: { userInfo: { groups: ['kubeadm:cluster-admins', 'system:authenticated'], username: 'kubernetes-admin' } } };
    k.out(out === 'json' ? `${JSON.stringify(obj, null, 4)}\n` : 'apiVersion: authentication.k8s.io/v1\nkind: SelfSubjectReview\nmetadata:\n  creationTimestamp: null\n' +
      'status:\n  userInfo:\n    groups:\n    - kubeadm:cluster-admins\n    - system:authenticated\n    username: kubernetes-admin\n');
    return 0;
  }
  k.out(tabulate([['ATTRIBUTE', 'VALUE'], ['Username', 'kubernetes-admin'], ['Groups', '[kubeadm:cluster-admins system:authenticated]']]));
  return 0;
}

export const authVerb: VerbSpec = {
  name: 'auth',
  short: 'Inspect authorization',
  usage: 'kubectl auth [flags] [options]',
  flags: [
    { name: 'list', type: 'bool' }, { name: 'quiet', short: 'q', type: 'bool' }, { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'subresource', type: 'string' }, { name: 'no-headers', type: 'bool' }, { name: 'output', short: 'o', type: 'string' },
    { name: 'as', type: 'string' }, { name: 'as-group', type: 'stringArray' },
  ],
  run(k) {
    const [sub, ...rest] = k.args;
    if (!sub) { k.out(AUTH_HELP); return 0; }
    if (sub === 'can-i') return canI(k, rest);
    if (sub === 'whoami') return whoami(k);
    if (sub === 'reconcile') throw new NotSimulated('"kubectl auth reconcile"');
    throw new KubectlError(`error: unknown command "${sub}" for "kubectl auth"`);
  },
};

/**
 * kubectl attach (staging/src/k8s.io/kubectl/pkg/cmd/attach/attach.go) to a container whose main
 * process is an interactive shell (`kubectl run -it NAME --image=busybox`): the session's lines go
 * to that shell until `exit`, which ends the process (the kubelet restarts it per restartPolicy).
 */
async function runAttach(k: Kubectl): Promise<number> {
  if (k.args.length === 0) throw new KubectlError("error: at least 1 argument is required for attach\nSee 'kubectl attach -h' for help and examples");
  const ref = k.args.length === 2 ? `${k.args[0]}/${k.args[1]}` : k.args[0];
  const name = ref.replace(/^(pods?|po)\//, '');
  if (name.includes('/')) throw new NotSimulated('"kubectl attach TYPE/NAME" (attach to a pod by its workload)');
  k.settle();
  const pod = k.cluster.get<Pod>('Pod', k.namespace, name);
  if (!pod) throw new KubectlError(`Error from server (NotFound): pods "${name}" not found`);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
  const containers = pod.spec?.containers ?? [];
  const cname = k.str('container') ?? containers[0]?.name;
  const index = containers.findIndex((c) => c.name === cname);
  if (index < 0) throw new KubectlError(`error: cannot attach to the container: container ${cname} not found in pod ${name}`);
  const c = containers[index];
  if (!pod.status?.containerStatuses?.[index]?.state?.running) throw new KubectlError(`error: unable to upgrade connection: container ${cname} not found in pod ${name}_${k.namespace}`);
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const shell = argv.length === 0 ? (c.image && imageFamily(c.image) === 'busybox' ? 'sh' : undefined)
    : argv.length === 1 && ['sh', 'ash', 'bash'].includes(argv[0].split('/').pop()!) ? argv[0].split('/').pop()! : undefined;
  if (!shell || !c.stdin || !k.bool('stdin') || !k.env.enterPod || k.io.stdin !== '') {
    throw new NotSimulated(`"kubectl attach" to this process; an interactive shell started with "kubectl run -it" can be attached with kubectl attach ${name} -c ${cname} -i -t`);
  }
  if (k.bool('tty') && !c.tty && !k.bool('quiet')) k.err(`error: Unable to use a TTY - container ${cname} did not allocate one\n`);
  if (!k.bool('quiet')) k.err(ATTACH_NOTICE);
  k.env.enterPod({ namespace: k.namespace, pod: name, container: cname!, shell, cwd: '/',
    run: { rm: false, tty: k.bool('tty') && !!c.tty, policy: 'Always', quiet: k.bool('quiet') } });
  return 0;
}

export const attachVerb: VerbSpec = {
  name: 'attach',
  short: 'Attach to a running container',
  usage: 'kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string' }, { name: 'stdin', short: 'i', type: 'bool' }, { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' }, { name: 'pod-running-timeout', type: 'string' },
  ],
  run: runAttach,
};
