import { describe, expect, it } from 'vitest';
import { dateLine, piDigits, processLogs, scriptFileOps } from './process-logs';

const T0 = Date.UTC(2025, 0, 1);
const texts = (c: Parameters<typeof processLogs>[0], until: number) => processLogs(c, { HOSTNAME: 'p' }, T0, T0 + until).map((l) => l.text);

describe('process logs', () => {
  it('prints π like perl -Mbignum=bpi (rounded to N digits)', () => {
    expect(piDigits(20)).toBe('3.1415926535897932385');
    expect(piDigits(2000)).toHaveLength(2001);
  });

  it('formats date like busybox', () => {
    expect(dateLine(T0 + 5_000)).toBe('Wed Jan  1 00:00:05 UTC 2025');
  });

  it('reads sh -c scripts: echo, printf, date, sleep, exit, loops and variables', () => {
    const c = { name: 'c', image: 'busybox', command: ['sh', '-c', 'echo "hello $HOSTNAME"; sleep 5; date; exit 1; echo never'] };
    expect(texts(c, 2_000)).toEqual(['hello p']);
    expect(texts(c, 60_000)).toEqual(['hello p', 'Wed Jan  1 00:00:05 UTC 2025']);
    const loop = { name: 'c', image: 'busybox', command: ['/bin/sh', '-c', 'while true; do echo tick; sleep 10; done'] };
    expect(texts(loop, 25_000)).toEqual(['tick', 'tick', 'tick']);
    const forLoop = { name: 'c', image: 'busybox', command: ['sh'], args: ['-c', 'for i in 1 2 3; do printf "n=%s\\n" $i; done'] };
    expect(texts(forLoop, 1)).toEqual(['n=1', 'n=2', 'n=3']);
    expect(texts({ name: 'c', image: 'busybox', command: ['echo', 'plain words'] }, 1)).toEqual(['plain words']);
  });

  it('prints image banners and mysql’s missing-password error', () => {
    expect(texts({ name: 'n', image: 'nginx' }, 1).at(-1)).toContain('start worker processes');
    expect(texts({ name: 'm', image: 'mysql:8' }, 1)[1]).toContain('Database is uninitialized and password option is not specified');
    expect(texts({ name: 'm', image: 'mysql:8', env: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'x' }] }, 1)).toEqual([]);
  });

  it('reads the file steps of a script and keeps redirected output out of the log', () => {
    const c = { name: 'c', image: 'busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; echo hi > /tmp/a; sleep 30; rm -f /tmp/healthy; echo x >> /tmp/a; sleep 600'] };
    expect(scriptFileOps(c)).toEqual([
      { at: 0, kind: 'touch', path: '/tmp/healthy' },
      { at: 0, kind: 'write', path: '/tmp/a', text: 'hi\n' },
      { at: 30_000, kind: 'remove', path: '/tmp/healthy' },
      { at: 30_000, kind: 'append', path: '/tmp/a', text: 'x\n' },
    ]);
    expect(texts(c, 60_000)).toEqual([]);
    expect(scriptFileOps({ name: 'c', image: 'nginx' })).toEqual([]);
  });
});
