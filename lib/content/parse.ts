import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ContentError, parseWith } from './errors';

function parseYamlText(file: string, text: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true }) ?? {};
  } catch (err) {
    const msg = err instanceof YAMLParseError ? err.message : String(err);
    throw new ContentError(file, `YAML syntax error: ${msg}`);
  }
}

/** Read a YAML file and validate it; throws ContentError naming the file and field. */
export async function readYamlFile<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S>> {
  const text = await readFile(file, 'utf8');
  return parseWith(file, schema, parseYamlText(file, text));
}

const frontmatterRe = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Split `---\n yaml \n---` frontmatter from an MDX source and validate it. */
export function parseFrontmatter<S extends z.ZodType>(
  file: string,
  source: string,
  schema: S,
): { data: z.infer<S>; body: string } {
  const text = source.replace(/^\uFEFF/, '');
  const m = frontmatterRe.exec(text);
  if (!m) throw new ContentError(file, 'missing YAML frontmatter (--- ... --- at the top)', 'frontmatter');
  const data = parseWith(file, schema, parseYamlText(file, m[1]!), 'frontmatter');
  return { data, body: text.slice(m[0].length) };
}
