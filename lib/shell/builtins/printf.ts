import type { CommandFn } from '../io';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\', '"': '"', "'": "'" };

/** Backslash escapes of printf's format (and of `%b` arguments). */
export function unescape(s: string): string {
  return s.replace(/\\(0[0-7]{0,3}|[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g, (all, c: string) => {
    if (/^[0-7]/.test(c)) return String.fromCharCode(parseInt(c, 8));
    if (c.startsWith('x') && c.length > 1) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ESCAPES[c] ?? all;
  });
}

const SPEC = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXfFeEgGcsbq%])/g;

/** bash's printf builtin: the format is reused until the arguments are consumed. */
export const printf: CommandFn = ({ argv, io, env }) => {
  let args = argv.slice(1);
  let target: string | undefined;
  if (args[0] === '-v') { target = args[1]; args = args.slice(2); }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) { io.stderr('printf: usage: printf [-v var] format [arguments]\n'); return 2; }
  const format = args[0];
  const rest = args.slice(1);
  let status = 0;
  let out = '';
  let used = 0;
  const next = () => (used < rest.length ? rest[used++] : undefined);
  const num = (v: string | undefined, float: boolean): number => {
    if (v === undefined || v === '') return 0;
    if (/^['"]./.test(v)) return v.codePointAt(1)!;
    const n = float ? Number(v) : /^[-+]?0[xX][0-9a-fA-F]+$/.test(v) ? parseInt(v, 16) : /^[-+]?\d+$/.test(v) ? parseInt(v, 10) : NaN;
    if (Number.isNaN(n)) {
      io.stderr(`bash: printf: ${v}: invalid number\n`);
      status = 1;
      return 0;
    }
    return n;
  };
  do {
    const before = used;
    out += unescape(format.replace(/\\%/g, '\u0000')).replace(SPEC, (_all, flags: string, width?: string, prec?: string, conv?: string) => {
      if (conv === '%') return '%';
      const w = width === '*' ? num(next(), false) : width ? Number(width) : 0;
      const p = prec === '*' ? num(next(), false) : prec !== undefined ? Number(prec) : undefined;
      let s: string;
      const arg = next();
      switch (conv) {
        case 's': s = arg ?? ''; if (p !== undefined) s = s.slice(0, p); break;
        case 'b': s = unescape(arg ?? ''); break;
        case 'q': s = arg === undefined || /^[\w@%+=:,./-]+$/.test(arg) ? (arg ?? "''") : `'${arg.replace(/'/g, "'\\''")}'`; break;
        case 'c': s = (arg ?? '').slice(0, 1); break;
        case 'd': case 'i': case 'u': s = String(Math.trunc(num(arg, false))); break;
        case 'o': s = Math.trunc(num(arg, false)).toString(8); break;
        case 'x': s = Math.trunc(num(arg, false)).toString(16); break;
        case 'X': s = Math.trunc(num(arg, false)).toString(16).toUpperCase(); break;
        case 'e': case 'E': s = num(arg, true).toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2'); if (conv === 'E') s = s.toUpperCase(); break;
        case 'g': case 'G': s = String(Number(num(arg, true).toPrecision(p || 6))); break;
        default: s = num(arg, true).toFixed(p ?? 6);
      }
      if (flags.includes('+') && /[dif]/.test(conv!) && !s.startsWith('-')) s = `+${s}`;
      if (s.length < w) {
        if (flags.includes('-')) s = s.padEnd(w);
        else if (flags.includes('0') && /[diouxXfeEgG]/.test(conv!)) s = s.startsWith('-') ? `-${s.slice(1).padStart(w - 1, '0')}` : s.padStart(w, '0');
        else s = s.padStart(w);
      }
      return s;
    }).replace(/\u0000/g, '%');
    if (used === before) break;
  } while (used < rest.length);
  if (target) env.vars.set(target, out);
  else io.stdout(out);
  return status;
};

/** coreutils seq: LAST, FIRST LAST, FIRST INCREMENT LAST; -s SEP, -w equal width. */
export const seq: CommandFn = ({ argv, io }) => {
  let sep = '\n';
  let width = false;
  const nums: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-s') sep = argv[++i] ?? '\n';
    else if (a.startsWith('-s')) sep = a.slice(2);
    else if (a === '-w') width = true;
    else nums.push(a);
  }
  if (nums.length === 0 || nums.length > 3) { io.stderr(`seq: ${nums.length ? 'extra operand' : 'missing operand'}\nTry 'seq --help' for more information.\n`); return 1; }
  const bad = nums.find((n) => Number.isNaN(Number(n)));
  if (bad !== undefined) { io.stderr(`seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n`); return 1; }
  const [first, step, last] = nums.length === 1 ? [1, 1, Number(nums[0])] : nums.length === 2 ? [Number(nums[0]), 1, Number(nums[1])] : nums.map(Number);
  if (step === 0) { io.stderr("seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n"); return 1; }
  const decimals = Math.max(...nums.map((n) => (n.includes('.') ? n.length - n.indexOf('.') - 1 : 0)));
  const out: string[] = [];
  for (let v = first; step > 0 ? v <= last + 1e-9 : v >= last - 1e-9; v += step) {
    out.push(v.toFixed(decimals));
    if (out.length > 1_000_000) break;
  }
  const w = width ? Math.max(...out.map((s) => s.length)) : 0;
  io.stdout(out.length ? `${out.map((s) => (s.startsWith('-') ? s : s.padStart(w, '0'))).join(sep)}\n` : '');
  return 0;
};
