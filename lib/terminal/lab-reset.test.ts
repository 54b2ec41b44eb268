import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LabSession, type LabStore } from './lab-session';
import { runLabSetup } from '@/lib/shell';
import { createStartingLab } from './lab-setup';
import type { ServerMessage } from './protocol';
import { LabRegistry } from './registry';
import { attachTerminalServer } from './ws-server';

const SETUP = [
  'kubectl run seed --image=nginx',
  'cat > pod.yaml <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: from-file\nspec:\n  containers:\n  - name: c\n    image: nginx\nEOF',
  '# a comment line is skipped',
];

function memoryStore(): LabStore & { data: Map<string, string>; deleted: string[] } {
  const data = new Map<string, string>();
  const deleted: string[] = [];
  return {
    data,
    deleted,
    load: async (u, k) => data.get(`${u}/${k}`) ?? null,
    save: async (u, k, d) => void data.set(`${u}/${k}`, d),
    delete: async (u, k) => {
      deleted.push(`${u}/${k}`);
      data.delete(`${u}/${k}`);
    },
  };
}

const phase = (session: LabSession, name: string) =>
  session.cluster.get<{ status?: { phase?: string } }>('Pod', 'default', name)?.status?.phase;

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond(), what).toBe(true);
}

describe('lab setup', () => {
  it('runs scripts line by line (heredocs span lines) and reports failures', async () => {
    const { snapshot, failures } = await createStartingLab([...SETUP, 'kubectl get pod nope'], Date.parse('2026-11-26T10:00:00Z'));
    expect(failures).toEqual([expect.objectContaining({ command: 'kubectl get pod nope', exitCode: 1 })]);
    expect(snapshot.shell.files).toHaveProperty(['/root/pod.yaml']);
    expect(snapshot.shell.history).toEqual([]);
    expect(snapshot.lines).toEqual([]);
  });

  it('builds a fresh lab from setup, settled by the first prompt; a saved lab ignores setup', async () => {
    const store = memoryStore();
    const now = Date.parse('2026-11-26T10:00:00Z');
    let calls = 0;
    const labSetup = async (key: string) => (calls++, key === 'c/l' ? SETUP : []);
    const fresh = await LabSession.open({ userId: 'u1', labKey: 'c/l', store, now: () => now, labSetup });
    expect(fresh.restored).toBe(false);
    expect(phase(fresh, 'seed')).toBe('Running');
    expect(store.data.get('u1/c/l')).toContain('pod.yaml');
    const again = await LabSession.open({ userId: 'u1', labKey: 'c/l', store, now: () => now, labSetup });
    expect(again.restored).toBe(true);
    expect(calls).toBe(1);
  });

  it('runLabSetup works on any shell-like object', async () => {
    const seen: string[] = [];
    const failures = await runLabSetup(
      { isComplete: (t) => !t.includes('<<') || t.trimEnd().endsWith('EOF') && t.split('\n').length > 1, exec: async (l) => (seen.push(l), { output: '', exitCode: 0 }) },
      ['echo a\n# skip\ncat <<EOF\nx\nEOF'],
    );
    expect(failures).toEqual([]);
    expect(seen).toEqual(['echo a', 'cat <<EOF\nx\nEOF']);
  });
});

describe('reset', () => {
  let server: Server | undefined;
  let close: (() => void) | undefined;
  afterEach(async () => {
    close?.();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });

  it('registry.reset disposes the lab, deletes the saved state and reopens from setup', async () => {
    const store = memoryStore();
    const registry = new LabRegistry({ store, labSetup: async () => ['kubectl run seed --image=nginx'] });
    const first = await registry.open('u1', 'c/l');
    let out = '';
    first.attach((m) => void (m.t === 'out' && (out += m.d)));
    first.input('kubectl run extra --image=nginx\r');
    await until(() => out.includes('pod/extra created'), 'command ran');
    await until(() => (store.data.get('u1/c/l') ?? '').includes('"extra"'), 'lab saved');

    const fresh = await registry.reset('u1', 'c/l');
    expect(first.isDisposed).toBe(true);
    expect(first.connections).toBe(0);
    expect(store.deleted).toEqual(['u1/c/l']);
    expect(fresh).not.toBe(first);
    expect(fresh.restored).toBe(false);
    expect(phase(fresh, 'extra')).toBeUndefined();
    expect(phase(fresh, 'seed')).toBe('Running');
    expect(store.data.get('u1/c/l')).not.toContain('"extra"');
    expect(await registry.open('u1', 'c/l')).toBe(fresh);
    // The disposed lab ignores input and saves nothing more.
    first.input('kubectl run late --image=nginx\r');
    await new Promise((r) => setTimeout(r, 30));
    expect(store.data.get('u1/c/l')).not.toContain('"late"');
  });

  it('a {t:"reset"} message resets the lab and moves every attached terminal to the fresh one', async () => {
    const store = memoryStore();
    const registry = new LabRegistry({ store });
    const resets: LabSession[] = [];
    const terminals = attachTerminalServer({ registry, identify: async () => ({ userId: 'u1' }), onReset: (s) => resets.push(s) });
    close = () => terminals.close();
    server = createServer((_req, res) => res.end());
    server.on('upgrade', (req, socket, head) => void terminals.handleUpgrade(req, socket, head));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/terminal?lab=c/l`;

    const connect = async () => {
      const ws = new WebSocket(url);
      const messages: ServerMessage[] = [];
      ws.on('message', (raw) => messages.push(JSON.parse(String(raw)) as ServerMessage));
      await new Promise((r) => ws.once('open', r));
      await until(() => messages.some((m) => m.t === 'ready'), 'ready');
      const text = () => messages.map((m) => (m.t === 'out' ? m.d : '')).join('');
      return { ws, messages, text };
    };
    const a = await connect();
    const b = await connect();
    a.ws.send(JSON.stringify({ t: 'in', d: 'kubectl run web --image=nginx\r' }));
    await until(() => a.text().includes('pod/web created'), 'created');

    a.ws.send(JSON.stringify({ t: 'reset' }));
    for (const t of [a, b]) {
      await until(() => t.messages.some((m) => m.t === 'reset'), 'reset message');
      await until(() => t.text().includes('실습 환경을 처음 상태로 되돌렸습니다.'), 'notice');
    }
    expect(resets).toHaveLength(1);
    expect(store.deleted).toEqual(['u1/c/l']);

    const before = b.text().length;
    b.ws.send(JSON.stringify({ t: 'in', d: 'kubectl get pods\r' }));
    await until(() => b.text().slice(before).includes('No resources found'), 'pod gone');
    a.ws.close();
    b.ws.close();
  });
});
