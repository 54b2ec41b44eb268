import { IncompleteInput, type ParamOp, type Redirect, type RedirectOp, type Word, type WordPart } from './ast';

export type Token =
  | { t: 'word'; word: Word; raw: string }
  | { t: 'op'; op: ';' | ';;' | '&' | '&&' | '||' | '|' | '\n' | '(' | ')' }
  | { t: 'redir'; redirect: Redirect }
  /** `((expr))`: an arithmetic command (or the header of a C-style `for`). */
  | { t: 'arith'; source: string };

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const REDIR_OPS: RedirectOp[] = ['&>>', '<<-', '<<<', '&>', '>>', '>&', '<&', '>|', '<<', '>', '<'];

interface PendingHeredoc { redirect: Redirect; delim: string; stripTabs: boolean }

/**
 * Tokeniser for the shell: quoting ('...', "...", backslash), parameter and command
 * substitution, operators, redirections and here-documents (whose bodies follow the
 * line that names them, as in bash). Throws IncompleteInput when the text stops inside
 * a construct, so the terminal can ask for another line.
 */
export class Lexer {
  private i = 0;
  private pending: PendingHeredoc[] = [];
  readonly tokens: Token[] = [];

  constructor(private src: string) {}

  run(): Token[] {
    for (;;) {
      this.skipBlanks();
      if (this.i >= this.src.length) break;
      const ch = this.src[this.i];
      if (ch === '#') { while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++; continue; }
      if (ch === '\n') {
        this.i++;
        this.tokens.push({ t: 'op', op: '\n' });
        this.readHeredocBodies();
        continue;
      }
      const redir = this.tryRedirect();
      if (redir) {
        this.tokens.push({ t: 'redir', redirect: redir });
        if (redir.op === '<<' || redir.op === '<<-') this.registerHeredoc(redir, redir.target);
        continue;
      }
      if (this.src.startsWith('((', this.i)) {
        const end = matchParen(this.src, this.i + 2);
        if (this.src[end + 1] === ')') {
          this.tokens.push({ t: 'arith', source: this.src.slice(this.i + 2, end) });
          this.i = end + 2;
          continue;
        }
      }
      const op = this.tryOperator();
      if (op) { this.tokens.push({ t: 'op', op }); continue; }
      const start = this.i;
      const word = this.readWord();
      this.tokens.push({ t: 'word', word, raw: this.src.slice(start, this.i) });
    }
    if (this.pending.length > 0) throw new IncompleteInput('here-document');
    return this.tokens;
  }

