/**
 * Go's text/tabwriter (cells end with '\t'; the text after a line's last tab is not a
 * cell and is never padded). Column widths are computed per column block — a run of
 * consecutive lines that all have a cell in that column — exactly as tabwriter.format does.
 * kubectl tables use minwidth 6 / padding 3 (cli-runtime printers/tabwriter.go);
 * describe uses minwidth 0 / padding 2 (kubectl/pkg/describe/describe.go).
 */
export interface TabOptions {
  minWidth: number;
  padding: number;
}

export const TABLE_TABS: TabOptions = { minWidth: 6, padding: 3 };
export const DESCRIBE_TABS: TabOptions = { minWidth: 0, padding: 2 };

/** Go's tabwriter counts runes (it assumes every character has the same width). */
export function cellWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function formatTabbed(text: string, opts: TabOptions): string {
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const widths: number[][] = lines.map(() => []);
  const assign = (start: number, end: number, col: number): void => {
    let i = start;
    while (i < end) {
      if (lines[i].length - 1 <= col) { i++; continue; }
      let j = i;
      let w = 0;
      while (j < end && lines[j].length - 1 > col) { w = Math.max(w, cellWidth(lines[j][col])); j++; }
      w = Math.max(w + opts.padding, opts.minWidth);
      for (let x = i; x < j; x++) widths[x][col] = w;
      assign(i, j, col + 1);
      i = j;
    }
  };
  assign(0, lines.length, 0);
  const out = lines.map((cells, li) => cells.map((c, ci) =>
    (ci === cells.length - 1 ? c : c + ' '.repeat(widths[li][ci] - cellWidth(c)))).join(''));
  return out.join('\n') + (trailingNewline ? '\n' : '');
}

/** A kubectl table: rows of cells, every column but the last padded. */
export function tabulate(rows: string[][]): string {
  if (rows.length === 0) return '';
  return formatTabbed(rows.map((r) => `${r.join('\t')}\n`).join(''), TABLE_TABS);
}
