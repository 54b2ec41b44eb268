import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let dir: string | undefined;

/**
 * One throw-away data folder per bench process: lib/env reads DATA_DIR once, so every bench in
 * `npm run bench` must share it. Removed when the process exits.
 */
export function benchDataDir(): string {
  if (!dir) {
    const made = mkdtempSync(path.join(tmpdir(), 'kubelab-bench-'));
    dir = made;
    process.env.DATA_DIR = made;
    delete process.env.DATABASE_URL;
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return dir;
}
