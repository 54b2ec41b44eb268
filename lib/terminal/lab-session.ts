import { createCluster, restoreCluster, type Cluster } from '@/lib/cluster';
import { createShell, type ShellSession } from '@/lib/shell';
import { changedHomeFiles } from './home-files';
import { createStartingLab, labText, parseSavedLab, type LabSnapshot } from './lab-setup';
import { LineEditor } from './line-editor';
import type { LabFileInfo, ServerMessage } from './protocol';
import { formatSkip, GREETING, toCrlf } from './terminal-text';

export type { LabSnapshot } from './lab-setup';
export { toCrlf } from './terminal-text';

/** Where labs are kept between commands; server.ts wires it to lib/db. */
export interface LabStore {
  load(userId: string, labKey: string): Promise<string | null>;
  save(userId: string, labKey: string, data: string): Promise<void>;
  /** Forgets the saved lab ("실습 초기화"). */
  delete(userId: string, labKey: string): Promise<void>;
}

export type Sink = (message: ServerMessage) => void;

export interface LabSessionOptions {
  userId: string;
  labKey: string;
  store: LabStore;
  /** Current wall-clock time; the lab's simulated clock follows it. */
  now?: () => number;
  /**
   * Called when the lab changed: after a command that changed it was saved, and when simulated
   * time moved objects on while a terminal is attached (live status hooks in here).
   */
  onMutated?: (session: LabSession) => void;
  /** lab.yaml `setup` of a lab (its starting state), run when the lab is created fresh. */
  labSetup?: (labKey: string) => Promise<string[]>;
  /** Ignore any saved lab and start from the starting state (reset). */
  fresh?: boolean;
}

/**
 * One learner's lab: a simulated cluster, a shell over it, and a server-side line editor, shared
 * by every socket the learner has open on it. Commands run one at a time; input typed meanwhile
 * is queued like a tty's type-ahead, and Ctrl-C interrupts the running command.
 */
export class LabSession {
  readonly userId: string;
  readonly labKey: string;
  readonly restored: boolean;
  private readonly sinks = new Set<Sink>();
  private readonly editor: LineEditor;
  private readonly shell: ShellSession;
  private readonly wallNow: () => number;
  /** Simulated time the learner skipped ahead (the fast-forward control); persisted. */
  private skewMs: number;
  private pending = '';
  private started = false;
  private clockTimer: ReturnType<typeof setTimeout> | undefined;
  private running: AbortController | null = null;
  private lastSaved: string;
  private disposed = false;

  private constructor(private readonly opts: LabSessionOptions, saved: LabSnapshot | null, restored: boolean) {
    this.userId = opts.userId;
    this.labKey = opts.labKey;
    this.wallNow = opts.now ?? Date.now;
    this.skewMs = Math.max(0, saved?.skewMs ?? 0);
    this.restored = restored;
    const cluster = saved ? restoreCluster(saved.cluster) : createCluster({ now: this.now() });
    this.shell = createShell({
      cluster,
      state: saved?.shell,
      sleep: (ms, signal) => this.sleep(ms, signal),
      openEditor: (path) => this.broadcast({ t: 'open-editor', path }),
    });
    this.editor = new LineEditor(
      {
        write: (d) => this.broadcast({ t: 'out', d }),
        onLine: (line) => this.onLine(line),
        onInterrupt: () => this.onInterrupt(),
        onBreak: () => this.running?.abort(),
        // Ctrl-D on an empty line leaves an in-pod shell (on the master there is nothing to log out of).
        onEof: () => {
          if (!this.shell.context()) return;
          this.broadcast({ t: 'out', d: 'exit\r\n' });
          this.onLine('exit');
        },
        complete: (line, cursor) => this.shell.complete(line, cursor),
      },
      saved?.lines ?? [],
    );
    this.lastSaved = restored ? this.text() : '';
    this.syncClock();
  }

