import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { LIMITS } from './limits';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
const fresh = () => createShell({ cluster: createCluster({ seed: 'scripting', now: T0 }) });
const out = async (line: string) => (await fresh().exec(line)).output;

describe('compound commands', () => {
  it('runs for loops over words, globs and substitutions', async () => {
    expect(await out('for i in 0 1; do echo "web-$i"; done')).toBe('web-0\nweb-1\n');
    expect(await out('for i in $(seq 1 3); do printf "%s," $i; done; echo')).toBe('1,2,3,\n');
    const sh = fresh();
    await sh.exec('touch a.yaml b.yaml c.txt');
    expect((await sh.exec('for f in *.yaml; do echo $f; done')).output).toBe('a.yaml\nb.yaml\n');
    expect(await out('for x in; do echo never; done; echo $?')).toBe('0\n');
  });

  it('runs while and until loops with arithmetic', async () => {
    expect(await out('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done')).toBe('0\n1\n2\n');
    expect(await out('n=3; until [ $n -eq 0 ]; do echo $n; let n--; done')).toBe('3\n2\n1\n');
    expect(await out('seq 3 | while read n; do echo "n=$n"; done')).toBe('n=1\nn=2\nn=3\n');
    expect(await out('printf "a b c\\n" | { read x rest; echo "$x|$rest"; }')).toBe('a|b c\n');
  });

  it('honours break and continue, with levels', async () => {
    expect(await out('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done')).toBe('1\n3\n');
    expect(await out('for a in x y; do for b in 1 2; do [ $b = 2 ] && break 2; echo $a$b; done; done; echo end')).toBe('x1\nend\n');
    expect(await out('break')).toBe("bash: break: only meaningful in a `for', `while', or `until' loop\n");
  });

  it('runs if/elif/else and case', async () => {
    expect(await out('if false; then echo a; elif [ -d /root ]; then echo b; else echo c; fi')).toBe('b\n');
    expect(await out('if [ 1 -gt 2 ]; then echo a; else echo c; fi')).toBe('c\n');
    expect(await out('if false; then echo a; fi; echo $?')).toBe('0\n');
    expect(await out('case web-1 in db-*) echo db;; web-*|api-*) echo web;; *) echo other;; esac')).toBe('web\n');
    expect(await out('case x in [abc]) echo abc;; *) echo other;; esac')).toBe('other\n');
    expect(await out('case "a b" in a\\ *) echo escaped;; esac')).toBe('escaped\n');
    const hostile = `case ${'a'.repeat(60)} in ${'*a'.repeat(20)}*b) echo m;; ${'*a'.repeat(20)}) echo n;; esac`;
    expect(await out(hostile)).toBe('n\n');
  });

  it('runs subshells and groups', async () => {
    expect(await out('(cd /tmp; X=1; pwd); pwd; echo "[$X]"')).toBe('/tmp\n/root\n[]\n');
    expect(await out('{ echo b; echo a; } | sort')).toBe('a\nb\n');
    expect(await out('(exit 3); echo $?')).toBe('3\n');
    expect(await out('for i in 1 2; do echo $i; done > f.txt; cat f.txt')).toBe('1\n2\n');
  });

  it('accepts multi-line compound commands', async () => {
    const sh = fresh();
    expect(sh.isComplete('for i in 1 2')).toBe(false);
    expect(sh.isComplete('for i in 1 2; do')).toBe(false);
    expect(sh.isComplete('for i in 1 2; do\n  echo $i')).toBe(false);
    expect(sh.isComplete('if true; then\n  echo yes\nelse')).toBe(false);
    expect(sh.isComplete('while true; do echo x; done')).toBe(true);
    expect((await sh.exec('for i in 1 2\ndo\n  echo $i\ndone')).output).toBe('1\n2\n');
    expect((await sh.exec('if true\nthen\n  echo yes\nfi')).output).toBe('yes\n');
  });
});

describe('functions and arithmetic commands', () => {
  it('defines and calls functions with positional parameters, local and return', async () => {
    expect(await out('greet() { echo "hi $1 ($#)"; }; greet web; greet a b')).toBe('hi web (1)\nhi a (2)\n');
    expect(await out('function sum { local t=0; for n in "$@"; do t=$((t+n)); done; echo $t; }; sum 1 2 3; echo "[$t]"')).toBe('6\n[]\n');
    expect(await out('f() { return 3; }; f; echo $?')).toBe('3\n');
    expect(await out('return')).toBe("bash: return: can only `return' from a function or sourced script\n");
    expect(await out('rec() { rec; }; rec; echo after')).toBe('kubelab: function calls nested too deeply\n');
    expect(await out('set -- a "b c"; for a in "$@"; do echo "[$a]"; done')).toBe('[a]\n[b c]\n');
  });

  it('runs (( )) and C-style for loops', async () => {
    expect(await out('for ((i=0; i<3; i++)); do echo c$i; done')).toBe('c0\nc1\nc2\n');
    expect(await out('((x = 2 + 3)); echo $x; (( x > 10 )) || echo small')).toBe('5\nsmall\n');
  });
});

