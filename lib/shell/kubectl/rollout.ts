import { rfc3339, type KubeObject, type ResourceInfo } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError, NotSimulated } from './errors';
import { resourceName } from './printers/output';
import { resolveArgs } from './resource-args';
import { STATUS_VIEWERS } from './rollout-viewers';
import { historyOf, undoDeployment } from './rollout-history';

const SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const ROLLOUT_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

interface Target { res: ResourceInfo; name: string; obj: KubeObject }

const qualified = (res: ResourceInfo) => (res.group ? `${res.plural}.${res.group}` : res.plural);

function targets(k: Kubectl, args: string[]): Target[] {
  if (args.length === 0) {
    throw new KubectlError("error: required resource not specified");
  }
  const out: Target[] = [];
  for (const { res, names } of resolveArgs(k, args)) {
    if (names.length === 0) throw new KubectlError(`error: required resource name not specified`);
    for (const name of names) {
      const obj = k.cluster.get<KubeObject>(res.kind, k.namespace, name);
      if (!obj) throw new KubectlError(`Error from server (NotFound): ${qualified(res)} "${name}" not found`);
      out.push({ res, name, obj });
    }
  }
  return out;
}

const DEFAULT_TIMEOUT_MS = 15 * 60_000;

/** rollout status: print each new state line until done (rollout_status.go with --watch). */
async function status(k: Kubectl, t: Target): Promise<number> {
  const viewer = STATUS_VIEWERS[t.res.kind];
  if (!viewer) throw new KubectlError(`error: no status viewer has been implemented for ${t.res.kind}`);
  const watch = k.flags.watch !== false;
  const started = k.cluster.now();
  let last = '';
  for (;;) {
    k.settle();
    const obj = k.cluster.get<KubeObject>(t.res.kind, k.namespace, t.name);
    if (!obj) throw new KubectlError(`Error from server (NotFound): ${qualified(t.res)} "${t.name}" not found`);
    const state = viewer(obj);
    if (state.error) throw new KubectlError(state.error);
    if (state.message !== last) { k.out(state.message); last = state.message; }
    if (state.done || !watch) return 0;
    if (k.signal?.aborted) return 130;
    if (k.cluster.now() - started >= DEFAULT_TIMEOUT_MS) throw new KubectlError('error: timed out waiting for the condition');
    const due = k.cluster.nextDueAt();
    await k.wait(due === undefined ? 1000 : Math.min(1000, Math.max(1, due - k.cluster.now())));
  }
}

function write(k: Kubectl, obj: KubeObject): void {
  if (k.str('dry-run') !== 'client') k.cluster.update(obj, { dryRun: k.str('dry-run') === 'server' });
  k.settle();
}

function pauseResume(k: Kubectl, t: Target, pause: boolean): string {
  if (t.res.kind !== 'Deployment') return `error: ${qualified(t.res)} "${t.name}" ${pause ? 'pausing' : 'resuming'} is not supported`;
  if (!!t.obj.spec?.paused === pause) return `error: ${qualified(t.res)} "${t.name}" is ${pause ? 'already paused' : 'not paused'}`;
  const spec = { ...t.obj.spec };
  if (pause) spec.paused = true; else delete spec.paused;
  write(k, { ...t.obj, spec });
  k.out(`${resourceName(t.res, t.name)} ${pause ? 'paused' : 'resumed'}\n`);
  return '';
}

function restart(k: Kubectl, t: Target): string {
  if (t.res.kind === 'Deployment' && t.obj.spec?.paused) {
    return `error: ${qualified(t.res)} "${t.name}" can't restart paused deployment (run rollout resume first)`;
  }
  const obj = structuredClone(t.obj);
  const tpl = (obj.spec.template ??= {});
  tpl.metadata = { ...tpl.metadata, annotations: { ...tpl.metadata?.annotations, [RESTARTED_AT]: rfc3339(k.cluster.now()) } };
  write(k, obj);
  k.out(`${resourceName(t.res, t.name)} restarted\n`);
  return '';
}

async function runRollout(k: Kubectl): Promise<number> {
  const sub = k.args[0];
  if (!sub || !SUBCOMMANDS.includes(sub)) {
    if (sub) throw new KubectlError(`error: unknown command "${sub}" for "kubectl rollout"`);
    k.out('Manage the deployment of one or more resources.\n\nAvailable Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n' +
      '  restart       Restart a resource\n  resume        Resume a paused resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout\n\n' +
      'Usage:\n  kubectl rollout SUBCOMMAND [options]\n');
    return 0;
  }
  const list = targets(k, k.args.slice(1));
  const errors: string[] = [];
  for (const t of list) {
    if (!ROLLOUT_KINDS.has(t.res.kind)) { errors.push(`error: no ${sub === 'status' ? 'status viewer' : 'rollbacker'} has been implemented for ${t.res.kind}`); continue; }
    switch (sub) {
      case 'status': {
        const code = await status(k, t);
        if (code) return code;
        break;
      }
      case 'history':
        k.out(historyOf(k, t.res, t.obj));
        break;
      case 'undo': {
        if (t.res.kind !== 'Deployment') throw new NotSimulated(`"kubectl rollout undo" for ${t.res.plural}`);
        const r = undoDeployment(k, t.obj, Number(k.flags['to-revision'] ?? 0));
        if (r.error) { errors.push(r.error); break; }
        if (r.patched) write(k, r.patched);
        k.out(`${resourceName(t.res, t.name)} ${r.message}\n`);
        break;
      }
      case 'restart': errors.push(restart(k, t)); break;
      default: errors.push(pauseResume(k, t, sub === 'pause'));
    }
  }
  const real = errors.filter(Boolean);
  if (real.length) throw new KubectlError(real.join('\n'));
  return 0;
}

export const rolloutVerb: VerbSpec = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  flags: [
    { name: 'watch', short: 'w', type: 'bool', default: true },
    { name: 'revision', type: 'int', default: 0 },
    { name: 'to-revision', type: 'int', default: 0 },
    { name: 'timeout', type: 'string' },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run: runRollout,
};
