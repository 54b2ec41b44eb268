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
  let target = argv[1] ?? env.home;
  const back = target === '-';
  if (back) {
    const old = env.vars.get('OLDPWD');
    if (!old) { io.stderr('bash: cd: OLDPWD not set\n'); return 1; }
    target = old;
  }
  const path = env.resolve(target);
  if (!env.vfs.isDir(path)) {
    io.stderr(`bash: cd: ${target}: ${env.vfs.isFile(path) ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  env.vars.set('OLDPWD', env.cwd);
  env.cwd = path;
  env.vars.set('PWD', path);
  if (back) io.stdout(`${path}\n`);
  return 0;
};

/** tee [-a] FILE...: stdin to stdout and to the files. */
export const tee: CommandFn = (ctx) => {
  const { flags, args } = split(ctx.argv);
  let status = 0;
  for (const a of args) {
    try { ctx.env.vfs.write(ctx.env.resolve(a), ctx.io.stdin, flags.has('a')); } catch (e) { report(ctx, 'tee', a, e); status = 1; }
  }
  ctx.io.stdout(ctx.io.stdin);
  return status;
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

/** cp SRC... DEST and mv SRC... DEST (directories need -r for cp), coreutils messages. */
const copyOrMove = (move: boolean): CommandFn => (ctx) => {
  const tool = move ? 'mv' : 'cp';
  const { flags, args } = split(ctx.argv);
  const vfs = ctx.env.vfs;
  if (args.length < 2) {
    ctx.io.stderr(args.length ? `${tool}: missing destination file operand after '${args[0]}'\n` : `${tool}: missing file operand\n`);
    ctx.io.stderr(`Try '${tool} --help' for more information.\n`);
    return 1;
  }
  const dest = args[args.length - 1];
  const destPath = ctx.env.resolve(dest);
  const sources = args.slice(0, -1);
  if (sources.length > 1 && !vfs.isDir(destPath)) { ctx.io.stderr(`${tool}: target '${dest}': Not a directory\n`); return 1; }
  let status = 0;
  for (const s of sources) {
    const from = ctx.env.resolve(s);
    if (!vfs.exists(from)) { ctx.io.stderr(`${tool}: cannot stat '${s}': No such file or directory\n`); status = 1; continue; }
    const to = vfs.isDir(destPath) ? `${destPath === '/' ? '' : destPath}/${from.slice(from.lastIndexOf('/') + 1)}` : destPath;
    if (to === from) { ctx.io.stderr(`${tool}: '${s}' and '${dest}' are the same file\n`); status = 1; continue; }
    if (vfs.isDir(from)) {
      if (!move && !flags.has('r') && !flags.has('R') && !flags.has('a')) { ctx.io.stderr(`cp: -r not specified; omitting directory '${s}'\n`); status = 1; continue; }
      if (to.startsWith(`${from}/`)) { ctx.io.stderr(`${tool}: cannot ${move ? 'move' : 'copy'} a directory, '${s}', into itself, '${dest}'\n`); status = 1; continue; }
      try {
        copyTree(vfs, from, to);
        if (move) vfs.remove(from, true);
      } catch (e) { report(ctx, tool, s, e); status = 1; }
      continue;
    }
    try {
      vfs.write(to, vfs.read(from));
      if (move) vfs.remove(from);
    } catch (e) { report(ctx, tool, dest, e, `cannot create regular file`); status = 1; }
  }
  return status;
};

function copyTree(vfs: CommandContext['env']['vfs'], from: string, to: string): void {
  if (!vfs.isDir(to)) vfs.mkdir(to);
  for (const n of vfs.list(from)) {
    const src = `${from}/${n}`;
    if (vfs.isDir(src)) copyTree(vfs, src, `${to}/${n}`);
    else vfs.write(`${to}/${n}`, vfs.read(src));
  }
}

export const cp = copyOrMove(false);
export const mv = copyOrMove(true);
