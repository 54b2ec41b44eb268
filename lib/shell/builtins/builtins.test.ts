import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { createShell } from '../session';

const T0 = Date.UTC(2025, 0, 1, 9, 5, 7);
const fresh = () => createShell({ cluster: createCluster({ seed: 'builtins', now: T0 }) });
const out = async (line: string) => (await fresh().exec(line)).output;

describe('text tools', () => {
  it('printf formats and reuses the format', async () => {
    expect(await out('printf "%s-%d\\n" a 1 b 2')).toBe('a-1\nb-2\n');
    expect(await out('printf "%-6s|%5.2f|%03d|%x|%%\\n" ab 3.14159 7 255')).toBe('ab    | 3.14|007|ff|%\n');
    expect(await out('printf "%d\\n" abc; echo $?')).toBe('bash: printf: abc: invalid number\n0\n1\n');
    expect(await out('printf hello')).toBe('hello');
  });

  it('head and tail: -c bytes, -n -N, +N', async () => {
    expect(await out('echo hello world | head -c 5')).toBe('hello');
    expect(await out('echo hello | head -c-2')).toBe('hell');
    expect(await out('echo hello | tail -c 3')).toBe('lo\n');
    expect(await out('printf "a\\nb\\nc\\nd\\n" | head -n -1')).toBe('a\nb\nc\n');
    expect(await out('printf "a\\nb\\nc\\nd\\n" | tail -n +3')).toBe('c\nd\n');
    expect(await out('printf "a\\nb\\nc\\n" | head --lines=2')).toBe('a\nb\n');
    expect(await out('echo hi | head -c x; echo $?')).toBe('head: invalid number of bytes: ‘x’\n1\n');
  });

  it('grep context: -A, -B, -C, -NUM with group separators', async () => {
    const text = 'printf "a\\nx1\\nb\\nc\\nd\\nx2\\ne\\n"';
    expect(await out(`${text} | grep -A1 x`)).toBe('x1\nb\n--\nx2\ne\n');
    expect(await out(`${text} | grep -B 1 x2`)).toBe('d\nx2\n');
    expect(await out(`${text} | grep -n -C1 x1`)).toBe('1-a\n2:x1\n3-b\n');
    expect(await out(`${text} | grep -2 x1`)).toBe('a\nx1\nb\nc\n');
    expect(await out(`${text} | grep --after-context=3 x1`)).toBe('x1\nb\nc\nd\n');
    expect(await out(`${text} | grep -A x x`)).toBe('grep: x: invalid context length argument\n');
  });

  it('sort, uniq, cut, tr', async () => {
    expect(await out('printf "b\\na\\nc\\na\\n" | sort | uniq -c')).toBe('      2 a\n      1 b\n      1 c\n');
    expect(await out('printf "10\\n9\\n100\\n" | sort -n -r')).toBe('100\n10\n9\n');
    expect(await out('printf "x 3\\ny 1\\nz 2\\n" | sort -k2 -n')).toBe('y 1\nz 2\nx 3\n');
    expect(await out('printf "a\\na\\nb\\n" | uniq -d')).toBe('a\n');
    expect(await out('echo a:b:c:d | cut -d: -f2,4')).toBe('b:d\n');
    expect(await out('echo abcdef | cut -c2-4')).toBe('bcd\n');
    expect(await out('echo hello | tr a-z A-Z')).toBe('HELLO\n');
    expect(await out('echo "a  b   c" | tr -s " "')).toBe('a b c\n');
    expect(await out('echo hello | tr -d l')).toBe('heo\n');
  });

  it('sed: substitute, print, delete, in place', async () => {
    expect(await out('echo "image: nginx:1.14" | sed "s/1.14/1.25/"')).toBe('image: nginx:1.25\n');
    expect(await out('echo aaa | sed s/a/b/g')).toBe('bbb\n');
    expect(await out('echo aaa | sed s/a/b/2')).toBe('aba\n');
    expect(await out("echo 'name: web' | sed -n 's/name: \\(.*\\)/\\1/p'")).toBe('web\n');
    expect(await out("echo 'x=1' | sed -E 's/([a-z])=([0-9])/\\2=\\1/'")).toBe('1=x\n');
    expect(await out('printf "a\\nb\\nc\\n" | sed -n 2p')).toBe('b\n');
    expect(await out('printf "a\\nb\\nc\\n" | sed "/b/d"')).toBe('a\nc\n');
    expect(await out('printf "a\\nb\\nc\\n" | sed "1,2s/^/- /"')).toBe('- a\n- b\nc\n');
    const sh = fresh();
    await sh.exec('printf "replicas: 1\\nimage: nginx\\n" > d.yaml');
    expect(await sh.exec("sed -i 's/replicas: 1/replicas: 3/' d.yaml")).toEqual({ output: '', exitCode: 0 });
    expect((await sh.exec('cat d.yaml')).output).toBe('replicas: 3\nimage: nginx\n');
    expect((await sh.exec('sed s/a/b/ nope.txt')).output).toBe("sed: can't read nope.txt: No such file or directory\n");
  });

  it('grep: -i -v -E -c -n -o -r -l', async () => {
    const sh = fresh();
    await sh.exec('mkdir -p k8s && printf "kind: Pod\\nname: web\\n" > k8s/pod.yaml && printf "kind: Service\\n" > k8s/svc.yaml');
    expect((await sh.exec('grep -r kind k8s')).output).toBe('k8s/pod.yaml:kind: Pod\nk8s/svc.yaml:kind: Service\n');
    expect((await sh.exec('grep -rl Pod .')).output).toBe('./k8s/pod.yaml\n');
    expect((await sh.exec('grep -rl Pod')).output).toBe('k8s/pod.yaml\n');
    expect((await sh.exec('grep -n name k8s/pod.yaml')).output).toBe('2:name: web\n');
    expect((await sh.exec('grep -ic KIND k8s/pod.yaml')).output).toBe('1\n');
    expect((await sh.exec('grep -vE "^kind" k8s/pod.yaml')).output).toBe('name: web\n');
    expect((await sh.exec("echo 'web-1 web-22' | grep -oE 'web-[0-9]+'")).output).toBe('web-1\nweb-22\n');
    expect((await sh.exec('grep "name\\|kind" k8s/svc.yaml')).output).toBe('kind: Service\n');
    expect(await sh.exec('grep nothing k8s/svc.yaml')).toEqual({ output: '', exitCode: 1 });
    const redos = await sh.exec(`echo ${'a'.repeat(40)} | grep -E '(a+)+b'`);
    expect(redos.exitCode).toBe(2);
    expect(redos.output).toMatch(/^kubelab: pattern '\(a\+\)\+b' refused: nested repetition/);
    expect((await sh.exec("echo abab | grep -oE '(ab)+'")).output).toBe('abab\n');
  });

  it('head, tail, wc, seq, base64', async () => {
    expect(await out('seq 5 | head -n 2')).toBe('1\n2\n');
    expect(await out('seq 5 | tail -n 2')).toBe('4\n5\n');
    expect(await out('seq 5 | tail -1')).toBe('5\n');
    expect(await out('echo one two | wc -w')).toBe('2\n');
    expect(await out('seq 0 2 6')).toBe('0\n2\n4\n6\n');
    expect(await out('echo -n admin | base64')).toBe('YWRtaW4=\n');
    expect(await out('echo YWRtaW4= | base64 -d')).toBe('admin');
    expect(await out('echo "%%%" | base64 -d')).toBe('base64: invalid input\n');
  });
});

