/** Parse `spec.template.spec.containers[0].image` or `metadata.labels["app.kubernetes.io/name"]`. */
export function parseFieldPath(path: string): (string | number)[] {
  const segs: (string | number)[] = [];
  const re = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[(["'])(.*?)\3\]/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < path.length) {
    re.lastIndex = pos;
    m = re.exec(path);
    const badDot = m && m[1] !== undefined && (pos === 0) === m[0].startsWith('.');
    if (!m || badDot) throw new Error(`invalid field path "${path}" at ${pos}`);
    if (m[1] !== undefined) segs.push(m[1]);
    else if (m[2] !== undefined) segs.push(Number(m[2]));
    else segs.push(m[4]!);
    pos = re.lastIndex;
  }
  if (segs.length === 0) throw new Error('empty field path');
  return segs;
}

export function readPath(obj: unknown, segs: readonly (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (typeof s === 'number' && !Array.isArray(cur)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
