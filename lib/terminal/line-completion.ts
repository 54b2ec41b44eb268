import { textWidth } from './char-width';

/** What the shell offers for the word before the cursor (see ShellSession.complete). */
export interface CompletionResult {
  replaceFrom: number;
  candidates: string[];
  /** Labels for the listing (defaults to the candidates). */
  display?: string[];
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0];
  for (const w of words) {
    let i = 0;
    while (i < p.length && i < w.length && p[i] === w[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}

/** Candidates in columns, filled top to bottom then left to right, as readline lists them. */
export function formatColumns(words: readonly string[], cols: number): string {
  if (words.length === 0) return '';
  const widths = words.map((w) => textWidth(Array.from(w)));
  const cell = Math.max(...widths) + 2;
  const perRow = Math.max(1, Math.floor(cols / cell));
  const rows = Math.ceil(words.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const i = c * rows + r;
      if (i >= words.length) break;
      const last = c === perRow - 1 || (c + 1) * rows + r >= words.length;
      line += last ? words[i] : words[i] + ' '.repeat(cell - widths[i]);
    }
    out += `${line}\r\n`;
  }
  return out;
}
