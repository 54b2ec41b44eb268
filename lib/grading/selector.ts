/** Kubernetes label selectors: `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`. */
export type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

const keyRe = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const valueRe = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim());
}

function checkKey(key: string): string {
  if (!keyRe.test(key) || key.length > 317) throw new Error(`invalid label key "${key}"`);
  return key;
}
function checkValue(v: string): string {
  if (!valueRe.test(v) || v.length > 63) throw new Error(`invalid label value "${v}"`);
  return v;
}

/** Parse a selector string or a matchLabels map; throws Error with an English reason. */
export function parseSelector(selector: string | Record<string, string>): Requirement[] {
  if (typeof selector !== 'string') {
    return Object.entries(selector).map(([k, v]) => ({ op: 'eq', key: checkKey(k), value: checkValue(v) }));
  }
  if (!selector.trim()) throw new Error('empty selector');
  return splitTerms(selector).map((term): Requirement => {
    let m = /^(\S+?)\s+(in|notin)\s+\(([^()]*)\)$/.exec(term);
    if (m) {
      const values = m[3]!.split(',').map((v) => checkValue(v.trim()));
      return { op: m[2] as 'in' | 'notin', key: checkKey(m[1]!), values };
    }
    m = /^([^=!\s]+)\s*(==|=|!=)\s*([^=!\s]*)$/.exec(term);
    if (m) return { op: m[2] === '!=' ? 'neq' : 'eq', key: checkKey(m[1]!), value: checkValue(m[3]!) };
    m = /^(!?)\s*([^=!\s()]+)$/.exec(term);
    if (m) return { op: m[1] ? 'notexists' : 'exists', key: checkKey(m[2]!) };
    throw new Error(`invalid selector term "${term}"`);
  });
}

export function matchesSelector(reqs: readonly Requirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'eq':
        return has && l[r.key] === r.value;
      case 'neq':
        return !has || l[r.key] !== r.value;
      case 'in':
        return has && r.values.includes(l[r.key]!);
      case 'notin':
        return !has || !r.values.includes(l[r.key]!);
      case 'exists':
        return has;
      case 'notexists':
        return !has;
    }
  });
}

/** Canonical text for messages: `type=db,tier in (a,b)`. */
export function formatSelector(selector: string | Record<string, string>): string {
  if (typeof selector === 'string') return selector.trim();
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
