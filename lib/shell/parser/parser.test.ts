import { describe, expect, it } from 'vitest';
import { isCompleteInput, parseScript } from './parser';
import { ShellSyntaxError } from './ast';

const words = (src: string) => parseScript(src).items[0].andOr.first.commands[0].words
  .map((w) => w.parts.map((p) => (p.kind === 'text' ? p.value : p.kind === 'param' ? `$${p.name}` : `$(${p.source})`)).join(''));

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
    const cmd = s.items[0].andOr.first.commands[0];
    expect(cmd.redirects[0].heredoc).toEqual({ body: 'kind: Pod\n  name: $X\n', expand: true });
    expect(s.items[1].andOr.first.commands[0].words).toHaveLength(2);
    const quoted = parseScript("cat <<'EOF'\n$X\nEOF\n").items[0].andOr.first.commands[0].redirects[0];
    expect(quoted.heredoc?.expand).toBe(false);
    const tabs = parseScript('cat <<-END\n\tx\n\tEND\n').items[0].andOr.first.commands[0].redirects[0];
    expect(tabs.heredoc?.body).toBe('x\n');
  });

  it('parses redirections with file descriptors', () => {
    const r = parseScript('cmd > out 2>&1 >> log < in').items[0].andOr.first.commands[0].redirects;
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
