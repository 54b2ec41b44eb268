import { IncompleteInput, ShellSyntaxError, type AndOr, type Pipeline, type Script, type SimpleCommand } from './ast';
import { Lexer, type Token } from './lexer';

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * Recursive-descent parser over the lexer's tokens:
 *   script   := and_or ((';' | '&' | NL) and_or)*
 *   and_or   := pipeline (('&&' | '||') NL* pipeline)*
 *   pipeline := ['!'] command ('|' NL* command)*
 *   command  := assignment* (word | redirect)+
 */
export function parseScript(src: string): Script {
  const tokens = new Lexer(src).run();
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (op: string) => { const t = peek(); return t?.t === 'op' && t.op === op; };
  const skipNewlines = () => { while (isOp('\n')) pos++; };
  const unexpected = (): never => {
    const t = peek();
    if (!t) throw new IncompleteInput('operator');
    throw new ShellSyntaxError(t.t === 'op' ? (t.op === '\n' ? 'newline' : t.op) : t.t === 'word' ? t.raw : t.redirect.op);
  };

  const command = (): SimpleCommand => {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] };
    for (let t = peek(); t && t.t !== 'op'; t = peek()) {
      pos++;
      if (t.t === 'redir') {
        const first = t.redirect.target.parts[0];
        if (first?.kind === 'text' && first.value.startsWith('\u0000')) throw new ShellSyntaxError(first.value.slice(1));
        cmd.redirects.push(t.redirect);
        continue;
      }
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
    if (isOp(';') || isOp('&')) unexpected();
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
