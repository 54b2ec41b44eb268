import type { CommandContext, CommandFn } from '../io';
import { inputs, lines } from './text';
import { compile } from './regex';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
const LONG: Record<string, string> = {
  '--ignore-case': 'i', '--invert-match': 'v', '--count': 'c', '--line-number': 'n', '--extended-regexp': 'E',
  '--fixed-strings': 'F', '--word-regexp': 'w', '--quiet': 'q', '--silent': 'q', '--only-matching': 'o',
  '--recursive': 'r', '--files-with-matches': 'l', '--no-filename': 'h', '--with-filename': 'H',
};

/** Files under a directory of the home filesystem, depth first, sorted. */
function walk(ctx: CommandContext, dir: string, shown: string): { path: string; name: string }[] {
  const out: { path: string; name: string }[] = [];
  for (const n of ctx.env.vfs.list(dir)) {
    const p = `${dir === '/' ? '' : dir}/${n}`;
    const name = shown ? `${shown.replace(/\/$/, '')}/${n}` : n;
    if (ctx.env.vfs.isDir(p)) out.push(...walk(ctx, p, name));
    else out.push({ path: p, name });
  }
  return out;
}

/** GNU grep: -i -v -c -n -E -F -w -q -o -l -h -H -r, -A/-B/-C context, -e PATTERN, basic and extended regexps. */
export const grep: CommandFn = (ctx) => {
  const flags = new Set<string>();
  let after = 0, before = 0;
  const patterns: string[] = [];
  const rest: string[] = [];
  const argv = ctx.argv;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { rest.push(...argv.slice(i + 1)); break; }
    if (a === '-e' || a === '--regexp') { patterns.push(argv[++i] ?? ''); continue; }
    if (a.startsWith('--color') || a.startsWith('--colour')) continue;
    if (LONG[a]) { flags.add(LONG[a]); continue; }
    // Context: -A N, -B N, -C N, -NUM, -A2, --after-context=N, --before-context=N, --context=N.
    const ctxOpt = /^-([ABC])(\d*)$/.exec(a) ?? /^--(after|before)?-?context=(\d+)$/.exec(a) ?? /^-(\d+)$/.exec(a);
    if (ctxOpt) {
      const which = ctxOpt.length === 2 ? 'C' : ctxOpt[1] === 'after' ? 'A' : ctxOpt[1] === 'before' ? 'B' : ctxOpt[1] ?? 'C';
      const value = ctxOpt.length === 2 ? ctxOpt[1] : ctxOpt[2] || argv[++i];
      if (value === undefined || !/^\d+$/.test(value)) { ctx.io.stderr(`grep: ${value ?? ''}: invalid context length argument\n`); return 2; }
      if (which !== 'B') after = Number(value);
      if (which !== 'A') before = Number(value);
      continue;
    }
    if (/^-[ivcnEwqFolrRhHsG]+$/.test(a)) { for (const f of a.slice(1)) flags.add(f === 'R' ? 'r' : f); continue; }
    if (/^-/.test(a) && a !== '-') {
      ctx.io.stderr(`grep: invalid option -- '${a.replace(/^-+/, '')[0]}'\n${USAGE}`);
      return 2;
    }
    rest.push(a);
  }
  if (patterns.length === 0) {
    if (rest.length === 0) { ctx.io.stderr(USAGE); return 2; }
    patterns.push(rest.shift()!);
  }
  const source = patterns.flatMap((p) => p.split('\n'));
  const res = source.map((p) => compile(p, { ere: flags.has('E'), fixed: flags.has('F'), icase: flags.has('i'), word: flags.has('w'), global: true }));
  if (res.some((r) => !r)) { ctx.io.stderr('grep: Invalid regular expression\n'); return 2; }
  const regs = res as RegExp[];
  let files: { text: string; name: string }[];
  let status = 0;
  if (flags.has('r')) {
    files = [];
    for (const t of rest.length ? rest : ['.']) {
      const p = ctx.env.resolve(t);
      if (ctx.env.vfs.isDir(p)) files.push(...walk(ctx, p, rest.length ? t : '').map((f) => ({ text: ctx.env.vfs.read(f.path), name: f.name })));
      else if (ctx.env.vfs.isFile(p)) files.push({ text: ctx.env.vfs.read(p), name: t });
      else { ctx.io.stderr(`grep: ${t}: No such file or directory\n`); status = 2; }
    }
  } else {
    const ins = inputs(ctx, rest, 'grep');
    if (typeof ins === 'number') return ins;
    files = ins;
  }
  const named = flags.has('H') || (!flags.has('h') && (files.length > 1 || flags.has('r')));
  let matched = 0;
  const context = (after > 0 || before > 0) && !['c', 'q', 'l', 'o'].some((f) => flags.has(f));
  let lastPrinted: { file: string; idx: number } | undefined;
  for (const { text, name } of files) {
    let count = 0;
    const all = lines(text);
    const selected = all.map((line) => {
      const isMatch = regs.some((r) => { r.lastIndex = 0; return r.test(line); });
      return isMatch !== flags.has('v');
    });
    // GNU grep prints context lines with `-` after the prefix and `--` between separate groups.
    const shown = new Set<number>();
    if (context) selected.forEach((hit, i) => { if (hit) for (let j = Math.max(0, i - before); j <= Math.min(all.length - 1, i + after); j++) shown.add(j); });
    for (const [idx, line] of all.entries()) {
      if (context && shown.has(idx) && !selected[idx]) {
        if (lastPrinted && (lastPrinted.file !== name || lastPrinted.idx !== idx - 1)) ctx.io.stdout('--\n');
        ctx.io.stdout(`${named ? `${name}-` : ''}${flags.has('n') ? `${idx + 1}-` : ''}${line}\n`);
        lastPrinted = { file: name, idx };
        continue;
      }
      if (!selected[idx]) continue;
      count++;
      if (flags.has('c') || flags.has('q') || flags.has('l')) continue;
      const prefix = (named ? `${name}:` : '') + (flags.has('n') ? `${idx + 1}:` : '');
      if (context && lastPrinted && (lastPrinted.file !== name || lastPrinted.idx !== idx - 1)) ctx.io.stdout('--\n');
      if (flags.has('o') && !flags.has('v')) {
        const hits = regs.flatMap((r) => { r.lastIndex = 0; return [...line.matchAll(r)].filter((m) => m[0] !== ''); });
        for (const m of hits.sort((a, b) => a.index! - b.index!)) ctx.io.stdout(`${prefix}${m[0]}\n`);
      } else ctx.io.stdout(`${prefix}${line}\n`);
      lastPrinted = { file: name, idx };
    }
    if (flags.has('l') && count > 0 && !flags.has('q')) ctx.io.stdout(`${name}\n`);
    else if (flags.has('c') && !flags.has('q')) ctx.io.stdout(`${named ? `${name}:` : ''}${count}\n`);
    matched += count;
    if (flags.has('q') && matched > 0) return 0;
  }
  if (status === 2 && !flags.has('s')) return 2;
  return matched > 0 ? 0 : 1;
};
