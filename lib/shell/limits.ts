/**
 * Per-command limits. A learner's command line shares the server with everybody else's, so
 * endless loops, floods of output and deep nesting are stopped with a clear message instead of
 * blocking the event loop or growing without bound. Ctrl-C (the caller's AbortSignal) stops too.
 */
export const LIMITS = {
  /** Bytes a command line may print to the terminal. */
  outputBytes: 1024 * 1024,
  /** Bytes a command line may move through pipes, substitutions and file redirections. */
  dataBytes: 16 * 1024 * 1024,
  /** Loop iterations in a row without anything sleeping. */
  busyIterations: 50_000,
  /** Wall time without anything sleeping. */
  busyMs: 5_000,
  /** Loop iterations per command line, sleeping or not. */
  iterations: 200_000,
  /** Nesting of `$(...)`, `sh -c`, `eval`. */
  substDepth: 32,
  /** Nesting of shell function calls. */
  functionDepth: 100,
};

const yieldNow: () => Promise<void> = typeof setImmediate === 'function'
  ? () => new Promise<void>((resolve) => setImmediate(resolve))
  : () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class RunGuard {
  private readonly controller = new AbortController();
  private readonly outer?: AbortSignal;
  private readonly onOuterAbort = () => this.controller.abort();
  private outBytes = 0;
  private dataBytes = 0;
  private iterations = 0;
  private sinceSleep = 0;
  private busySince = Date.now();
  private lastChar = '\n';
  depth = 0;
  /** Set when a limit (not Ctrl-C) stopped the command. */
  limited = false;

  constructor(private readonly terminal: (chunk: string) => void, outer?: AbortSignal) {
    if (outer?.aborted) this.controller.abort();
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
    this.outer = outer;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get aborted(): boolean {
    return this.controller.signal.aborted;
  }

  dispose(): void {
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }

  /** Stops the command line with a message on the terminal. */
  stop(message: string): void {
    if (this.aborted) return;
    this.limited = true;
    this.terminal(`${this.lastChar === '\n' ? '' : '\n'}kubelab: ${message}\n`);
    this.lastChar = '\n';
    this.controller.abort();
  }

  /** Wraps a terminal writer with the output cap. */
  capTerminal(write: (chunk: string) => void): (chunk: string) => void {
    return (chunk) => {
      if (this.aborted || !chunk) return;
      const room = LIMITS.outputBytes - this.outBytes;
      const part = chunk.length > room ? chunk.slice(0, room) : chunk;
      this.outBytes += part.length;
      if (part) {
        write(part);
        this.lastChar = part[part.length - 1];
      }
      if (part.length < chunk.length) this.stop('output limit reached');
    };
  }

  /** Counts bytes moved inside the command line; false once the data cap stopped it. */
  data(length: number): boolean {
    if (this.aborted) return false;
    this.dataBytes += length;
    if (this.dataBytes > LIMITS.dataBytes) {
      this.stop('data limit reached (16 MiB per command)');
      return false;
    }
    return true;
  }

  noteSleep(): void {
    this.sinceSleep = 0;
    this.busySince = Date.now();
  }

  /** One loop iteration: enforces the loop caps and yields to the event loop. False = stop. */
  async tick(): Promise<boolean> {
    this.iterations++;
    this.sinceSleep++;
    if (this.sinceSleep > LIMITS.busyIterations || Date.now() - this.busySince > LIMITS.busyMs) {
      this.stop(`loop stopped: it ran ${this.sinceSleep} times without sleep (per-command limit; add "sleep 1" to the loop)`);
    } else if (this.iterations > LIMITS.iterations) {
      this.stop(`loop stopped: ${LIMITS.iterations} iterations (per-command limit)`);
    }
    if (this.aborted) return false;
    await yieldNow();
    return !this.aborted;
  }
}