describe('expansions', () => {
  it('expands backticks and arithmetic', async () => {
    expect(await out('echo `echo hi` "`echo there`"')).toBe('hi there\n');
    expect(await out('x=5; echo $((x * 2 + 1)) $(( (x+1) % 4 )) $((2**8)) $((x > 3 ? 1 : 0))')).toBe('11 2 256 1\n');
    expect(await out('echo $((1/0)); echo $?')).toBe('bash: 1/0: division by 0 (error token is "0")\n1\n');
  });

  it('expands ${...} operators', async () => {
    expect(await out('n=node/k8s-node1; echo "${n#node/}" ${n#*/} ${n%1} ${n%%-*}')).toBe('k8s-node1 k8s-node1 node/k8s-node node/k8s\n');
    expect(await out('f=app.tar.gz; echo ${f%.*} ${f%%.*} ${f#*.} ${f##*.}')).toBe('app.tar app tar.gz gz\n');
    expect(await out('i=nginx:1.14; echo ${i/1.14/1.25} ${i//n/N} ${i/#ng/NG} ${i/%14/99}')).toBe('nginx:1.25 NgiNx:1.14 NGinx:1.14 nginx:1.99\n');
    expect(await out('s=abcdef; echo ${s:2} ${s:1:3} ${s: -2} ${s:0:-1} ${#s}')).toBe('cdef bcd ef abcde 6\n');
    expect(await out('echo ${NOPE:?must be set}; echo "st=$?"')).toBe('bash: NOPE: must be set\nst=1\n');
    expect(await out('echo ${x=5}; echo $x')).toBe('5\n5\n');
    expect(await out(`v=${'a'.repeat(3000)}; echo \${#v} \${v//*a*a*b/x} | wc -c`)).toBe('3006\n');
  });

  it('keeps $? like bash', async () => {
    expect(await out('false; echo $?; true; echo $?')).toBe('1\n0\n');
    expect(await out('x=$(exit 4); echo $?')).toBe('4\n');
    expect(await out('! false; echo $?')).toBe('0\n');
    expect(await out('nosuch; echo $?')).toBe('bash: nosuch: command not found\n127\n');
  });

  it('keeps stdout and stderr apart through pipes and redirections', async () => {
    const sh = fresh();
    expect((await sh.exec('ls nope | wc -l')).output).toBe("ls: cannot access 'nope': No such file or directory\n0\n");
    expect((await sh.exec('ls nope 2>/dev/null; echo $?')).output).toBe('2\n');
    expect((await sh.exec('{ echo out; echo err >&2; } 2>err.txt >out.txt; cat out.txt err.txt')).output).toBe('out\nerr\n');
    expect((await sh.exec('{ echo a; echo b >&2; } 2>&1 | wc -l')).output).toBe('2\n');
  });
});

describe('limits and Ctrl-C', () => {
  it('stops a busy loop with a clear message and returns the prompt', async () => {
    const sh = fresh();
    const r = await sh.exec('while true; do :; done');
    expect(r.output).toMatch(/^kubelab: loop stopped: it ran \d+ times without sleep/);
    expect(r.exitCode).toBe(1);
    expect((await sh.exec('echo alive')).output).toBe('alive\n');
  });

  it('cuts output at the limit', async () => {
    const r = await fresh().exec('while true; do echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; sleep 0; done');
    expect(r.output.length).toBeLessThan(LIMITS.outputBytes + 200);
    expect(r.output.endsWith('kubelab: output limit reached\n')).toBe(true);
  });

  it('stops deeply nested substitutions and parse nesting', async () => {
    const deep = `echo ${'$('.repeat(60)}echo x${')'.repeat(60)}`;
    expect((await fresh().exec(deep)).output).toContain('kubelab: command substitution nested too deeply');
    const groups = `${'{ '.repeat(5000)}echo x;${' };'.repeat(5000)}`;
    expect((await fresh().exec(groups)).output).toBe('kubelab: input nested too deeply\n');
    const subshells = `${'( '.repeat(5000)}echo x${' )'.repeat(5000)}`;
    expect((await fresh().exec(subshells)).output).toBe('kubelab: input nested too deeply\n');
    const arith = `echo $((${'('.repeat(5000)}1${')'.repeat(5000)}))`;
    expect((await fresh().exec(arith)).output).toMatch(/^bash: .*expression nested too deeply\n$/);
    expect((await fresh().exec(`echo $((${'- '.repeat(5000)}1))`)).output).toMatch(/nested too deeply/);
  });

  it('interrupts an endless loop with sleep on abort, yielding to the event loop', async () => {
    const cluster = createCluster({ seed: 'abort', now: T0 });
    const controller = new AbortController();
    let sleeps = 0;
    const sh = createShell({
      cluster,
      sleep: async (ms, signal) => {
        sleeps++;
        if (sleeps === 3) controller.abort();
        if (!signal?.aborted) cluster.advanceBy(ms);
      },
    });
    let text = '';
    const code = await sh.run('while true; do echo x; sleep 1; done', { write: (c) => { text += c; }, signal: controller.signal });
    expect(code).toBe(130);
    expect(text).toBe('x\nx\nx\n');
    expect((await sh.exec('echo $?')).output).toBe('130\n');
  });

  it('lets other work run while a loop spins', async () => {
    const controller = new AbortController();
    const sh = fresh();
    let ticks = 0;
    const timer = setInterval(() => { ticks++; if (ticks === 3) controller.abort(); }, 1);
    const code = await sh.run('while true; do echo x > /dev/null; done', { write: () => undefined, signal: controller.signal });
    clearInterval(timer);
    expect(code).toBe(130);
    expect(ticks).toBeGreaterThanOrEqual(3);
  });
});
