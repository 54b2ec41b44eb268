/** POSIX character classes as JS class bodies. */
const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: 'A-Za-z0-9_', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

/**
 * Translates a POSIX regular expression (basic, or extended with `ere`) to JS RegExp source.
 * In BRE, `\( \) \{ \} \+ \? \|` are the operators (GNU) and the bare characters are literal.
 */
export function posixToJs(src: string, ere: boolean): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j = src.startsWith('[:', j) ? src.indexOf(':]', j) + 2 || src.length : j + 1;
      if (j >= src.length) { out += '\\['; continue; }
      const body = src.slice(i + 1, j).replace(/\[:(\w+):\]/g, (all, name: string) => CLASSES[name] ?? all)
        .replace(/\\/g, '\\\\').replace(/^(\^?)\]/, '$1\\]');
      out += `[${body}]`;
      i = j;
      continue;
    }
    if (c === '\\' && i + 1 < src.length) {
      const n = src[++i];
      if (!ere && '(){}+?|'.includes(n)) out += n;
      else if (/[wWsSbB]/.test(n)) out += `\\${n}`;
      else if (/[1-9]/.test(n)) out += `\\${n}`;
      else if (n === '<' || n === '>') out += '\\b';
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else out += n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      continue;
    }
    if (!ere && '(){}+?|'.includes(c)) { out += `\\${c}`; continue; }
    if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || (out === '^'))) { out += '\\*'; continue; }
    out += c === '/' ? '\\/' : c;
  }
  return out;
}

/** A valid pattern the simulator will not run: JS regexps backtrack, and the server is shared. */
export class RegexRefused extends Error {}

/** True for nested repetition such as `(a+)+` or `(.*x)*`, which can take exponential time. */
function nestedRepetition(js: string): boolean {
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < js.length; i++) {
    const c = js[i];
    if (c === '\\') { i++; if (stack.length && /[*+{]/.test(js[i + 1] ?? '')) stack[stack.length - 1] = true; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; continue; }
    if (c === '(') { stack.push(false); continue; }
    if (c === ')') {
      const quantified = stack.pop() ?? false;
      if (quantified && /[*+{]/.test(js[i + 1] ?? '')) return true;
      if (quantified && stack.length) stack[stack.length - 1] = true;
      continue;
    }
    if ((c === '*' || c === '+' || c === '{') && stack.length) stack[stack.length - 1] = true;
  }
  return false;
}

/** Builds a RegExp, or undefined when the pattern is invalid; throws RegexRefused for nested repetition. */
export function compile(src: string, opts: { ere?: boolean; fixed?: boolean; icase?: boolean; global?: boolean; word?: boolean }): RegExp | undefined {
  let body = opts.fixed ? src.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : posixToJs(src, !!opts.ere);
  if (nestedRepetition(body)) {
    throw new RegexRefused(`pattern '${src}' refused: nested repetition like (a+)+ can take exponential time on this shared server`);
  }
  if (opts.word) body = `(?<![A-Za-z0-9_])(?:${body})(?![A-Za-z0-9_])`;
  try {
    return new RegExp(body, `${opts.icase ? 'i' : ''}${opts.global ? 'g' : ''}`);
  } catch {
    return undefined;
  }
}
