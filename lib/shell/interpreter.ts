import { ArithError } from './arith';
import { RegexRefused } from './builtins/regex';
import { runCompound } from './compound';
import { globPaths } from './glob';
import { ExitRequest, LoopControl, ReturnRequest, type CommandFn, type CommandIO, type ShellEnv } from './io';
import { LIMITS, RunGuard } from './limits';
import {
  IncompleteInput, NestingTooDeep, ShellSyntaxError, type Command, type CompoundCommand, type Pipeline, type Redirect, type Script, type SimpleCommand,
} from './parser/ast';
import { ExpansionError, expandHeredoc, expandWord, expandWords, type ExpandContext } from './parser/expand';
import { parseScript } from './parser/parser';
import { VFS_MESSAGES, VfsError } from './vfs';

type Writer = (chunk: string) => void;
type OpenFile = { path: string; text: string };

/**
 * Executes parsed command lines: lists, && / ||, pipelines (run in sequence with buffered
 * pipes), compound commands, redirections, here-documents, assignments and `$?`, under the
 * per-command limits of a RunGuard.
 */
export class Interpreter {
  status = 0;
  /** Limits and cancellation of the command line being run. */
  guard = new RunGuard(() => undefined);
  /** Enclosing loops (for `break`/`continue`). */
  loopDepth = 0;
  private substStatus: number | undefined;
  /** `alias name=value`: expanded in command position. */
  readonly aliases = new Map<string, string>();
  /** Shell functions by name. */
  readonly functions = new Map<string, CompoundCommand>();
  /** `$1`... of the running function (or `set --`). */
  positional: string[] = [];
  /** Function calls in progress, with the previous values of their `local` variables. */
  readonly frames: { locals: Map<string, string | undefined> }[] = [];

  constructor(readonly env: ShellEnv, readonly commands: Map<string, CommandFn>) {}

  /** Runs a command line typed at the prompt; syntax errors print like bash and give status 2. */
  async runText(text: string, out: Writer, err: Writer, signal?: AbortSignal): Promise<number> {
    const guard = new RunGuard(err, signal);
    this.guard = guard;
    this.loopDepth = 0;
    this.frames.length = 0;
    const io: CommandIO = { stdin: '', stdout: guard.capTerminal(out), stderr: guard.capTerminal(err), stdoutIsTTY: true };
    try {
      const status = await this.runSource(text, io);
      return guard.aborted ? (this.status = this.stoppedStatus()) : status;
    } catch (e) {
      if (e instanceof ExitRequest) return (this.status = e.status);
      if (e instanceof LoopControl || e instanceof ReturnRequest) return (this.status = e instanceof ReturnRequest ? e.status : 0);
      throw e;
    } finally {
      guard.dispose();
    }
  }

  /** Status after a stop: 130 for Ctrl-C, 1 when a limit ended the command line. */
  stoppedStatus(): number {
    return this.guard.limited ? 1 : 130;
  }

  /** Parses and runs shell source within the current command line (`sh -c`, `eval`, `$(...)`). */
  async runSource(text: string, io: CommandIO): Promise<number> {
    let script: Script;
    try {
      script = parseScript(text.endsWith('\n') ? text : `${text}\n`);
    } catch (e) {
      if (e instanceof ShellSyntaxError) io.stderr(`bash: ${e.message}\n`);
      else if (e instanceof IncompleteInput) io.stderr('bash: syntax error: unexpected end of file\n');
      else if (e instanceof NestingTooDeep) io.stderr(`${e.message}\n`);
      else throw e;
      return (this.status = 2);
    }
    return this.runScript(script, io);
  }

  async runScript(script: Script, io: CommandIO): Promise<number> {
    for (const item of script.items) {
      if (this.guard.aborted) return (this.status = this.stoppedStatus());
      // `cmd &`: commands run one at a time; those that would block (port-forward) detach as jobs.
      const background = this.env.background;
      if (item.background) this.env.background = true;
      try {
        let status = await this.runPipeline(item.andOr.first, io);
        for (const next of item.andOr.rest) {
          if ((next.op === '&&') !== (status === 0)) continue;
          if (this.guard.aborted) return (this.status = this.stoppedStatus());
          status = await this.runPipeline(next.pipeline, io);
        }
      } finally {
        this.env.background = background;
      }
    }
    return this.status;
  }

