/** busybox wget parses clustered short options like getopt32 (`-qO-`, `-qO FILE`). */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

async function lab() {
  const sh = createShell({ cluster: createCluster({ seed: 'wget', now: Date.UTC(2026, 0, 1) }) });
  for (const c of ['kubectl run web --image=nginx', 'kubectl expose pod web --port=80', 'kubectl run t --image=busybox -- sleep 3600', 'sleep 20']) {
    expect((await sh.exec(c)).exitCode).toBe(0);
  }
  return sh;
}

describe('busybox wget options', () => {
  it('accepts -qO- and -qO FILE like -q -O -', async () => {
    const sh = await lab();
    const split = await sh.exec('kubectl exec t -- wget -q -O - web');
    expect(split.output).toContain('<title>Welcome to nginx!</title>');
    expect(await sh.exec('kubectl exec t -- wget -qO- web')).toEqual(split);
    expect((await sh.exec('kubectl exec t -- wget -qO /tmp/page web; kubectl exec t -- cat /tmp/page')).output).toBe(split.output);
  });

  it('rejects an unknown short option the way getopt32 does', async () => {
    const sh = await lab();
    const r = await sh.exec('kubectl exec t -- wget -qz web');
    expect(r.output).toMatch(/^wget: invalid option -- 'z'\nBusyBox v1\.37\.0/);
    expect(r.exitCode).toBe(1);
  });
});
