/**
 * Shell arithmetic (`$((...))`, `let`): bash's integer operators with C precedence,
 * variables by name (unset or empty = 0), assignments and ++/--.
 */
export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Node =
  | { k: 'num'; v: number }
  | { k: 'var'; name: string }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'assign'; op: string; name: string; b: Node }
  | { k: 'inc'; op: '++' | '--'; prefix: boolean; name: string }
  | { k: 'cond'; c: Node; a: Node; b: Node };

const BINARY: [string[], number][] = [
  [['||'], 1], [['&&'], 2], [['|'], 3], [['^'], 4], [['&'], 5], [['==', '!='], 6],
  [['<=', '>=', '<', '>'], 7], [['<<', '>>'], 8], [['+', '-'], 9], [['*', '/', '%'], 10], [['**'], 11],
];
const PREC = new Map(BINARY.flatMap(([ops, p]) => ops.map((o) => [o, p] as const)));
const TOKEN = /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*=?|<<=|>>=|\+\+|--|&&|\|\||[=!<>]=|<<|>>|[-+*/%&|^]=|[-+*/%()<>=!~?:&|^,])/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${src.slice(at).trim()}")`);
    out.push(m[1]);
    at = TOKEN.lastIndex;
  }
  return out;
}

function parse(tokens: string[]): Node {
  let i = 0;
  let depth = 0;
  const peek = () => tokens[i];
  const operand = (): never => {
    throw new ArithError(`syntax error: operand expected (error token is "${tokens.slice(i).join('') || tokens[tokens.length - 1] || ''}")`);
  };
  const primary = (): Node => {
    const t = tokens[i++];
    if (t === undefined) return operand();
    if (t === '(') {
      if (++depth > 200) throw new ArithError('expression nested too deeply');
      const e = comma();
      depth--;
      if (tokens[i++] !== ')') throw new ArithError('missing `)\'');
      return e;
    }
    if (t === '++' || t === '--') {
      const n = tokens[i++];
      if (!n || !/^[A-Za-z_]/.test(n)) return operand();
      return { k: 'inc', op: t, prefix: true, name: n };
    }
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      if (++depth > 200) throw new ArithError('expression nested too deeply');
      const a = primary();
      depth--;
      return { k: 'un', op: t, a };
    }
    if (/^\d/.test(t)) {
      const v = /^0[xX]/.test(t) ? parseInt(t, 16) : /^0\d/.test(t) ? parseInt(t, 8) : Number(t);
      if (Number.isNaN(v)) throw new ArithError(`value too great for base (error token is "${t}")`);
      return { k: 'num', v };
    }
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === '++' || peek() === '--') return { k: 'inc', op: tokens[i++] as '++', prefix: false, name: t };
      return { k: 'var', name: t };
    }
    i--;
    return operand();
  };
  const binary = (min: number): Node => {
    let left = primary();
    for (;;) {
      const op = peek();
      const p = op === undefined ? undefined : PREC.get(op);
      if (p === undefined || p < min) return left;
      i++;
      const right = binary(op === '**' ? p : p + 1);
      left = { k: 'bin', op: op!, a: left, b: right };
    }
  };
  const ternary = (): Node => {
    const c = binary(1);
    if (peek() !== '?') return c;
    i++;
    const a = assign();
    if (tokens[i++] !== ':') throw new ArithError("syntax error: `:' expected for conditional expression");
    return { k: 'cond', c, a, b: assign() };
  };
  const assign = (): Node => {
    const t = peek();
    const op = tokens[i + 1];
    if (t && /^[A-Za-z_]/.test(t) && op && /^(\*\*|[-+*/%&|^]|<<|>>)?=$/.test(op)) {
      i += 2;
      return { k: 'assign', op, name: t, b: assign() };
    }
    return ternary();
  };
  const comma = (): Node => {
    let e = assign();
    while (peek() === ',') { i++; e = { k: 'bin', op: ',', a: e, b: assign() }; }
    return e;
  };
  const e = comma();
  if (i < tokens.length) throw new ArithError(`syntax error in expression (error token is "${tokens.slice(i).join(' ')}")`);
  return e;
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': case '%':
      if (b === 0) throw new ArithError('division by 0 (error token is "0")');
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '**':
      if (b < 0) throw new ArithError('exponent less than 0 (error token is "0")');
      return a ** b;
    case '<<': return a * 2 ** b;
    case '>>': return Math.floor(a / 2 ** b);
    case '<': return +(a < b);
    case '<=': return +(a <= b);
    case '>': return +(a > b);
    case '>=': return +(a >= b);
    case '==': return +(a === b);
    case '!=': return +(a !== b);
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case ',': return b;
    default: throw new ArithError(`unknown operator ${op}`);
  }
}

function valueOf(name: string, vars: ArithVars, depth: number): number {
  const raw = (vars.get(name) ?? '').trim();
  if (raw === '') return 0;
  if (/^-?\d+$/.test(raw)) return Number(raw);
  if (depth > 10) throw new ArithError('expression recursion level exceeded');
  return evaluate(parse(tokenize(raw)), vars, depth + 1);
}

function evaluate(n: Node, vars: ArithVars, depth: number): number {
  switch (n.k) {
    case 'num': return n.v;
    case 'var': return valueOf(n.name, vars, depth);
    case 'un': {
      const a = evaluate(n.a, vars, depth);
      return n.op === '-' ? -a : n.op === '+' ? a : n.op === '!' ? +(a === 0) : ~a;
    }
    case 'bin':
      if (n.op === '&&') return +(evaluate(n.a, vars, depth) !== 0 && evaluate(n.b, vars, depth) !== 0);
      if (n.op === '||') return +(evaluate(n.a, vars, depth) !== 0 || evaluate(n.b, vars, depth) !== 0);
      return apply(n.op, evaluate(n.a, vars, depth), evaluate(n.b, vars, depth));
    case 'cond': return evaluate(n.c, vars, depth) !== 0 ? evaluate(n.a, vars, depth) : evaluate(n.b, vars, depth);
    case 'assign': {
      const b = evaluate(n.b, vars, depth);
      const v = n.op === '=' ? b : apply(n.op.slice(0, -1), valueOf(n.name, vars, depth), b);
      vars.set(n.name, String(v));
      return v;
    }
    case 'inc': {
      const old = valueOf(n.name, vars, depth);
      const v = n.op === '++' ? old + 1 : old - 1;
      vars.set(n.name, String(v));
      return n.prefix ? v : old;
    }
  }
}

/** Evaluates an arithmetic expression (already parameter-expanded); empty text is 0. */
export function evalArith(src: string, vars: ArithVars): number {
  const tokens = tokenize(src);
  if (tokens.length === 0) return 0;
  return evaluate(parse(tokens), vars, 0);
}
