import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { killHard, startServer } from './support/server-process';
import { WsTerminal } from './support/ws-terminal';

const PORT = 3111;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA = path.resolve('test-results/restart-data');
const LAB = 'kubernetes/statefulset-intro';

test('a lab survives kill -9 of the server', async () => {
  test.setTimeout(150_000);
  rmSync(DATA, { recursive: true, force: true });
  let server = await startServer(PORT, DATA);
  try {
    const cookie = await WsTerminal.guestCookie(BASE);
    const term = await WsTerminal.connect(BASE, LAB, cookie);
    expect(await term.run('kubectl run web --image=nginx')).toContain('pod/web created');
    expect(await term.run('echo kept > notes.txt')).not.toContain('error');
    term.close();

    await killHard(server);
    server = await startServer(PORT, DATA);

    const again = await WsTerminal.connect(BASE, LAB, cookie);
    const pods = await again.run('kubectl get pods');
    expect(pods).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);
    expect(pods).toMatch(/^web\s+\d\/1\s+\S+\s+0\s+\d+s$/m);
    // The simulated clock caught up with the downtime: the pod reaches Running.
    await expect.poll(() => again.run('kubectl get pods web'), { timeout: 20_000 }).toMatch(/^web\s+1\/1\s+Running\s+0\s+\d+s$/m);
    expect(await again.run('cat notes.txt')).toContain('kept');
    again.close();
  } finally {
    await killHard(server);
  }
});
