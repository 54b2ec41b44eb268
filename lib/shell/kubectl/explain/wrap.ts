/**
 * The text helpers of kubectl explain's templates (staging/src/k8s.io/kubectl/pkg/explain/v2/funcs.go):
 * `wrap` drops every line break, then word-wraps like github.com/mitchellh/go-wordwrap v1.0.1
 * (WrapString: breaks only at white space, never splits a word, widths in runes); `indent` pads
 * the first line and every line after a "\n".
 */

const isSpace = (ch: string) => ch !== '\u00a0' && /\s/u.test(ch);

export function wordWrap(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '', space = '';
  let wordLen = 0, spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= lim) buf += space;
      } else {
        buf += space + word;
      }
      space = ''; spaceLen = 0; word = ''; wordLen = 0;
      buf += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = ''; spaceLen = 0; word = ''; wordLen = 0;
      }
      space += ch; spaceLen++;
    } else {
      word += ch; wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = ''; spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}

/** funcs.go "wrap": realign all line breaks, then word-wrap. */
export function wrap(limit: number, s: string): string {
  return wordWrap(s.replaceAll('\n', ''), limit);
}

/** funcs.go "indent". */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.replaceAll('\n', `\n${pad}`);
}
