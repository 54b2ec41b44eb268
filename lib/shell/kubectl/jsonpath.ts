/**
 * kubectl's JSONPath templates (staging/src/k8s.io/client-go/util/jsonpath/{parser,jsonpath}.go):
 * literal text mixed with `{...}` actions — fields `.a.b`, `['a.b']`, `[n]`, `[*]`, `[a:b]`,
 * recursive `..name`, filters `[?(@.x=="y")]`, unions `[a,b]`, `{range EXPR}...{end}`, quoted
 * literals `{"\n"}`, and `{.}`. Written from kubectl's documented grammar; no library models the
 * template part (range/end, literal text), so this is a small own implementation.
 */
type Node =
  | { t: 'text'; s: string }
  | { t: 'expr'; path: Step[] }
  | { t: 'range'; path: Step[]; body: Node[] };

type Step =
  | { t: 'field'; name: string }
  | { t: 'wild' }
  | { t: 'recursive' }
  | { t: 'index'; i: number }
  | { t: 'slice'; a?: number; b?: number }
  | { t: 'union'; keys: (string | number)[] }
  | { t: 'filter'; left: Step[]; op?: string; right?: string | number | boolean | Step[] }
  | { t: 'literal'; s: string };

export class JsonPathError extends Error {}

function splitActions(tpl: string): Node[] {
  const nodes: Node[] = [];
  const stack: { path: Step[]; body: Node[] }[] = [];
  const push = (n: Node) => (stack.length ? stack[stack.length - 1].body : nodes).push(n);
  let i = 0;
  while (i < tpl.length) {
    const open = tpl.indexOf('{', i);
    if (open < 0) { push({ t: 'text', s: tpl.slice(i) }); break; }
    if (open > i) push({ t: 'text', s: tpl.slice(i, open) });
    let depth = 0, j = open, quote = '';
    for (; j < tpl.length; j++) {
      const c = tpl[j];
      if (quote) { if (c === '\\') j++; else if (c === quote) quote = ''; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    if (j >= tpl.length) throw new JsonPathError(`unclosed action`);
    const inner = tpl.slice(open + 1, j).trim();
    i = j + 1;
    if (inner.startsWith('range ')) stack.push({ path: parsePath(inner.slice(6).trim()), body: [] });
    else if (inner === 'end') {
      const r = stack.pop();
      if (!r) throw new JsonPathError('not in range, nothing to end');
      push({ t: 'range', path: r.path, body: r.body });
    } else push({ t: 'expr', path: parsePath(inner) });
  }
  if (stack.length) throw new JsonPathError('unclosed range');
  return nodes;
}

const unquote = (s: string): string => {
  if (s.startsWith('"')) return JSON.parse(s);
  return s.slice(1, -1).replace(/\\(.)/g, '$1');
};

function parseValue(s: string): string | number | boolean | Step[] {
  s = s.trim();
  if (/^["']/.test(s)) return unquote(s);
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'true' || s === 'false') return s === 'true';
  if (s.startsWith('@')) return parsePath(s.slice(1));
  throw new JsonPathError(`unrecognized filter value ${s}`);
}

function parseBracket(body: string): Step {
  const b = body.trim();
  if (b === '*') return { t: 'wild' };
  if (b.startsWith('?(') && b.endsWith(')')) {
    const m = /^(@[^<>=!]*?)\s*(==|!=|<=|>=|<|>|=~)\s*(.+)$/.exec(b.slice(2, -1).trim());
    if (!m) {
      const e = b.slice(2, -1).trim();
      if (!e.startsWith('@')) throw new JsonPathError(`unrecognized filter ${b}`);
      return { t: 'filter', left: parsePath(e.slice(1)) };
    }
    return { t: 'filter', left: parsePath(m[1].slice(1)), op: m[2], right: parseValue(m[3]) };
  }
  if (/^-?\d*:-?\d*(:\d*)?$/.test(b)) {
    const [a, c] = b.split(':');
    return { t: 'slice', a: a ? Number(a) : undefined, b: c ? Number(c) : undefined };
  }
  const parts = b.split(',').map((p) => p.trim());
  const keys = parts.map((p) => (/^["']/.test(p) ? unquote(p) : /^-?\d+$/.test(p) ? Number(p) : p));
  if (keys.length === 1 && typeof keys[0] === 'number') return { t: 'index', i: keys[0] };
  if (keys.length === 1) return { t: 'field', name: keys[0] as string };
  return { t: 'union', keys };
}

export function parsePath(expr: string): Step[] {
  const s = expr.trim();
  if (/^["']/.test(s)) return [{ t: 'literal', s: unquote(s) }];
  const steps: Step[] = [];
  let i = s.startsWith('$') ? 1 : 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      if (s[i + 1] === '.') { steps.push({ t: 'recursive' }); i += 2; continue; }
      i++;
      // `\.` keeps a dot inside a key (`{.data.ca\.crt}`), as client-go's parser.go parseField does.
      const m = /^(?:\\.|[^.[\]\\])*/.exec(s.slice(i))![0];
      if (m === '*') steps.push({ t: 'wild' });
      else if (m) steps.push({ t: 'field', name: m.replace(/\\(.)/g, '$1') });
      i += m.length;
    } else if (c === '[') {
      let depth = 0, j = i, quote = '';
      for (; j < s.length; j++) {
        const ch = s[j];
        if (quote) { if (ch === quote) quote = ''; continue; }
        if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '[') depth++;
        else if (ch === ']' && --depth === 0) break;
      }
      if (j >= s.length) throw new JsonPathError(`unterminated array`);
      steps.push(parseBracket(s.slice(i + 1, j)));
      i = j + 1;
    } else {
      const m = /^[^.[\]]+/.exec(s.slice(i))?.[0];
      if (!m) throw new JsonPathError(`unrecognized character in action: U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} '${s[i]}'`);
      steps.push({ t: 'field', name: m });
      i += m.length;
    }
  }
  return steps;
}

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);

function descend(v: Json): Json[] {
  const out: Json[] = [v];
  if (Array.isArray(v)) for (const x of v) out.push(...descend(x));
  else if (isObj(v)) for (const k of Object.keys(v)) out.push(...descend(v[k]));
  return out;
}

function compare(a: Json, op: string, b: Json): boolean {
  switch (op) {
    case '==': return a === b || (typeof b === 'number' && Number(a) === b);
    case '!=': return !(a === b || (typeof b === 'number' && Number(a) === b));
    case '<': return (a as number) < (b as number);
    case '>': return (a as number) > (b as number);
    case '<=': return (a as number) <= (b as number);
    case '>=': return (a as number) >= (b as number);
    case '=~': try { return new RegExp(String(b)).test(String(a)); } catch { return false; }
    default: return false;
  }
}

/** Evaluates steps; a missing field is an error unless allowMissing (kubectl's default for get). */
export function evalPath(root: Json, steps: Step[], allowMissing = true): Json[] {
  let cur: Json[] = [root];
  for (let si = 0; si < steps.length; si++) {
    const step = steps[si];
    const afterRecursive = steps[si - 1]?.t === 'recursive';
    const next: Json[] = [];
    for (const v of cur) {
      switch (step.t) {
        case 'literal': next.push(step.s); break;
        case 'field':
          if (isObj(v) && step.name in v) next.push(v[step.name]);
          else if (!allowMissing && !afterRecursive) throw new JsonPathError(`${step.name} is not found`);
          break;
        case 'wild':
          if (Array.isArray(v)) next.push(...v);
          else if (isObj(v)) next.push(...Object.keys(v).sort().map((k) => v[k]));
          break;
        case 'recursive': next.push(...descend(v)); break;
        case 'index':
          if (Array.isArray(v)) {
            const i = step.i < 0 ? v.length + step.i : step.i;
            if (i >= 0 && i < v.length) next.push(v[i]);
            else if (!allowMissing) throw new JsonPathError(`array index out of bounds: index ${step.i}, length ${v.length}`);
          }
          break;
        case 'slice':
          if (Array.isArray(v)) next.push(...v.slice(step.a ?? 0, step.b ?? v.length));
          break;
        case 'union':
          for (const key of step.keys) {
            if (typeof key === 'number' && Array.isArray(v)) { if (v[key] !== undefined) next.push(v[key]); }
            else if (isObj(v) && String(key) in v) next.push(v[String(key)]);
          }
          break;
        case 'filter': {
          const items = Array.isArray(v) ? v : isObj(v) ? [v] : [];
          for (const item of items) {
            const lefts = evalPath(item, step.left, true);
            if (!step.op) { if (lefts.length) next.push(item); continue; }
            const rights = Array.isArray(step.right) ? evalPath(item, step.right, true) : [step.right];
            if (lefts.some((l) => rights.some((r) => compare(l, step.op!, r)))) next.push(item);
          }
          break;
        }
      }
    }
    cur = next;
  }
  return cur;
}

/** Go's fmt of a value the way jsonpath prints it: strings bare, objects/arrays as JSON. */
export function printValue(v: Json): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function run(nodes: Node[], data: Json, out: string[], allowMissing: boolean): void {
  for (const n of nodes) {
    if (n.t === 'text') out.push(n.s);
    else if (n.t === 'expr') out.push(evalPath(data, n.path, allowMissing).map(printValue).join(' '));
    else for (const item of evalPath(data, n.path, allowMissing)) run(n.body, item, out, allowMissing);
  }
}

/** Renders a kubectl JSONPath template against data. Throws JsonPathError on a bad template. */
export function renderJsonPath(template: string, data: Json, allowMissing = true): string {
  const nodes = splitActions(template);
  const out: string[] = [];
  run(nodes, data, out, allowMissing);
  return out.join('');
}

/** `-o jsonpath` wraps a bare path in braces (kubectl's RelaxedJSONPathExpression for custom-columns). */
export function relaxed(expr: string): string {
  const e = expr.trim();
  if (e.startsWith('{') && e.endsWith('}')) return e;
  return `{${e.startsWith('.') || e.startsWith('$') ? e : `.${e}`}}`;
}
