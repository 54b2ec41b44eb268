import { describe, expect, it } from 'vitest';
import { isCompleteInput, parseScript } from './parser';
import { ShellSyntaxError, type SimpleCommand } from './ast';

const first = (src: string) => parseScript(src).items[0].andOr.first.commands[0] as SimpleCommand;
const words = (src: string) => first(src).words
  .map((w) => w.parts.map((p) => (p.kind === 'text' ? p.value : p.kind === 'param' ? `$${p.name}` : p.kind === 'arith' ? `$((${p.source}))` : `$(${p.source})`)).join(''));

describe('shell parser', () => {
  it('splits words with quotes and escapes', () => {
    expect(words(`echo 'a b' "c $X" d\\ e`)).toEqual(['echo', 'a b', 'c $X', 'd e']);
    expect(words('kubectl get pods -o=wide # comment')).toEqual(['kubectl', 'get', 'pods', '-o=wide']);
  });

  it('parses lists, and-or and pipelines', () => {
    const s = parseScript('a; b && c || d | e');
    expect(s.items).toHaveLength(2);
    expect(s.items[1].andOr.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(s.items[1].andOr.rest[1].pipeline.commands).toHaveLength(2);
  });

  it('reads here-documents after the line that names them', () => {
    const s = parseScript("cat <<EOF | kubectl apply -f -\nkind: Pod\n  name: $X\nEOF\necho done\n");
    const cmd = s.items[0].andOr.first.commands[0] as SimpleCommand;
    expect(cmd.redirects[0].heredoc).toEqual({ body: 'kind: Pod\n  name: $X\n', expand: true });
    expect((s.items[1].andOr.first.commands[0] as SimpleCommand).words).toHaveLength(2);
    const quoted = first("cat <<'EOF'\n$X\nEOF\n").redirects[0];
    expect(quoted.heredoc?.expand).toBe(false);
    const tabs = first('cat <<-END\n\tx\n\tEND\n').redirects[0];
    expect(tabs.heredoc?.body).toBe('x\n');
  });

  it('parses redirections with file descriptors', () => {
    const r = first('cmd > out 2>&1 >> log < in').redirects;
    expect(r.map((x) => `${x.fd}${x.op}`)).toEqual(['1>', '2>&', '1>>', '0<']);
  });

  it('knows when input is incomplete', () => {
    expect(isCompleteInput('echo hi')).toBe(true);
    expect(isCompleteInput("echo 'open")).toBe(false);
    expect(isCompleteInput('echo "open')).toBe(false);
    expect(isCompleteInput('echo a \\')).toBe(false);
    expect(isCompleteInput('kubectl get pods |')).toBe(false);
    expect(isCompleteInput('true &&')).toBe(false);
    expect(isCompleteInput('cat <<EOF\nabc')).toBe(false);
    expect(isCompleteInput('cat <<EOF\nabc\nEOF')).toBe(true);
    expect(isCompleteInput('echo $(date')).toBe(false);
    expect(isCompleteInput('echo ;;;')).toBe(true);
  });

  it('reports syntax errors with the offending token', () => {
    expect(() => parseScript('| grep x')).toThrow(ShellSyntaxError);
    expect(() => parseScript('echo >')).toThrow("syntax error near unexpected token `newline'");
  });
});

describe('compound commands', () => {
  const cmd = (src: string) => parseScript(src).items[0].andOr.first.commands[0];

  it('parses for, while, until, if, case, subshells and groups', () => {
    const f = cmd('for i in 0 1; do echo "web-$i"; done');
    expect(f.type === 'for' && [f.name, f.items?.length, f.body.items.length]).toEqual(['i', 2, 1]);
    expect(cmd('while true; do echo x; sleep 1; done').type).toBe('while');
    const u = cmd('until false\ndo\n  echo x\ndone');
    expect(u.type === 'while' && u.until).toBe(true);
    const i = cmd('if a; then b; elif c; then d; else e; fi');
    expect(i.type === 'if' && [i.clauses.length, i.elseBody?.items.length]).toEqual([2, 1]);
    const c = cmd('case $x in a|b) echo ab;; *) ;; esac');
    expect(c.type === 'case' && c.arms.map((a) => a.patterns.length)).toEqual([2, 1]);
    expect(cmd('(cd /tmp; ls) > out').redirects).toHaveLength(1);
    expect(cmd('{ echo a; echo b; } | sort').type).toBe('group');
    expect(parseScript('{ echo a; } | sort').items[0].andOr.first.commands).toHaveLength(2);
  });

  it('treats reserved words as words outside command position', () => {
    expect(words('echo for do done fi')).toEqual(['echo', 'for', 'do', 'done', 'fi']);
    expect(isCompleteInput('for i in 1; do echo done')).toBe(false);
  });

  it('knows open compounds and reports misplaced keywords', () => {
    for (const open of ['for i in 1 2', 'for i in 1 2; do', 'while true; do echo', 'if true; then', 'if a; then b; else',
      'case x in', 'case x in a) echo', '(echo', '{ echo a;', 'echo `date', 'echo $((1+', 'for i in 1\ndo\n  echo $i']) {
      expect(isCompleteInput(open), open).toBe(false);
    }
    expect(() => parseScript('done')).toThrow("syntax error near unexpected token `done'");
    expect(() => parseScript('if true; then fi')).toThrow("syntax error near unexpected token `fi'");
    expect(() => parseScript('for 1x in a; do b; done')).toThrow("`1x': not a valid identifier");
    expect(() => parseScript('while true; do done')).toThrow("syntax error near unexpected token `done'");
  });

  it('keeps backticks and arithmetic as word parts', () => {
    expect(words('echo `date` $((1 + 2)) $( (echo a) )')).toEqual(['echo', '$(date)', '$((1 + 2))', '$( (echo a) )']);
  });
});
