import { compilePattern, matchLengths } from '../glob';

/** Replacement scans every start position; beyond this many characters it stays literal. */
const MAX_REPLACE_SCAN = 4096;

const isGlob = (p: string) => /[*?[\\]/.test(p);

/** `${v#p}` `${v##p}` `${v%p}` `${v%%p}`: remove the shortest/longest matching prefix/suffix. */
export function trimPattern(value: string, pattern: string, suffix: boolean, longest: boolean): string {
  if (!isGlob(pattern)) {
    if (suffix) return value.endsWith(pattern) ? value.slice(0, value.length - pattern.length) : value;
    return value.startsWith(pattern) ? value.slice(pattern.length) : value;
  }
  const items = compilePattern(pattern);
  const chars = Array.from(value);
  const lengths = suffix ? matchLengths([...items].reverse(), [...chars].reverse()) : matchLengths(items, chars);
  if (lengths.length === 0) return value;
  const len = longest ? lengths[lengths.length - 1] : lengths[0];
  return suffix ? chars.slice(0, chars.length - len).join('') : chars.slice(len).join('');
}

/** `${v/p/r}` and `${v//p/r}` (longest match at each position; `#`/`%` anchor the pattern). */
export function replacePattern(value: string, pattern: string, replacement: string, all: boolean): string {
  if (pattern.startsWith('#') || pattern.startsWith('%')) {
    const suffix = pattern.startsWith('%');
    const p = pattern.slice(1);
    const items = compilePattern(p);
    const chars = Array.from(value);
    const lengths = suffix ? matchLengths([...items].reverse(), [...chars].reverse()) : matchLengths(items, chars);
    if (lengths.length === 0) return value;
    const len = lengths[lengths.length - 1];
    return suffix ? chars.slice(0, chars.length - len).join('') + replacement : replacement + chars.slice(len).join('');
  }
  if (pattern === '') return value;
  if (!isGlob(pattern) || value.length > MAX_REPLACE_SCAN) {
    return all ? value.split(pattern).join(replacement) : value.replace(pattern, () => replacement);
  }
  const items = compilePattern(pattern);
  const chars = Array.from(value);
  let out = '';
  let i = 0;
  let replaced = false;
  while (i < chars.length) {
    const lengths = !replaced || all ? matchLengths(items, chars, i) : [];
    const len = lengths.length ? lengths[lengths.length - 1] : 0;
    if (len > 0) {
      out += replacement;
      i += len;
      replaced = true;
    } else out += chars[i++];
  }
  return out;
}
