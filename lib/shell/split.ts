import type { ShellSession } from './session';

/**
 * Splits a script into complete command lines, joining physical lines while the
 * input is incomplete (heredoc bodies, open quotes, trailing `\`, `|`, `&&`).
 */
export function splitCommandLines(shell: Pick<ShellSession, 'isComplete'>, text: string): string[] {
  const out: string[] = [];
  let buf: string | undefined;
  const lines = text.replace(/\n$/, '').split('\n');
  for (const line of lines) {
    buf = buf === undefined ? line : `${buf}\n${line}`;
    if (shell.isComplete(buf)) {
      if (buf.trim()) out.push(buf);
      buf = undefined;
    }
  }
  if (buf !== undefined && buf.trim()) out.push(buf);
  return out;
}
