import { describe, expect, it } from 'vitest';
import { LabSession, type LabStore } from './lab-session';
import type { ServerMessage } from './protocol';
import { parseClientMessage } from './wire-schema';

function memoryStore(): LabStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    load: async (u, k) => data.get(`${u}/${k}`) ?? null,
    save: async (u, k, d) => void data.set(`${u}/${k}`, d),
    delete: async (u, k) => void data.delete(`${u}/${k}`),
  };
}

async function attached() {
  const store = memoryStore();
  const session = await LabSession.open({ userId: 'u1', labKey: 'c/l', store });
  const messages: ServerMessage[] = [];
  let text = '';
  session.attach((m) => {
    messages.push(m);
    if (m.t === 'out') text += m.d;
  });
  const done = () => messages.filter((m) => m.t === 'done').length;
  return {
    store,
    session,
    messages,
    text: () => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, ''),
    async type(line: string) {
      const want = done() + 1;
      session.input(`${line}\r`);
      for (let i = 0; i < 200 && done() < want; i++) await new Promise((r) => setTimeout(r, 5));
      expect(done()).toBe(want);
    },
  };
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: x\n    image: nginx\n';

describe('LabSession files (editor pane)', () => {
  it('saves a file the shell then sees, and persists it', async () => {
    const lab = await attached();
    expect(await lab.session.writeFile('/root/pod.yaml', POD)).toEqual({ ok: true });
    expect(lab.messages.at(-1)).toEqual({ t: 'fs', op: 'changed', changed: ['/root/pod.yaml'], files: [{ path: '/root/pod.yaml', size: POD.length }] });
    expect(lab.store.data.get('u1/c/l')).toContain('pod.yaml');
    await lab.type('kubectl apply -f pod.yaml');
    expect(lab.text()).toContain('pod/x created');
    expect(lab.session.readFile('/root/pod.yaml')).toBe(POD);
    expect(lab.session.readFile('/root/none.yaml')).toBeNull();
  });

  it('reports saving over a directory as an error', async () => {
    const lab = await attached();
    await lab.type('mkdir d');
    const r = await lab.session.writeFile('/root/d', 'x');
    expect(r.ok).toBe(false);
  });

  it('pushes the files a command changed, and only when it changed some', async () => {
    const lab = await attached();
    await lab.type('echo hi > a.txt');
    const changes = () => lab.messages.filter((m) => m.t === 'fs' && m.op === 'changed');
    expect(changes()).toEqual([{ t: 'fs', op: 'changed', changed: ['/root/a.txt'], files: [{ path: '/root/a.txt', size: 3 }] }]);
    await lab.type('kubectl get pods');
    await lab.type('echo tmp > /tmp/x');
    expect(changes()).toHaveLength(1);
    await lab.type('echo more >> a.txt; touch b.txt');
    expect(changes().at(-1)).toMatchObject({ changed: ['/root/a.txt', '/root/b.txt'] });
    await lab.type('rm a.txt');
    expect(changes().at(-1)).toMatchObject({ changed: ['/root/a.txt'], files: [{ path: '/root/b.txt', size: 0 }] });
  });

  it('vi FILE asks the editor pane to open it', async () => {
    const lab = await attached();
    await lab.type('vi pod.yaml');
    expect(lab.messages).toContainEqual({ t: 'open-editor', path: '/root/pod.yaml' });
    expect(lab.text()).toContain('편집기 창에서 열었습니다');
  });
});

describe('fs wire messages', () => {
  it('accepts file requests under /root only', () => {
    expect(parseClientMessage('{"t":"fs-list"}')).toEqual({ t: 'fs-list' });
    expect(parseClientMessage('{"t":"fs-read","path":"/root/a/b.yaml"}')).toEqual({ t: 'fs-read', path: '/root/a/b.yaml' });
    expect(parseClientMessage('{"t":"fs-write","path":"/root/p.yaml","content":"kind: Pod\\n"}')).toMatchObject({ t: 'fs-write' });
    for (const path of ['/etc/passwd', '/root', '/root/', '/root/../etc/x', '/root/a/./b', '/root//a', 'root/a', '/root/a\nb', 'x'.repeat(2000)]) {
      expect(parseClientMessage(JSON.stringify({ t: 'fs-read', path }))).toBeNull();
    }
    expect(parseClientMessage(JSON.stringify({ t: 'fs-write', path: '/root/big', content: 'x'.repeat(512 * 1024 + 1) }))).toBeNull();
    expect(parseClientMessage(JSON.stringify({ t: 'fs-write', path: '/root/big', content: '가'.repeat(180_000) }))).toBeNull();
    expect(parseClientMessage(JSON.stringify({ t: 'fs-write', path: '/root/ok', content: 'x'.repeat(512 * 1024) }))).not.toBeNull();
    expect(parseClientMessage('{"t":"fs-write","path":"/root/p.yaml"}')).toBeNull();
  });
});

describe('kubectl edit and in-pod shells over the lab session', () => {
  it('applies a kubectl edit buffer saved from the editor pane and prints kubectl\'s answer', async () => {
    const t = await attached();
    await t.type('kubectl run web --image=nginx');
    await t.type('kubectl edit pod/web');
    const path = '/root/.kube-edit/pod-web.yaml';
    expect(t.messages).toContainEqual({ t: 'open-editor', path });
    const yaml = t.session.readFile(path)!;
    expect(await t.session.writeFile(path, yaml.replace('run: web', 'run: web\n    tier: fe'))).toEqual({ ok: true });
    expect(t.text()).toContain('pod/web edited\n');
    expect(t.session.cluster.get<{ metadata: { labels: Record<string, string> } }>('Pod', 'default', 'web')?.metadata.labels.tier).toBe('fe');
  });

  it('leaves an in-pod shell with Ctrl-D', async () => {
    const t = await attached();
    await t.type('kubectl run bb --image=busybox -- sleep 3600');
    t.session.cluster.advanceBy(20_000);
    await t.type('kubectl exec -it bb -- sh');
    expect(t.text()).toMatch(/\/ # $/);
    const want = t.messages.filter((m) => m.t === 'done').length + 1;
    t.session.input('\x04');
    for (let i = 0; i < 200 && t.messages.filter((m) => m.t === 'done').length < want; i++) await new Promise((r) => setTimeout(r, 5));
    expect(t.text()).toMatch(/exit\nroot@k8s-master:~# $/);
  });
});