describe('awk, xargs, tee', () => {
  it('awk prints fields, filters rows and sums', async () => {
    expect(await out("kubectl get nodes | awk '{print $1}'")).toBe('NAME\nk8s-master\nk8s-node1\nk8s-node2\n');
    expect(await out("kubectl get nodes | awk 'NR>1 {print $1, $NF}'")).toBe('k8s-master v1.34.1\nk8s-node1 v1.34.1\nk8s-node2 v1.34.1\n');
    expect(await out("printf 'a:1\\nb:2\\nc:3\\n' | awk -F: '$2 >= 2 {n++; s += $2} END {print n, s}'")).toBe('2 5\n');
    expect(await out("printf 'web 1\\ndb 2\\n' | awk '/web/ {print \"found \" $1}'")).toBe('found web\n');
    expect(await out("echo 'x y z' | awk '{print $(NF-1), NF, length($1)}'")).toBe('y 3 1\n');
    expect(await out("echo 'a b' | awk '{ if ($1 == \"a\") print \"yes\"; else print \"no\" }'")).toBe('yes\n');
    expect(await out("echo 'a b' | awk '{printf \"%s-%s\\n\", $2, $1}'")).toBe('b-a\n');
    expect(await out("printf '3\\n5\\n' | awk '{sum+=$1} END {print sum/NR}'")).toBe('4\n');
    expect(await fresh().exec("echo 1 | awk '{print $1[0]}'")).toEqual({
      output: "awk: syntax error at source line 1: unexpected character '['\n source line number 1\n", exitCode: 2 });
  });

  it('xargs builds command lines from stdin; tee copies it', async () => {
    const sh = fresh();
    await sh.exec('kubectl run a --image=nginx; kubectl run b --image=nginx');
    expect((await sh.exec('kubectl get pods -o name | xargs kubectl delete')).output)
      .toBe('pod "a" deleted from default namespace\npod "b" deleted from default namespace\n');
    expect((await sh.exec('seq 5 | xargs -n 2 echo')).output).toBe('1 2\n3 4\n5\n');
    expect((await sh.exec('printf "x\\ny\\n" | xargs -I {} echo "item {}"')).output).toBe('item x\nitem y\n');
    expect((await sh.exec('echo hi | tee t.txt | tr a-z A-Z; cat t.txt')).output).toBe('HI\nhi\n');
    expect((await sh.exec('cd /tmp; cd -; pwd')).output).toBe('/root\n/root\n');
  });
});

