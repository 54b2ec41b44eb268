import type { Cluster } from '../cluster';
import type { Vfs } from './vfs';

/** Where a command's streams go. `stdin` is fully buffered (pipes run in sequence). */
export interface CommandIO {
  stdin: string;
  stdout(chunk: string): void;
  stderr(chunk: string): void;
  /** True when stdout is the terminal (not a pipe or file), e.g. for `ls` columns. */
  stdoutIsTTY: boolean;
  /**
   * The stream behind `stdin`, shared by the commands of a loop body so `read` consumes it line by
   * line (`stdin` is then the unread rest).
   */
  input?: { text: string; pos: number };
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
  /** Opens a file in the web lab's editor pane (absent in kubesim and tests: `vi` then only points there). */
  openEditor?(path: string): void;
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

/** Thrown by `break`/`continue`; caught by the enclosing loop(s). */
export class LoopControl extends Error {
  constructor(readonly kind: 'break' | 'continue', public levels: number) {
    super(kind);
  }
}

/** Thrown by `return` inside a function. */
export class ReturnRequest extends Error {
  constructor(readonly status: number) {
    super('return');
  }
}
