import path from 'node:path';
import type { z } from 'zod';

/** A content mistake: names the file (relative to cwd) and the offending field. */
export class ContentError extends Error {
  readonly file: string;
  readonly field: string | undefined;

  constructor(file: string, message: string, field?: string) {
    const rel = path.relative(process.cwd(), file) || file;
    super(`${rel}${field ? ` (${field})` : ''}: ${message}`);
    this.name = 'ContentError';
    this.file = rel;
    this.field = field;
  }
}

/** `exercises[0].tasks[1].title` */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}

function issueField(issue: z.core.$ZodIssue): string {
  const base = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return base ? `${base}.${keys}` : keys;
  }
  return base || '(root)';
}

/** Parse `data` with `schema`, or throw a ContentError naming the file and every bad field. */
export function parseWith<S extends z.ZodType>(file: string, schema: S, data: unknown, part?: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const lines = issues.map((i) => `${issueField(i)}: ${i.message}`);
  const prefix = part ? `invalid ${part}` : 'invalid content';
  throw new ContentError(file, `${prefix}: ${lines.join('; ')}`, issueField(issues[0]!));
}