describe('files and system', () => {
  it('cp and mv', async () => {
    const sh = fresh();
    await sh.exec('echo a > a.txt && mkdir d && cp a.txt b.txt && mv b.txt d/ && cp -r d e');
    expect((await sh.exec('ls; ls e')).output).toBe('a.txt  d  e\nb.txt\n');
    expect((await sh.exec('cp nope x')).output).toBe("cp: cannot stat 'nope': No such file or directory\n");
    expect((await sh.exec('cp d f')).output).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect((await sh.exec('mv a.txt c.txt && cat c.txt && ls')).output).toBe('a\nc.txt  d  e\n');
  });

  it('date, hostname, whoami, env', async () => {
    expect(await out('date')).toBe('Wed Jan  1 09:05:07 UTC 2025\n');
    expect(await out('date +%Y-%m-%dT%H:%M:%SZ')).toBe('2025-01-01T09:05:07Z\n');
    expect(await out('hostname; whoami')).toBe('k8s-master\nroot\n');
    expect(await out('export APP=web; env | grep ^APP=; unset APP; echo "[$APP]"')).toBe('APP=web\n[]\n');
  });

  it('type, which, history, test', async () => {
    expect(await out('type cd kubectl for nosuch')).toBe('cd is a shell builtin\nkubectl is /usr/bin/kubectl\nfor is a shell keyword\nbash: type: nosuch: not found\n');
    expect(await out('which kubectl; which cd; echo $?')).toBe('/usr/bin/kubectl\n1\n');
    expect(await out('[ 1 -lt 2 ] && [ -n "x" ] && [ ! -f nope ] && test a != b && echo ok')).toBe('ok\n');
    expect(await out('[ 1 -eq 1')).toBe("bash: [: missing `]'\n");
    expect(await out('[[ web-1 == web-* ]] && echo glob')).toBe('glob\n');
    const sh = fresh();
    await sh.exec('echo one');
    expect((await sh.exec('history')).output).toBe('    1  echo one\n    2  history\n');
  });

  it('editors point to the editor pane; network tools are routed like kube-proxy', async () => {
    const vi = await fresh().exec('vi pod.yaml');
    expect(vi.exitCode).toBe(1);
    expect(vi.output).toContain('vi: 이 실습 터미널에는 편집기가 없습니다');
    expect(vi.output).toContain('YAML editor pane');
    // 10.96.0.1 only serves 443: kube-proxy has no rule for port 80, so the SYN is dropped.
    const curl = await fresh().exec('curl http://10.96.0.1');
    expect(curl.output).toMatch(/^curl: \(28\) Failed to connect to 10\.96\.0\.1 port 80 after 1\d{5} ms: Couldn't connect to server\n$/);
    expect(curl.exitCode).toBe(28);
    expect(await fresh().exec('foo')).toEqual({ output: 'bash: foo: command not found\n', exitCode: 127 });
  });

  it('alias and unalias, kept in the snapshot', async () => {
    const sh = fresh();
    await sh.exec('alias k=kubectl');
    expect((await sh.exec('k get nodes | grep -c Ready')).output).toBe('3\n');
    expect((await sh.exec('alias; type k')).output).toBe("alias k='kubectl'\nk is aliased to `kubectl'\n");
    const restored = createShell({ cluster: sh.cluster, state: JSON.parse(JSON.stringify(sh.snapshot())) });
    expect((await restored.exec('k get nodes | wc -l')).output).toBe('4\n');
    expect((await restored.exec('unalias k; k')).output).toBe('bash: k: command not found\n');
  });

  it('sh -c and eval run nested command lines', async () => {
    expect(await out("sh -c 'echo $((1+1)); exit 3'; echo $?")).toBe('2\n3\n');
    expect(await out('cmd="echo hi"; eval $cmd')).toBe('hi\n');
  });

  it('watch repeats the command with a header until Ctrl-C', async () => {
    const cluster = createCluster({ seed: 'watch', now: T0 });
    const controller = new AbortController();
    const waits: number[] = [];
    const sh = createShell({
      cluster,
      sleep: async (ms) => { waits.push(ms); cluster.advanceBy(ms); if (waits.length === 2) controller.abort(); },
    });
    let text = '';
    const code = await sh.run('watch -n 1 kubectl get nodes', { write: (c) => { text += c; }, signal: controller.signal });
    expect(code).toBe(130);
    expect(waits).toEqual([1000, 1000]);
    const screens = text.split('\x1b[H\x1b[2J').filter(Boolean);
    expect(screens).toHaveLength(2);
    expect(screens[0]).toMatch(/^Every 1\.0s: kubectl get nodes +k8s-master: Wed Jan  1 09:05:07 2025\n\nNAME +STATUS/);
    expect(screens[1]).toContain('k8s-master: Wed Jan  1 09:05:08 2025');
  });
});
