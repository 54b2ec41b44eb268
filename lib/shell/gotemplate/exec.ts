/**
 * Executes a parsed template over JSON data like Go's src/text/template/{exec.go,funcs.go}:
 * maps are map[string]interface{} (missing key → `<no value>`), truthiness like Go's `truth`,
 * range over arrays and maps (sorted keys), variables scoped to their block, builtins with
 * Go's error texts, plus caller-supplied functions (kubectl adds base64decode and exists).
 */
import { goSprint, goSprintf, goSprintln, goString, goTypeName, type Value } from './format';
import { TemplateError, type Arg, type Cmd, type ControlNode, type Node, type Pipe } from './parse';

export type TemplateFunc = (...args: Value[]) => Value;

const NONE = Symbol('none');
class Break {}
class Continue {}

const isMap = (v: Value): v is Record<string, Value> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function truth(v: Value): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  return Object.keys(v as object).length > 0;
}

function basicKind(v: Value): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}

function compare(name: string, a: Value, b: Value): number {
  if (a === undefined || b === undefined) throw new Error('invalid type for comparison');
  const ka = basicKind(a), kb = basicKind(b);
  if (ka !== kb) {
    if ((name === 'eq' || name === 'ne') && (a === null || b === null)) return a === b ? 0 : 1;
    throw new Error('incompatible types for comparison');
  }
  if (ka === 'other') {
    if (name !== 'eq' && name !== 'ne') throw new Error('invalid type for comparison');
    if (a === null && b === null) return 0;
    throw new Error(`non-comparable type ${goString(a)}: ${goTypeName(a)}`);
  }
  if (ka === 'bool' && name !== 'eq' && name !== 'ne') throw new Error('invalid type for comparison');
  return a === b ? 0 : (a as number) < (b as number) ? -1 : 1;
}

function index(item: Value, ...keys: Value[]): Value {
  let v = item;
  for (const k of keys) {
    if (Array.isArray(v) || typeof v === 'string') {
      if (typeof k !== 'number') throw new Error(`cannot index slice/array with type ${goTypeName(k)}`);
      if (k < 0 || k >= v.length) throw new Error(`index out of range: ${k}`);
      v = typeof v === 'string' ? v.charCodeAt(k) : v[k];
    } else if (isMap(v)) {
      if (typeof k !== 'string') throw new Error(`value has type ${goTypeName(k)}; should be string`);
      v = Object.hasOwn(v, k) ? v[k] : undefined;
    } else if (v === undefined || v === null) {
      throw new Error('index of untyped nil');
    } else {
      throw new Error(`can't index item of type ${goTypeName(v)}`);
    }
  }
  return v;
}

