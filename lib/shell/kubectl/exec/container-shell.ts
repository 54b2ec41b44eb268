import type { Container, Pod } from 'kubernetes-types/core/v1';
import { IMAGE_TOOLS, imageFamily } from '../../../cluster';
import { BUILTINS, shellBuiltins } from '../../builtins';
import { Interpreter } from '../../interpreter';
import type { CommandFn, CommandIO, ShellEnv } from '../../io';
import { makeCurl, makeNslookup, makeWget } from '../../net-tools';
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
  const vfs = loadContainerFs(outer.cluster, pod, container);
  const env: ShellEnv = {
    cluster: outer.cluster, vfs, home: '/root', cwd: '/', vars: podEnv(pod, container), history: [], sleep: outer.sleep,
    resolve: (p: string) => normalizePath(p, env.cwd, '/root'),
  };
  const origin = () => ({ pod });
  const family = container.image ? imageFamily(container.image) : undefined;
  const extra: Record<string, CommandFn> = {
    hostname: ({ argv: a, io: o }) => { o.stdout(`${a[1] === '-i' ? pod.status?.podIP ?? '' : env.vars.get('HOSTNAME')}\n`); return 0; },
    curl: makeCurl(origin, CURL_VERSION[family ?? ''] ?? '8.5.0'),
    wget: makeWget(origin),
    nslookup: makeNslookup(origin, family === 'busybox' ? 'busybox' : 'bind'),
  };
  const commands = new Map<string, CommandFn>();
  for (const name of tools) {
    const fn = extra[name] ?? BUILTINS[name];
    if (fn) commands.set(name, fn);
  }
  const interp = new Interpreter(env, commands);
  const shells = shellBuiltins(interp);
  for (const [name, fn] of Object.entries(shells)) {
    if (['sh', 'bash', 'ash'].includes(name)) { if (tools.has(name)) commands.set(name, fn); } else if (!commands.has(name)) commands.set(name, fn);
  }
  if (tools.has('ash') && tools.has('sh')) commands.set('ash', shells.sh);
  const fn = commands.get(prog);
  if (!fn) return undefined;
  try {
    return await fn({ argv: [prog, ...argv.slice(1)], io, env, signal });
  } finally {
    saveContainerFs(outer.cluster, pod, container, vfs);
  }
}
