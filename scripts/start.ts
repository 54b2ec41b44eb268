/**
 * `npm start`: builds the site when the sources changed since the last build, then serves it
 * with server.ts (which migrates and seeds the database itself).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOTS = ['app', 'lib', 'content', 'public', 'prisma', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];
const SKIP = new Set(['node_modules', '.next', 'generated', 'data']);
const STAMP = '.next/kubelab-source-hash';

function hashSources(): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name));
    } else if (!p.endsWith('.test.ts')) {
      hash.update(p).update(readFileSync(p));
    }
  };
  ROOTS.forEach(walk);
  return hash.digest('hex');
}

const sourceHash = hashSources();
const built = existsSync('.next/BUILD_ID') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash;
if (!built) {
  console.log('Building KubeLab (next build)…');
  const r = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(STAMP, sourceHash);
}

const child = spawn('npx', ['tsx', 'server.ts'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
