import type { Container, Pod } from 'kubernetes-types/core/v1';
import { IMAGE_TOOLS, imageFamily } from '../../../cluster';
import { BUILTINS, shellBuiltins } from '../../builtins';
import { Interpreter } from '../../interpreter';
import type { CommandFn, CommandIO, PodShellContext, ShellEnv } from '../../io';
import { makeCurl, makeDig, makeNslookup, makeWget } from '../../net-tools';
import { normalizePath } from '../../vfs';
import { loadContainerFs, saveContainerFs } from './container-fs';

const CURL_VERSION: Record<string, string> = { curl: '8.15.0', nginx: '7.88.1', 'kubetm-app': '7.64.0', 'kubetm-init': '7.64.0' };

/** Tools of the container's image (busybox applets, curl, ...); undefined for an unknown image. */
export function toolsOf(container: Container): Set<string> {
  const family = container.image ? imageFamily(container.image) : undefined;
  return new Set(family ? IMAGE_TOOLS[family] : ['sh']);
}

/** The Kubernetes service environment variables the kubelet injects (only `kubernetes` here). */
function podEnv(pod: Pod, container: Container): Map<string, string> {
  const hostname = pod.spec?.hostname ?? pod.metadata?.name ?? '';
  const vars = new Map<string, string>([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', hostname], ['HOME', '/root'],
    ['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_SERVICE_PORT', '443'], ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
    ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'], ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
    ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'], ['KUBERNETES_PORT_443_TCP_PORT', '443'], ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
  ]);
  for (const e of container.env ?? []) if (e.value !== undefined) vars.set(e.name, e.value);
  return vars;
}

/** Commands every POSIX shell has built in (`cd`, `exit`, `export`, ...), available wherever the image has a shell. */
const SHELL_BUILTINS = ['cd', 'exit', 'export', 'unset', 'pwd', 'echo', 'printf', 'true', 'false', 'read', 'test', '[', 'set', 'type', 'alias', 'unalias', 'shift', 'return', 'local'];

interface ContainerShell { interp: Interpreter; env: ShellEnv; vfs: ReturnType<typeof loadContainerFs>; commands: Map<string, CommandFn> }

/** A fresh interpreter over the container's filesystem whose command table is the image's tools. */
function containerShell(outer: ShellEnv, pod: Pod, container: Container, tools: Set<string>, cwd = '/', vars?: Record<string, string>): ContainerShell {
  const vfs = loadContainerFs(outer.cluster, pod, container);
  const env: ShellEnv = {
    cluster: outer.cluster, vfs, home: '/root', cwd, vars: vars ? new Map(Object.entries(vars)) : podEnv(pod, container), history: [], sleep: outer.sleep,
    resolve: (p: string) => normalizePath(p, env.cwd, '/root'),
  };
  const origin = () => ({ pod });
  const family = container.image ? imageFamily(container.image) : undefined;
  const extra: Record<string, CommandFn> = {
    hostname: ({ argv: a, io: o }) => { o.stdout(`${a[1] === '-i' ? pod.status?.podIP ?? '' : env.vars.get('HOSTNAME')}\n`); return 0; },
    curl: makeCurl(origin, CURL_VERSION[family ?? ''] ?? '8.5.0'),
    wget: makeWget(origin),
    nslookup: makeNslookup(origin, family === 'busybox' ? 'busybox' : 'bind'),
    dig: makeDig(origin),
  };
  const commands = new Map<string, CommandFn>();
  const hasShell = ['sh', 'bash', 'ash'].some((s) => tools.has(s));
  for (const name of [...tools, ...(hasShell ? SHELL_BUILTINS : [])]) {
    const fn = extra[name] ?? BUILTINS[name];
    if (fn && !commands.has(name)) commands.set(name, fn);
  }
  const interp = new Interpreter(env, commands);
  const shells = shellBuiltins(interp);
  for (const [name, fn] of Object.entries(shells)) {
    if (['sh', 'bash', 'ash'].includes(name)) { if (tools.has(name)) commands.set(name, fn); } else if (!commands.has(name)) commands.set(name, fn);
  }
  if (tools.has('ash') && tools.has('sh')) commands.set('ash', shells.sh);
  return { interp, env, vfs, commands };
}