  static async open(opts: LabSessionOptions): Promise<LabSession> {
    const raw = opts.fresh ? null : await opts.store.load(opts.userId, opts.labKey);
    const saved = parseSavedLab(raw);
    if (saved) {
      try {
        return new LabSession(opts, saved, true);
      } catch (err) {
        // A damaged cluster text (parseSavedLab reads only the lab's header): a fresh lab, as for damaged JSON.
        console.warn(`[lab ${opts.labKey}] saved lab could not be restored: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const setup = (await opts.labSetup?.(opts.labKey)) ?? [];
    let start: LabSnapshot | null = null;
    if (setup.length > 0) {
      const built = await createStartingLab(setup, (opts.now ?? Date.now)());
      for (const f of built.failures) console.warn(`[lab ${opts.labKey}] setup command failed (${f.exitCode}): ${f.command}\n${f.output}`);
      start = built.snapshot;
    }
    const session = new LabSession(opts, start, false);
    await session.persist();
    return session;
  }

  get cluster(): Cluster {
    return this.shell.cluster;
  }

  /**
   * Changes whenever the lab's state changes: an object in the cluster (its revision) or a file
   * written inside a container (`kubectl exec ... > file`), which live status must also see.
   */
  get stateVersion(): string {
    return `${this.cluster.revision}/${this.cluster.files.version}`;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  get connections(): number {
    return this.sinks.size;
  }

  /** Attaches a terminal; `notice` is a line shown under the greeting (e.g. after a reset). */
  attach(sink: Sink, notice?: string): () => void {
    if (this.disposed) return () => {};
    this.sinks.add(sink);
    sink({ t: 'ready', restored: this.restored });
    // Bracketed paste on: xterm.js then marks pastes, so a pasted heredoc is not taken for typing.
    sink({ t: 'out', d: '\x1b[?2004h' + GREETING + (notice ? toCrlf(`${notice}\n`) : '') });
    if (!this.started) {
      this.started = true;
      this.editor.start(this.shell.prompt());
    } else {
      this.editor.redraw();
    }
    this.armClock();
    return () => {
      this.sinks.delete(sink);
      this.armClock();
    };
  }

  /** Sends a message to every attached terminal (e.g. live exercise status). */
  notify(message: ServerMessage): void {
    this.broadcast(message);
  }

  input(data: string): void {
    if (!this.disposed) this.editor.feed(data);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Ends this lab in memory (it was reset): interrupts the running command, stops timers, saves
   * nothing more and detaches every terminal. Returns the detached sinks.
   */
  dispose(): Sink[] {
    this.disposed = true;
    this.running?.abort();
    clearTimeout(this.clockTimer);
    this.clockTimer = undefined;
    const sinks = [...this.sinks];
    this.sinks.clear();
    return sinks;
  }

  resize(cols: number): void {
    this.editor.setColumns(cols);
  }

  /** Runs a whole command (used by "run in terminal" buttons and tests) as if typed. */
  type(text: string): void {
    this.editor.feed(`\x1b[200~${text}\x1b[201~\r`);
  }

  /** The lab as it is saved (lab-setup.ts's labText). */
  private text(): string {
    return labText({ shell: this.shell.snapshot(), lines: this.editor.getHistory(), skewMs: this.skewMs }, this.cluster.snapshotText());
  }

  /** The lab's wall clock: real time plus whatever the learner fast-forwarded. */
  private now(): number {
    return this.wallNow() + this.skewMs;
  }

  /**
   * Fast-forwards simulated time (the lesson's "시간 빨리 감기"): runs the controller work due in
   * the next `seconds`, keeps the lab that far ahead of the wall clock from now on, saves it and
   * prints a one-line notice above the prompt. Returns false when the lab is gone.
   */
  async advance(seconds: number): Promise<boolean> {
    if (this.disposed) return false;
    const ms = Math.round(seconds * 1000);
    const revision = this.stateVersion;
    this.skewMs += ms;
    try {
      this.syncClock();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.broadcast({ t: 'out', d: toCrlf(`\nkubelab: internal error while time passed: ${message}\n`) });
    }
    await this.persist();
    if (this.disposed) return false;
    this.printAbovePrompt(`\x1b[2m${toCrlf(`[시뮬레이션 시간 ${formatSkip(seconds)} 경과]\n`)}\x1b[0m`);
    if (this.stateVersion !== revision) this.opts.onMutated?.(this);
    this.armClock();
    return true;
  }

  /**
   * Prints text that did not come from a command: above the prompt (the line being typed is
   * redrawn under it), or into the running command's output.
   */
  private printAbovePrompt(text: string): void {
    this.broadcast({ t: 'out', d: `${this.running ? '' : '\r\x1b[K'}${text}` });
    this.editor.redraw();
  }

  private broadcast(message: ServerMessage): void {
    for (const sink of this.sinks) sink(message);
  }

  private syncClock(): void {
    const now = this.now();
    if (now > this.cluster.now()) this.cluster.advanceTo(now);
  }

  private onInterrupt(): void {
    this.pending = '';
    this.editor.start(this.shell.prompt());
  }

  private onLine(line: string): void {
    if (this.disposed) return;
    this.pending = this.pending ? `${this.pending}\n${line}` : line;
    if (!this.shell.isComplete(this.pending)) {
      this.editor.start(this.shell.continuationPrompt());
      return;
    }
    const command = this.pending;
    this.pending = '';
    this.editor.pause();
    void this.execute(command);
  }

  private async execute(command: string): Promise<void> {
    const controller = new AbortController();
    this.running = controller;
    clearTimeout(this.clockTimer);
    let exitCode = 1;
    const revision = this.stateVersion;
    const files = this.shell.snapshot().files; // shared content strings: cheap to compare afterwards
    try {
      this.syncClock();
      exitCode = await this.shell.run(command, {
        write: (chunk) => this.broadcast({ t: 'out', d: toCrlf(chunk) }),
        signal: controller.signal,
      });
      if (controller.signal.aborted) this.broadcast({ t: 'out', d: '^C\r\n' });
    } catch (err) {
      // Nothing a learner types may take the server down: report and carry on.
      const message = err instanceof Error ? err.message : String(err);
      this.broadcast({ t: 'out', d: toCrlf(`kubelab: internal error: ${message}\n`) });
    } finally {
      this.running = null;
    }
    await this.persist();
    if (this.disposed) return;
    this.announceFileChanges(files);
    const mutated = this.stateVersion !== revision;
    this.broadcast({ t: 'done', exitCode, mutated });
    if (mutated) this.opts.onMutated?.(this);
    this.editor.start(this.shell.prompt());
    this.armClock();
  }

  /**
   * While someone watches and nothing runs, wake when the cluster has work due (a pod finishing
   * its image pull, a back-off expiring) so the page sees it without a command. No timer when
   * idle: an idle lab costs no CPU.
   */
  private armClock(): void {
    clearTimeout(this.clockTimer);
    this.clockTimer = undefined;
    if (this.sinks.size === 0 || this.running || this.disposed) return;
    const due = this.cluster.nextDueAt();
    if (due === undefined) return;
    const delay = Math.min(Math.max(0, due - this.now()), 2 ** 31 - 1);
    this.clockTimer = setTimeout(() => this.wake(), delay);
    this.clockTimer.unref?.();
  }

  private wake(): void {
    const before = this.stateVersion;
    try {
      this.syncClock();
    } catch (err) {
      // A timer callback must never take the server down: report it in the learner's terminal.
      const message = err instanceof Error ? err.message : String(err);
      this.broadcast({ t: 'out', d: toCrlf(`\nkubelab: internal error while time passed: ${message}\n`) });
      return;
    }
    if (this.stateVersion !== before) this.opts.onMutated?.(this);
    this.armClock();
  }

  /** The home directory's files (the editor pane's list). */
  listFiles(): LabFileInfo[] {
    return this.shell.listFiles();
  }

  /** A file's content, or null when there is no such file. */
  readFile(path: string): string | null {
    return this.shell.readFile(path);
  }

  /**
   * Saves a file from the editor pane, persists the lab and tells every attached terminal (other
   * browser tabs refresh their editor). Returns an error text (Korean) instead of throwing.
   */
  async writeFile(path: string, content: string): Promise<{ ok: true } | { ok: false; message: string }> {
    if (this.disposed) return { ok: false, message: '실습 환경이 초기화되었습니다. 다시 저장해 주세요.' };
    const revision = this.stateVersion;
    let said = '';
    try {
      this.shell.writeFile(path, content);
      // A `kubectl edit` buffer is applied on save; what kubectl says goes to the terminals.
      said = this.shell.onFileSaved(path);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      const message = why === 'EISDIR' ? '같은 이름의 디렉터리가 있습니다.' : why === 'ENOTDIR' ? '경로 중간에 같은 이름의 파일이 있습니다.' : why;
      return { ok: false, message: `저장하지 못했습니다: ${message}` };
    }
    await this.persist();
    this.broadcast({ t: 'fs', op: 'changed', changed: [path], files: this.listFiles() });
    if (said) {
      this.printAbovePrompt(toCrlf(said));
    }
    if (this.stateVersion !== revision) this.opts.onMutated?.(this);
    return { ok: true };
  }

  /** Tells the editor panes which home files a command created, changed or removed. */
  private announceFileChanges(before: Record<string, string>): void {
    const changed = changedHomeFiles(before, this.shell.snapshot().files);
    if (changed.length) this.broadcast({ t: 'fs', op: 'changed', changed, files: this.listFiles() });
  }

  /** Saves the lab if it changed; returns whether it did. */
  async persist(): Promise<boolean> {
    if (this.disposed) return false;
    const data = this.text();
    if (data === this.lastSaved) return false;
    try {
      await this.opts.store.save(this.userId, this.labKey, data);
      this.lastSaved = data;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.broadcast({ t: 'out', d: toCrlf(`kubelab: could not save the lab: ${message}\n`) });
      return false;
    }
    return true;
  }

  /** Real-time sleep for the web terminal: waits, then brings the simulated clock up to date. */
  private sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.syncClock();
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
