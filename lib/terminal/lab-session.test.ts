import { afterEach, describe, expect, it, vi } from 'vitest';
import { LabSession, type LabStore } from './lab-session';
import type { ServerMessage } from './protocol';

function memoryStore(): LabStore & { data: Map<string, string>; saves: number } {
  const data = new Map<string, string>();
  const store = {
    data,
    saves: 0,
    load: async (u: string, k: string) => data.get(`${u}/${k}`) ?? null,
    save: async (u: string, k: string, d: string) => {
      store.saves++;
      data.set(`${u}/${k}`, d);
    },
    delete: async (u: string, k: string) => void data.delete(`${u}/${k}`),
  };
  return store;
}

/** Attaches a fake socket and collects what it would show. */
function screen(session: LabSession) {
  let text = '';
  const done: ServerMessage[] = [];
  session.attach((m) => {
    if (m.t === 'out') text += m.d;
    if (m.t === 'done') done.push(m);
  });
  return {
    text: () => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, ''),
    reset: () => (text = ''),
    done,
    async type(data: string, commands = 1) {
      const want = done.length + commands;
      session.input(data);
      for (let i = 0; i < 2000 && done.length < want; i++) await new Promise((r) => setTimeout(r, 5));
      expect(done.length).toBe(want);
    },
  };
}

