import { IncompleteInput, ShellSyntaxError, type Pipeline, type Script, type SimpleCommand } from './parser/ast';
import { expandHeredoc, expandWord, expandWords, type ExpandContext } from './parser/expand';
import { parseScript } from './parser/parser';
import { ExitRequest, type CommandFn, type CommandIO, type ShellEnv } from './io';
import { VFS_MESSAGES, VfsError } from './vfs';
import { globPaths } from './glob';

type Writer = (chunk: string) => void;

/**
 * Executes parsed command lines: lists, && / ||, pipelines (run in sequence with
 * buffered pipes), redirections, here-documents, assignments and `$?`.
 */
export class Interpreter {
  status = 0;

  constructor(private env: ShellEnv, private commands: Map<string, CommandFn>) {}

  /** Parses and runs a command line; syntax errors print like bash and give status 2. */
  async runText(text: string, out: Writer, err: Writer, signal?: AbortSignal): Promise<number> {
    let script: Script;
    try {
      script = parseScript(text);
    } catch (e) {
      if (e instanceof ShellSyntaxError) err(`bash: ${e.message}\n`);
      else if (e instanceof IncompleteInput) err('bash: syntax error: unexpected end of file\n');
      else throw e;
      return (this.status = 2);
    }
    try {
      return await this.runScript(script, { stdin: '', stdout: out, stderr: err, stdoutIsTTY: true }, signal);
    } catch (e) {
      if (e instanceof ExitRequest) return (this.status = e.status);
      throw e;
    }
  }

  async runScript(script: Script, io: CommandIO, signal?: AbortSignal): Promise<number> {
    for (const item of script.items) {
      if (signal?.aborted) return (this.status = 130);
      let status = await this.runPipeline(item.andOr.first, io, signal);
      for (const next of item.andOr.rest) {
        if ((next.op === '&&') !== (status === 0)) continue;
        status = await this.runPipeline(next.pipeline, io, signal);
      }
    }
    return this.status;
  }

  private async runPipeline(p: Pipeline, io: CommandIO, signal?: AbortSignal): Promise<number> {
    let stdin = io.stdin;
    let status = 0;
    for (let i = 0; i < p.commands.length; i++) {
      const last = i === p.commands.length - 1;
      let piped = '';
      const cmdIO: CommandIO = last ? { ...io, stdin } : {
        stdin, stdout: (c) => { piped += c; }, stderr: io.stderr, stdoutIsTTY: false,
      };
      status = await this.runCommand(p.commands[i], cmdIO, signal);
      stdin = piped;
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    return (this.status = status);
  }

  expandContext(io: CommandIO, signal?: AbortSignal): ExpandContext {
    return {
      home: this.env.home,
      getVar: (name) => (name === '?' ? String(this.status) : name === '$' ? '4242' : name === '0' ? 'bash' : this.env.vars.get(name)),
      setVar: (name, value) => { this.env.vars.set(name, value); },
      runSubst: async (source) => {
        let captured = '';
        const sub = parseScript(source);
        await this.runScript(sub, { stdin: '', stdout: (c) => { captured += c; }, stderr: io.stderr, stdoutIsTTY: false }, signal);
        return captured;
      },
      glob: (pattern) => globPaths(this.env.vfs, this.env.cwd, pattern),
    };
  }

  private async runCommand(cmd: SimpleCommand, io: CommandIO, signal?: AbortSignal): Promise<number> {
    const ctx = this.expandContext(io, signal);
    const argv = await expandWords(cmd.words, ctx);
    const assigns: [string, string][] = [];
    for (const a of cmd.assigns) assigns.push([a.name, await expandWord(a.value, ctx)]);
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.env.vars.set(k, v);
    }
    const fds: { in: string; out: Writer; err: Writer; tty: boolean } = { in: io.stdin, out: io.stdout, err: io.stderr, tty: io.stdoutIsTTY };
    const files: { path: string; text: string; append: boolean }[] = [];
    try {
      for (const r of cmd.redirects) {
        if (r.heredoc) {
          fds.in = r.heredoc.expand ? await expandHeredoc(r.heredoc.body, ctx) : r.heredoc.body;
          continue;
        }
        const target = await expandWord(r.target, ctx);
        if (r.op === '<<<') { fds.in = `${target}\n`; continue; }
        if ((r.op === '>&' || r.op === '<&') && /^\d+$/.test(target)) {
          const src = target === '1' ? fds.out : target === '2' ? fds.err : undefined;
          if (!src) { io.stderr(`bash: ${target}: Bad file descriptor\n`); return (this.status = 1); }
          if (r.fd === 2) fds.err = src; else if (r.fd === 1) { fds.out = src; fds.tty = src === io.stdout && io.stdoutIsTTY; }
          continue;
        }
        const path = this.env.resolve(target);
        if (r.op === '<') { fds.in = this.env.vfs.read(path); continue; }
        const append = r.op === '>>' || r.op === '&>>';
        if (!append) this.env.vfs.write(path, '');
        else if (!this.env.vfs.exists(path)) this.env.vfs.write(path, '');
        const file = { path, text: '', append: true };
        files.push(file);
        const writer: Writer = (c) => { file.text += c; };
        if (r.fd === 1 || r.op.startsWith('&')) { fds.out = writer; fds.tty = false; }
        if (r.fd === 2 || r.op.startsWith('&')) fds.err = writer;
      }
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      const shown = cmd.redirects.length ? await expandWord(cmd.redirects[cmd.redirects.length - 1].target, ctx) : e.path;
      io.stderr(`bash: ${shown}: ${VFS_MESSAGES[e.why]}\n`);
      return (this.status = 1);
    }
    if (argv.length === 0) {
      this.flush(files);
      return (this.status = 0);
    }
    const name = argv[0];
    const fn = this.commands.get(name);
    let status: number;
    if (!fn) {
      fds.err(`bash: ${name}: command not found\n`);
      status = 127;
    } else {
      const saved = assigns.map(([k]) => [k, this.env.vars.get(k)] as const);
      for (const [k, v] of assigns) this.env.vars.set(k, v);
      try {
        status = await fn({ argv, io: { stdin: fds.in, stdout: fds.out, stderr: fds.err, stdoutIsTTY: fds.tty }, env: this.env, signal });
      } finally {
        for (const [k, v] of saved) if (v === undefined) this.env.vars.delete(k); else this.env.vars.set(k, v);
        this.flush(files);
      }
    }
    return (this.status = status);
  }

  private flush(files: { path: string; text: string; append: boolean }[]): void {
    for (const f of files) this.env.vfs.write(f.path, f.text, f.append);
  }
}
