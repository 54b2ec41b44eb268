import type { Container } from '../k8s';
import { parseImageRef, repositoryOf } from './image-ref';

/**
 * What a container's process printed, derived from its command and image rather than stored:
 * a tiny reading of `sh -c` scripts (echo/printf/date/sleep/exit, `while true` and `for` loops),
 * `perl ... bpi(N)`, and the startup banners of a few images. Lines carry the ms offset from the
 * container's start so a running container shows only what it has printed so far.
 */
export interface LogLine { at: number; text: string }

const MAX_LINES = 5000;
const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', 'ash', '/bin/ash']);
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** busybox/coreutils `date`: `Wed Jan  1 00:00:00 UTC 2025`. */
export function dateLine(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** π to `n` significant digits (Machin's formula in BigInt), as `perl -Mbignum=bpi -wle 'print bpi(n)'`. */
export function piDigits(n: number): string {
  const guard = 10n;
  const scale = 10n ** (BigInt(n) + guard);
  const arctanInv = (x: bigint) => {
    let sum = 0n, term = scale / x, k = 1n, sign = 1n;
    const x2 = x * x;
    while (term !== 0n) { sum += sign * (term / k); term /= x2; k += 2n; sign = -sign; }
    return sum;
  };
  // Math::BigFloat rounds to the requested precision (half up).
  const pi = (4n * (4n * arctanInv(5n) - arctanInv(239n)) / 10n ** guard + 5n) / 10n;
  const s = pi.toString();
  return `${s[0]}.${s.slice(1)}`;
}

/** Splits a script into simple commands at top-level `;`, `&&`, `||`, `|` and newlines. */
function statements(script: string): string[] {
  const out: string[] = [];
  let cur = '', quote = '';
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) { cur += c; if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") { quote = c; cur += c; continue; }
    if (c === ';' || c === '\n' || c === '&' || c === '|') { if (cur.trim()) out.push(cur.trim()); cur = ''; continue; }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Shell words with quotes removed and `$VAR`, `${VAR}`, `$(date)` expanded. */
function words(stmt: string, vars: Record<string, string>, now: number): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  const expand = (s: string) => s.replace(/\$\((date)\)|`date`/g, () => dateLine(now))
    .replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a, b) => vars[a ?? b] ?? '');
  for (const m of stmt.matchAll(re)) out.push(m[2] !== undefined ? m[2] : expand(m[1] ?? m[3]));
  return out;
}

function printf(args: string[]): string[] {
  let i = 1;
  const text = (args[0] ?? '').replace(/%[sd]/g, () => args[i++] ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  return text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined);
}

interface Run { t: number; lines: LogLine[]; exited: boolean; limit: number }

