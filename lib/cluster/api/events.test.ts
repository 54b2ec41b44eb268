import { describe, expect, it, vi } from 'vitest';
import { createPrng } from '../prng';
import { ObjectStore } from '../store';
import type { CoreEvent } from '../k8s';
import { ApiServer } from './api-server';
import { EventCorrelator } from './event-correlator';
import { EventRecorder } from './events';

const T0 = Date.UTC(2025, 0, 1);

describe('spam filter and counting (EventSourceObjectSpamFilter, eventLogger)', () => {
  function recorder() {
    let now = T0;
    const store = new ObjectStore();
    const api = new ApiServer(store, createPrng('spam'), () => now);
    const events = new EventRecorder(api, store, () => now);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u1' } };
    const list = () => store.list('Event', 'default') as CoreEvent[];
    return { store, events, pod, list, tick: (ms: number) => { now += ms; } };
  }

  it('lets a source burst 25 events about an object, then 1 per 5 minutes, counting the dropped ones', () => {
    const { events, pod, list, tick } = recorder();
    const kubelet = { component: 'kubelet', host: 'k8s-node1' };
    for (let i = 0; i < 30; i++) events.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', kubelet);
    expect(list()).toHaveLength(1);
    expect(list()[0].count).toBe(25);
    tick(100_000);
    events.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', kubelet);
    expect(list()[0].count).toBe(25); // no token yet: dropped, but remembered
    tick(200_000);
    events.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', kubelet);
    expect(list()[0].count).toBe(32); // 25 + 6 dropped + this one
    // Another source has its own bucket.
    events.record(pod, 'Normal', 'Killing', 'Stopping container app', { component: 'kubelet', host: 'k8s-node2' });
    expect(list().map((e) => e.reason)).toEqual(['BackOff', 'Killing']);
  });

});

describe('correlation caches in the snapshot text', () => {
  const ev = (i: number) => ({ component: 'kubelet', host: 'k8s-node1', uid: `u${i}`, type: 'Normal', reason: 'Pulled', message: `pulled ${i}` });

  it('are read only when needed, and written back unchanged until an entry goes stale', () => {
    const fresh = () => {
      const x = new EventCorrelator();
      for (let i = 0; i < 3; i++) x.correlate(ev(i), T0 + i * 1000);
      return x;
    };
    const a = fresh();
    const saved = a.toText(T0 + 5000);
    expect(saved.staleAt).toBe(T0 + 299_999); // the first spam bucket is full again 5 minutes after its event (1 ms early)
    const b = new EventCorrelator(saved);
    const parse = vi.spyOn(JSON, 'parse');
    expect(b.toText(T0 + 60_000)).toBe(saved);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    // Past staleAt both drop the same entries and give the same text.
    for (const t of [T0 + 300_000, T0 + 600_001, T0 + 30 * 60_000]) expect(b.toText(t)).toEqual(a.toText(t));
    expect(b.toText(T0 + 30 * 60_000)).toEqual({ text: '{}', staleAt: Infinity });
    // A recorded event reads the saved text first: the same outcome as never saved.
    const c = new EventCorrelator(saved);
    const d = fresh();
    expect(c.correlate(ev(0), T0 + 9000)).toEqual(d.correlate(ev(0), T0 + 9000));
    expect(c.toText(T0 + 10_000)).toEqual(d.toText(T0 + 10_000));
  });

  it('start empty from a damaged text instead of failing', () => {
    const c = new EventCorrelator({ text: '{"spam":', staleAt: -Infinity });
    expect(c.correlate(ev(1), T0).skip).toBe(false);
  });
});