/**
 * Runs argv inside a container: a fresh interpreter over the container's filesystem whose
 * command table is the image's tools. Files written under volume mounts go back to the
 * cluster's file store. Returns the exit status, or undefined when argv[0] is not on $PATH.
 */
export async function runInContainer(outer: ShellEnv, pod: Pod, container: Container, argv: string[], io: CommandIO,
  signal?: AbortSignal): Promise<number | undefined> {
  const tools = toolsOf(container);
  const prog = argv[0].split('/').pop()!;
  if (!tools.has(prog)) return undefined;
  const { env, vfs, commands } = containerShell(outer, pod, container, tools);
  const fn = commands.get(prog);
  if (!fn) return undefined;
  try {
    return await fn({ argv: [prog, ...argv.slice(1)], io, env, signal });
  } finally {
    saveContainerFs(outer.cluster, pod, container, vfs);
  }
}

// --- Tab completion at the in-pod prompt (used by session.complete; added by the completion work).
/** The command names and filesystem view Tab completes against inside `kubectl exec -it POD -- sh`. */
export function podShellCompletion(outer: ShellEnv, pod: Pod, container: Container, ctx: PodShellContext): { env: ShellEnv; commands: string[] } {
  const { env, commands } = containerShell(outer, pod, container, toolsOf(container), ctx.cwd, ctx.vars);
  return { env, commands: [...commands.keys()] };
}
// --- end of completion hook

/** The prompt of an interactive shell in a pod: bash `root@HOST:/dir# `, busybox ash `/dir # `, dash `# `. */
export function podShellPrompt(ctx: PodShellContext, pod: Pod | undefined, container: Container | undefined): string {
  if (ctx.shell === 'bash') {
    const host = (pod?.spec?.hostname ?? ctx.pod).slice(0, 63);
    return `root@${host}:${ctx.cwd === '/root' ? '~' : ctx.cwd}# `;
  }
  const family = container?.image ? imageFamily(container.image) : undefined;
  return family === 'busybox' || family === 'curl' ? `${ctx.cwd === '/root' ? '~' : ctx.cwd} # ` : '# ';
}

/**
 * One line typed at an interactive in-pod shell (`kubectl exec -it POD -- sh`): runs it with the
 * image's tools, keeping the shell's directory and variables in `ctx` between lines. `exited` is
 * set when the line ran the shell's `exit`.
 */
export async function runPodShellLine(outer: ShellEnv, pod: Pod, container: Container, ctx: PodShellContext, line: string,
  write: (chunk: string) => void, signal?: AbortSignal): Promise<{ status: number; exited: boolean }> {
  const tools = toolsOf(container);
  const { interp, env, vfs, commands } = containerShell(outer, pod, container, tools, ctx.cwd, ctx.vars);
  interp.status = ctx.status ?? 0;
  let exited = false;
  const exit = commands.get('exit')!;
  commands.set('exit', (c) => { exited = true; return exit(c); });
  commands.set('logout', (c) => { exited = true; return exit({ ...c, argv: ['exit'] }); });
  // Messages of the shell itself name it as the image's shell does (`sh: foo: not found`).
  const name = ctx.shell === 'bash' ? 'bash' : 'sh';
  const err = name === 'bash' ? write : (c: string) => write(c.replace(/^bash: ([^:\n]+): command not found$/gm, 'sh: $1: not found'));
  try {
    const status = await interp.runText(`${line}\n`, write, err, signal);
    ctx.cwd = env.cwd;
    ctx.vars = Object.fromEntries(env.vars);
    ctx.status = status;
    return { status, exited };
  } finally {
    saveContainerFs(outer.cluster, pod, container, vfs);
  }
}
