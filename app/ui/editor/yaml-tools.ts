import { parseAllDocuments } from 'yaml';

/** A YAML syntax problem as the editor's linter marks it (character offsets into the text). */
export interface YamlProblem {
  from: number;
  to: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Syntax errors (and warnings) of a YAML text, every document of a multi-document file. */
export function yamlProblems(text: string): YamlProblem[] {
  const out: YamlProblem[] = [];
  for (const doc of parseAllDocuments(text)) {
    for (const [list, severity] of [[doc.errors, 'error'], [doc.warnings, 'warning']] as const) {
      for (const e of list) {
        const [start, end] = e.pos;
        let from = Math.max(0, Math.min(start, text.length));
        let to = Math.max(from, Math.min(end, text.length));
        // A point (e.g. "missing ]" at the end of the file) marks its line, or the last non-empty one.
        if (from === to) [from, to] = lineAround(text, from);
        // yaml's message repeats the position and a code excerpt after the first line.
        const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        out.push({ from, to, message, severity });
      }
    }
  }
  return out;
}

function lineAround(text: string, pos: number): [number, number] {
  let p = pos;
  for (;;) {
    const start = text.lastIndexOf('\n', p - 1) + 1;
    const nl = text.indexOf('\n', p);
    const end = nl < 0 ? text.length : nl;
    if (end > start || start === 0) return [start, end];
    p = start - 1; // an empty line: step back to the previous one
  }
}

/** `stateful-db.yaml` from the first metadata.name of a manifest, or undefined. */
export function manifestFileName(text: string): string | undefined {
  try {
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length) continue;
      const name = doc.getIn(['metadata', 'name']);
      if (typeof name !== 'string') continue;
      const safe = name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[.-]+|-+$/g, '').slice(0, 60);
      if (safe) return `${safe}.yaml`;
    }
  } catch {
    // not YAML: no suggestion
  }
  return undefined;
}

/** `name.yaml`, else `name-2.yaml`, `name-3.yaml`… — the first path not in `taken`. */
export function uniquePath(dir: string, name: string, taken: (path: string) => boolean): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 1; ; i++) {
    const path = `${dir}/${i === 1 ? name : `${stem}-${i}${ext}`}`;
    if (!taken(path)) return path;
  }
}

/**
 * A file name the learner typed for a new file, as an absolute path under /root; null when it
 * is not acceptable (empty, `..`, control characters, too long).
 */
export function homePath(input: string, home = '/root'): string | null {
  let p = input.trim();
  if (p === '~' || p.startsWith('~/')) p = home + p.slice(1);
  if (!p.startsWith('/')) p = `${home}/${p}`;
  const segs = p.split('/').filter((s) => s !== '' && s !== '.');
  if (segs.some((s) => s === '..') || /[\u0000-\u001f\u007f]/.test(p)) return null;
  const path = `/${segs.join('/')}`;
  if (!path.startsWith(`${home}/`) || path.length > 1024) return null;
  return path;
}

export const isYamlPath = (path: string) => /\.ya?ml$/i.test(path);
