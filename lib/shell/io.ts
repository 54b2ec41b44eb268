import type { Cluster } from '../cluster';
import type { Vfs } from './vfs';

/** Where a command's streams go. `stdin` is fully buffered (pipes run in sequence). */
export interface CommandIO {
  stdin: string;
  stdout(chunk: string): void;
  stderr(chunk: string): void;
  /** True when stdout is the terminal (not a pipe or file), e.g. for `ls` columns. */
  stdoutIsTTY: boolean;
}

/** What a command can reach of the session. */
export interface ShellEnv {
  readonly cluster: Cluster;
  readonly vfs: Vfs;
  cwd: string;
  readonly home: string;
  readonly vars: Map<string, string>;
  readonly history: string[];
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Absolute path for a user-typed path. */
  resolve(path: string): string;
}

export interface CommandContext {
  argv: string[];
  io: CommandIO;
  env: ShellEnv;
  signal?: AbortSignal;
}

export type CommandFn = (ctx: CommandContext) => Promise<number> | number;

/** Thrown by `exit` to stop the current command line. */
export class ExitRequest extends Error {
  constructor(readonly status: number) {
    super('exit');
  }
}
