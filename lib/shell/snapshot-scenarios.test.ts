/**
 * Cluster snapshots through the shell: the same seed and commands give the same snapshot JSON,
 * and a lab saved and restored between any two commands ends exactly where an unsaved one does.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster, type Cluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
/** As the server saves and loads a lab (its text), or through the snapshot's JSON. */
const roundTrip = (c: Cluster, via: 'text' | 'json' = 'text') =>
  restoreCluster(via === 'text' ? c.snapshotText() : JSON.parse(JSON.stringify(c.snapshot())));

/** A lab with a bit of everything: Deployment rollout, StatefulSet with PVCs, failing pod, files, pending work. */
async function busyLab(seed: string, restoreAt?: number, via: 'text' | 'json' = 'text') {
  let cluster = createCluster({ seed, now: T0 });
  let shell = createShell({ cluster });
  const steps = [
    'kubectl create deployment web --image=nginx --replicas=4',
    'kubectl expose deployment web --port=80',
    'kubectl run bad --image=example.com/nope:1',
    'kubectl create job pi --image=perl -- perl -e "print 1"',
    'kubectl scale deployment web --replicas=12',
    'kubectl set image deployment/web nginx=nginx:1.27',
    'kubectl label pod bad tier=1',
    'kubectl delete pod bad',
  ];
  for (let i = 0; i < steps.length; i++) {
    if (i === restoreAt) {
      cluster = roundTrip(cluster, via);
      shell = createShell({ cluster });
    }
    await shell.exec(steps[i]);
    cluster.advanceBy(7_000 + i * 1_000);
  }
  cluster.advanceBy(90_000);
  return cluster;
}

describe('cluster snapshots through the shell', () => {
  it('are deterministic: the same seed and commands give the same JSON', async () => {
    const a = JSON.stringify((await busyLab('det')).snapshot());
    const b = JSON.stringify((await busyLab('det')).snapshot());
    expect(a).toBe(b);
    expect(JSON.parse(a).v).toBe(3);
    expect(JSON.stringify((await busyLab('other')).snapshot())).not.toBe(a);
  });

  it('restore to the same state, and a restored lab goes on exactly as the original would', async () => {
    const straight = JSON.stringify((await busyLab('mid')).snapshot());
    for (const at of [1, 4, 6]) expect(JSON.stringify((await busyLab('mid', at)).snapshot()), `restored before step ${at}`).toBe(straight);
    expect(JSON.stringify((await busyLab('mid', 5, 'json')).snapshot()), 'restored from JSON').toBe(straight);
    // The text of the lab goes on the same way too: its lines are the ones a fresh lab writes.
    const text = (await busyLab('mid')).snapshotText();
    expect((await busyLab('mid', 3)).snapshotText()).toBe(text);
  });

  it.each(['text', 'json'] as const)('give back every object exactly (same fields, same key order) after the %s form', async (via) => {
    const c = await busyLab('objects');
    const before = c.snapshot().objects;
    const restored = roundTrip(c, via);
    expect(JSON.stringify(restored.snapshot().objects)).toBe(JSON.stringify(before));
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(c.snapshot()));
    expect(restored.snapshotText()).toBe(c.snapshotText());
    // The compact form is much smaller than the objects written in full.
    expect(JSON.stringify(c.snapshot()).length).toBeLessThan(JSON.stringify(before).length * 0.7);
  });

});
