import type { KubeObject } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError, NotSimulated } from './errors';
import { badOutput } from './get';
import { toJson, toYaml } from './printers/output';
import { imageFamily } from '../../cluster';
import { attachedLoad, clientRestartPolicy, runAttachedCommand, runAttachedLoad, runAttachedShell } from './run-attach';

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid label spec: ${pair}`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * The Pod `kubectl run` generates (staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go
 * BasicPod): label run=NAME, one container named NAME, resources {}, dnsPolicy and
 * restartPolicy filled in client-side, empty status.
 */
export function buildRunPod(k: Kubectl, name: string): KubeObject {
  const image = k.str('image')!;
  const restart = clientRestartPolicy(k);
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`);
  const container: Record<string, unknown> = { name, image };
  const extra = k.dashArgs ?? k.args.slice(1);
  if (extra.length) container[k.bool('command') ? 'command' : 'args'] = extra;
  const env = (k.flags.env as string[] | undefined) ?? [];
  if (env.length) container.env = env.map((e) => ({ name: e.split('=')[0], value: e.slice(e.indexOf('=') + 1) }));
  if (k.str('image-pull-policy')) container.imagePullPolicy = k.str('image-pull-policy');
  const port = k.str('port');
  if (port) {
    if (!/^\d+$/.test(port)) throw new KubectlError(`error: strconv.Atoi: parsing "${port}": invalid syntax`);
    container.ports = [{ containerPort: Number(port) }];
  }
  container.resources = {};
  // kubectl run -i/-t (pkg/cmd/run/run.go): the container keeps stdin open, once, with a tty.
  if (k.bool('stdin')) { container.stdin = true; container.stdinOnce = true; }
  if (k.bool('tty')) container.tty = true;
  const labels = k.str('labels') ? parseLabels(k.str('labels')!) : { run: name };
  const annotations = (k.flags.annotations as string[] | undefined) ?? [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(annotations.length && { annotations: Object.fromEntries(annotations.map((a) => [a.split('=')[0], a.slice(a.indexOf('=') + 1)])) }),
      labels,
      name,
      ...(k.explicitNamespace && { namespace: k.namespace }),
    },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
}

/**
 * Errors cobra returns before kubectl's own handler (required flags) reach
 * component-base/cli run.go, which logs them through klog: `E0101 00:00:00.000000 ...`.
 */
export function commandFailed(now: number, err: string): string {
  const d = new Date(now);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000`;
  return `E${stamp}${String(4242).padStart(8)} run.go:72] "command failed" err="${err}"`;
}

/** The shell `run -it` attaches to: `-- sh|ash|bash`, or busybox's default command (sh). */
function attachedShell(k: Kubectl, pod: KubeObject): string | undefined {
  if (!k.bool('stdin') || !k.env.enterPod || k.io.stdin !== '') return undefined;
  const c = pod.spec?.containers?.[0];
  const argv = [...(c?.command ?? []), ...(c?.args ?? [])];
  if (argv.length === 0) return c?.image && imageFamily(c.image) === 'busybox' ? 'sh' : undefined;
  const prog = argv.length === 1 ? argv[0].split('/').pop()! : '';
  return ['sh', 'ash', 'bash'].includes(prog) && (prog !== 'bash' || (c?.image && imageFamily(c.image) === 'nginx')) ? prog : undefined;
}

/** RunOptions.Validate (pkg/cmd/run/run.go) for the attach-related flags. */
function validateAttach(k: Kubectl, attach: boolean): void {
  if (k.bool('tty') && !k.bool('stdin')) throw new KubectlError('error: -i/--stdin is required for containers with -t/--tty=true');
  const restart = k.str('restart');
  if (restart && !['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`);
  if (!attach && k.bool('rm')) throw new KubectlError('error: --rm should only be used for attached containers');
  if (attach && k.str('dry-run') && k.str('dry-run') !== 'none') {
    throw new KubectlError("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  }
  const pull = k.str('image-pull-policy');
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw new KubectlError(`error: invalid image pull policy: ${pull}`);
}

async function runRun(k: Kubectl): Promise<number> {
  const name = k.args[0];
  if (!name) throw new KubectlError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  if (!k.changed.has('image')) throw new KubectlError(commandFailed(k.cluster.now(), 'required flag(s) \\"image\\" not set'));
  if (!k.str('image')) throw new KubectlError('error: --image is required');
  // --attach defaults to true with -i (run.go: attachFlag not changed && Interactive).
  const attach = k.changed.has('attach') ? k.bool('attach') : k.bool('stdin');
  validateAttach(k, attach);
  if (attach) {
    const pod = buildRunPod(k, name);
    const loop = attachedLoad(pod);
    if (loop) return runAttachedLoad(k, pod, loop);
    const shell = attachedShell(k, pod);
    if (shell) return runAttachedShell(k, pod, shell);
    const c = pod.spec!.containers[0];
    // A command, or the image's default shell reading piped stdin (`echo hostname | kubectl run -i ...`).
    const defaultShell = c.image && ['busybox', 'bash'].includes(imageFamily(c.image) ?? '');
    if ((c.command ?? c.args ?? []).length > 0 || defaultShell) return runAttachedCommand(k, pod);
    throw new NotSimulated(`"kubectl run --attach" to the default process of ${c.image}; give the command after --, e.g. kubectl run ${name} -it --rm --image=${c.image} --restart=Never -- sh -c 'hostname'`);
  }
  const output = k.str('output') ?? '';
  if (output && !['yaml', 'json', 'name'].includes(output)) throw badOutput(output);
  const pod = buildRunPod(k, name);
  const dryRun = k.str('dry-run') ?? 'none';
  let shown = pod;
  if (dryRun !== 'client') {
    const created = k.cluster.create(pod, { dryRun: dryRun === 'server', });
    shown = created;
    k.settle();
  }
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  if (output === 'yaml') k.out(toYaml(shown));
  else if (output === 'json') k.out(toJson(shown));
  else if (output === 'name') k.out(`pod/${name}\n`);
  else k.out(`pod/${name} created${suffix}\n`);
  return 0;
}

export const runVerb: VerbSpec = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'env', type: 'stringArray' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'command', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'overrides', type: 'string' },
    { name: 'privileged', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'pod-running-timeout', type: 'string' },
  ],
  run: runRun,
};
