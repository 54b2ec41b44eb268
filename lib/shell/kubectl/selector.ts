/**
 * Label selectors as staging/src/k8s.io/apimachinery/pkg/labels/selector.go parses them:
 * `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`, comma = AND.
 */
export type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

export function parseSelector(text: string): Requirement[] {
  const reqs: Requirement[] = [];
  const parts: string[] = [];
  let depth = 0, cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { parts.push(cur); cur = ''; } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts.map((p) => p.trim())) {
    if (!raw) throw new Error(`unable to parse requirement: found '', expected: identifier`);
    let m: RegExpExecArray | null;
    if ((m = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(raw))) {
      reqs.push({ key: m[1], op: m[2] as 'in', values: m[3].split(',').map((v) => v.trim()) });
    } else if ((m = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s,]*)$/.exec(raw))) {
      reqs.push({ key: m[1], op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]] });
    } else if ((m = /^!\s*([^\s!=]+)$/.exec(raw))) {
      reqs.push({ key: m[1], op: '!exists' });
    } else if (/^[^\s!=()]+$/.test(raw)) {
      reqs.push({ key: raw, op: 'exists' });
    } else {
      throw new Error(`unable to parse requirement: ${raw}`);
    }
  }
  return reqs;
}

export function matchesSelector(labels: Record<string, string> | undefined, reqs: Requirement[]): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists': return has;
      case '!exists': return !has;
      case 'in': return has && r.values.includes(l[r.key]);
      case 'notin': return !has || !r.values.includes(l[r.key]);
    }
  });
}
