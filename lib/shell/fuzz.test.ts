import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['for', 'in', 'do', 'done', 'while', 'until', 'if', 'then', 'elif', 'else', 'fi', 'case', 'esac', ';;', '{', '}',
  '(', ')', '$(', '`', '$((', '))', '|', '||', '&&', ';', '&', '>', '>>', '<', '2>&1', '<<EOF', 'EOF', '\n', '"', "'", '\\',
  '$x', '${x:-y}', '$?', 'echo', 'true', 'false', 'break', 'continue', 'seq 3', 'read v', 'x=1', '[', ']', '-eq', '*', '#',
  'kubectl get pods', 'sleep 1', 'cat', 'grep a', 'sed s/a/b/', 'printf %s', 'exit', 'eval', 'sh -c', 'watch -n 1', '\u0000', '안녕'];

describe('hostile input', () => {
  it('random command lines end with a status, never an exception or a hang', async () => {
    const next = rng(20250101);
    const sh = createShell({ cluster: createCluster({ seed: 'fuzz', now: Date.UTC(2025, 0, 1) }) });
    for (let n = 0; n < 400; n++) {
      const len = 1 + Math.floor(next() * 14);
      let line = '';
      for (let k = 0; k < len; k++) {
        line += next() < 0.85 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCharCode(Math.floor(next() * 0xd7ff));
        line += next() < 0.7 ? ' ' : '';
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 2000);
      let text = '';
      const code = await sh.run(line, { write: (c) => { text += c; }, signal: controller.signal });
      clearTimeout(timer);
      expect(Number.isInteger(code), line).toBe(true);
      expect(text, line).not.toContain('internal error');
    }
  }, 120_000);

  it('a 1 MiB paste is parsed and run', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'big', now: Date.UTC(2025, 0, 1) }) });
    const r = await sh.exec(`echo ${'x'.repeat(1024 * 1024)} | wc -c`);
    expect(r.output).toBe(`${1024 * 1024 + 1}\n`);
    expect(sh.isComplete(`echo "${'y'.repeat(1024 * 1024)}`)).toBe(false);
  });
});
