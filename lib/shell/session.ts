import type { Cluster } from '../cluster';
import { BUILTINS, shellBuiltins } from './builtins';
import { completeLine, type Completion } from './complete';
import { Interpreter } from './interpreter';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { CommandFn, PodShellContext, PortForward, ShellEnv } from './io';
import { kubectl } from './kubectl';
import { editSaved, EDIT_DIR } from './kubectl/edit';
import { podShellCompletion, podShellPrompt, runPodShellLine } from './kubectl/exec/container-shell';
import { finishAttach } from './kubectl/run-attach';
import { isCompleteInput } from './parser/parser';
import { normalizePath, Vfs } from './vfs';

/** Everything the shell keeps between commands (JSON). */
export interface ShellState {
  v: 1;
  cwd: string;
  env: Record<string, string>;
  files: Record<string, string>;
  dirs: string[];
  history: string[];
  /** `alias` definitions (absent in older snapshots). */
  aliases?: Record<string, string>;
}

export interface ShellOptions {
  cluster: Cluster;
  state?: ShellState;
  /** How `sleep` and kubectl waits pass time; default advances the cluster clock instantly. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The web lab's editor pane: `vi`/`nano`/`vim FILE` open FILE there (absolute path under /root). */
  openEditor?: (path: string) => void;
}

/** A file of the home directory as the editor pane lists it. */
export interface HomeFile {
  /** Absolute, normalised path under /root. */
  path: string;
  /** Size in bytes (UTF-8). */
  size: number;
}

export interface ShellSession {
  prompt(): string;
  continuationPrompt(): string;
  isComplete(text: string): boolean;
  run(text: string, io: { write(chunk: string): void; signal?: AbortSignal }): Promise<number>;
  exec(text: string): Promise<{ output: string; exitCode: number }>;
  snapshot(): ShellState;
  /** Bash-style completion of the word before `cursor` (commands, kubectl verbs/types/names/flags, files). */
  complete(line: string, cursor: number): Completion;
  /** Every file under the home directory, sorted by path (the editor pane's file list). */
  listFiles(): HomeFile[];
  /** A file's content, or null when `path` is not a file (relative paths resolve against /root). */
  readFile(path: string): string | null;
  /** Writes a file under the home directory, creating missing parent directories (throws VfsError). */
  writeFile(path: string, content: string): void;
  /**
   * The editor pane saved `path` (after writeFile): a `kubectl edit` buffer is applied; returns
   * what kubectl prints for it ('' for other files).
   */
  onFileSaved(path: string): string;
  /**
   * The pod whose interactive shell (`kubectl exec -it POD -- sh`) receives the typed lines, or
   * null on the master. Not kept in snapshots: a restored session starts on the master, as a
   * dropped connection ends a real `kubectl exec`.
   */
  context(): { namespace: string; pod: string; container: string } | null;
  readonly cluster: Cluster;
}

const HOME = '/root';
const HOSTNAME = 'k8s-master';
const HISTORY_LIMIT = 1000;

const DEFAULT_ENV: Record<string, string> = {
  HOME, HOSTNAME, USER: 'root', LOGNAME: 'root', SHELL: '/bin/bash', TERM: 'xterm-256color', LANG: 'C.UTF-8',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', PWD: HOME,
};