  private skipBlanks(): void {
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && this.src[this.i + 1] === '\n') this.i += 2;
      else if (c === '\\' && this.i + 1 === this.src.length) throw new IncompleteInput('line continuation');
      else break;
    }
  }

  private tryOperator(): ';' | ';;' | '&' | '&&' | '||' | '|' | '(' | ')' | undefined {
    const two = this.src.slice(this.i, this.i + 2);
    if (two === '&&' || two === '||' || two === ';;') { this.i += 2; return two; }
    const c = this.src[this.i];
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') { this.i++; return c; }
    return undefined;
  }

  private tryRedirect(): Redirect | undefined {
    let j = this.i;
    while (j < this.src.length && /[0-9]/.test(this.src[j])) j++;
    const digits = this.src.slice(this.i, j);
    const op = REDIR_OPS.find((o) => this.src.startsWith(o, j));
    if (!op || (digits && op.startsWith('&'))) return undefined;
    this.i = j + op.length;
    const defaultFd = op.startsWith('<') ? 0 : 1;
    const fd = digits ? Number(digits) : defaultFd;
    this.skipBlanks();
    if (this.i >= this.src.length || META.has(this.src[this.i])) {
      const next = this.i >= this.src.length || this.src[this.i] === '\n' ? 'newline' : this.src[this.i];
      return { fd, op, target: { parts: [{ kind: 'text', value: `\u0000${next}`, quoted: true }] } };
    }
    const target = this.readWord();
    return { fd, op, target };
  }

  private registerHeredoc(redirect: Redirect, word: Word): void {
    const first = word.parts[0];
    if (first?.kind === 'text' && first.value.startsWith('\u0000')) return;
    const quoted = word.parts.some((p) => p.kind === 'text' && p.quoted);
    const delim = word.parts.map((p) => (p.kind === 'text' ? p.value : p.kind === 'param' ? `$${p.name}` : `$(${p.source})`)).join('');
    redirect.target = word;
    redirect.heredoc = { body: '', expand: !quoted };
    this.pending.push({ redirect, delim, stripTabs: redirect.op === '<<-' });
  }

  private readHeredocBodies(): void {
    while (this.pending.length > 0) {
      const h = this.pending.shift()!;
      const lines: string[] = [];
      for (;;) {
        if (this.i >= this.src.length) throw new IncompleteInput('here-document');
        const nl = this.src.indexOf('\n', this.i);
        const end = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.i, end);
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delim) { this.i = nl < 0 ? end : end + 1; break; }
        if (nl < 0) throw new IncompleteInput('here-document');
        lines.push(line);
        this.i = end + 1;
      }
      h.redirect.heredoc!.body = lines.map((l) => `${l}\n`).join('');
    }
  }

  /** The whole text as one word, blanks and metacharacters included (`${X:-a b}`). */
  readLooseWord(): Word {
    const parts: WordPart[] = [];
    while (this.i < this.src.length) {
      const before = this.i;
      parts.push(...this.readWord().parts);
      if (this.i === before) { parts.push({ kind: 'text', value: this.src[this.i], quoted: true }); this.i++; }
    }
    return { parts };
  }

  /** Reads one word up to an unquoted metacharacter. */
  private readWord(): Word {
    const parts: WordPart[] = [];
    const text = (value: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'text' && last.quoted === quoted) last.value += value;
      else parts.push({ kind: 'text', value, quoted });
    };
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (META.has(c)) break;
      if (c === '\\') {
        if (this.i + 1 >= this.src.length) throw new IncompleteInput('line continuation');
        if (this.src[this.i + 1] !== '\n') text(this.src[this.i + 1], true);
        this.i += 2;
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.i + 1);
        if (end < 0) throw new IncompleteInput('single quote');
        text(this.src.slice(this.i + 1, end), true);
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        this.readDoubleQuoted(parts, text);
      } else if (c === '$') {
        const p = this.readDollar(false);
        if (p) parts.push(p); else text('$', false);
      } else if (c === '`') {
        parts.push(this.readBackticks(false));
      } else {
        text(c, false);
        this.i++;
      }
    }
    return { parts };
  }

  /** A here-document body: like double quotes, but `"` is literal and the text has no end quote. */
  readHeredocBody(): Word {
    const parts: WordPart[] = [];
    this.readDoubleQuoted(parts, (value, quoted) => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'text') last.value += value;
      else parts.push({ kind: 'text', value, quoted });
    }, true);
    return { parts };
  }

  private readDoubleQuoted(parts: WordPart[], text: (v: string, q: boolean) => void, heredoc = false): void {
    text('', true);
    const escapable = heredoc ? '$`\\\n' : '$`"\\\n';
    for (;;) {
      if (this.i >= this.src.length) {
        if (heredoc) return;
        throw new IncompleteInput('double quote');
      }
      const c = this.src[this.i];
      if (c === '"' && !heredoc) { this.i++; return; }
      if (c === '\\' && this.i + 1 < this.src.length && escapable.includes(this.src[this.i + 1])) {
        if (this.src[this.i + 1] !== '\n') text(this.src[this.i + 1], true);
        this.i += 2;
      } else if (c === '$') {
        const p = this.readDollar(true);
        if (p) parts.push(p); else text('$', true);
      } else if (c === '`') {
        parts.push(this.readBackticks(true));
      } else {
        text(c, true);
        this.i++;
      }
    }
  }

  /** `` `cmd` ``: inside, `\\`, `\``` and `\$` lose their backslash (bash's old-style substitution). */
  private readBackticks(quoted: boolean): WordPart {
    let source = '';
    for (let j = this.i + 1; j < this.src.length; j++) {
      const c = this.src[j];
      if (c === '\\' && j + 1 < this.src.length) {
        const n = this.src[j + 1];
        source += '\\$`'.includes(n) ? n : c + n;
        j++;
        continue;
      }
      if (c === '`') {
        this.i = j + 1;
        return { kind: 'subst', source, quoted };
      }
      source += c;
    }
    throw new IncompleteInput('backquote');
  }

  private readDollar(quoted: boolean): WordPart | undefined {
    const next = this.src[this.i + 1];
    if (next === '(' && this.src[this.i + 2] === '(') {
      const inner = matchParen(this.src, this.i + 3);
      if (this.src[inner + 1] === ')') {
        const source = this.src.slice(this.i + 3, inner);
        this.i = inner + 2;
        return { kind: 'arith', source, quoted };
      }
      if (inner + 1 >= this.src.length) throw new IncompleteInput('arithmetic expansion');
    }
    if (next === '(') {
      const end = matchParen(this.src, this.i + 2);
      const source = this.src.slice(this.i + 2, end);
      this.i = end + 1;
      return { kind: 'subst', source, quoted };
    }
    if (next === '{') {
      const end = this.src.indexOf('}', this.i + 2);
      if (end < 0) throw new IncompleteInput('parameter expansion');
      const inner = this.src.slice(this.i + 2, end);
      this.i = end + 1;
      return parseBraced(inner, quoted);
    }
    if (next !== undefined && '?$#!@*0123456789'.includes(next)) {
      this.i += 2;
      return { kind: 'param', name: next, quoted };
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = this.i + 1;
      while (j < this.src.length && NAME_CHAR.test(this.src[j])) j++;
      const name = this.src.slice(this.i + 1, j);
      this.i = j;
      return { kind: 'param', name, quoted };
    }
    this.i++;
    return undefined;
  }
}