describe('LabSession', () => {
  it('runs typed commands and saves the lab after each one', async () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    const store = memoryStore();
    const session = await LabSession.open({ userId: 'u1', labKey: 'c/l', store, now: () => now });
    const s = screen(session);
    expect(s.text()).toContain('root@k8s-master:~# ');
    await s.type('kubectl run web --image=nginx\r');
    expect(s.text()).toContain('pod/web created');
    expect(s.done[0]).toMatchObject({ t: 'done', exitCode: 0, mutated: true });
    now += 60_000;
    s.reset();
    await s.type('kubectl get pods\r');
    expect(s.text()).toMatch(/web\s+1\/1\s+Running\s+0\s+60s/);
    expect(store.data.get('u1/c/l')).toContain('"web"');
  });

  it('restores the cluster, the files and the history from the store', async () => {
    const store = memoryStore();
    const first = await LabSession.open({ userId: 'u1', labKey: 'c/l', store });
    const s1 = screen(first);
    await s1.type('kubectl run web --image=nginx\r');
    await s1.type('echo hello > a.txt\r');
    const second = await LabSession.open({ userId: 'u1', labKey: 'c/l', store });
    expect(second.restored).toBe(true);
    const s2 = screen(second);
    await s2.type('cat a.txt\r');
    expect(s2.text()).toContain('hello');
    await s2.type('kubectl get pod web\r');
    expect(s2.text()).toMatch(/^web\s+/m);
    s2.reset();
    second.input('\x1b[A\x1b[A');
    expect(s2.text()).toContain('cat a.txt');
  });

  it('saves the lab as lines (lab header, cluster header and event caches, one per object) and still opens labs saved as one JSON document', async () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    const store = memoryStore();
    const first = await LabSession.open({ userId: 'u1', labKey: 'c/l', store, now: () => now });
    await screen(first).type('kubectl create configmap cfg --from-literal=a=1\r');
    const text = store.data.get('u1/c/l')!;
    const lines = text.split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ v: 2, lines: ['kubectl create configmap cfg --from-literal=a=1'] });
    expect(JSON.parse(lines[1])).toMatchObject({ v: 3 });
    expect(lines.length).toBe(3 + first.cluster.snapshot().objects.length);
    // Nothing changed: nothing is written again.
    const saves = store.saves;
    expect(await first.persist()).toBe(false);
    expect(store.saves).toBe(saves);
    // The format before this one: {"v":1,"cluster":{…v2 JSON…},"shell":…,"lines":…}.
    const old = JSON.stringify({ ...JSON.parse(lines[0]), v: 1, cluster: { ...first.cluster.snapshot(), v: 2, objects: first.cluster.snapshot().objects } });
    store.data.set('u2/c/l', old);
    const second = await LabSession.open({ userId: 'u2', labKey: 'c/l', store, now: () => now });
    expect(second.restored).toBe(true);
    expect(second.cluster.get('ConfigMap', 'default', 'cfg')).toMatchObject({ data: { a: '1' } });
    // A damaged text opens a fresh lab instead of failing.
    store.data.set('u3/c/l', `${lines[0]}\n{"v":3,"seed"`);
    const third = await LabSession.open({ userId: 'u3', labKey: 'c/l', store, now: () => now });
    expect(third.cluster.get('ConfigMap', 'default', 'cfg')).toBeUndefined();
  });

  it('asks for more input while a heredoc is open and runs it as one command', async () => {
    const session = await LabSession.open({ userId: 'u1', labKey: 'c/l', store: memoryStore() });
    const s = screen(session);
    session.input('\x1b[200~cat <<EOF | kubectl apply -f -\rapiVersion: v1\rkind: Pod\rmetadata:\r  name: hd\rspec:\r  containers:\r  - name: c\r    image: nginx\rEOF\r\x1b[201~');
    for (let i = 0; i < 100 && s.done.length < 1; i++) await new Promise((r) => setTimeout(r, 5));
    expect(s.done).toHaveLength(1);
    expect(s.text()).toContain('> apiVersion: v1');
    expect(s.text()).toContain('pod/hd created');
  });

  it('Ctrl-C interrupts a running sleep and keeps the session usable', async () => {
    const session = await LabSession.open({ userId: 'u1', labKey: 'c/l', store: memoryStore() });
    const s = screen(session);
    session.input('sleep 30\r');
    await new Promise((r) => setTimeout(r, 20));
    expect(session.busy).toBe(true);
    await s.type('\x03', 1);
    expect(s.text()).toContain('^C');
    await s.type('echo ok\r');
    expect(s.text()).toContain('ok');
  });

  it('a damaged snapshot starts a fresh lab instead of failing', async () => {
    const store = memoryStore();
    store.data.set('u1/c/l', '{not json');
    const session = await LabSession.open({ userId: 'u1', labKey: 'c/l', store });
    expect(session.restored).toBe(false);
    expect(session.cluster.list('Node').length).toBe(3);
  });

  it('survives a huge paste and binary garbage, then still answers', async () => {
    const session = await LabSession.open({ userId: 'u1', labKey: 'c/l', store: memoryStore() });
    const s = screen(session);
    const garbage = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join('');
    session.input(`echo ${'x'.repeat(400_000)}${garbage}`);
    session.input('\x03');
    s.reset();
    await s.type('echo still-here\r');
    expect(s.text()).toContain('still-here');
  });

  it('a file written inside a container counts as a change (live status re-grades); reading one does not', async () => {
    let t = Date.parse('2026-11-26T10:00:00Z');
    let changes = 0;
    const session = await LabSession.open({ userId: 'u1', labKey: 'c/l', store: memoryStore(), now: () => t, onMutated: () => changes++ });
    const s = screen(session);
    await s.type('kubectl run web --image=nginx\r');
    t += 60_000;
    await s.type('kubectl get pod web\r');
    changes = 0;
    await s.type(`kubectl exec web -- sh -c 'echo Hello > /usr/share/nginx/html/index.html'\r`);
    expect(s.done.at(-1)).toMatchObject({ t: 'done', exitCode: 0, mutated: true });
    expect(changes).toBe(1);
    await s.type('kubectl exec web -- cat /usr/share/nginx/html/index.html\r');
    expect(s.done.at(-1)).toMatchObject({ t: 'done', exitCode: 0, mutated: false });
    expect(s.text()).toContain('Hello');
    expect(changes).toBe(1);
  });

  describe('simulated clock while a terminal is attached', () => {
    afterEach(() => vi.useRealTimers());

    it('wakes when work is due and reports the change without a command', async () => {
      vi.useFakeTimers({ now: Date.parse('2026-11-26T10:00:00Z') });
      const changes: string[] = [];
      const session = await LabSession.open({
        userId: 'u1',
        labKey: 'c/l',
        store: memoryStore(),
        now: () => Date.now(),
        onMutated: (sess) => changes.push(sess.cluster.get<{ status?: { phase?: string } }>('Pod', 'default', 'web')?.status?.phase ?? 'none'),
      });
      session.attach(() => undefined);
      session.input('kubectl run web --image=nginx\r');
      await vi.advanceTimersByTimeAsync(10);
      expect(session.busy).toBe(false);
      changes.length = 0;
      await vi.advanceTimersByTimeAsync(30_000);
      expect(changes.at(-1)).toBe('Running');
      // Nothing left to do: no timer stays armed.
      expect(session.cluster.nextDueAt()).toBeUndefined();
    });

    it('fast-forwards: due work runs at once, the lab stays ahead of the wall clock and keeps moving', async () => {
      vi.useFakeTimers({ now: Date.parse('2026-11-26T10:00:00Z') });
      const store = memoryStore();
      let mutations = 0;
      const open = () => LabSession.open({ userId: 'u1', labKey: 'c/l', store, now: () => Date.now(), onMutated: () => mutations++ });
      const session = await open();
      const out: string[] = [];
      session.attach((m) => void (m.t === 'out' && out.push(m.d)));
      session.input('kubectl create job pi --image=busybox -- sleep 400\r');
      await vi.advanceTimersByTimeAsync(10);
      expect(session.busy).toBe(false);
      const start = session.cluster.now();
      expect(await session.advance(300)).toBe(true);
      expect(session.cluster.now()).toBeGreaterThanOrEqual(start + 300_000);
      expect(mutations).toBeGreaterThan(0);
      expect(out.join('')).toContain('[시뮬레이션 시간 5분 경과]');
      // Real time keeps flowing on top of the skip: 150 s later the 400 s job has finished.
      await vi.advanceTimersByTimeAsync(150_000);
      const job = session.cluster.get<{ status?: { succeeded?: number } }>('Job', 'default', 'pi');
      expect(job?.status?.succeeded).toBe(1);
      // The skip is saved with the lab: a restored lab does not fall back to the wall clock.
      await session.persist();
      session.dispose();
      const again = await open();
      expect(again.restored).toBe(true);
      again.attach(() => undefined);
      await vi.advanceTimersByTimeAsync(20_000);
      again.input('true\r');
      await vi.advanceTimersByTimeAsync(10);
      expect(again.cluster.now()).toBeGreaterThanOrEqual(Date.now() + 300_000 - 1_000);
    });
  });
});