function exec(stmts: string[], vars: Record<string, string>, start: number, run: Run): void {
  for (let i = 0; i < stmts.length && !run.exited && run.t <= run.limit && run.lines.length < MAX_LINES; i++) {
    const stmt = stmts[i].replace(/^(do|then|else)\s+/, '');
    const head = stmt.split(/\s+/)[0];
    if (head === 'while' || head === 'until' || head === 'for') {
      let depth = 1, j = i + 1;
      for (; j < stmts.length; j++) {
        const w = stmts[j].split(/\s+/)[0];
        if (w === 'while' || w === 'until' || w === 'for') depth++;
        if (w === 'done' && --depth === 0) break;
      }
      const body = stmts.slice(i + 1, j);
      if (head === 'for') {
        const m = /^for\s+(\w+)\s+in\s+(.*)$/.exec(stmt);
        const seq = /^\$\(seq\s+(\d+)\s+(\d+)\)$/.exec(m?.[2]?.trim() ?? '');
        const items = seq ? Array.from({ length: Math.max(0, Number(seq[2]) - Number(seq[1]) + 1) }, (_, k) => String(Number(seq[1]) + k))
          : words(m?.[2] ?? '', vars, start + run.t);
        for (const it of items) { if (run.exited) break; exec(body, { ...vars, [m?.[1] ?? 'i']: it }, start, run); }
      } else {
        for (let n = 0; n < 100_000 && !run.exited && run.t <= run.limit && run.lines.length < MAX_LINES; n++) exec(body, vars, start, run);
      }
      i = j;
      continue;
    }
    const argv = words(stmt, vars, start + run.t);
    // `echo x > file` writes the file, not the log (scriptFileOps applies the write).
    if (/^(echo|printf|date)$/.test(argv[0]) && /(^|[^'"\\])>/.test(stmt.replace(/'[^']*'|"[^"]*"/g, ''))) continue;
    switch (argv[0]) {
      case 'echo': run.lines.push({ at: run.t, text: argv.slice(1).filter((a, k) => !(k === 0 && a === '-n')).join(' ') }); break;
      case 'printf': for (const text of printf(argv.slice(1))) run.lines.push({ at: run.t, text }); break;
      case 'date': run.lines.push({ at: run.t, text: dateLine(start + run.t) }); break;
      case 'sleep': run.t += (Number(argv[1]) || 0) * 1000; break;
      case 'exit': run.exited = true; break;
      default: break;
    }
  }
}

/** Startup banners of images whose entrypoint runs (no command override). */
function bannerOf(container: Container, start: number): string[] {
  const repo = repositoryOf(parseImageRef(container.image ?? ''));
  const d = new Date(start);
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  if (repo === 'docker.io/library/nginx') {
    return ['/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${stamp} [notice] 1#1: using the "epoll" event method`,
      `${stamp} [notice] 1#1: start worker processes`];
  }
  if (repo === 'docker.io/library/mysql' && !(container.env ?? []).some((e) => /^MYSQL_(ROOT|ALLOW_EMPTY|RANDOM_ROOT)_PASSWORD$/.test(e.name))) {
    const ts = new Date(start).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '+00:00');
    return [`${ts} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.1.0-1.el9 started.`,
      `${ts} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`,
      '    You need to specify one of the following as an environment variable:',
      '    - MYSQL_ROOT_PASSWORD', '    - MYSQL_ALLOW_EMPTY_PASSWORD', '    - MYSQL_RANDOM_ROOT_PASSWORD'];
  }
  if (repo === 'docker.io/library/redis') {
    const r = `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${stamp.slice(11)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
    return [`1:C ${r} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`, `1:M ${r} * Ready to accept connections tcp`];
  }
  return [];
}

/** A file step of a container's script: `touch f`, `rm -f f`, `echo x > f`, `echo x >> f`. */
export interface FileOp { at: number; kind: 'touch' | 'remove' | 'write' | 'append'; path: string; text?: string }

const MAX_FILE_OPS = 20;

/**
 * The file writes and removals a `sh -c` script makes before its first loop, with their ms offset
 * from the container's start (the docs' liveness example: `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy`).
 */
export function scriptFileOps(container: Container): FileOp[] {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (!(SHELLS.has(argv[0]) && argv[1] === '-c')) return [];
  const vars = Object.fromEntries((container.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
  const ops: FileOp[] = [];
  let t = 0;
  for (const stmt of statements(argv.slice(2).join(' '))) {
    if (/^(while|until|for|if|do|done|then|else|fi)\b/.test(stmt) || ops.length >= MAX_FILE_OPS) break;
    const redirect = /^(.*?)\s*(>>?)\s*([^\s>]+)$/.exec(stmt);
    const args = words(redirect ? redirect[1] : stmt, vars, 0);
    if (redirect) {
      const text = args[0] === 'echo' ? `${args.slice(1).filter((a, k) => !(k === 0 && a === '-n')).join(' ')}${args[1] === '-n' ? '' : '\n'}`
        : args[0] === 'printf' ? printf(args.slice(1)).join('\n') : '';
      ops.push({ at: t, kind: redirect[2] === '>>' ? 'append' : 'write', path: redirect[3], text });
      continue;
    }
    if (args[0] === 'sleep') t += (Number(args[1]) || 0) * 1000;
    else if (args[0] === 'exit') break;
    else if (args[0] === 'touch' || args[0] === 'rm') {
      for (const p of args.slice(1).filter((a) => !a.startsWith('-'))) ops.push({ at: t, kind: args[0] === 'rm' ? 'remove' : 'touch', path: p });
    }
  }
  return ops;
}

/** Lines a container instance started at `start` has printed by `until` (epoch ms). */
export function processLogs(container: Container, vars: Record<string, string>, start: number, until: number): LogLine[] {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (argv.length === 0) return bannerOf(container, start).map((text) => ({ at: 0, text }));
  const env = { ...vars, ...Object.fromEntries((container.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!])) };
  const run: Run = { t: 0, lines: [], exited: false, limit: Math.max(0, until - start) };
  const text = argv.join(' ');
  const pi = /\bbpi\((\d+)\)/.exec(text);
  if (pi) return [{ at: 0, text: piDigits(Math.min(Number(pi[1]), 10_000)) }];
  if (SHELLS.has(argv[0]) && argv[1] === '-c') exec(statements(argv.slice(2).join(' ')), env, start, run);
  else if (SHELLS.has(argv[0]) && argv.length === 1) return [];
  else exec([argv.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ')], env, start, run);
  return run.lines.filter((l) => l.at <= run.limit);
}
