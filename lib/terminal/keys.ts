/**
 * Splits raw terminal input (as xterm.js sends it) into key events: printable text, control
 * keys, CSI/SS3 escape sequences and bracketed paste blocks.
 */
export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'paste'; text: string }
  | { kind: 'key'; name: KeyName };

export type KeyName =
  | 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end'
  | 'ctrl-a' | 'ctrl-b' | 'ctrl-c' | 'ctrl-d' | 'ctrl-e' | 'ctrl-f' | 'ctrl-k' | 'ctrl-l'
  | 'ctrl-n' | 'ctrl-p' | 'ctrl-u' | 'ctrl-w' | 'ctrl-r' | 'ctrl-g' | 'tab' | 'word-left' | 'word-right'
  | 'unknown';

const CONTROL: Record<string, KeyName> = {
  '\r': 'enter', '\n': 'enter', '\x7f': 'backspace', '\b': 'backspace', '\t': 'tab',
  '\x01': 'ctrl-a', '\x02': 'ctrl-b', '\x03': 'ctrl-c', '\x04': 'ctrl-d', '\x05': 'ctrl-e',
  '\x06': 'ctrl-f', '\x0b': 'ctrl-k', '\x0c': 'ctrl-l', '\x0e': 'ctrl-n', '\x10': 'ctrl-p',
  '\x15': 'ctrl-u', '\x17': 'ctrl-w', '\x12': 'ctrl-r', '\x07': 'ctrl-g',
};

const SEQUENCES: Record<string, KeyName> = {
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[H': 'home', '[F': 'end',
  OA: 'up', OB: 'down', OC: 'right', OD: 'left', OH: 'home', OF: 'end',
  '[1~': 'home', '[4~': 'end', '[7~': 'home', '[8~': 'end', '[3~': 'delete',
  '[1;5D': 'word-left', '[1;5C': 'word-right', '[1;3D': 'word-left', '[1;3C': 'word-right',
  b: 'word-left', f: 'word-right',
};

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export function parseKeys(input: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < input.length) {
    if (input.startsWith(PASTE_START, i)) {
      flush();
      const end = input.indexOf(PASTE_END, i + PASTE_START.length);
      const stop = end < 0 ? input.length : end;
      keys.push({ kind: 'paste', text: input.slice(i + PASTE_START.length, stop) });
      i = end < 0 ? input.length : end + PASTE_END.length;
      continue;
    }
    const ch = input[i];
    if (ch === '\x1b') {
      flush();
      const seq = readEscape(input, i + 1);
      keys.push({ kind: 'key', name: SEQUENCES[seq] ?? 'unknown' });
      i += 1 + seq.length;
      continue;
    }
    const control = CONTROL[ch];
    if (control) {
      flush();
      keys.push({ kind: 'key', name: control });
      // "\r\n" from a paste is one Enter.
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (ch < ' ') {
      i++; // other control characters are ignored, as readline does by default
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return keys;
}

/** Reads the body of an escape sequence starting after ESC. */
function readEscape(s: string, at: number): string {
  const first = s[at];
  if (first === undefined) return '';
  if (first === '[') {
    let j = at + 1;
    while (j < s.length && /[0-9;?]/.test(s[j])) j++;
    return s.slice(at, Math.min(j + 1, s.length));
  }
  if (first === 'O') return s.slice(at, at + 2);
  return first;
}
