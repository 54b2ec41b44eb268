import { describe, expect, it } from 'vitest';
import { createPrng } from '../prng';
import { ObjectStore } from '../store';
import type { CoreEvent } from '../k8s';
import { ApiServer } from './api-server';
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
