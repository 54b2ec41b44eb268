/**
 * The data plane's state (request counters, ClientIP affinity, served requests) lives beside the
 * object store: requests do not bump `cluster.revision` (the terminal's "mutated" signal), yet
 * the state is in the snapshot, so a restored lab picks, draws and bills CPU the same.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, restoreCluster, type Cluster, type KubeObject } from '../index';
import { createShell } from '../../shell';
import { connect } from './routing';
import { recentRates } from '../metrics/load';
import { LEGACY_NET_STATE_KIND } from './net-state';

const T0 = Date.UTC(2025, 0, 1);

const APP = `cat <<'EOF' | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: app, image: kubetm/app}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: sticky}
spec:
  selector: {app: web}
  sessionAffinity: ClientIP
  ports: [{port: 8080}]
EOF`;

async function lab(seed: string): Promise<Cluster> {
  const cluster = createCluster({ seed, now: T0 });
  const shell = createShell({ cluster });
  expect((await shell.exec(APP)).exitCode).toBe(0);
  cluster.advanceBy(60_000);
  return cluster;
}

const vip = (c: Cluster, name: string) => c.get<KubeObject>('Service', 'default', name)!.spec.clusterIP as string;
/** The pod each of n requests reaches. */
const hits = (c: Cluster, ip: string, n: number, client?: string) =>
  Array.from({ length: n }, () => { const r = connect(c, ip, 8080, client); return r.ok ? r.pod.metadata!.name : r.error; });
const trip = (c: Cluster) => restoreCluster(JSON.parse(JSON.stringify(c.snapshot())));

describe('data-plane state', () => {
  it('requests change no stored object: the revision stays, the counters still advance', async () => {
    const c = await lab('net-rev');
    const rev = c.revision;
    const first = hits(c, vip(c, 'web'), 30);
    expect(c.revision).toBe(rev);
    expect(new Set(first).size).toBe(3);
    // The counter moved on: the next 30 requests are not the same sequence again.
    expect(hits(c, vip(c, 'web'), 30)).not.toEqual(first);
    expect(c.revision).toBe(rev);
    expect(c.snapshot().objects.some((o) => o.kind === LEGACY_NET_STATE_KIND)).toBe(false);
  });

  it('a restored lab picks the same endpoints, and snapshots back to the same JSON', async () => {
    const a = await lab('net-trip');
    hits(a, vip(a, 'web'), 17);
    hits(a, vip(a, 'sticky'), 5, '10.244.1.9');
    const b = trip(a);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
    expect(hits(b, vip(b, 'web'), 40)).toEqual(hits(a, vip(a, 'web'), 40));
    expect(hits(b, vip(b, 'sticky'), 5, '10.244.1.9')).toEqual(hits(a, vip(a, 'sticky'), 5, '10.244.1.9'));
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
  });

  it('keeps ClientIP affinity across a restore', async () => {
    const a = await lab('net-sticky');
    const [pod] = hits(a, vip(a, 'sticky'), 1, '10.244.2.7');
    const b = trip(a);
    expect(new Set(hits(b, vip(b, 'sticky'), 20, '10.244.2.7'))).toEqual(new Set([pod]));
  });

  it('counts served requests for metrics (requests → CPU), in the snapshot too', async () => {
    const a = await lab('net-load');
    hits(a, vip(a, 'web'), 90);
    a.advanceBy(1000);
    const rates = recentRates(a, a.now(), 15_000);
    // 90 requests over a 15 s window, spread over the 3 pods.
    expect([...rates.values()].reduce((x, y) => x + y, 0)).toBeCloseTo(6);
    expect(rates.size).toBe(3);
    const b = trip(a);
    expect(recentRates(b, b.now(), 15_000)).toEqual(rates);
    // A minute later the requests are forgotten (and dropped from the state on the next request).
    a.advanceBy(61_000);
    expect(recentRates(a, a.now(), 15_000).size).toBe(0);
    hits(a, vip(a, 'web'), 1);
    expect(Object.keys(JSON.parse(JSON.stringify(a.snapshot())).net.requests)).toHaveLength(1);
  });

  it('reads the state earlier versions kept as a hidden store object', async () => {
    const a = await lab('net-legacy');
    hits(a, vip(a, 'web'), 11);
    const json = JSON.parse(JSON.stringify(a.snapshot()));
    const { net, ...rest } = json;
    const legacy = { ...rest, objects: [...rest.objects, { kind: LEGACY_NET_STATE_KIND, metadata: { name: 'network', namespace: 'kube-system', resourceVersion: String(rest.rv) }, ...net }] };
    const b = restoreCluster(legacy);
    expect(b.list(LEGACY_NET_STATE_KIND)).toEqual([]);
    expect(hits(b, vip(b, 'web'), 20)).toEqual(hits(a, vip(a, 'web'), 20));
    expect(JSON.parse(JSON.stringify(b.snapshot())).net).toEqual(JSON.parse(JSON.stringify(a.snapshot())).net);
  });

  it('ignores malformed saved state instead of failing later', async () => {
    const a = await lab('net-bad');
    const json = JSON.parse(JSON.stringify(a.snapshot()));
    const b = restoreCluster({ ...json, net: { counters: { 'kube-proxy': 'x' }, affinity: { k: 5 }, requests: [] } });
    expect(hits(b, vip(b, 'web'), 3)).toEqual(hits(a, vip(a, 'web'), 3));
  });

  it('a fresh lab has no data-plane state in its snapshot', () => {
    expect(createCluster({ seed: 'net-fresh', now: T0 }).snapshot().net).toBeUndefined();
  });
});
