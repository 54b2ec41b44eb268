import type { Cluster } from '../cluster';
import { BUILTINS, shellBuiltins } from './builtins';
import { completeLine, type Completion } from './complete';
import { Interpreter } from './interpreter';
import type { CommandFn, ShellEnv } from './io';
import { kubectl } from './kubectl';
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
  };
  const inHome = (p: string) => normalizePath(p, HOME, HOME);
  const underHome = (p: string) => p.startsWith(`${HOME}/`);
  const commands = new Map<string, CommandFn>(Object.entries(BUILTINS));
  commands.set('kubectl', kubectl);
  const interp = new Interpreter(env, commands);
  for (const [name, value] of Object.entries(state?.aliases ?? {})) interp.aliases.set(name, value);
  for (const [name, fn] of Object.entries(shellBuiltins(interp))) commands.set(name, fn);

  const session: ShellSession = {
    cluster,
    prompt: () => {
      const where = env.cwd === HOME ? '~' : env.cwd.startsWith(`${HOME}/`) ? `~${env.cwd.slice(HOME.length)}` : env.cwd;
      return `root@${HOSTNAME}:${where}# `;
    },
    continuationPrompt: () => '> ',
    isComplete: isCompleteInput,
    async run(text, io) {
      const line = text.replace(/\n+$/, '');
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
    complete: (line, cursor) => completeLine(env, [...commands.keys(), ...interp.functions.keys(), ...interp.aliases.keys()], line, cursor, interp.aliases),
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
