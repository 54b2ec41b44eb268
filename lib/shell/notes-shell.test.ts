import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';
import { splitCommandLines } from './split';

const T0 = Date.UTC(2025, 0, 1);
const fresh = () => createShell({ cluster: createCluster({ seed: 'notes', now: T0 }) });

/**
 * Shell-side lines as learners type them from the notes (seeds/*.txt) and the habits around
 * them; kubectl output itself is covered by the kubectl golden tests.
 */
describe('lines from the notes, typed verbatim', () => {
  it('comment lines with placeholders are ignored, as bash does', async () => {
    const sh = fresh();
    expect(await sh.exec('# kubectl exec -it curlpod -- curl ${kubectl get service nginx 명령어를 통해 확인한 Internal IP 주소}'))
      .toEqual({ output: '', exitCode: 0 });
    expect(await sh.exec('# kubectl exec -it curlpod -- curl ${ClusterIP 의 domain}')).toEqual({ output: '', exitCode: 0 });
  });

  it('network tools on the master use the node resolver, which does not know cluster names', async () => {
    const sh = fresh();
    expect(await sh.exec('nslookup stateful-headless')).toEqual({
      output: "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find stateful-headless: NXDOMAIN\n\n", exitCode: 1 });
    expect(await sh.exec('curl stateful-pvc-0.stateful-headless:8080/hostname'))
      .toEqual({ output: 'curl: (6) Could not resolve host: stateful-pvc-0.stateful-headless\n', exitCode: 6 });
  });

  it('loops of the kind the notes and docs use', async () => {
    const sh = fresh();
    expect((await sh.exec('for i in 0 1; do echo "web-$i"; done')).output).toBe('web-0\nweb-1\n');
    expect((await sh.exec('for i in 0 1; do kubectl get pod "web-$i" 2>&1; done')).output)
      .toBe('Error from server (NotFound): pods "web-0" not found\nError from server (NotFound): pods "web-1" not found\n');
    const controller = new AbortController();
    let seen = '';
    const code = await sh.run('while true; do echo x; sleep 1; done', {
      write: (c) => { seen += c; if (seen.length >= 6) controller.abort(); },
      signal: controller.signal,
    });
    expect(code).toBe(130);
    expect(seen).toBe('x\nx\nx\n');
  });

  it('a pasted multi-line script runs as the terminal would send it', async () => {
    const sh = fresh();
    const script = 'for i in 1 2 3\ndo\n  echo "pod-$i"\ndone | tail -n 1\ncat <<EOF > note.txt\nkind: Pod\nEOF\ncat note.txt';
    const out: string[] = [];
    for (const line of splitCommandLines(sh, script)) out.push((await sh.exec(line)).output);
    expect(out).toEqual(['pod-3\n', '', 'kind: Pod\n']);
  });
});
