import type { CommandContext, CommandFn } from '../io';
import { VFS_MESSAGES, VfsError } from '../vfs';

/** Splits `-la` style short flags from operands (after `--` everything is an operand). */
function split(argv: string[]): { flags: Set<string>; args: string[] } {
  const flags = new Set<string>();
  const args: string[] = [];
  let dashdash = false;
  for (const a of argv.slice(1)) {
    if (!dashdash && a === '--') dashdash = true;
    else if (!dashdash && /^-[A-Za-z0-9]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else args.push(a);
  }
  return { flags, args };
}

function report(ctx: CommandContext, tool: string, path: string, e: unknown, verb?: string): void {
  if (!(e instanceof VfsError)) throw e;
  const what = verb ? `${verb} '${path}'` : path;
  ctx.io.stderr(`${tool}: ${what}: ${VFS_MESSAGES[e.why]}\n`);
}

export const pwd: CommandFn = ({ io, env }) => { io.stdout(`${env.cwd}\n`); return 0; };

export const cd: CommandFn = (ctx) => {
  const { argv, env, io } = ctx;
  const target = argv[1] ?? env.home;
  const path = env.resolve(target);
  if (!env.vfs.isDir(path)) {
    io.stderr(`bash: cd: ${target}: ${env.vfs.isFile(path) ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  env.cwd = path;
  env.vars.set('PWD', path);
  return 0;
};

export const cat: CommandFn = (ctx) => {
  const { args } = split(ctx.argv);
  if (args.length === 0) { ctx.io.stdout(ctx.io.stdin); return 0; }
  let status = 0;
  for (const a of args) {
    if (a === '-') { ctx.io.stdout(ctx.io.stdin); continue; }
    try { ctx.io.stdout(ctx.env.vfs.read(ctx.env.resolve(a))); } catch (e) { report(ctx, 'cat', a, e); status = 1; }
  }
  return status;
};

/** ls: names sorted; columns on a terminal, one per line into a pipe; -l long, -a dotfiles. */
export const ls: CommandFn = (ctx) => {
  const { flags, args } = split(ctx.argv);
  const targets = args.length ? args : ['.'];
  let status = 0;
  const blocks: string[] = [];
  for (const t of targets) {
    const path = ctx.env.resolve(t);
    const vfs = ctx.env.vfs;
    if (!vfs.exists(path)) {
      ctx.io.stderr(`ls: cannot access '${t}': No such file or directory\n`);
      status = 2;
      continue;
    }
    let names = vfs.isDir(path) ? vfs.list(path) : [t];
    if (!flags.has('a')) names = names.filter((n) => !n.startsWith('.'));
    else if (vfs.isDir(path)) names = ['.', '..', ...names];
    const full = (n: string) => (vfs.isDir(path) ? `${path === '/' ? '' : path}/${n}` : path);
    let body: string;
    if (flags.has('l')) {
      const rows = names.map((n) => {
        const p = full(n);
        const dir = n === '.' || n === '..' || vfs.isDir(p);
        return `${dir ? 'drwxr-xr-x 2' : '-rw-r--r-- 1'} root root ${String(dir ? 4096 : vfs.size(p)).padStart(5)} Jan  1 00:00 ${n}`;
      });
      body = (vfs.isDir(path) ? `total ${names.length * 4}\n` : '') + rows.map((r) => `${r}\n`).join('');
    } else if (ctx.io.stdoutIsTTY && !flags.has('1')) {
      body = names.length ? `${names.join('  ')}\n` : '';
    } else {
      body = names.map((n) => `${n}\n`).join('');
    }
    blocks.push(targets.length > 1 && vfs.isDir(path) ? `${t}:\n${body}` : body);
  }
  ctx.io.stdout(blocks.join('\n'));
  return status;
};

export const mkdir: CommandFn = (ctx) => {
  const { flags, args } = split(ctx.argv);
  if (args.length === 0) { ctx.io.stderr("mkdir: missing operand\nTry 'mkdir --help' for more information.\n"); return 1; }
  let status = 0;
  for (const a of args) {
    try { ctx.env.vfs.mkdir(ctx.env.resolve(a), flags.has('p')); } catch (e) {
      report(ctx, 'mkdir', a, e, 'cannot create directory');
      status = 1;
    }
  }
  return status;
};

export const rm: CommandFn = (ctx) => {
  const { flags, args } = split(ctx.argv);
  const recursive = flags.has('r') || flags.has('R');
  if (args.length === 0 && !flags.has('f')) { ctx.io.stderr("rm: missing operand\nTry 'rm --help' for more information.\n"); return 1; }
  let status = 0;
  for (const a of args) {
    const path = ctx.env.resolve(a);
    if (!ctx.env.vfs.exists(path)) {
      if (!flags.has('f')) { ctx.io.stderr(`rm: cannot remove '${a}': No such file or directory\n`); status = 1; }
      continue;
    }
    if (ctx.env.vfs.isDir(path) && !recursive) { ctx.io.stderr(`rm: cannot remove '${a}': Is a directory\n`); status = 1; continue; }
    ctx.env.vfs.remove(path, recursive);
  }
  return status;
};

export const touch: CommandFn = (ctx) => {
  const { args } = split(ctx.argv);
  if (args.length === 0) { ctx.io.stderr("touch: missing file operand\nTry 'touch --help' for more information.\n"); return 1; }
  let status = 0;
  for (const a of args) {
    const path = ctx.env.resolve(a);
    if (ctx.env.vfs.exists(path)) continue;
    try { ctx.env.vfs.write(path, ''); } catch (e) { report(ctx, 'touch', a, e, 'cannot touch'); status = 1; }
  }
  return status;
};
