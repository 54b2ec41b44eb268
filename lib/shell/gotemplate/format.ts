/**
 * How Go's fmt prints the values a template sees when kubectl feeds it an unstructured object
 * (map[string]interface{}: int64 for whole numbers, float64, string, bool, nil, []interface{}):
 * `%v` (fmt/print.go), and the `printf` verbs kubectl templates use (%s %d %v %q %t %f %x %%).
 */

/** Undefined stands for Go's invalid reflect.Value (a missing map key). */
export type Value = unknown;

function goFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return '0';
  // strconv "g" with the shortest precision (fmt %v for float64): %e when exp < -4 || exp >= 6.
  const [mant, e] = n.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(n);
}

/** fmt's %v. */
export function goString(v: Value, top = true): string {
  if (v === undefined) return top ? '<no value>' : '<nil>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => goString(x, false)).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goString(o[k], false)}`).join(' ')}]`;
  }
  return String(v);
}

/** Go's %q for a string (strconv.Quote, printable runes kept). */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u007f/g, '\\x7f');
}

export function goTypeName(v: Value): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

function pad(s: string, width: number | undefined, left: boolean, zero: boolean): string {
  if (width === undefined || s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) return s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
  return s.padStart(width);
}

/** fmt.Sprintf for the common verbs; wrong types print like Go (`%!d(string=x)`). */
export function goSprintf(format: string, args: Value[]): string {
  let out = '';
  let ai = 0;
  const re = /%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    out += format.slice(last, m.index);
    last = re.lastIndex;
    const [, flags, w, prec, verb] = m;
    if (verb === '%') { out += '%'; continue; }
    if (ai >= args.length) { out += `%!${verb}(MISSING)`; continue; }
    const v = args[ai++];
    const width = w ? Number(w) : undefined;
    const left = flags.includes('-'), zero = flags.includes('0');
    const bad = () => `%!${verb}(${goTypeName(v)}=${goString(v)})`;
    let s: string;
    switch (verb) {
      case 'v': s = goString(v); break;
      case 's': s = typeof v === 'string' || typeof v !== 'object' || v === null ? goString(v) : goString(v); if (prec) s = s.slice(0, Number(prec)); break;
      case 'q': s = typeof v === 'string' ? goQuote(v) : bad(); break;
      case 'd': s = typeof v === 'number' && Number.isInteger(v) ? String(v) : bad(); break;
      case 't': s = typeof v === 'boolean' ? String(v) : bad(); break;
      case 'f': case 'F': s = typeof v === 'number' ? v.toFixed(prec ? Number(prec) : 6) : bad(); break;
      case 'x': case 'X': {
        if (typeof v === 'number' && Number.isInteger(v)) s = v.toString(16);
        else if (typeof v === 'string') s = Buffer.from(v, 'utf8').toString('hex');
        else { s = bad(); break; }
        if (verb === 'X') s = s.toUpperCase();
        break;
      }
      default: s = bad();
    }
    out += pad(s, width, left, zero && verb !== 's');
  }
  out += format.slice(last);
  if (ai < args.length) out += `%!(EXTRA ${args.slice(ai).map((a) => `${goTypeName(a)}=${goString(a)}`).join(', ')})`;
  return out;
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function goSprint(args: Value[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += goString(a, false);
  });
  return out;
}

export function goSprintln(args: Value[]): string {
  return `${args.map((a) => goString(a, false)).join(' ')}\n`;
}
