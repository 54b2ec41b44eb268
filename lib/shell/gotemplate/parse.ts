/**
 * The parser of a Go text/template subset (Go's src/text/template/parse/{lex.go,parse.go}):
 * text and `{{ }}` actions with `{{-`/`-}}` trimming and comments; pipelines of commands joined
 * by `|`; fields `.a.b`, variables `$x.a`, literals, function calls, parenthesised pipelines;
 * `$x := ...`, `$i, $e := range ...`, `$x = ...`; if / else if / else, range (+ else, break,
 * continue), with (+ else), end. Errors read like Go's: `template: output:1: unclosed action`.
 */

export type Arg =
  | { t: 'field'; chain: string[]; pos: number; src: string }
  | { t: 'var'; name: string; chain: string[]; pos: number; src: string }
  | { t: 'dot'; pos: number; src: string }
  | { t: 'ident'; name: string; pos: number; src: string }
  | { t: 'lit'; v: string | number | boolean | null; pos: number; src: string }
  | { t: 'pipe'; pipe: Pipe; chain: string[]; pos: number; src: string };
export interface Cmd { args: Arg[]; pos: number }
export interface Pipe { decl: string[]; assign: boolean; cmds: Cmd[]; pos: number; src: string }
export interface ControlNode { t: 'if' | 'with' | 'range'; pipe: Pipe; list: Node[]; elseList?: Node[] }
export type Node =
  | { t: 'text'; s: string }
  | { t: 'action'; pipe: Pipe }
  | ControlNode
  | { t: 'break' | 'continue'; pos: number };

export class TemplateError extends Error {}

