import type { CommandContext, CommandFn } from '../io';
import { inputs, lines } from './text';

/** Short flags (with values for `valued`) and operands, as getopt would split them. */
function opts(argv: string[], valued: string, tool: string, io: CommandContext['io']) {
  const flags = new Map<string, string>();
  const args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { args.push(...argv.slice(i + 1)); break; }
    if (!/^-./.test(a)) { args.push(a); continue; }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (valued.includes(f)) {
        const v = a.slice(j + 1) || argv[++i];
        if (v === undefined) { io.stderr(`${tool}: option requires an argument -- '${f}'\n`); return undefined; }
        flags.set(f, v);
        break;
      }
      flags.set(f, '');
    }
  }
  return { flags, args };
}

const read = (ctx: CommandContext, files: string[], tool: string) => {
  const ins = inputs(ctx, files, tool);
  return typeof ins === 'number' ? undefined : ins.map((i) => i.text).join('');
};

/** sort: -r -n -u -f -k N[,M] -t SEP -h (sizes as numbers). */
export const sort: CommandFn = (ctx) => {
  const o = opts(ctx.argv, 'kt', 'sort', ctx.io);
  if (!o) return 2;
  const text = read(ctx, o.args, 'sort');
  if (text === undefined) return 2;
  const { flags } = o;
  const sep = flags.get('t');
  const key = flags.get('k');
  const [k1, k2] = key ? key.split(',').map((x) => parseInt(x, 10)) : [];
  const field = (line: string) => {
    if (!key) return line;
    const parts = sep !== undefined ? line.split(sep) : line.trim().split(/\s+/);
    return parts.slice(k1 - 1, k2 ? k2 : undefined).join(sep ?? ' ');
  };
  const numeric = flags.has('n') || flags.has('h') || flags.has('g');
  const cmp = (a: string, b: string) => {
    let x = field(a), y = field(b);
    if (flags.has('f')) { x = x.toUpperCase(); y = y.toUpperCase(); }
    if (numeric) {
      const d = (parseFloat(x) || 0) - (parseFloat(y) || 0);
      if (d !== 0) return d;
    } else if (x !== y) return x < y ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  let out = lines(text).sort(cmp);
  if (flags.has('r')) out.reverse();
  if (flags.has('u')) out = out.filter((l, i) => i === 0 || cmp(out[i - 1], l) !== 0 || field(out[i - 1]) !== field(l));
  ctx.io.stdout(out.map((l) => `${l}\n`).join(''));
  return 0;
};

/** uniq: adjacent duplicates; -c counts, -d only repeated, -u only unique, -i. */
export const uniq: CommandFn = (ctx) => {
  const o = opts(ctx.argv, '', 'uniq', ctx.io);
  if (!o) return 1;
  const text = read(ctx, o.args.slice(0, 1), 'uniq');
  if (text === undefined) return 1;
  const same = (a: string, b: string) => (o.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; n: number }[] = [];
  for (const l of lines(text)) {
    const g = groups[groups.length - 1];
    if (g && same(g.line, l)) g.n++; else groups.push({ line: l, n: 1 });
  }
  const out = groups.filter((g) => (o.flags.has('d') ? g.n > 1 : o.flags.has('u') ? g.n === 1 : true))
    .map((g) => (o.flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`)).join('');
  ctx.io.stdout(out);
  return 0;
};

/** LIST of cut: `N`, `N-M`, `N-`, `-M`, comma separated. */
function ranges(list: string): ((i: number) => boolean) | undefined {
  const parts = list.split(',').map((p) => /^(\d*)(-?)(\d*)$/.exec(p));
  if (parts.some((m) => !m || (!m[1] && !m[3]))) return undefined;
  return (i) => parts.some((m) => {
    const [, a, dash, b] = m!;
    const lo = a ? Number(a) : 1;
    const hi = dash ? (b ? Number(b) : Infinity) : lo;
    return i >= lo && i <= hi;
  });
}

/** cut -d SEP -f LIST | -c LIST | -b LIST. */
export const cut: CommandFn = (ctx) => {
  const o = opts(ctx.argv, 'dfcb', 'cut', ctx.io);
  if (!o) return 1;
  const { flags } = o;
  const list = flags.get('f') ?? flags.get('c') ?? flags.get('b');
  if (list === undefined) { ctx.io.stderr("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n"); return 1; }
  const pick = ranges(list);
  if (!pick) { ctx.io.stderr(`cut: invalid field range\nTry 'cut --help' for more information.\n`); return 1; }
  const text = read(ctx, o.args, 'cut');
  if (text === undefined) return 1;
  const d = flags.get('d') ?? '\t';
  if (d.length !== 1) { ctx.io.stderr('cut: the delimiter must be a single character\n'); return 1; }
  const out = lines(text).map((l) => {
    if (!flags.has('f')) return [...l].filter((_, i) => pick(i + 1)).join('');
    if (!l.includes(d)) return flags.has('s') ? undefined : l;
    return l.split(d).filter((_, i) => pick(i + 1)).join(d);
  }).filter((l) => l !== undefined);
  ctx.io.stdout(out.map((l) => `${l}\n`).join(''));
  return 0;
};

/** A tr SET: ranges `a-z`, classes `[:upper:]`, escapes. */
function expandSet(s: string): string[] {
  const classes: Record<string, string> = { upper: 'A-Z', lower: 'a-z', digit: '0-9', alpha: 'A-Za-z', alnum: 'A-Za-z0-9', space: ' \t\n\r\f\v', blank: ' \t' };
  const src = s.replace(/\[:(\w+):\]/g, (all, n: string) => classes[n] ?? all)
    .replace(/\\(n|t|r|\\)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\' })[c]!);
  const out: string[] = [];
  const chars = [...src];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      for (let c = chars[i].codePointAt(0)!; c <= chars[i + 2].codePointAt(0)!; c++) out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(chars[i]);
  }
  return out;
}

/** tr SET1 [SET2]; -d delete, -s squeeze, -c complement (with -d). */
export const tr: CommandFn = (ctx) => {
  const o = opts(ctx.argv, '', 'tr', ctx.io);
  if (!o) return 1;
  const [a, b] = o.args;
  const del = o.flags.has('d');
  const squeeze = o.flags.has('s');
  if (a === undefined || (!del && !squeeze && b === undefined)) {
    ctx.io.stderr(`tr: missing operand${a === undefined ? '' : ` after '${a}'`}\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  const set1 = expandSet(a);
  const set2 = b !== undefined ? expandSet(b) : [];
  const inSet1 = (c: string) => set1.includes(c) !== o.flags.has('c');
  let out = '';
  for (const c of ctx.io.stdin) {
    if (del && inSet1(c)) continue;
    let ch = c;
    if (!del && set2.length) {
      const k = set1.indexOf(c);
      if (k >= 0) ch = set2[Math.min(k, set2.length - 1)];
    }
    const squeezeSet = del ? set2 : set2.length ? set2 : set1;
    if (squeeze && out.endsWith(ch) && squeezeSet.includes(ch)) continue;
    out += ch;
  }
  ctx.io.stdout(out);
  return 0;
};

/** base64 [-d] [-w COLS] [FILE], wrapping at 76 columns like coreutils. */
export const base64: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  let decode = false, wrap = 76;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-d' || a === '--decode' || a === '-di' || a === '-id') decode = true;
    else if (a === '-i' || a === '--ignore-garbage') continue;
    else if (a === '-w' || a === '--wrap') wrap = Number(args[++i]);
    else if (/^-w\d+$/.test(a) || a.startsWith('--wrap=')) wrap = Number(a.replace(/^-w|^--wrap=/, ''));
    else files.push(a);
  }
  const text = read(ctx, files, 'base64');
  if (text === undefined) return 1;
  if (decode) {
    const clean = text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) { ctx.io.stderr('base64: invalid input\n'); return 1; }
    ctx.io.stdout(Buffer.from(clean, 'base64').toString('utf8'));
    return 0;
  }
  const enc = Buffer.from(text, 'utf8').toString('base64');
  const out = wrap > 0 ? (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).join('\n') : enc;
  ctx.io.stdout(enc ? `${out}\n` : '');
  return 0;
};
