/**
 * `diff -u` hunks (GNU diffutils' unified format, 3 lines of context) from a longest-common-
 * subsequence edit script. Small inputs only (kubectl diff's YAML documents).
 */

type Op = { k: ' ' | '-' | '+'; line: string };

function editScript(a: string[], b: string[]): Op[] {
  const n = a.length, m = b.length;
  // lcs[i][j]: LCS length of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: Op[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push({ k: ' ', line: a[i] }); i++; j++; }
    else if (j < m && (i >= n || lcs[i][j + 1] > lcs[i + 1][j])) ops.push({ k: '+', line: b[j++] });
    else ops.push({ k: '-', line: a[i++] });
  }
  return ops;
}

const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);

/** The hunks of `diff -u` between two texts ('' when equal). */
export function unifiedHunks(before: string, after: string, context = 3): string {
  const split = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
  const ops = editScript(split(before), split(after));
  const changed = ops.map((o, idx) => (o.k !== ' ' ? idx : -1)).filter((x) => x >= 0);
  if (!changed.length) return '';
  // Group changes whose context windows touch.
  const groups: [number, number][] = [];
  for (const c of changed) {
    const last = groups[groups.length - 1];
    if (last && c - last[1] <= 2 * context) last[1] = c;
    else groups.push([c, c]);
  }
  let out = '';
  for (const [first, lastChange] of groups) {
    const from = Math.max(0, first - context), to = Math.min(ops.length - 1, lastChange + context);
    let aStart = 1, bStart = 1;
    for (let x = 0; x < from; x++) { if (ops[x].k !== '+') aStart++; if (ops[x].k !== '-') bStart++; }
    const body = ops.slice(from, to + 1);
    const aCount = body.filter((o) => o.k !== '+').length, bCount = body.filter((o) => o.k !== '-').length;
    out += `@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@\n${body.map((o) => `${o.k}${o.line}\n`).join('')}`;
  }
  return out;
}
