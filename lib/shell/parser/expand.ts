import { ArithError, evalArith } from '../arith';
import type { Word, WordPart } from './ast';
import { Lexer } from './lexer';
import { replacePattern, trimPattern } from './param-ops';

/** `${X:?message}` on an unset variable: the command fails with bash's message. */
export class ExpansionError extends Error {}

export interface ExpandContext {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** Runs `$(...)` and returns its stdout. */
  runSubst(source: string): Promise<string>;
  home: string;
  /** `$1`... for `"$@"`, which expands to one field per parameter. */
  positional?(): string[];
  /** Pathname expansion against the virtual filesystem; undefined = no match. */
  glob?(pattern: string): string[] | undefined;
}

const IFS = /[ \t\n]+/;

async function partValue(p: WordPart, ctx: ExpandContext): Promise<string> {
  if (p.kind === 'text') return p.value;
  if (p.kind === 'subst') return (await ctx.runSubst(p.source)).replace(/\n+$/, '');
  if (p.kind === 'arith') {
    const text = await expandWord(new Lexer(p.source).readHeredocBody(), { ...ctx, home: '\u0000no-tilde' });
    try {
      return String(evalArith(text, { get: (n) => ctx.getVar(n), set: (n, v) => ctx.setVar(n, v) }));
    } catch (e) {
      if (e instanceof ArithError) throw new ArithError(`${text.trim()}: ${e.message}`);
      throw e;
    }
  }
  const value = ctx.getVar(p.name);
  switch (p.op) {
    case '#': return String((value ?? '').length);
    case ':-': return value ? value : await expandWord(p.arg!, ctx);
    case '-': return value !== undefined ? value : await expandWord(p.arg!, ctx);
    case ':+': return value ? await expandWord(p.arg!, ctx) : '';
    case '+': return value !== undefined ? await expandWord(p.arg!, ctx) : '';
    case ':=': case '=': {
      if (p.op === ':=' ? value : value !== undefined) return value!;
      const v = await expandWord(p.arg!, ctx);
      ctx.setVar(p.name, v);
      return v;
    }
    case ':?': case '?': {
      if (p.op === ':?' ? value : value !== undefined) return value!;
      const msg = await expandWord(p.arg!, ctx);
      throw new ExpansionError(`${p.name}: ${msg || (p.op === ':?' ? 'parameter null or not set' : 'parameter not set')}`);
    }
    case '#p': case '##': return trimPattern(value ?? '', await expandWord(p.arg!, ctx), false, p.op === '##');
    case '%': case '%%': return trimPattern(value ?? '', await expandWord(p.arg!, ctx), true, p.op === '%%');
    case '/': case '//':
      return replacePattern(value ?? '', await expandWord(p.arg!, ctx), await expandWord(p.arg2!, ctx), p.op === '//');
    case ':': {
      const [off, len] = (await expandWord(p.arg!, ctx)).split(':');
      const vars = { get: (n: string) => ctx.getVar(n), set: (n: string, v: string) => ctx.setVar(n, v) };
      const v = value ?? '';
      let start = evalArith(off, vars);
      if (start < 0) start = Math.max(0, v.length + start);
      if (len === undefined) return v.slice(start);
      const count = evalArith(len, vars);
      return count < 0 ? v.slice(start, v.length + count) : v.slice(start, start + count);
    }
    default: return value ?? '';
  }
}

function tilde(parts: WordPart[], home: string): WordPart[] {
  const first = parts[0];
  if (first?.kind === 'text' && !first.quoted && (first.value === '~' || first.value.startsWith('~/'))) {
    return [{ ...first, value: home + first.value.slice(1) }, ...parts.slice(1)];
  }
  return parts;
}

/** Expands a word without field splitting (assignments, redirect targets, heredocs). */
export async function expandWord(word: Word, ctx: ExpandContext): Promise<string> {
  let out = '';
  for (const p of tilde(word.parts, ctx.home)) out += await partValue(p, ctx);
  return out;
}

/**
 * Word expansion as in bash: tilde, parameters, command substitution, then field
 * splitting of unquoted expansion results and pathname expansion.
 */
export async function expandWords(words: Word[], ctx: ExpandContext): Promise<string[]> {
  const fields: string[] = [];
  for (const word of words) {
    const local: { text: string; glob: boolean }[] = [];
    let current: { text: string; glob: boolean } | undefined;
    let sawQuoted = false;
    for (const p of tilde(word.parts, ctx.home)) {
      if (p.kind === 'param' && p.name === '@' && p.quoted && !p.op && ctx.positional) {
        ctx.positional().forEach((arg, idx) => {
          if (idx > 0 && current) { local.push(current); current = undefined; }
          current ??= { text: '', glob: false };
          current.text += arg;
        });
        continue;
      }
      const value = await partValue(p, ctx);
      if (p.quoted) sawQuoted = true;
      if (p.kind === 'text' || p.quoted) {
        current ??= { text: '', glob: false };
        current.text += value;
        if (p.kind === 'text' && !p.quoted && /[*?]/.test(value)) current.glob = true;
        continue;
      }
      const pieces = value.split(IFS);
      pieces.forEach((piece, idx) => {
        if (idx > 0) { if (current) local.push(current); current = undefined; }
        if (piece) { current ??= { text: '', glob: false }; current.text += piece; }
      });
    }
    if (current) local.push(current);
    if (local.length === 0 && sawQuoted) local.push({ text: '', glob: false });
    for (const f of local) {
      const matches = f.glob ? ctx.glob?.(f.text) : undefined;
      if (matches && matches.length) fields.push(...matches);
      else fields.push(f.text);
    }
  }
  return fields;
}

/** Expands a here-document body (unquoted delimiter): `$VAR`, `${...}`, `$(...)`, `\$`. */
export async function expandHeredoc(body: string, ctx: ExpandContext): Promise<string> {
  return expandWord(new Lexer(body).readHeredocBody(), { ...ctx, home: '\u0000no-tilde' });
}
