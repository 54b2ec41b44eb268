/**
 * Property test (fast-check, fixed seed, bounded runs): hostile shell input — random grammar
 * pieces, binary garbage, unterminated quotes and heredocs, fork-bomb shaped loops, deeply
 * nested `$(...)` — always ends with an exit status, never an internal error, and the session
 * answers the next command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

const PIECES = ['for', 'in', 'do', 'done', 'while', 'until', 'if', 'then', 'elif', 'else', 'fi', 'case', 'esac', ';;', '{', '}',
  '(', ')', '$(', '`', '$((', '))', '|', '||', '&&', ';', '&', '>', '>>', '<', '2>&1', '<<EOF', 'EOF', '\n', '"', "'", '\\',
  '$x', '${x:-y}', '$?', 'echo', 'true', 'false', 'break', 'continue', 'seq 3', 'read v', 'x=1', '[', ']', '-eq', '*', '#',
  'kubectl get pods', 'sleep 1', 'cat', 'grep a', 'sed s/a/b/', 'printf %s', 'exit', 'eval', 'sh -c', 'watch -n 1', '\u0000', '안녕',
  'f() { f | f & }; f', 'while true; do :; done', 'yes', 'base64 -d', 'kubectl exec -it web -- sh'];

const line = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3, unit: 'binary' })), { minLength: 1, maxLength: 14 })
    .chain((parts) => fc.array(fc.boolean(), { minLength: parts.length, maxLength: parts.length })
      .map((spaces) => parts.map((p, i) => (spaces[i] ? `${p} ` : p)).join(''))),
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.nat(300).map((n) => `echo ${'$('.repeat(n)}echo deep${')'.repeat(n)}`),
  fc.nat(300).map((n) => `echo ${'"$('.repeat(n)}`),
);

describe('hostile input (fast-check)', () => {
  it('random command lines end with a status, never an exception or a hang, and the shell still answers', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'fuzz', now: Date.UTC(2025, 0, 1) }) });
    await sh.exec('kubectl run web --image=nginx; sleep 10');
    await fc.assert(fc.asyncProperty(line, async (text) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 2000);
      let out = '';
      const code = await sh.run(text, { write: (c) => { out += c; }, signal: controller.signal });
      clearTimeout(timer);
      expect(Number.isInteger(code), text).toBe(true);
      expect(out, text).not.toContain('internal error');
      // Whatever happened (even an in-pod shell being opened), the session answers again.
      if (sh.context()) await sh.exec('exit');
      expect((await sh.exec('echo ok')).output).toBe('ok\n');
    }), { seed: 20250101, numRuns: 250 });
  }, 120_000);

  it('a 1 MiB paste is parsed and run', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'big', now: Date.UTC(2025, 0, 1) }) });
    const r = await sh.exec(`echo ${'x'.repeat(1024 * 1024)} | wc -c`);
    expect(r.output).toBe(`${1024 * 1024 + 1}\n`);
    expect(sh.isComplete(`echo "${'y'.repeat(1024 * 1024)}`)).toBe(false);
  });
});
