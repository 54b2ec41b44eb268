import type { CommandContext, CommandFn } from '../io';

/** Reads operands (files) or stdin, as the coreutils text filters do. */
export function inputs(ctx: CommandContext, files: string[], tool: string): { text: string; name: string }[] | number {
  if (files.length === 0) return [{ text: ctx.io.stdin, name: '(standard input)' }];
  const out: { text: string; name: string }[] = [];
  for (const f of files) {
    const p = ctx.env.resolve(f);
    if (!ctx.env.vfs.isFile(p)) {
      ctx.io.stderr(`${tool}: ${f}: ${ctx.env.vfs.isDir(p) ? 'Is a directory' : 'No such file or directory'}\n`);
      return 2;
    }
    out.push({ text: ctx.env.vfs.read(p), name: f });
  }
  return out;
}

export const lines = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));

function countFlag(argv: string[]): { n: number; files: string[] } | undefined {
  let n = 10;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n') { n = Number(argv[++i]); continue; }
    const m = /^-n?(\d+)$/.exec(a);
    if (m) { n = Number(m[1]); continue; }
    files.push(a);
  }
  return Number.isNaN(n) ? undefined : { n, files };
}

const headTail = (tail: boolean): CommandFn => (ctx) => {
  const tool = tail ? 'tail' : 'head';
  const parsed = countFlag(ctx.argv);
  if (!parsed) { ctx.io.stderr(`${tool}: invalid number of lines\n`); return 1; }
  const ins = inputs(ctx, parsed.files, tool);
  if (typeof ins === 'number') return 1;
  for (const { text } of ins) {
    const ls = lines(text);
    const pick = tail ? ls.slice(Math.max(0, ls.length - parsed.n)) : ls.slice(0, parsed.n);
    ctx.io.stdout(pick.map((l) => `${l}\n`).join(''));
  }
  return 0;
};

export const head = headTail(false);
export const tail = headTail(true);

export const wc: CommandFn = (ctx) => {
  const flags = new Set(ctx.argv.slice(1).filter((a) => a.startsWith('-')).flatMap((a) => [...a.slice(1)]));
  const files = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const ins = inputs(ctx, files, 'wc');
  if (typeof ins === 'number') return 1;
  for (const { text, name } of ins) {
    const counts: number[] = [];
    const all = flags.size === 0;
    if (all || flags.has('l')) counts.push((text.match(/\n/g) ?? []).length);
    if (all || flags.has('w')) counts.push(text.split(/\s+/).filter(Boolean).length);
    if (all || flags.has('c')) counts.push(new TextEncoder().encode(text).length);
    const width = counts.length === 1 && files.length === 0 ? 0 : 7;
    ctx.io.stdout(counts.map((c) => String(c).padStart(width)).join(' ') + (files.length ? ` ${name}` : '') + '\n');
  }
  return 0;
};