  /** Runs `fn` as a subshell: variable and directory changes are undone, `exit` ends only it. */
  async subshell(fn: () => Promise<number>): Promise<number> {
    const vars = new Map(this.env.vars);
    const cwd = this.env.cwd;
    const positional = this.positional;
    const loops = this.loopDepth;
    this.loopDepth = 0;
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ExitRequest) return (this.status = e.status);
      if (e instanceof LoopControl) return this.status;
      throw e;
    } finally {
      this.loopDepth = loops;
      this.positional = positional;
      this.env.vars.clear();
      for (const [k, v] of vars) this.env.vars.set(k, v);
      this.env.cwd = cwd;
    }
  }

  private async runPipeline(p: Pipeline, io: CommandIO): Promise<number> {
    let stdin = io.stdin;
    let status = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      let piped = '';
      const stage: CommandIO = i === 0 ? { ...io } : { ...io, stdin, input: { text: stdin, pos: 0 } };
      if (!last) {
        stage.stdout = (c) => { if (this.guard.data(c.length)) piped += c; };
        stage.stdoutIsTTY = false;
      }
      status = await this.runCommand(p.commands[i], stage);
      stdin = piped;
      if (this.guard.aborted) break;
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    return (this.status = status);
  }

  expandContext(io: CommandIO): ExpandContext {
    return {
      home: this.env.home,
      getVar: (name) => (name === '?' ? String(this.status) : name === '$' ? '4242' : name === '0' ? 'bash'
        : name === '#' ? String(this.positional.length) : name === '@' || name === '*' ? this.positional.join(' ')
          : /^[1-9]$/.test(name) ? this.positional[Number(name) - 1] : this.env.vars.get(name)),
      positional: () => this.positional,
      setVar: (name, value) => { this.env.vars.set(name, value); },
      runSubst: async (source) => {
        if (this.guard.depth >= LIMITS.substDepth) {
          this.guard.stop('command substitution nested too deeply');
          return '';
        }
        let captured = '';
        const sub: CommandIO = {
          stdin: '', stdoutIsTTY: false, stderr: io.stderr,
          stdout: (c) => { if (this.guard.data(c.length)) captured += c; },
        };
        this.guard.depth++;
        try {
          this.substStatus = await this.subshell(() => this.runSource(source, sub));
        } finally {
          this.guard.depth--;
        }
        return captured;
      },
      glob: (pattern) => globPaths(this.env.vfs, this.env.cwd, pattern),
    };
  }

  private async runCommand(cmd: Command, io: CommandIO): Promise<number> {
    try {
      if (cmd.type === 'simple') return await this.runSimple(cmd, io);
      const ctx = this.expandContext(io);
      const opened = await this.openRedirects(cmd.redirects, io, ctx);
      if (typeof opened === 'number') return (this.status = opened);
      try {
        return (this.status = await runCompound(this, cmd, opened.io));
      } finally {
        this.flush(opened.files);
      }
    } catch (e) {
      if (e instanceof RegexRefused) {
        io.stderr(`kubelab: ${e.message}\n`);
        return (this.status = 2);
      }
      if (!(e instanceof ArithError) && !(e instanceof ExpansionError)) throw e;
      io.stderr(`bash: ${e.message}\n`);
      return (this.status = 1);
    }
  }

  private async runSimple(cmd: SimpleCommand, io: CommandIO): Promise<number> {
    const ctx = this.expandContext(io);
    this.substStatus = undefined;
    const argv = await expandWords(cmd.words, ctx);
    const lead = cmd.words[0]?.parts;
    const alias = lead?.length === 1 && lead[0].kind === 'text' && !lead[0].quoted ? this.aliases.get(argv[0]) : undefined;
    if (alias !== undefined) argv.splice(0, 1, ...alias.split(/[ \t]+/).filter(Boolean));
    const assigns: [string, string][] = [];
    for (const a of cmd.assigns) assigns.push([a.name, await expandWord(a.value, ctx)]);
    if (this.guard.aborted) return (this.status = this.stoppedStatus());
    if (argv.length === 0) for (const [k, v] of assigns) this.env.vars.set(k, v);
    const substStatus = this.substStatus;
    const opened = await this.openRedirects(cmd.redirects, io, ctx);
    if (typeof opened === 'number') return (this.status = opened);
    const { io: cio, files } = opened;
    if (argv.length === 0) {
      this.flush(files);
      return (this.status = substStatus ?? 0);
    }
    const name = argv[0];
    const func = this.functions.get(name);
    if (func) {
      try {
        return (this.status = await this.callFunction(func, argv, cio));
      } finally {
        this.flush(files);
      }
    }
    const fn = this.commands.get(name);
    if (!fn) {
      this.flush(files);
      cio.stderr(`bash: ${name}: command not found\n`);
      return (this.status = 127);
    }
    const saved = assigns.map(([k]) => [k, this.env.vars.get(k)] as const);
    for (const [k, v] of assigns) this.env.vars.set(k, v);
    try {
      const stdin = cio.input ? cio.input.text.slice(cio.input.pos) : cio.stdin;
      return (this.status = await fn({ argv, io: { ...cio, stdin }, env: this.env, signal: this.guard.signal }));
    } finally {
      for (const [k, v] of saved) if (v === undefined) this.env.vars.delete(k); else this.env.vars.set(k, v);
      this.flush(files);
    }
  }

  /** Runs an already expanded command (for `xargs`, `command`): functions, then commands. */
  async runArgv(argv: string[], io: CommandIO): Promise<number | undefined> {
    const func = this.functions.get(argv[0]);
    if (func) return this.callFunction(func, argv, io);
    const fn = this.commands.get(argv[0]);
    if (!fn) return undefined;
    return fn({ argv, io, env: this.env, signal: this.guard.signal });
  }

  private async callFunction(body: CompoundCommand, argv: string[], io: CommandIO): Promise<number> {
    if (this.frames.length >= LIMITS.functionDepth) {
      this.guard.stop('function calls nested too deeply');
      return 1;
    }
    const positional = this.positional;
    const loops = this.loopDepth;
    const frame = { locals: new Map<string, string | undefined>() };
    this.positional = argv.slice(1);
    this.frames.push(frame);
    this.loopDepth = 0;
    try {
      return await this.runCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnRequest) return e.status;
      throw e;
    } finally {
      this.frames.pop();
      this.positional = positional;
      this.loopDepth = loops;
      for (const [k, v] of frame.locals) if (v === undefined) this.env.vars.delete(k); else this.env.vars.set(k, v);
    }
  }

  /** Applies redirections left to right; a failure prints bash's message and gives status 1. */
  private async openRedirects(redirects: Redirect[], io: CommandIO, ctx: ExpandContext): Promise<{ io: CommandIO; files: OpenFile[] } | number> {
    const out: CommandIO = { ...io };
    const files: OpenFile[] = [];
    const setInput = (text: string) => { out.stdin = text; out.input = { text, pos: 0 }; };
    let shown = '';
    try {
      for (const r of redirects) {
        if (r.heredoc) {
          setInput(r.heredoc.expand ? await expandHeredoc(r.heredoc.body, ctx) : r.heredoc.body);
          continue;
        }
        const target = await expandWord(r.target, ctx);
        shown = target;
        if (r.op === '<<<') { setInput(`${target}\n`); continue; }
        if ((r.op === '>&' || r.op === '<&') && /^\d+$/.test(target)) {
          const src = target === '1' ? out.stdout : target === '2' ? out.stderr : undefined;
          if (!src) { io.stderr(`bash: ${target}: Bad file descriptor\n`); return 1; }
          if (r.fd === 2) out.stderr = src;
          else if (r.fd === 1) { out.stdout = src; out.stdoutIsTTY = src === io.stdout && io.stdoutIsTTY; }
          continue;
        }
        if (target === '/dev/null') {
          if (r.op === '<') { setInput(''); continue; }
          const sink: Writer = () => undefined;
          if (r.fd === 1 || r.op.startsWith('&')) { out.stdout = sink; out.stdoutIsTTY = false; }
          if (r.fd === 2 || r.op.startsWith('&')) out.stderr = sink;
          continue;
        }
        const path = this.env.resolve(target);
        if (r.op === '<') { setInput(this.env.vfs.read(path)); continue; }
        const append = r.op === '>>' || r.op === '&>>';
        if (!append || !this.env.vfs.exists(path)) this.env.vfs.write(path, '');
        const file: OpenFile = { path, text: '' };
        files.push(file);
        const writer: Writer = (c) => { if (this.guard.data(c.length)) file.text += c; };
        if (r.fd === 1 || r.op.startsWith('&')) { out.stdout = writer; out.stdoutIsTTY = false; }
        if (r.fd === 2 || r.op.startsWith('&')) out.stderr = writer;
      }
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      this.flush(files);
      io.stderr(`bash: ${shown || e.path}: ${VFS_MESSAGES[e.why]}\n`);
      return 1;
    }
    return { io: out, files };
  }

  private flush(files: OpenFile[]): void {
    for (const f of files) {
      try {
        this.env.vfs.write(f.path, f.text, true);
      } catch (e) {
        if (!(e instanceof VfsError)) throw e; // the file's directory went away meanwhile
      }
    }
  }
}
