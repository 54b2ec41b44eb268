/**
 * Events as kubectl shows them: client-go's EventCorrelator (aggregation of similar events, spam
 * filter, counting) and the API server's 1 h event TTL, through the shell.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster, type StoredObject } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);

async function lab(seed = 'events') {
  const cluster = createCluster({ seed, now: T0 });
  const shell = createShell({ cluster });
  const sh = async (cmd: string) => (await shell.exec(cmd)).output;
  return { cluster, sh };
}

/** Lines of the Events section of a describe. */
function describeEvents(out: string): string[] {
  return out.slice(out.indexOf('Events:')).split('\n').slice(3).filter(Boolean).map((l) => l.trim());
}

describe('event aggregation (client-go EventAggregator)', () => {
  it('combines the 10th and later ScalingReplicaSet events with new messages into one counted event', async () => {
    const { cluster, sh } = await lab();
    await sh('kubectl create deployment web --image=nginx');
    cluster.advanceBy(10_000);
    for (let n = 2; n <= 12; n++) {
      await sh(`kubectl scale deployment web --replicas=${n}`);
      cluster.advanceBy(5_000);
    }
    const hash = /web-([a-z0-9]+)/.exec(await sh('kubectl get rs'))![1];
    const lines = describeEvents(await sh('kubectl describe deployment web'));
    // 9 events with their own messages, then one aggregate event counted 3 times (10th, 11th, 12th).
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(new RegExp(`^Normal\\s+ScalingReplicaSet\\s+65s\\s+deployment-controller\\s+Scaled up replica set web-${hash} from 0 to 1$`));
    expect(lines[8]).toMatch(/ScalingReplicaSet\s+20s\s+deployment-controller\s+Scaled up replica set web-\S+ from 8 to 9$/);
    expect(lines[9]).toMatch(new RegExp(`^Normal\\s+ScalingReplicaSet\\s+5s \\(x3 over 15s\\)\\s+deployment-controller\\s+` +
      `\\(combined from similar events\\): Scaled up replica set web-${hash} from 11 to 12$`));
    const events = await sh('kubectl get events --field-selector involvedObject.kind=Deployment');
    expect(events.trim().split('\n')).toHaveLength(11);
    expect(events).toMatch(/5s\s+Normal\s+ScalingReplicaSet\s+deployment\/web\s+\(combined from similar events\): Scaled up replica set web-\S+ from 11 to 12\n$/);
  });
});

describe('correlation across snapshot and restore', () => {
  it('keeps the correlation state across snapshot and restore', async () => {
    const run = async (restoreMidway: false | 'text' | 'json') => {
      let { cluster, sh } = await lab('spam-restore');
      await sh('kubectl create deployment web --image=nginx');
      for (let n = 2; n <= 8; n++) { await sh(`kubectl scale deployment web --replicas=${n}`); cluster.advanceBy(2_000); }
      if (restoreMidway) {
        cluster = restoreCluster(restoreMidway === 'text' ? cluster.snapshotText() : JSON.parse(JSON.stringify(cluster.snapshot())));
        const shell = createShell({ cluster });
        sh = async (cmd: string) => (await shell.exec(cmd)).output;
      }
      for (let n = 9; n <= 14; n++) { await sh(`kubectl scale deployment web --replicas=${n}`); cluster.advanceBy(2_000); }
      return sh('kubectl get events --field-selector involvedObject.kind=Deployment');
    };
    const straight = await run(false);
    expect(straight).toContain('(combined from similar events): Scaled up replica set');
    expect(await run('text')).toBe(straight);
    expect(await run('json')).toBe(straight);
  });
});

describe('event TTL (kube-apiserver --event-ttl=1h)', () => {
  it('drops events an hour after their last write, and a repeat renews the hour', async () => {
    const { cluster, sh } = await lab('ttl');
    await sh('kubectl run web --image=nginx');
    cluster.advanceBy(30_000);
    await sh('kubectl run bad --image=example.com/nope:1');
    cluster.advanceBy(59 * 60_000);
    const before = await sh('kubectl get events');
    expect(before).toMatch(/Started\s+pod\/web/);
    cluster.advanceBy(2 * 60_000);
    const after = await sh('kubectl get events');
    expect(after).not.toMatch(/pod\/web/);
    // The pull back-off goes on: the kubelet's events about it keep being written (one per 5 minutes
    // once the spam filter's burst is spent), each write renewing that event's hour.
    expect(after).toMatch(/pod\/bad/);
    await sh('kubectl delete pod bad --now');
    cluster.advanceBy(61 * 60_000);
    expect(await sh('kubectl get events')).toBe('No resources found in default namespace.\n');
  });

  it.each(['text', 'json'] as const)('expires the same way in a lab restored from its %s', async (via) => {
    const a = await lab('ttl-restore');
    await a.sh('kubectl run web --image=nginx');
    a.cluster.advanceBy(20 * 60_000);
    const b = restoreCluster(via === 'text' ? a.cluster.snapshotText() : JSON.parse(JSON.stringify(a.cluster.snapshot())));
    a.cluster.advanceBy(40 * 60_000 + 3_000);
    b.advanceBy(40 * 60_000 + 3_000);
    const names = (c: typeof b) => c.list('Event', 'default').map((e) => `${e.metadata?.name} ${(e as StoredObject).reason}`);
    expect(names(a.cluster).length).toBeGreaterThan(0);
    expect(names(a.cluster).length).toBeLessThan(5);
    expect(names(b)).toEqual(names(a.cluster));
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.cluster.snapshot()));
  });
});
