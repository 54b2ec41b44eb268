import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { version as esbuildVersion } from 'esbuild';
import { bundleMDX } from 'mdx-bundler';
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import langBash from 'shiki/langs/bash.mjs';
import langConsole from 'shiki/langs/console.mjs';
import langJson from 'shiki/langs/json.mjs';
import langYaml from 'shiki/langs/yaml.mjs';
import themeDark from 'shiki/themes/github-dark.mjs';
import themeLight from 'shiki/themes/github-light.mjs';
import shikiPackage from 'shiki/package.json' with { type: 'json' };
import { ContentError } from './errors';

/** Bump when compile options change so both caches are invalidated. */
const COMPILER_ID = `kubelab-mdx-4/esbuild-${esbuildVersion}/shiki-${shikiPackage.version}`;
const MEMORY_LIMIT = 256;

const memory = new Map<string, Promise<string>>();
let cacheDirOverride: string | null | undefined;
let resolvedCacheDir: Promise<string | null> | undefined;

/** Override the on-disk cache folder (tests); `null` disables it; `undefined` restores the default. */
export function setMdxCacheDir(dir: string | null | undefined): void {
  cacheDirOverride = dir;
  resolvedCacheDir = undefined;
  memory.clear();
}

async function tryDir(dir: string): Promise<string | null> {
  try {
    await mkdir(dir, { recursive: true });
    return dir;
  } catch {
    return null;
  }
}

function cacheDir(): Promise<string | null> {
  resolvedCacheDir ??= (async () => {
    if (cacheDirOverride !== undefined) return cacheDirOverride && tryDir(cacheDirOverride);
    return (
      (await tryDir(path.join(process.cwd(), '.next', 'cache', 'kubelab-mdx'))) ??
      (await tryDir(path.join(os.tmpdir(), 'kubelab-mdx')))
    );
  })();
  return resolvedCacheDir;
}

export function contentHash(source: string): string {
  return createHash('sha256').update(COMPILER_ID).update('\0').update(source).digest('hex');
}

interface MdastNode {
  type: string;
  position?: { start: { line: number } };
  children?: MdastNode[];
}

/** Lessons get everything from the component map; ESM import/export would escape it. */
function remarkNoEsm() {
  return (tree: MdastNode) => {
    // Only authored nodes count (remark-mdx-frontmatter adds a position-less export later).
    const esm = tree.children?.find((n) => n.type === 'mdxjsEsm' && n.position);
    if (esm) {
      const line = esm.position?.start.line;
      throw new Error(`import/export is not allowed in lessons${line ? ` (line ${line})` : ''}`);
    }
  };
}

interface HastNode {
  type: string;
  tagName?: string;
  data?: { meta?: unknown };
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** Keeps a fence's meta string (```sh run) as `data-meta` on its <code>, for the code block. */
function rehypeCodeMeta() {
  const visit = (node: HastNode) => {
    if (node.type === 'element' && node.tagName === 'code' && typeof node.data?.meta === 'string') {
      node.properties = { ...node.properties, dataMeta: node.data.meta };
    }
    node.children?.forEach(visit);
  };
  return visit;
}

/** Light/dark pair matching the site's GitHub-like palette (mdx.module.css picks one per scheme). */
const THEMES = { light: 'github-light', dark: 'github-dark' } as const;
let highlighter: Promise<HighlighterCore> | undefined;

/**
 * Shiki, server-side only, with just the languages lessons use (aliases: yml, sh, shell, zsh,
 * console) and the pure-JS regex engine (no WebAssembly to bundle or load).
 */
function getHighlighter(): Promise<HighlighterCore> {
  // Static imports (not `import()`): tsx's CommonJS output (kubesim, check:content, the custom
  // server in dev) cannot resolve dynamic imports of these ESM files.
  highlighter ??= createHighlighterCore({
    themes: [themeLight, themeDark],
    langs: [langYaml, langBash, langConsole, langJson],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

function textContent(node: HastNode & { value?: string }): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textContent).join('');
}

/**
 * Syntax highlighting at compile time: the children of `pre > code.language-x` become shiki's
 * token spans (`style="--shiki-light:…;--shiki-dark:…"`); the text itself is unchanged, so the
 * code block's copy/run/open-in-editor actions still get the raw source. Unknown languages stay plain.
 */
function rehypeShiki() {
  return async (tree: HastNode) => {
    const blocks: HastNode[] = [];
    const visit = (node: HastNode, parent?: HastNode) => {
      if (node.type === 'element' && node.tagName === 'code' && parent?.tagName === 'pre') blocks.push(node);
      else node.children?.forEach((c) => visit(c, node));
    };
    visit(tree);
    if (blocks.length === 0) return;
    const shiki = await getHighlighter();
    const loaded = new Set(shiki.getLoadedLanguages());
    for (const code of blocks) {
      const classes = code.properties?.className;
      const lang = (Array.isArray(classes) ? classes : [])
        .map((c) => /^language-(.+)$/.exec(String(c))?.[1]?.toLowerCase())
        .find((l): l is string => l !== undefined);
      if (!lang || !loaded.has(lang)) continue;
      const root = shiki.codeToHast(textContent(code).replace(/\n$/, ''), { lang, themes: THEMES, defaultColor: false });
      const highlighted = root.children[0] as HastNode | undefined;
      const inner = highlighted?.children?.find((c) => c.tagName === 'code');
      if (!inner?.children) continue;
      code.children = inner.children;
      code.properties = { ...code.properties, dataHighlighted: 'shiki' };
    }
  };
}

async function bundle(file: string, source: string): Promise<string> {
  try {
    const result = await bundleMDX({
      source,
      cwd: path.dirname(file),
      mdxOptions(options) {
        options.remarkPlugins = [remarkNoEsm, ...(options.remarkPlugins ?? [])];
        options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeCodeMeta, rehypeShiki];
        return options;
      },
      esbuildOptions(options) {
        options.target = 'es2022';
        options.minify = true;
        options.logLevel = 'silent';
        return options;
      },
    });
    return result.code;
  } catch (err) {
    const e = err as { errors?: { text: string; location?: { line: number } | null }[]; message?: string };
    const first = e.errors?.[0];
    const where = first?.location?.line ? ` (line ${first.location.line})` : '';
    const text = first ? first.text + where : String(e.message ?? err);
    const msg = text.replace(/^Cannot process MDX file with esbuild:\s*(Error:\s*)?/, '');
    throw new ContentError(file, `MDX compile error: ${msg}`);
  }
}

async function compileUncached(file: string, source: string, hash: string): Promise<string> {
  const dir = await cacheDir();
  const cached = dir ? path.join(dir, `${hash}.js`) : null;
  if (cached) {
    try {
      return await readFile(cached, 'utf8');
    } catch {
      // cache miss
    }
  }
  const code = await bundle(file, source);
  if (cached) {
    const tmp = `${cached}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, code)
      .then(() => rename(tmp, cached))
      .catch(() => undefined); // a read-only cache is not an error
  }
  return code;
}

/**
 * Compile an MDX source (with frontmatter) to a function body for `getMDXComponent`.
 * Cached by content hash in memory and on disk; concurrent calls share one compile.
 * `file` is only used for error messages and relative resolution.
 */
export function compileMdx(file: string, source: string): Promise<string> {
  const hash = contentHash(source);
  let pending = memory.get(hash);
  if (!pending) {
    pending = compileUncached(file, source, hash);
    pending.catch(() => memory.delete(hash));
    if (memory.size >= MEMORY_LIMIT) memory.delete(memory.keys().next().value!);
    memory.set(hash, pending);
  }
  return pending;
}