export function createShell(opts: ShellOptions): ShellSession {
  const { cluster } = opts;
  const state = opts.state;
  const vfs = new Vfs(state && { files: state.files, dirs: state.dirs });
  const baseSleep = opts.sleep ?? (async (ms: number, signal?: AbortSignal) => {
    if (!signal?.aborted) cluster.advanceBy(ms);
  });
  // Anything that sleeps (sleep, watch, kubectl waits) resets the busy-loop budget.
  const sleep = async (ms: number, signal?: AbortSignal) => {
    interp.guard.noteSleep();
    await baseSleep(ms, signal);
    interp.guard.noteSleep();
  };
  const env: ShellEnv = {
    cluster, vfs, home: HOME, sleep,
    cwd: state?.cwd ?? HOME,
    vars: new Map(Object.entries(state?.env ?? DEFAULT_ENV)),
    history: [...(state?.history ?? [])],
    resolve: (p: string) => normalizePath(p, env.cwd, HOME),
    openEditor: opts.openEditor,
    enterPod: (ctx) => { podShell = ctx; },
    forwards: new Map<number, PortForward>(),
  };
  let podShell: PodShellContext | null = null;
  const inHome = (p: string) => normalizePath(p, HOME, HOME);
  const underHome = (p: string) => p.startsWith(`${HOME}/`);
  const commands = new Map<string, CommandFn>(Object.entries(BUILTINS));
  commands.set('kubectl', kubectl);
  // Background jobs exist only for `kubectl port-forward ... &` (the one command that detaches).
  const jobLines = () => {
    const jobs = new Map<number, string>();
    for (const [local, f] of env.forwards!) if (f.job !== undefined) jobs.set(f.job, `${jobs.get(f.job) ?? `kubectl port-forward pod/${f.pod}`} ${local}:${f.port}`);
    return jobs;
  };
  commands.set('jobs', ({ io }) => {
    const jobs = [...jobLines()].sort((a, b) => a[0] - b[0]);
    jobs.forEach(([n, cmd], i) => io.stdout(`[${n}]${i === jobs.length - 1 ? '+' : i === jobs.length - 2 ? '-' : ' '}  Running                 ${cmd} &\n`));
    return 0;
  });
  commands.set('kill', ({ argv, io }) => {
    const targets = argv.slice(1).filter((a) => !/^-(\d+|[A-Z]+|s)$/.test(a));
    if (targets.length === 0) { io.stderr('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n'); return 2; }
    let status = 0;
    for (const t of targets) {
      const m = /^%(\d+)$/.exec(t) ?? (/^\d+$/.test(t) ? [t, String(Number(t) - 4300)] : null);
      const job = m ? Number(m[1]) : NaN;
      const cmd = jobLines().get(job);
      if (cmd === undefined) { io.stderr(`bash: kill: ${t}: ${t.startsWith('%') ? 'no such job' : /^\d+$/.test(t) ? '(' + t + ') - No such process' : 'arguments must be process or job IDs'}\n`); status = 1; continue; }
      for (const [local, f] of [...env.forwards!]) if (f.job === job) env.forwards!.delete(local);
      io.stdout(`[${job}]+  Terminated              ${cmd}\n`);
    }
    return status;
  });
  const interp = new Interpreter(env, commands);
  for (const [name, value] of Object.entries(state?.aliases ?? {})) interp.aliases.set(name, value);
  for (const [name, fn] of Object.entries(shellBuiltins(interp))) commands.set(name, fn);

  const target = (ctx: PodShellContext): { pod?: Pod; container?: Container } => {
    const pod = cluster.get<Pod>('Pod', ctx.namespace, ctx.pod);
    return { pod, container: pod?.spec?.containers?.find((c) => c.name === ctx.container) };
  };
  /**
   * Leaves the in-pod shell: kubectl's closing words for exec, or for an attached `run -it` whose
   * shell is the container's main process: it exits with the shell's status and the attach ends
   * as kubectl run ends it (run-attach.ts finishAttach).
   */
  const leavePod = async (ctx: PodShellContext, status: number, io: { write(c: string): void; signal?: AbortSignal }): Promise<number> => {
    podShell = null;
    if (ctx.run) {
      cluster.exitContainer(ctx.namespace, ctx.pod, ctx.container, status);
      return (interp.status = await finishAttach({
        cluster, namespace: ctx.namespace, pod: ctx.pod, container: ctx.container, tty: ctx.run.tty, rm: ctx.run.rm,
        policy: ctx.run.policy, quiet: ctx.run.quiet, wait: (ms) => sleep(ms, io.signal), signal: io.signal, out: io.write, err: io.write,
      }));
    }
    if (status !== 0) io.write(`command terminated with exit code ${status}\n`);
    return (interp.status = status);
  };
  const runInPod = async (ctx: PodShellContext, line: string, io: { write(chunk: string): void; signal?: AbortSignal }): Promise<number> => {
    cluster.advanceTo(cluster.now());
    const { pod, container } = target(ctx);
    const index = pod?.spec?.containers?.findIndex((c) => c.name === ctx.container) ?? -1;
    if (!pod || !container || pod.metadata?.deletionTimestamp || !pod.status?.containerStatuses?.[index]?.state?.running) {
      // The container went away under the shell: the stream closes as the runtime kills it.
      return leavePod({ ...ctx, run: undefined }, 137, io);
    }
    const r = await runPodShellLine(env, pod, container, ctx, line, io.write, io.signal);
    return r.exited ? leavePod(ctx, r.status, io) : (interp.status = r.status);
  };

  const session: ShellSession = {
    cluster,
    context: () => (podShell ? { namespace: podShell.namespace, pod: podShell.pod, container: podShell.container } : null),
    onFileSaved: (p) => {
      const path = inHome(p);
      if (!path.startsWith(`${EDIT_DIR}/`) || !vfs.isFile(path)) return '';
      let out = '';
      editSaved(env, path, (c) => { out += c; });
      return out;
    },
    prompt: () => {
      if (podShell) {
        const { pod, container } = target(podShell);
        return podShellPrompt(podShell, pod, container);
      }
      const where = env.cwd === HOME ? '~' : env.cwd.startsWith(`${HOME}/`) ? `~${env.cwd.slice(HOME.length)}` : env.cwd;
      return `root@${HOSTNAME}:${where}# `;
    },
    continuationPrompt: () => '> ',
    isComplete: isCompleteInput,
    async run(text, io) {
      const line = text.replace(/\n+$/, '');
      if (podShell) {
        if (line.trim() === '') return interp.status;
        try {
          return await runInPod(podShell, line, io);
        } catch (e) {
          io.write(`kubelab: internal error: ${(e as Error).message}\n`);
          return (interp.status = 1);
        }
      }
      if (line.trim() === '') return interp.status;
      env.history.push(line);
      if (env.history.length > HISTORY_LIMIT) env.history.splice(0, env.history.length - HISTORY_LIMIT);
      try {
        return await interp.runText(`${line}\n`, io.write, io.write, io.signal);
      } catch (e) {
        // Whatever a learner types must not take the session down.
        io.write(`kubelab: internal error: ${(e as Error).message}\n`);
        return (interp.status = 1);
      }
    },
    async exec(text) {
      let output = '';
      const exitCode = await session.run(text, { write: (c) => { output += c; } });
      return { output, exitCode };
    },
    complete: (line, cursor) => {
      if (podShell) {
        // Inside `kubectl exec -it POD -- sh`: the image's commands and the container's files.
        const { pod, container } = target(podShell);
        if (!pod || !container) return { replaceFrom: cursor, candidates: [] };
        const inPod = podShellCompletion(env, pod, container, podShell);
        return completeLine(inPod.env, inPod.commands, line, cursor, undefined, { kubectl: false });
      }
      return completeLine(env, [...commands.keys(), ...interp.functions.keys(), ...interp.aliases.keys()], line, cursor, interp.aliases);
    },
    listFiles: () =>
      Object.keys(vfs.toJSON().files)
        .filter((p) => p.startsWith(`${HOME}/`))
        .map((path) => ({ path, size: vfs.size(path) })),
    readFile: (p) => {
      const path = inHome(p);
      return underHome(path) && vfs.isFile(path) ? vfs.read(path) : null;
    },
    writeFile: (p, content) => {
      const path = inHome(p);
      if (!underHome(path)) throw new Error(`${p}: outside ${HOME}`);
      const parent = path.slice(0, path.lastIndexOf('/')) || '/';
      if (!vfs.isDir(parent)) vfs.mkdir(parent, true);
      vfs.write(path, content);
    },
    snapshot: () => {
      const fs = vfs.toJSON();
      const snap: ShellState = { v: 1, cwd: env.cwd, env: Object.fromEntries(env.vars), files: fs.files, dirs: fs.dirs, history: [...env.history] };
      if (interp.aliases.size) snap.aliases = Object.fromEntries(interp.aliases);
      return snap;
    },
  };
  return session;
}
