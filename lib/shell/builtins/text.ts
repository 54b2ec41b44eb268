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

/** head/tail options: `-n N`, `-N`, `-nN`, `--lines=N`, `-c N`/`--bytes=N` (coreutils; `+N` from the start for tail). */
function countFlag(argv: string[]): { n: number; bytes: boolean; from: boolean; files: string[]; bad?: string } {
  let n = 10;
  let bytes = false;
  let spec = '10';
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-n' || a === '-c') { bytes = a === '-c'; spec = argv[++i] ?? ''; continue; }
    const long = /^--(lines|bytes)=(.*)$/.exec(a);
    if (long) { bytes = long[1] === 'bytes'; spec = long[2]; continue; }
    const m = /^-([nc]?)([-+]?\d+)$/.exec(a);
    if (m) { bytes = m[1] === 'c'; spec = m[2]; continue; }
    files.push(a);
  }
  if (!/^[-+]?\d+$/.test(spec)) return { n: NaN, bytes, from: false, files, bad: spec };
  n = Number(spec);
  return { n, bytes, from: spec.startsWith('+'), files };
}

const headTail = (tail: boolean): CommandFn => (ctx) => {
  const tool = tail ? 'tail' : 'head';
  const parsed = countFlag(ctx.argv);
  // coreutils: `head: invalid number of bytes: ‘x’` (C.UTF-8 quotes).
  if (parsed.bad !== undefined) { ctx.io.stderr(`${tool}: invalid number of ${parsed.bytes ? 'bytes' : 'lines'}: ‘${parsed.bad}’\n`); return 1; }
  const ins = inputs(ctx, parsed.files, tool);
  if (typeof ins === 'number') return 1;
  const { n, from } = parsed;
  for (const { text } of ins) {
    if (parsed.bytes) {
      const b = new TextEncoder().encode(text);
      // head -c -N: all but the last N bytes; tail -c +N: from byte N on.
      const pick = tail ? (from ? b.slice(Math.max(0, n - 1)) : b.slice(Math.max(0, b.length - Math.abs(n))))
        : n < 0 ? b.slice(0, Math.max(0, b.length + n)) : b.slice(0, n);
      ctx.io.stdout(new TextDecoder().decode(pick));
      continue;
    }
    const ls = lines(text);
    const pick = tail ? (from ? ls.slice(Math.max(0, n - 1)) : ls.slice(Math.max(0, ls.length - Math.abs(n))))
      : n < 0 ? ls.slice(0, Math.max(0, ls.length + n)) : ls.slice(0, n);
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
