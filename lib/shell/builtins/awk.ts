import type { CommandFn } from '../io';
import { printf } from './printf';
import { compile } from './regex';
import { inputs, lines } from './text';

/**
 * A small awk: `pattern { action }` rules with BEGIN/END, fields ($0, $N, $NF), NR, NF, FS, OFS,
 * variables, arithmetic, comparisons, regex matches, print/printf, if/else, next, and
 * length/substr/toupper/tolower/index. Enough for `awk '{print $1}'`, `awk 'NR>1 {print $1, $3}'`,
 * `awk -F: '$2 ~ /x/ {n++} END {print n}'`.
 */
class AwkError extends Error {}

type Val = string | number;
type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string };

const OPS = ['&&', '||', '==', '!=', '<=', '>=', '!~', '++', '--', '+=', '-=', '*=', '/=', '<', '>', '~', '!', '+', '-', '*', '/', '%',
  '=', '(', ')', '{', '}', ';', ',', '$', '\n', '?', ':'];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const operand = () => { const l = out[out.length - 1]; return !l || (l.t === 'op' && !')$'.includes(l.v)) || (l.t === 'id' && ['print', 'printf', 'return'].includes(l.v)); };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || (c === '\\' && src[i + 1] === '\n')) { i += c === '\\' ? 2 : 1; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) { const m = /^\d*\.?\d+(e[+-]?\d+)?/i.exec(src.slice(i))!; out.push({ t: 'num', v: Number(m[0]) }); i += m[0].length; continue; }
    if (/[A-Za-z_]/.test(c)) { const m = /^\w+/.exec(src.slice(i))!; out.push({ t: 'id', v: m[0] }); i += m[0].length; continue; }
    if (c === '"') {
      let s = '';
      for (i++; i < src.length && src[i] !== '"'; i++) {
        if (src[i] === '\\') { const n = src[++i]; s += n === 'n' ? '\n' : n === 't' ? '\t' : n; } else s += src[i];
      }
      if (i >= src.length) throw new AwkError('non-terminated string');
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    if (c === '/' && operand()) {
      let s = '';
      for (i++; i < src.length && src[i] !== '/'; i++) s += src[i] === '\\' && src[i + 1] === '/' ? src[++i] : src[i];
      if (i >= src.length) throw new AwkError('non-terminated regular expression');
      i++;
      out.push({ t: 're', v: s });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkError(`syntax error at source line 1: unexpected character '${c}'`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

const isNum = (v: Val) => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(v);
const num = (v: Val) => (typeof v === 'number' ? v : parseFloat(v) || 0);
const str = (v: Val) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : v);
const truthy = (v: Val) => (typeof v === 'number' ? v !== 0 : v !== '');

interface State { vars: Map<string, Val>; fields: string[]; nr: number; out: string; next: boolean }

/** Parses and evaluates in one recursive-descent pass per execution (programs are tiny). */
class Program {
  private pos = 0;
  private skip = 0;
  rules: { begin: boolean; end: boolean; pattern?: number; action?: number }[] = [];

  constructor(private toks: Tok[], private st: State) {
    while (this.pos < toks.length) {
      if (this.is('\n') || this.is(';')) { this.pos++; continue; }
      const rule: Program['rules'][number] = { begin: false, end: false };
      const t = this.toks[this.pos];
      if (t.t === 'id' && (t.v === 'BEGIN' || t.v === 'END')) { rule[t.v === 'BEGIN' ? 'begin' : 'end'] = true; this.pos++; }
      else if (!this.is('{')) { rule.pattern = this.pos; this.skipping(() => this.expr()); }
      if (this.is('{')) { rule.action = this.pos; this.skipping(() => this.block()); }
      this.rules.push(rule);
    }
  }

  private is(v: string) { const t = this.toks[this.pos]; return t?.t === 'op' && t.v === v; }
  private eat(v: string) { if (!this.is(v)) throw new AwkError(`syntax error: expected '${v}'`); this.pos++; }
  private skipping<T>(fn: () => T): T { this.skip++; try { return fn(); } finally { this.skip--; } }
  private nl() { while (this.is('\n') || this.is(';')) this.pos++; }

  run(at: number, kind: 'pattern' | 'action'): boolean {
    this.pos = at;
    return kind === 'pattern' ? truthy(this.expr()) : (this.block(), true);
  }

  private block(): void {
    this.eat('{');
    this.nl();
    while (!this.is('}')) { this.stmt(); this.nl(); }
    this.eat('}');
  }

  private stmt(): void {
    const t = this.toks[this.pos];
    if (this.is('{')) return this.block();
    if (t?.t === 'id' && t.v === 'if') {
      this.pos++; this.eat('(');
      const c = truthy(this.expr());
      this.eat(')'); this.nl();
      this.maybe(c && !this.st.next, () => this.stmt());
      const save = this.pos;
      this.nl();
      const e = this.toks[this.pos];
      if (e?.t === 'id' && e.v === 'else') { this.pos++; this.nl(); this.maybe(!c && !this.st.next, () => this.stmt()); } else this.pos = save;
      return;
    }
    if (t?.t === 'id' && t.v === 'next') { this.pos++; if (!this.skip) this.st.next = true; return; }
    if (t?.t === 'id' && (t.v === 'print' || t.v === 'printf')) {
      this.pos++;
      const args: Val[] = [];
      const paren = this.is('(');
      if (!this.is('}') && !this.is(';') && !this.is('\n')) {
        if (paren) this.pos++;
        args.push(this.expr());
        while (this.is(',')) { this.pos++; args.push(this.expr()); }
        if (paren) this.eat(')');
      }
      if (this.skip || this.st.next) return;
      if (t.v === 'print') {
        const ofs = str(this.st.vars.get('OFS') ?? ' ');
        this.st.out += `${args.length ? args.map(str).join(ofs) : this.st.fields[0]}\n`;
      } else {
        void printf({ argv: ['printf', ...args.map(str)], io: { stdin: '', stdoutIsTTY: false, stdout: (c) => { this.st.out += c; }, stderr: () => undefined },
          env: undefined as never });
      }
      return;
    }
    this.expr();
  }

  private maybe(run: boolean, fn: () => void) { if (run) fn(); else this.skipping(fn); }

  expr(): Val { return this.ternary(); }

  private ternary(): Val {
    const c = this.or();
    if (!this.is('?')) return c;
    this.pos++;
    const a = truthy(c) ? this.ternary() : this.skipping(() => this.ternary());
    this.eat(':');
    const b = truthy(c) ? this.skipping(() => this.ternary()) : this.ternary();
    return truthy(c) ? a : b;
  }

  private or(): Val { let v = this.and(); while (this.is('||')) { this.pos++; const r = this.and(); v = +(truthy(v) || truthy(r)); } return v; }
  private and(): Val { let v = this.match(); while (this.is('&&')) { this.pos++; const r = this.match(); v = +(truthy(v) && truthy(r)); } return v; }

  private match(): Val {
    let v = this.compare();
    while (this.is('~') || this.is('!~')) {
      const neg = this.is('!~');
      this.pos++;
      const t = this.toks[this.pos];
      const re = t?.t === 're' ? (this.pos++, t.v) : str(this.compare());
      v = +(this.test(re, str(v)) !== neg);
    }
    return v;
  }

  private test(re: string, s: string): boolean {
    if (this.skip) return false;
    const r = compile(re, { ere: true });
    if (!r) throw new AwkError(`invalid regular expression /${re}/`);
    return r.test(s);
  }

  private compare(): Val {
    const a = this.concat();
    const t = this.toks[this.pos];
    if (t?.t !== 'op' || !['==', '!=', '<', '<=', '>', '>='].includes(t.v)) return a;
    this.pos++;
    const b = this.concat();
    const [x, y]: [Val, Val] = isNum(a) && isNum(b) ? [num(a), num(b)] : [str(a), str(b)];
    return +({ '==': x === y, '!=': x !== y, '<': x < y, '<=': x <= y, '>': x > y, '>=': x >= y }[t.v]!);
  }

  /** Juxtaposition concatenates: `$1 " " $2`. */
  private concat(): Val {
    let v = this.additive();
    for (;;) {
      const t = this.toks[this.pos];
      const operand = t && (t.t === 'num' || t.t === 'str' || (t.t === 'id' && !['in', 'else', 'if', 'print', 'printf', 'next'].includes(t.v))
        || (t.t === 'op' && (t.v === '$' || t.v === '(')));
      if (!operand) return v;
      v = str(v) + str(this.additive());
    }
  }

  private additive(): Val {
    let v = this.term();
    while (this.is('+') || this.is('-')) { const op = (this.toks[this.pos++] as { v: string }).v; const r = this.term(); v = op === '+' ? num(v) + num(r) : num(v) - num(r); }
    return v;
  }

  private term(): Val {
    let v = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = (this.toks[this.pos++] as { v: string }).v;
      const r = num(this.unary());
      if (op !== '*' && r === 0 && !this.skip) throw new AwkError('division by zero');
      v = op === '*' ? num(v) * r : op === '/' ? num(v) / r : num(v) % r;
    }
    return v;
  }

  private unary(): Val {
    if (this.is('!')) { this.pos++; return +!truthy(this.unary()); }
    if (this.is('-')) { this.pos++; return -num(this.unary()); }
    if (this.is('+')) { this.pos++; return num(this.unary()); }
    return this.primary();
  }

  private field(i: number): string {
    return i === 0 ? this.st.fields[0] : this.st.fields[i] ?? '';
  }

  private assign(get: () => Val, set: (v: Val) => void): Val {
    const t = this.toks[this.pos];
    if (t?.t === 'op' && ['=', '+=', '-=', '*=', '/=', '++', '--'].includes(t.v)) {
      this.pos++;
      if (t.v === '++' || t.v === '--') { const old = num(get()); if (!this.skip) set(old + (t.v === '++' ? 1 : -1)); return old; }
      const r = this.expr();
      const v = t.v === '=' ? r : t.v === '+=' ? num(get()) + num(r) : t.v === '-=' ? num(get()) - num(r) : t.v === '*=' ? num(get()) * num(r) : num(get()) / num(r);
      if (!this.skip) set(v);
      return v;
    }
    return get();
  }

  /** The operand of `$`: a number, a variable, NF/NR, `(expr)` or another `$` (no assignment). */
  private fieldIndex(): Val {
    const t = this.toks[this.pos];
    const after = this.toks[this.pos + 1];
    if (t?.t === 'id' && !(after?.t === 'op' && after.v === '(')) {
      this.pos++;
      return t.v === 'NF' ? this.st.fields.length - 1 : t.v === 'NR' ? this.st.nr : this.st.vars.get(t.v) ?? 0;
    }
    if (t?.t === 'num') { this.pos++; return t.v; }
    return this.primary();
  }

  private primary(): Val {
    const t = this.toks[this.pos++];
    if (!t) throw new AwkError('syntax error: unexpected end of program');
    if (t.t === 'num' || t.t === 'str') return t.v;
    if (t.t === 're') return +this.test(t.v, this.st.fields[0]);
    if (t.t === 'op' && t.v === '(') { const v = this.expr(); this.eat(')'); return v; }
    if (t.t === 'op' && t.v === '$') {
      const i = Math.max(0, Math.trunc(num(this.fieldIndex())));
      return this.assign(() => this.field(i), (v) => { this.st.fields[i] = str(v); if (i > 0) this.st.fields[0] = this.st.fields.slice(1).join(str(this.st.vars.get('OFS') ?? ' ')); });
    }
    if (t.t === 'op' && (t.v === '++' || t.v === '--')) {
      const n = this.toks[this.pos++];
      if (n?.t !== 'id') throw new AwkError('syntax error');
      const v = num(this.st.vars.get(n.v) ?? 0) + (t.v === '++' ? 1 : -1);
      if (!this.skip) this.st.vars.set(n.v, v);
      return v;
    }
    if (t.t === 'id') {
      if (this.is('(') && ['length', 'substr', 'toupper', 'tolower', 'index'].includes(t.v)) {
        this.pos++;
        const args: Val[] = [];
        if (!this.is(')')) { args.push(this.expr()); while (this.is(',')) { this.pos++; args.push(this.expr()); } }
        this.eat(')');
        const s = str(args[0] ?? this.st.fields[0]);
        if (t.v === 'length') return s.length;
        if (t.v === 'toupper') return s.toUpperCase();
        if (t.v === 'tolower') return s.toLowerCase();
        if (t.v === 'index') return s.indexOf(str(args[1] ?? '')) + 1;
        const m = Math.max(1, Math.trunc(num(args[1] ?? 1)));
        return args[2] === undefined ? s.slice(m - 1) : s.slice(m - 1, m - 1 + Math.trunc(num(args[2])));
      }
      if (t.v === 'length') return this.st.fields[0].length;
      if (t.v === 'NR') return this.st.nr;
      if (t.v === 'NF') return this.st.fields.length - 1;
      return this.assign(() => this.st.vars.get(t.v) ?? '', (v) => this.st.vars.set(t.v, v));
    }
    throw new AwkError(`syntax error at '${t.v}'`);
  }
}

function split(line: string, fs: string): string[] {
  if (fs === ' ') return line.trim() === '' ? [] : line.trim().split(/[ \t]+/);
  if (fs.length === 1 && fs !== '\\') return line.split(fs);
  const re = compile(fs, { ere: true });
  return re ? line.split(re) : [line];
}

export const awk: CommandFn = (ctx) => {
  const { argv, io } = ctx;
  let fs = ' ';
  const vars = new Map<string, Val>([['OFS', ' ']]);
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    const a = argv[i];
    if (a === '-F') fs = argv[++i] ?? ' ';
    else if (a.startsWith('-F')) fs = a.slice(2);
    else if (a === '-v') { const [k, ...v] = (argv[++i] ?? '').split('='); vars.set(k, v.join('=')); }
    else if (a === '--') { i++; break; }
    else { io.stderr(`awk: not an option: ${a}\n`); return 2; }
  }
  if (fs === 't') fs = '\t';
  const source = argv[i];
  if (source === undefined) { io.stderr('usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n'); return 2; }
  const ins = inputs(ctx, argv.slice(i + 1), 'awk');
  if (typeof ins === 'number') return ins;
  const st: State = { vars, fields: [''], nr: 0, out: '', next: false };
  try {
    const prog = new Program(tokenize(source), st);
    for (const r of prog.rules) if (r.begin && r.action !== undefined) prog.run(r.action, 'action');
    for (const { text } of ins) {
      for (const line of lines(text)) {
        st.nr++;
        st.fields = [line, ...split(line, String(vars.get('FS') ?? fs))];
        st.next = false;
        for (const r of prog.rules) {
          if (r.begin || r.end || st.next) continue;
          if (r.pattern !== undefined && !prog.run(r.pattern, 'pattern')) continue;
          if (r.action !== undefined) prog.run(r.action, 'action'); else st.out += `${st.fields[0]}\n`;
        }
      }
    }
    for (const r of prog.rules) if (r.end && r.action !== undefined) prog.run(r.action, 'action');
  } catch (e) {
    if (!(e instanceof AwkError)) throw e;
    io.stdout(st.out);
    io.stderr(`awk: ${e.message}\n source line number 1\n`);
    return 2;
  }
  io.stdout(st.out);
  return 0;
};
