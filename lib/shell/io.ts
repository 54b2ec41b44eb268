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
  /** Makes the session's next lines run inside a pod (`kubectl exec -it POD -- sh`); absent inside pods. */
  enterPod?(ctx: PodShellContext): void;
  /** Set while a command line runs as a background job (`cmd &`); commands that would block may detach. */
  background?: boolean;
  /** Local ports forwarded by running `kubectl port-forward` jobs (the master's localhost). */
  forwards?: Map<number, PortForward>;
}

/** An interactive shell opened in a container: where the session's lines go until `exit`. */
export interface PodShellContext {
  namespace: string;
  pod: string;
  container: string;
  /** The shell program: `sh`, `ash` or `bash` (decides the prompt). */
  shell: string;
  cwd: string;
  vars?: Record<string, string>;
  status?: number;
  /** Opened by `kubectl run -it`: on exit the session ends like an attach (`--rm` deletes the pod). */
  run?: { rm: boolean; tty: boolean; policy: string; quiet?: boolean };
}

/** `kubectl port-forward`: a local port on the master that reaches a pod's port. */
export interface PortForward {
  namespace: string;
  pod: string;
  port: number;
  /** Job number when it runs in the background (`[1]`). */
  job?: number;
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
