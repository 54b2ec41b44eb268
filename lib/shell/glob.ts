import type { Vfs } from './vfs';
import { normalizePath } from './vfs';

export type Item = { k: 'star' } | { k: 'any' } | { k: 'char'; c: string } | { k: 'set'; negate: boolean; set: string };

export function compilePattern(pattern: string): Item[] {
  const items: Item[] = [];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '*') { if (items[items.length - 1]?.k !== 'star') items.push({ k: 'star' }); }
    else if (c === '?') items.push({ k: 'any' });
    else if (c === '\\' && i + 1 < chars.length) items.push({ k: 'char', c: chars[++i] });
    else if (c === '[') {
      let j = i + 1;
      const negate = chars[j] === '!' || chars[j] === '^';
      if (negate) j++;
      if (chars[j] === ']') j++;
      while (j < chars.length && chars[j] !== ']') j++;
      if (j >= chars.length) { items.push({ k: 'char', c }); continue; }
      items.push({ k: 'set', negate, set: chars.slice(i + (negate ? 2 : 1), j).join('') });
      i = j;
    } else items.push({ k: 'char', c });
  }
  return items;
}

function inSet(set: string, c: string): boolean {
  const chars = Array.from(set);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      if (c >= chars[i] && c <= chars[i + 2]) return true;
      i += 2;
    } else if (chars[i] === c) return true;
  }
  return false;
}

const one = (item: Item, c: string) => item.k === 'any' || (item.k === 'char' ? item.c === c : item.k === 'set' && inSet(item.set, c) !== item.negate);

/**
 * Lengths L for which `items` matches `chars.slice(from, from + L)`, found in one pass that
 * tracks every pattern position at once (O(text × pattern)); ascending.
 */
export function matchLengths(items: Item[], chars: readonly string[], from = 0): number[] {
  const m = items.length;
  let states = new Uint8Array(m + 1);
  const close = (st: Uint8Array) => { for (let p = 0; p < m; p++) if (st[p] && items[p].k === 'star') st[p + 1] = 1; };
  states[0] = 1;
  close(states);
  const out: number[] = states[m] ? [0] : [];
  for (let i = from; i < chars.length; i++) {
    const next = new Uint8Array(m + 1);
    let alive = false;
    for (let p = 0; p < m; p++) {
      if (!states[p]) continue;
      if (items[p].k === 'star') { next[p] = 1; alive = true; }
      else if (one(items[p], chars[i])) { next[p + 1] = 1; alive = true; }
    }
    if (!alive) break;
    close(next);
    states = next;
    if (states[m]) out.push(i - from + 1);
  }
  return out;
}

/**
 * Shell pattern matching (`*`, `?`, `[abc]`, `[!a-z]`, `\x`) without regular expressions:
 * the greedy star-backtracking walk is O(pattern × text), so hostile patterns cannot stall the server.
 */
export function globMatch(pattern: string, text: string): boolean {
  const items = compilePattern(pattern);
  const t = Array.from(text);
  let p = 0, i = 0, starP = -1, starI = 0;
  while (i < t.length) {
    const item = items[p];
    if (item && item.k !== 'star' && one(item, t[i])) { p++; i++; }
    else if (item?.k === 'star') { starP = p++; starI = i; }
    else if (starP >= 0) { p = starP + 1; i = ++starI; }
    else return false;
  }
  while (items[p]?.k === 'star') p++;
  return p === items.length;
}

/** Pathname expansion for `*`, `?` and `[...]` in the last path segment (e.g. `*.yaml`, `dir/*.yml`). */
export function globPaths(vfs: Vfs, cwd: string, pattern: string): string[] | undefined {
  const slash = pattern.lastIndexOf('/');
  const dirPart = slash >= 0 ? pattern.slice(0, slash + 1) : '';
  const namePart = slash >= 0 ? pattern.slice(slash + 1) : pattern;
  if (/[*?]/.test(dirPart)) return undefined;
  const dir = normalizePath(dirPart || '.', cwd, '/root');
  if (!vfs.isDir(dir)) return undefined;
  const matches = vfs.list(dir).filter((n) => globMatch(namePart, n) && (!n.startsWith('.') || namePart.startsWith('.')));
  return matches.length ? matches.map((n) => dirPart + n) : undefined;
}