export const BUILTINS = new Set(['and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'html', 'js', 'urlquery', 'call']);

interface Tok { k: 'field' | 'var' | 'ident' | 'str' | 'num' | 'char' | '(' | ')' | '|' | ':=' | '=' | ','; v: string; pos: number }

export function parseTemplate(src: string, name: string, funcs: Set<string>): Node[] {
  const lineOf = (pos: number) => 1 + (src.slice(0, pos).match(/\n/g)?.length ?? 0);
  const fail = (pos: number, msg: string): never => { throw new TemplateError(`template: ${name}:${lineOf(pos)}: ${msg}`); };

  // Lexing: a flat list of text pieces and actions (token lists).
  type Piece = { text: string } | { toks: Tok[]; pos: number; word?: string };
  const pieces: Piece[] = [];
  let i = 0;
  let trimNext = false;
  while (i <= src.length) {
    const open = src.indexOf('{{', i);
    let text = src.slice(i, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    trimNext = false;
    if (open < 0) { if (text) pieces.push({ text }); break; }
    const trimLeft = /^\{\{-[ \t\r\n]/.test(src.slice(open, open + 4));
    if (trimLeft) text = text.replace(/\s+$/, '');
    if (text) pieces.push({ text });
    let j = open + (trimLeft ? 3 : 2);
    while (j < src.length && /[ \t\r\n]/.test(src[j])) j++;
    if (src.startsWith('/*', j)) {
      const end = src.indexOf('*/', j + 2);
      if (end < 0) fail(open, 'unclosed comment');
      let k = end + 2;
      while (k < src.length && /[ \t\r\n]/.test(src[k])) k++;
      if (src.startsWith('-}}', k) && /[ \t\r\n]/.test(src[k - 1])) { trimNext = true; i = k + 3; continue; }
      if (!src.startsWith('}}', end + 2)) fail(open, 'comment ends before closing delimiter');
      i = end + 4;
      continue;
    }
    const toks: Tok[] = [];
    let closed = false;
    while (j < src.length) {
      const c = src[j];
      if (/[ \t\r\n]/.test(c)) {
        if (src.startsWith('-}}', j + 1)) { trimNext = true; j += 4; closed = true; break; }
        j++; continue;
      }
      if (src.startsWith('}}', j)) { j += 2; closed = true; break; }
      const start = j;
      if (c === '"') {
        j++;
        while (j < src.length && src[j] !== '"') { if (src[j] === '\n') fail(start, 'unterminated quoted string'); j += src[j] === '\\' ? 2 : 1; }
        if (j >= src.length) fail(start, 'unterminated quoted string');
        toks.push({ k: 'str', v: src.slice(start, ++j), pos: start });
      } else if (c === '`') {
        const end = src.indexOf('`', j + 1);
        if (end < 0) fail(start, 'unterminated raw quoted string');
        toks.push({ k: 'str', v: src.slice(start, end + 1), pos: start }); j = end + 1;
      } else if (c === "'") {
        const end = src.indexOf("'", j + 1 + (src[j + 1] === '\\' ? 1 : 0));
        if (end < 0) fail(start, 'unterminated character constant');
        toks.push({ k: 'char', v: src.slice(start, end + 1), pos: start }); j = end + 1;
      } else if (c === ':' && src[j + 1] === '=') { toks.push({ k: ':=', v: ':=', pos: j }); j += 2; }
      else if ('()|=,'.includes(c)) { toks.push({ k: c as Tok['k'], v: c, pos: j }); j++; }
      else if (c === '.' && !/[0-9]/.test(src[j + 1] ?? '')) {
        j++;
        while (j < src.length && /[\w.]/.test(src[j])) j++;
        toks.push({ k: 'field', v: src.slice(start, j), pos: start });
      } else if (c === '$') {
        j++;
        while (j < src.length && /[\w.]/.test(src[j])) j++;
        toks.push({ k: 'var', v: src.slice(start, j), pos: start });
      } else if (/[-+0-9.]/.test(c)) {
        j++;
        while (j < src.length && /[\w.+-]/.test(src[j]) && !(src[j] === '-' && src.startsWith('}}', j + 1))) j++;
        toks.push({ k: 'num', v: src.slice(start, j), pos: start });
      } else if (/[A-Za-z_]/.test(c)) {
        while (j < src.length && /\w/.test(src[j])) j++;
        let v = src.slice(start, j);
        while (src[j] === '.' && /[A-Za-z_]/.test(src[j + 1] ?? '')) { const s = j++; while (j < src.length && /\w/.test(src[j])) j++; v += src.slice(s, j); }
        toks.push({ k: 'ident', v, pos: start });
      } else {
        fail(start, `unexpected ${JSON.stringify(c)} in command`);
      }
    }
    if (!closed) fail(open, 'unclosed action');
    pieces.push({ toks, pos: open });
    i = j;
  }

  // Parsing pieces into a tree.
  let p = 0;
  function parsePipe(toks: Tok[], pos: number, allowDecl: boolean): Pipe {
    let k = 0;
    const decl: string[] = [];
    let assign = false;
    if (allowDecl && toks[0]?.k === 'var') {
      if (toks[1]?.k === ':=' || toks[1]?.k === '=') { decl.push(toks[0].v); assign = toks[1].k === '='; k = 2; }
      else if (toks[1]?.k === ',' && toks[2]?.k === 'var' && toks[3]?.k === ':=') { decl.push(toks[0].v, toks[2].v); k = 4; }
    }
    const srcText = toks.length ? src.slice(toks[0].pos, toks[toks.length - 1].pos + toks[toks.length - 1].v.length) : '';
    const cmds: Cmd[] = [];
    let args: Arg[] = [];
    const endCmd = (at: number) => { if (!args.length) fail(at, 'missing value for command'); cmds.push({ args, pos: args[0].pos }); args = []; };
    while (k < toks.length) {
      const tk = toks[k];
      if (tk.k === '|') { endCmd(tk.pos); k++; continue; }
      if (tk.k === '(') {
        let depth = 1, e = k + 1;
        for (; e < toks.length && depth; e++) { if (toks[e].k === '(') depth++; if (toks[e].k === ')') depth--; }
        if (depth) fail(tk.pos, 'unclosed left paren');
        const inner = parsePipe(toks.slice(k + 1, e - 1), tk.pos, false);
        let chain: string[] = [];
        if (toks[e]?.k === 'field' && toks[e].pos === toks[e - 1].pos + 1) { chain = fieldChain(toks[e].v); e++; }
        args.push({ t: 'pipe', pipe: inner, chain, pos: tk.pos, src: src.slice(tk.pos, toks[e - 1].pos + toks[e - 1].v.length) });
        k = e; continue;
      }
      if (tk.k === ')') fail(tk.pos, 'unexpected right paren');
      if (tk.k === ':=' || tk.k === '=' || tk.k === ',') fail(tk.pos, `unexpected "${tk.v}" in operand`);
      args.push(operand(tk));
      k++;
    }
    if (args.length) endCmd(pos);
    if (!cmds.length) fail(pos, decl.length ? 'missing value for command' : 'missing value for command');
    return { decl, assign, cmds, pos, src: srcText };
  }
  function fieldChain(v: string): string[] {
    return v.split('.').slice(1);
  }
  function operand(tk: Tok): Arg {
    const base = { pos: tk.pos, src: tk.v };
    switch (tk.k) {
      case 'field': return tk.v === '.' ? { t: 'dot', ...base } : { t: 'field', chain: fieldChain(tk.v), ...base };
      case 'var': { const [n, ...chain] = tk.v.split('.'); return { t: 'var', name: n, chain, ...base }; }
      case 'str': return { t: 'lit', v: unquote(tk.v, tk.pos), ...base };
      case 'char': return { t: 'lit', v: (unquote(`"${tk.v.slice(1, -1)}"`, tk.pos) as string).codePointAt(0) ?? 0, ...base };
      case 'num': {
        const n = Number(tk.v.replace(/_/g, ''));
        if (Number.isNaN(n)) fail(tk.pos, `bad number syntax: "${tk.v}"`);
        return { t: 'lit', v: n, ...base };
      }
      default: {
        if (tk.v === 'true' || tk.v === 'false') return { t: 'lit', v: tk.v === 'true', ...base };
        if (tk.v === 'nil') return { t: 'lit', v: null, ...base };
        if (!funcs.has(tk.v)) fail(tk.pos, `function "${tk.v}" not defined`);
        return { t: 'ident', name: tk.v, ...base };
      }
    }
  }
  function unquote(q: string, pos: number): string {
    if (q.startsWith('`')) return q.slice(1, -1);
    try { return JSON.parse(q.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\([abfv])/g, (_, c: string) => ({ a: '\\u0007', b: '\\b', f: '\\f', v: '\\u000b' })[c] ?? c)); }
    catch { return fail(pos, `invalid syntax: ${q}`); }
  }
  function parseList(stops: string[]): { nodes: Node[]; stop?: string; piece?: Piece } {
    const nodes: Node[] = [];
    while (p < pieces.length) {
      const piece = pieces[p++];
      if ('text' in piece) { nodes.push({ t: 'text', s: piece.text }); continue; }
      const [first] = piece.toks;
      if (!first) fail(piece.pos, 'missing value for command');
      const word = first.k === 'ident' ? first.v : '';
      if (word === 'end' || word === 'else') {
        if (!stops.includes(word)) fail(piece.pos, `unexpected {{${word}}}`);
        return { nodes, stop: word, piece };
      }
      if (word === 'if' || word === 'with' || word === 'range') {
        nodes.push(parseControl(word, piece as { toks: Tok[]; pos: number }));
      } else if (word === 'break' || word === 'continue') {
        nodes.push({ t: word, pos: piece.pos });
      } else if (['define', 'template', 'block'].includes(word)) {
        fail(piece.pos, `kubelab: {{${word}}} is not supported in kubectl's go-template output here`);
      } else {
        nodes.push({ t: 'action', pipe: parsePipe(piece.toks, piece.pos, true) });
      }
    }
    if (stops.length) fail(src.length, 'unexpected EOF');
    return { nodes };
  }
  function parseControl(word: 'if' | 'with' | 'range', piece: { toks: Tok[]; pos: number }): Node {
    if (piece.toks.length < 2) fail(piece.pos, `missing value for ${word}`);
    const pipe = parsePipe(piece.toks.slice(1), piece.pos, true);
    const body = parseList(['end', 'else']);
    const node: ControlNode = { t: word, pipe, list: body.nodes };
    if (body.stop === 'else') {
      const rest = (body.piece as { toks: Tok[]; pos: number }).toks.slice(1);
      if (rest.length && (word === 'if' || word === 'with') && rest[0].k === 'ident' && rest[0].v === word) {
        // `{{else if x}}` / `{{else with x}}`: a nested control that shares our {{end}}.
        node.elseList = [parseControl(word, { toks: rest, pos: (body.piece as { pos: number }).pos })];
        return node;
      }
      if (rest.length) fail((body.piece as { pos: number }).pos, 'unexpected tokens after {{else}}');
      const tail = parseList(['end']);
      node.elseList = tail.nodes;
    }
    return node;
  }
  const { nodes } = parseList([]);
  return nodes;
}
