import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

describe('kubesim CLI', () => {
  it('runs a script with a heredoc as one command line and prints JSON lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-'));
    const script = join(dir, 'lab.sh');
    writeFileSync(script, [
      'cat <<EOF | kubectl apply -f -',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      'spec:',
      '  containers:',
      '  - name: web',
      '    image: nginx',
      'EOF',
      'sleep 10',
      'kubectl get pods',
      'kubectl get pod nope',
      '',
    ].join('\n'));
    const res = spawnSync(TSX, [join(ROOT, 'bin', 'kubesim.ts'), '--json', '--seed', 't', '--script', script], { encoding: 'utf8' });
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].command.split('\n')).toHaveLength(10);
    expect(lines[0]).toMatchObject({ output: 'pod/web created\n', exitCode: 0 });
    expect(lines[2].output).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10s\n');
    expect(lines[3]).toEqual({ command: 'kubectl get pod nope', output: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(res.status).toBe(1);
  });

  it('reads stdin line by line and copies --home into /root', () => {
    const home = mkdtempSync(join(tmpdir(), 'kubesim-home-'));
    writeFileSync(join(home, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: p\n    image: busybox\n');
    const res = spawnSync(TSX, [join(ROOT, 'bin', 'kubesim.ts'), '--home', home], { input: 'ls\nkubectl apply -f pod.yaml\n', encoding: 'utf8' });
    expect(res.stdout).toBe('pod.yaml\npod/p created\n');
    expect(res.status).toBe(0);
  });
});