const BUILTIN_FUNCS: Record<string, TemplateFunc> = {
  index,
  len: (v) => {
    if (typeof v === 'string' || Array.isArray(v)) return v.length;
    if (isMap(v)) return Object.keys(v).length;
    throw new Error(`len of ${v === undefined || v === null ? 'nil pointer' : `type ${goTypeName(v)}`}`);
  },
  not: (v) => !truth(v),
  print: (...a) => goSprint(a),
  println: (...a) => goSprintln(a),
  printf: (f, ...a) => { if (typeof f !== 'string') throw new Error(`wrong type for value; expected string; got ${goTypeName(f)}`); return goSprintf(f, a); },
  eq: (a, ...bs) => { if (!bs.length) throw new Error('missing argument for comparison'); return bs.some((b) => compare('eq', a, b) === 0); },
  ne: (a, b) => compare('ne', a, b) !== 0,
  lt: (a, b) => compare('lt', a, b) < 0,
  le: (a, b) => compare('le', a, b) <= 0,
  gt: (a, b) => compare('gt', a, b) > 0,
  ge: (a, b) => compare('ge', a, b) >= 0,
  slice: (v, ...ix) => {
    if (typeof v !== 'string' && !Array.isArray(v)) throw new Error(`can't slice item of type ${goTypeName(v)}`);
    const [from = 0, to = v.length] = ix as number[];
    if (from < 0 || to > v.length || from > to) throw new Error(`index out of range: ${from > to ? from : to}`);
    return v.slice(from, to);
  },
  urlquery: (...a) => encodeURIComponent(goSprint(a)).replace(/%20/g, '+'),
  html: (...a) => goSprint(a).replace(/[&'<>"\0]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' })[c] as string),
  js: (...a) => goSprint(a).replace(/[\\'"<>&=]/g, (c) => `\\u00${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`),
};

export interface ExecLimits { maxOutput: number; maxSteps: number; /** Option("missingkey=error"). */ missingKeyError?: boolean }

export function execTemplate(nodes: Node[], data: Value, name: string, src: string, funcs: Record<string, TemplateFunc>, limits: ExecLimits): string {
  let out = '';
  let steps = 0;
  const vars: { name: string; value: Value }[] = [{ name: '$', value: data }];
  const lineCol = (pos: number) => {
    const before = src.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    return `${1 + (before.match(/\n/g)?.length ?? 0)}:${nl < 0 ? pos : pos - nl - 1}`;
  };
  const fail = (pos: number, context: string, msg: string): never => {
    const ctx = context.length > 20 ? `${context.slice(0, 20)}...` : context;
    throw new TemplateError(`template: ${name}:${lineCol(pos)}: executing "${name}" at <${ctx}>: ${msg}`);
  };
  const write = (s: string) => {
    out += s;
    if (out.length > limits.maxOutput) throw new TemplateError(`template: ${name}: output exceeds ${limits.maxOutput} bytes`);
  };
  const tick = () => { if (++steps > limits.maxSteps) throw new TemplateError(`template: ${name}: too many steps (more than ${limits.maxSteps})`); };

  const lookupVar = (n: string, arg: Arg): Value => {
    for (let i = vars.length - 1; i >= 0; i--) if (vars[i].name === n) return vars[i].value;
    return fail(arg.pos, arg.src, `undefined variable: ${n}`);
  };
  const field = (v: Value, chain: string[], arg: Arg): Value => {
    for (const f of chain) {
      if (isMap(v)) {
        if (!Object.hasOwn(v, f) && limits.missingKeyError) fail(arg.pos, arg.src, `map has no entry for key "${f}"`);
        v = Object.hasOwn(v, f) ? v[f] : undefined;
      }
      else if (v === undefined || v === null) fail(arg.pos, arg.src, `nil pointer evaluating interface {}.${f}`);
      else fail(arg.pos, arg.src, `can't evaluate field ${f} in type ${goTypeName(v)}`);
    }
    return v;
  };
  const evalArg = (arg: Arg, dot: Value): Value => {
    switch (arg.t) {
      case 'dot': return dot;
      case 'lit': return arg.v;
      case 'field': return field(dot, arg.chain, arg);
      case 'var': return field(lookupVar(arg.name, arg), arg.chain, arg);
      case 'pipe': return field(evalPipe(arg.pipe, dot), arg.chain, arg);
      case 'ident': return call(arg, [], dot, undefined);
    }
  };
  const call = (fn: Extract<Arg, { t: 'ident' }>, args: Arg[], dot: Value, final: Value | typeof NONE): Value => {
    tick();
    if (fn.name === 'and' || fn.name === 'or') {
      const all = [...args.map((a) => () => evalArg(a, dot)), ...(final === NONE ? [] : [() => final])];
      if (!all.length) fail(fn.pos, fn.src, `wrong number of args for ${fn.name}: want at least 1 got 0`);
      let v: Value;
      for (const get of all) { v = get(); if (truth(v) === (fn.name === 'or')) return v; }
      return v;
    }
    const values = args.map((a) => evalArg(a, dot));
    if (final !== NONE) values.push(final);
    const f = funcs[fn.name] ?? BUILTIN_FUNCS[fn.name];
    if (!f) return fail(fn.pos, fn.src, `"${fn.name}" is not a defined function`);
    const arity: Record<string, number> = { len: 1, not: 1, ne: 2, lt: 2, le: 2, gt: 2, ge: 2 };
    if (arity[fn.name] !== undefined && values.length !== arity[fn.name]) {
      fail(fn.pos, fn.src, `wrong number of args for ${fn.name}: want ${arity[fn.name]} got ${values.length}`);
    }
    try { return f(...values); } catch (e) {
      if (e instanceof TemplateError) throw e;
      return fail(fn.pos, fn.src, `error calling ${fn.name}: ${(e as Error).message}`);
    }
  };
  const evalCmd = (cmd: Cmd, dot: Value, final: Value | typeof NONE): Value => {
    const [first, ...rest] = cmd.args;
    if (first.t === 'ident') return call(first, rest, dot, final);
    if (rest.length || final !== NONE) fail(first.pos, first.src, `can't give argument to non-function ${first.src}`);
    return evalArg(first, dot);
  };
  const evalPipe = (pipe: Pipe, dot: Value): Value => {
    let v: Value | typeof NONE = NONE;
    for (const cmd of pipe.cmds) v = evalCmd(cmd, dot, v);
    const value = v === NONE ? undefined : v;
    if (pipe.decl.length === 1) {
      if (pipe.assign) {
        const slot = [...vars].reverse().find((x) => x.name === pipe.decl[0]);
        if (!slot) fail(pipe.pos, pipe.src, `undefined variable: ${pipe.decl[0]}`);
        else slot.value = value;
      } else {
        vars.push({ name: pipe.decl[0], value });
      }
    }
    return value;
  };
  const walk = (list: Node[], dot: Value) => {
    for (const n of list) {
      tick();
      switch (n.t) {
        case 'text': write(n.s); break;
        case 'action': {
          const v = evalPipe(n.pipe, dot);
          if (!n.pipe.decl.length) write(goString(v));
          break;
        }
        case 'if': case 'with': {
          const mark = vars.length;
          const v = evalPipe(n.pipe, dot);
          if (truth(v)) walk(n.list, n.t === 'with' ? v : dot);
          else if (n.elseList) walk(n.elseList, dot);
          vars.length = mark;
          break;
        }
        case 'range': walkRange(n, dot); break;
        case 'break': throw new Break();
        case 'continue': throw new Continue();
      }
    }
  };
  const walkRange = (n: ControlNode, dot: Value) => {
    const mark = vars.length;
    const decl = n.pipe.decl;
    const v = evalPipe({ ...n.pipe, decl: [] }, dot);
    let entries: [Value, Value][] = [];
    if (Array.isArray(v)) entries = v.map((e, i) => [i, e]);
    else if (isMap(v)) entries = Object.keys(v).sort().map((k) => [k, v[k]]);
    else if (typeof v === 'number' && Number.isInteger(v)) entries = Array.from({ length: Math.max(0, v) }, (_, i) => [i, i]);
    else if (v !== undefined && v !== null) fail(n.pipe.pos, n.pipe.src, `range can't iterate over ${goString(v)}`);
    if (!entries.length) { if (n.elseList) walk(n.elseList, dot); vars.length = mark; return; }
    for (const [key, elem] of entries) {
      vars.length = mark;
      if (decl.length === 1) vars.push({ name: decl[0], value: elem });
      if (decl.length === 2) vars.push({ name: decl[0], value: key }, { name: decl[1], value: elem });
      try { walk(n.list, elem); } catch (e) {
        if (e instanceof Break) break;
        if (!(e instanceof Continue)) throw e;
      }
    }
    vars.length = mark;
  };
  walk(nodes, data);
  return out;
}

