import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreCluster } from '../cluster';
import { createShell } from './session';

const dir = path.join(__dirname, 'testdata');

/**
 * `snapshot-v1.json` is a `v: 1` snapshot written by the cluster code before the snapshot format
 * changed (a mid-rollout Deployment, a StatefulSet with PVCs, a file written into a PVC, pending
 * kubelet work): what learners already have saved in SQLite. `snapshot-v1.expected.txt` is what
 * the shell printed after restoring it with that same code. Restoring it now must print the same.
 * `snapshot-v2.json` is that same state as the compact `v: 2` JSON (absolute delta bases), which
 * labs saved until the line format (`v: 3`) replaced it: it must print the same too.
 */
describe.each([1, 2])('restoring a saved v%i snapshot', (v) => {
  it('gives the same cluster, and the same outcomes when time moves on', async () => {
    const saved = JSON.parse(readFileSync(path.join(dir, `snapshot-v${v}.json`), 'utf8'));
    expect(saved.v).toBe(v);
    const cluster = restoreCluster(saved);
    const sh = createShell({ cluster });
    const out: string[] = [];
    const run = async (c: string) => { out.push(`$ ${c}`, (await sh.exec(c)).output.trimEnd()); };
    await run('kubectl get all');
    await run('kubectl get pvc');
    await run('kubectl get events');
    cluster.advanceBy(120_000);
    await run('kubectl get pods -o wide');
    await run('kubectl describe deployment web');
    await run('kubectl exec db-0 -- cat /data/x');
    await run('kubectl get events');
    expect(`${out.join('\n')}\n`).toBe(readFileSync(path.join(dir, 'snapshot-v1.expected.txt'), 'utf8'));
  });
});
