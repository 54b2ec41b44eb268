import {
  IncompleteInput, NestingTooDeep, ShellSyntaxError,
  type AndOr, type Command, type CompoundCommand, type Pipeline, type Redirect, type Script, type SimpleCommand, type Word,
} from './ast';
import { Lexer, type Token } from './lexer';

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Reserved words that can only close or continue a compound command. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
/** Deepest nesting of compound commands the parser follows. */
export const MAX_NESTING = 100;

/** A terminator of a list: a reserved word, or an operator (`)` of a subshell, `;;` of a case arm). */
type Stop = string;

/**
 * Recursive-descent parser over the lexer's tokens (POSIX grammar, bash flavoured):
 *   list     := and_or ((';' | '&' | NL) and_or)*
 *   and_or   := pipeline (('&&' | '||') NL* pipeline)*
 *   pipeline := ['!'] command ('|' NL* command)*
 *   command  := simple | for | while | until | if | case | '(' list ')' | '{' list '}'   (+ redirects)
 *   simple   := assignment* (word | redirect)+
 * Reserved words count only in command position, as in bash.
 */
export function parseScript(src: string): Script {
  const tokens = new Lexer(src).run();
  let pos = 0;
  let depth = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (op: string) => { const t = peek(); return t?.t === 'op' && t.op === op; };
  const isWord = (raw: string) => { const t = peek(); return t?.t === 'word' && t.raw === raw; };
  const skipNewlines = () => { while (isOp('\n')) pos++; };
  const unexpected = (): never => {
    const t = peek();
    if (!t) throw new IncompleteInput('operator');
    throw new ShellSyntaxError(t.t === 'op' ? (t.op === '\n' ? 'newline' : t.op) : t.t === 'word' ? t.raw : t.t === 'arith' ? '((' : t.redirect.op);
  };
  const expectWord = (raw: string) => {
    skipNewlines();
    if (!isWord(raw)) unexpected();
    pos++;
  };
  const atStop = (stops: Stop[]): boolean => {
    const t = peek();
    if (!t) return false;
    if (t.t === 'op') return stops.includes(t.op);
    return t.t === 'word' && stops.includes(t.raw);
  };

  const redirects = (): Redirect[] => {
    const out: Redirect[] = [];
    for (let t = peek(); t?.t === 'redir'; t = peek()) {
      pos++;
      const first = t.redirect.target.parts[0];
      if (first?.kind === 'text' && first.value.startsWith('\u0000')) throw new ShellSyntaxError(first.value.slice(1));
      out.push(t.redirect);
    }
    return out;
  };

  const simple = (): SimpleCommand => {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] };
    for (let t = peek(); t && t.t !== 'op' && t.t !== 'arith'; t = peek()) {
      if (t.t === 'redir') { cmd.redirects.push(...redirects()); continue; }
      pos++;
      const lead = t.word.parts[0];
      const m = cmd.words.length === 0 && lead?.kind === 'text' && !lead.quoted ? ASSIGN.exec(lead.value) : null;
      if (m) {
        const rest = [{ kind: 'text' as const, quoted: false, value: m.input.slice(m[0].length) }, ...t.word.parts.slice(1)];
        cmd.assigns.push({ name: m[1], value: { parts: rest } });
      } else cmd.words.push(t.word);
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) unexpected();
    return cmd;
  };

  /** A non-empty list up to one of `stops` (not consumed); input ending first is incomplete. */
  const list = (stops: Stop[]): Script => {
    if (++depth > MAX_NESTING) throw new NestingTooDeep();
    const script: Script = { items: [] };
    skipNewlines();
    while (!atStop(stops)) {
      if (pos >= tokens.length) throw new IncompleteInput('compound command');
      const node = andOr();
      let background = false;
      const t = peek();
      if (t?.t === 'op' && (t.op === ';' || t.op === '&' || t.op === '\n')) {
        background = t.op === '&';
        pos++;
      } else if (!atStop(stops)) unexpected();
      script.items.push({ andOr: node, background });
      skipNewlines();
    }
    if (script.items.length === 0) unexpected();
    depth--;
    return script;
  };

  const forCommand = (): CompoundCommand => {
    const t = peek();
    if (t?.t === 'arith') {
      pos++;
      const parts = t.source.split(';');
      if (parts.length !== 3) throw new ShellSyntaxError('((', `syntax error: arithmetic expression required`);
      skipNewlines();
      if (isOp(';')) pos++;
      expectWord('do');
      const body = list(['done']);
      pos++;
      return { type: 'cfor', init: parts[0], cond: parts[1], step: parts[2], body, redirects: [] };
    }
    if (t?.t !== 'word') return unexpected();
    if (!NAME.test(t.raw)) throw new ShellSyntaxError(t.raw, `\`${t.raw}': not a valid identifier`);
    pos++;
    let items: Word[] | undefined;
    skipNewlines();
    if (isWord('in')) {
      pos++;
      items = [];
      for (let w = peek(); w?.t === 'word'; w = peek()) { items.push(w.word); pos++; }
      if (!isOp(';') && !isOp('\n')) unexpected();
      pos++;
    } else if (isOp(';')) pos++;
    expectWord('do');
    const body = list(['done']);
    pos++;
    return { type: 'for', name: t.raw, items, body, redirects: [] };
  };

  const ifCommand = (): CompoundCommand => {
    const clauses: { cond: Script; body: Script }[] = [];
    let elseBody: Script | undefined;
    for (;;) {
      const cond = list(['then']);
      pos++;
      const body = list(['elif', 'else', 'fi']);
      clauses.push({ cond, body });
      const kw = (peek() as { raw: string }).raw;
      pos++;
      if (kw === 'elif') continue;
      if (kw === 'else') { elseBody = list(['fi']); pos++; }
      return { type: 'if', clauses, elseBody, redirects: [] };
    }
  };

  const caseCommand = (): CompoundCommand => {
    const t = peek();
    if (t?.t !== 'word') return unexpected();
    pos++;
    expectWord('in');
    const arms: { patterns: Word[]; body: Script }[] = [];
    for (;;) {
      skipNewlines();
      if (isWord('esac')) { pos++; break; }
      if (isOp('(')) pos++;
      const patterns: Word[] = [];
      for (;;) {
        const p = peek();
        if (p?.t !== 'word') return unexpected();
        patterns.push(p.word);
        pos++;
        if (isOp('|')) { pos++; continue; }
        if (isOp(')')) { pos++; break; }
        return unexpected();
      }
      skipNewlines();
      const body = atStop([';;', 'esac']) ? { items: [] } : list([';;', 'esac']);
      arms.push({ patterns, body });
      if (isOp(';;')) pos++;
    }
    return { type: 'case', word: t.word, arms, redirects: [] };
  };

  const command = (): Command => {
    const t = peek();
    let node: CompoundCommand | undefined;
    const fnName = t?.t === 'word' && t.raw === 'function' ? tokens[pos + 1] : t;
    const defines = fnName?.t === 'word' && (fnName !== t || (tokens[pos + 1]?.t === 'op' && (tokens[pos + 1] as { op: string }).op === '('));
    if (t?.t === 'arith') {
      pos++;
      node = { type: 'arith', source: t.source, redirects: [] };
    } else if (t?.t === 'op' && t.op === '(') {
      pos++;
      node = { type: 'subshell', body: list([')']), redirects: [] };
      pos++;
    } else if (defines && fnName.t === 'word' && !CLOSERS.has(fnName.raw)) {
      pos += fnName === t ? 1 : 2;
      if (isOp('(')) {
        pos++;
        if (!isOp(')')) unexpected();
        pos++;
      }
      skipNewlines();
      const next = peek();
      const compound = next?.t === 'arith' || (next?.t === 'op' && next.op === '(')
        || (next?.t === 'word' && ['{', 'if', 'for', 'while', 'until', 'case'].includes(next.raw));
      if (!compound) unexpected();
      const body = command() as CompoundCommand;
      return { type: 'function', name: fnName.raw, body, redirects: [] };
    } else if (t?.t === 'word') {
      if (CLOSERS.has(t.raw)) unexpected();
      const kw = t.raw;
      if (kw === 'for' || kw === 'while' || kw === 'until' || kw === 'if' || kw === 'case' || kw === '{') pos++;
      if (kw === 'for') node = forCommand();
      else if (kw === 'while' || kw === 'until') {
        const cond = list(['do']);
        pos++;
        node = { type: 'while', until: kw === 'until', cond, body: list(['done']), redirects: [] };
        pos++;
      } else if (kw === 'if') node = ifCommand();
      else if (kw === 'case') node = caseCommand();
      else if (kw === '{') {
        node = { type: 'group', body: list(['}']), redirects: [] };
        pos++;
      }
    }
    if (!node) return simple();
    node.redirects = redirects();
    const after = peek();
    if (after && after.t === 'word') unexpected();
    return node;
  };

  const pipeline = (): Pipeline => {
    let negate = false;
    const t = peek();
    if (t?.t === 'word' && t.raw === '!') { negate = true; pos++; }
    const commands = [command()];
    while (isOp('|')) {
      pos++;
      skipNewlines();
      commands.push(command());
    }
    return { negate, commands };
  };

  const andOr = (): AndOr => {
    const node: AndOr = { first: pipeline(), rest: [] };
    for (let t = peek(); t?.t === 'op' && (t.op === '&&' || t.op === '||'); t = peek()) {
      pos++;
      skipNewlines();
      node.rest.push({ op: t.op, pipeline: pipeline() });
    }
    return node;
  };

  const script: Script = { items: [] };
  skipNewlines();
  while (pos < tokens.length) {
    const node = andOr();
    let background = false;
    const t = peek();
    if (t?.t === 'op' && (t.op === ';' || t.op === '&' || t.op === '\n')) {
      background = t.op === '&';
      pos++;
    } else if (t) unexpected();
    script.items.push({ andOr: node, background });
    skipNewlines();
    if (isOp(';') || isOp('&') || isOp(';;')) unexpected();
  }
  return script;
}

/** True when the text is a whole command line (nothing open); syntax errors count as complete. */
export function isCompleteInput(src: string): boolean {
  try {
    parseScript(src);
    return true;
  } catch (e) {
    return !(e instanceof IncompleteInput);
  }
}
