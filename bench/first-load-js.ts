/**
 * First-load JavaScript of a lesson page without the terminal chunk: the gzipped size of every
 * <script src> in the server-rendered HTML (the terminal is a dynamic import, loaded after).
 * Needs a production build (`npm run build`). Budget: ≤ 200 KB gzipped. Prints the ratio, and
 * whether any of those scripts carries the syntax highlighter (it must stay on the server:
 * lessons are highlighted at compile time by lib/content/compile.ts).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { killHard, startServer } from '../e2e/support/server-process';

const BUDGET_KB = 200;
const PORT = 3121;
const LESSON = process.env.BENCH_LESSON ?? '/courses/kubernetes/statefulset-intro';

export async function benchFirstLoad(): Promise<{ kb: number; ratio: number; files: number; highlighterInClient: boolean }> {
  const data = path.resolve('test-results/bench-data');
  rmSync(data, { recursive: true, force: true });
  const server = await startServer(PORT, data);
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const html = await (await fetch(base + LESSON)).text();
    const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
    let bytes = 0;
    let highlighterInClient = false;
    for (const src of srcs) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      bytes += gzipSync(body, { level: 9 }).length;
      if (/createHighlighter|shikijs|codeToHast/.test(body.toString('utf8'))) highlighterInClient = true;
    }
    const kb = bytes / 1024;
    return { kb, ratio: kb / BUDGET_KB, files: srcs.length, highlighterInClient };
  } finally {
    await killHard(server);
  }
}

if (process.argv[1]?.endsWith('first-load-js.ts')) {
  benchFirstLoad().then((r) => {
    console.log(`lesson first-load JS: ${r.kb.toFixed(1)} KB gzipped in ${r.files} scripts; size/budget(${BUDGET_KB} KB) = ${r.ratio.toFixed(3)}`);
    console.log(`syntax highlighter in the client bundle: ${r.highlighterInClient ? 'YES (should stay server-side)' : 'no'}`);
    process.exit(0);
  });
}
