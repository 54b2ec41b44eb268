import { ArithError, evalArith } from '../arith';
import type { Interpreter } from '../interpreter';
import { ExitRequest, LoopControl, ReturnRequest, type CommandFn } from '../io';
import { LIMITS } from '../limits';
import { formatDate } from './date';

/** Bash builtins (as `type` reports them); everything else lives in /usr/bin. */
export const BASH_BUILTINS = new Set([
  'echo', 'printf', 'cd', 'pwd', 'export', 'unset', 'history', 'exit', 'true', 'false', ':', 'test', '[', '[[',
  'read', 'eval', 'source', '.', 'type', 'command', 'break', 'continue', 'let', 'logout', 'return', 'local', 'shift', 'set', 'alias', 'unalias',
]);
export const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', '{', '}', '!'];

/** Builtins that need the interpreter itself: control flow, nested shells, `watch`, `type`. */
export function shellBuiltins(sh: Interpreter): Record<string, CommandFn> {
  const loopControl = (kind: 'break' | 'continue'): CommandFn => ({ argv, io }) => {
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n) || n < 1) {
      io.stderr(`bash: ${kind}: ${argv[1]}: ${Number.isInteger(n) ? 'loop count out of range' : 'numeric argument required'}\n`);
      return 1;
    }
    if (sh.loopDepth === 0) {
      io.stderr(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    throw new LoopControl(kind, Math.min(n, sh.loopDepth));
  };

  const nested = async (source: string, io: Parameters<CommandFn>[0]['io']): Promise<number> => {
    if (sh.guard.depth >= LIMITS.substDepth) {
      sh.guard.stop('shells nested too deeply');
      return 1;
    }
    sh.guard.depth++;
    try {
      return await sh.subshell(() => sh.runSource(source, io));
    } finally {
      sh.guard.depth--;
    }
  };

  const shell: CommandFn = async ({ argv, io }) => {
    const at = argv.indexOf('-c');
    if (at < 0 || argv[at + 1] === undefined) {
      if (at >= 0) { io.stderr(`${argv[0]}: -c: option requires an argument\n`); return 2; }
      io.stderr(`kubelab: a nested interactive ${argv[0]} is not simulated; run commands directly (or use ${argv[0]} -c '...')\n`);
      return 1;
    }
    return nested(argv[at + 1], io);
  };

  const describe = (name: string): string | undefined => {
    if (sh.aliases.has(name)) return `${name} is aliased to \`${sh.aliases.get(name)}'`;
    if (KEYWORDS.includes(name)) return `${name} is a shell keyword`;
    if (sh.functions.has(name)) return `${name} is a function`;
    if (BASH_BUILTINS.has(name)) return `${name} is a shell builtin`;
    if (sh.commands.has(name)) return `${name} is /usr/bin/${name}`;
    return undefined;
  };

  return {
    break: loopControl('break'),
    continue: loopControl('continue'),
    eval: ({ argv, io }) => (argv.length > 1 ? sh.runSource(argv.slice(1).join(' '), io) : 0),
    sh: shell,
    bash: shell,
    source: async ({ argv, io, env }) => {
      const file = argv[1];
      if (!file) { io.stderr(`bash: ${argv[0]}: filename argument required\n`); return 2; }
      const p = env.resolve(file);
      if (!env.vfs.isFile(p)) { io.stderr(`bash: ${file}: No such file or directory\n`); return 1; }
      return sh.runSource(env.vfs.read(p), io);
    },
    let: ({ argv, io, env }) => {
      if (argv.length < 2) { io.stderr('bash: let: expression expected\n'); return 1; }
      let last = 0;
      try {
        for (const e of argv.slice(1)) last = evalArith(e, { get: (n) => env.vars.get(n), set: (n, v) => env.vars.set(n, v) });
      } catch (e) {
        if (!(e instanceof ArithError)) throw e;
        io.stderr(`bash: let: ${e.message}\n`);
        return 1;
      }
      return last === 0 ? 1 : 0;
    },
    type: ({ argv, io }) => {
      let status = 0;
      for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
        const d = describe(name);
        if (d) io.stdout(`${d}\n`); else { io.stderr(`bash: type: ${name}: not found\n`); status = 1; }
      }
      return status;
    },
    which: ({ argv, io }) => {
      let status = 0;
      for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
        if (sh.commands.has(name) && !BASH_BUILTINS.has(name)) io.stdout(`/usr/bin/${name}\n`);
        else status = 1;
      }
      return status;
    },
    command: async (ctx) => {
      const args = ctx.argv.slice(1);
      if (args[0] === '-v' || args[0] === '-V') {
        const name = args[1];
        if (!name || !sh.commands.has(name)) return 1;
        ctx.io.stdout(args[0] === '-v' ? `${BASH_BUILTINS.has(name) ? name : `/usr/bin/${name}`}\n` : `${describe(name)}\n`);
        return 0;
      }
      if (!args.length) return 0;
      const fn = sh.commands.get(args[0]);
      if (!fn) { ctx.io.stderr(`bash: ${args[0]}: command not found\n`); return 127; }
      return fn({ ...ctx, argv: args, signal: sh.guard.signal });
    },
    logout: () => { throw new ExitRequest(0); },
    xargs: async ({ argv, io }) => {
      let max = Infinity, replace: string | undefined, noEmpty = false, trace = false;
      let i = 1;
      for (; i < argv.length && argv[i].startsWith('-'); i++) {
        const a = argv[i];
        if (a === '-n') max = Number(argv[++i]);
        else if (/^-n\d+$/.test(a)) max = Number(a.slice(2));
        else if (a === '-I' || a === '-i') replace = a === '-i' ? '{}' : argv[++i];
        else if (a.startsWith('-I')) replace = a.slice(2);
        else if (a === '-r' || a === '--no-run-if-empty') noEmpty = true;
        else if (a === '-t' || a === '--verbose') trace = true;
        else if (a === '-0' || a === '--null') continue;
        else { io.stderr(`xargs: invalid option -- '${a.slice(1)}'\n`); return 1; }
      }
      const cmd = argv.length > i ? argv.slice(i) : ['echo'];
      const input = io.stdin;
      const runs: string[][] = [];
      if (replace !== undefined) {
        for (const line of input.split('\n').filter((l) => l.trim())) runs.push(cmd.map((c) => c.split(replace!).join(line.trim())));
      } else {
        const items = input.match(/"[^"]*"|'[^']*'|\S+/g)?.map((w) => w.replace(/^(["'])([\s\S]*)\1$/, '$2')) ?? [];
        if (items.length === 0 && !noEmpty) runs.push(cmd);
        for (let k = 0; k < items.length; k += Number.isFinite(max) && max > 0 ? max : items.length) {
          runs.push([...cmd, ...items.slice(k, k + (Number.isFinite(max) && max > 0 ? max : items.length))]);
        }
      }
      let status = 0;
      for (const run of runs) {
        if (sh.guard.aborted) return sh.stoppedStatus();
        if (trace) io.stderr(`${run.join(' ')}\n`);
        const code = await sh.runArgv(run, { ...io, stdin: '', input: undefined });
        if (code === undefined) { io.stderr(`xargs: ${run[0]}: No such file or directory\n`); return 127; }
        if (code !== 0) status = 123;
      }
      return status;
    },
    alias: ({ argv, io }) => {
      const quote = (v: string) => `'${v.replace(/'/g, "'\\''")}'`;
      const args = argv.slice(1).filter((a) => a !== '-p');
      if (args.length === 0) {
        for (const [k, v] of [...sh.aliases].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout(`alias ${k}=${quote(v)}\n`);
        return 0;
      }
      let status = 0;
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq > 0) { sh.aliases.set(a.slice(0, eq), a.slice(eq + 1)); continue; }
        const v = sh.aliases.get(a);
        if (v === undefined) { io.stderr(`bash: alias: ${a}: not found\n`); status = 1; } else io.stdout(`alias ${a}=${quote(v)}\n`);
      }
      return status;
    },
    unalias: ({ argv, io }) => {
      if (argv[1] === '-a') { sh.aliases.clear(); return 0; }
      let status = 0;
      for (const a of argv.slice(1)) if (!sh.aliases.delete(a)) { io.stderr(`bash: unalias: ${a}: not found\n`); status = 1; }
      return status;
    },
    return: ({ argv, io }) => {
      if (sh.frames.length === 0) {
        io.stderr("bash: return: can only `return' from a function or sourced script\n");
        return 1;
      }
      throw new ReturnRequest(argv[1] === undefined ? sh.status : Number(argv[1]) & 255);
    },
    local: ({ argv, io, env }) => {
      const frame = sh.frames[sh.frames.length - 1];
      if (!frame) { io.stderr('bash: local: can only be used in a function\n'); return 1; }
      for (const a of argv.slice(1)) {
        const eq = a.indexOf('=');
        const name = eq < 0 ? a : a.slice(0, eq);
        if (!frame.locals.has(name)) frame.locals.set(name, env.vars.get(name));
        if (eq >= 0) env.vars.set(name, a.slice(eq + 1)); else env.vars.delete(name);
      }
      return 0;
    },
    shift: ({ argv, io }) => {
      const n = argv[1] === undefined ? 1 : Number(argv[1]);
      if (!Number.isInteger(n) || n < 0) { io.stderr(`bash: shift: ${argv[1]}: numeric argument required\n`); return 1; }
      if (n > sh.positional.length) return 1;
      sh.positional = sh.positional.slice(n);
      return 0;
    },
    set: ({ argv, io, env }) => {
      if (argv.length === 1) {
        for (const [k, v] of [...env.vars].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout(`${k}=${v}\n`);
        return 0;
      }
      const dd = argv.indexOf('--');
      if (dd > 0) { sh.positional = argv.slice(dd + 1); return 0; }
      io.stderr(`kubelab: set ${argv.slice(1).join(' ')}: shell options are not simulated (ignored)\n`);
      return 0;
    },
    watch: async ({ argv, io, env, signal }) => {
      let interval = 2;
      let title = true;
      let i = 1;
      for (; i < argv.length && argv[i].startsWith('-'); i++) {
        const a = argv[i];
        const m = /^(?:-n|--interval)(?:=?(.+))?$/.exec(a);
        if (m) {
          const v = m[1] ?? argv[++i];
          interval = Number(v);
          if (!(interval >= 0)) { io.stderr(`watch: failed to parse argument: '${v}'\n`); return 1; }
          interval = Math.max(0.1, interval);
        } else if (a === '-t' || a === '--no-title') title = false;
        else if (!/^-[dbecgpx]+$|^--(differences|color|beep|errexit|chgexit|precise|exec)/.test(a)) {
          io.stderr(`watch: invalid option -- '${a.replace(/^-+/, '')}'\n`);
          return 2;
        }
      }
      const command = argv.slice(i).join(' ');
      if (!command) { io.stderr('\nUsage:\n watch [options] command\n'); return 1; }
      while (await sh.guard.tick()) {
        let screen = '';
        await nested(command, { stdin: '', stdoutIsTTY: false, stdout: (c) => { screen += c; }, stderr: (c) => { screen += c; } });
        if (sh.guard.aborted) break;
        let header = '';
        if (title) {
          const left = `Every ${interval.toFixed(1)}s: ${command}`;
          const right = `k8s-master: ${formatDate(env.cluster.now(), '%a %b %e %H:%M:%S %Y')}`;
          const cols = Number(env.vars.get('COLUMNS')) || 80;
          header = `${left}${' '.repeat(Math.max(1, cols - left.length - right.length))}${right}\n\n`;
        }
        io.stdout(`\x1b[H\x1b[2J${header}${screen}`);
        await env.sleep(interval * 1000, signal);
      }
      return sh.stoppedStatus();
    },
  };
}