/** Index of the `)` closing a `$(` whose body starts at `from`, honouring quotes. */
function matchParen(src: string, from: number): number {
  let depth = 1;
  for (let j = from; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') { j++; continue; }
    if (c === "'") { const e = src.indexOf("'", j + 1); if (e < 0) break; j = e; continue; }
    if (c === '"') {
      let k = j + 1;
      while (k < src.length && src[k] !== '"') k += src[k] === '\\' ? 2 : 1;
      if (k >= src.length) break;
      j = k;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return j;
  }
  throw new IncompleteInput('command substitution');
}

function parseBraced(inner: string, quoted: boolean): WordPart {
  if (inner.startsWith('#') && inner.length > 1) return { kind: 'param', name: inner.slice(1), quoted, op: '#' };
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#!@*0-9])(:-|-|:\+|\+|:=|=|:\?|\?|##|#|%%|%|\/\/|\/|:)?([\s\S]*)$/.exec(inner);
  if (!m || (!m[2] && m[3])) return { kind: 'text', value: `\${${inner}}`, quoted };
  const [, name, op, rest] = m;
  if (!op) return { kind: 'param', name, quoted };
  const word = (text: string) => new Lexer(text).readLooseWord();
  if (op === '/' || op === '//') {
    let k = 0;
    while (k < rest.length && rest[k] !== '/') k += rest[k] === '\\' ? 2 : 1;
    return { kind: 'param', name, quoted, op, arg: word(rest.slice(0, k)), arg2: word(rest.slice(k + 1)) };
  }
  return { kind: 'param', name, quoted, op: (op === '#' ? '#p' : op) as ParamOp, arg: word(rest) };
}
