import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGoTemplate, TemplateError } from './index';

const pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web-0', labels: { app: 'web', tier: 'fe' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }, { name: 'side', image: 'busybox' }] },
  status: { phase: 'Running', podIP: '10.244.1.5', ratio: 0.5, empty: null },
};
const list = { apiVersion: 'v1', kind: 'List', items: [pod, { ...pod, metadata: { name: 'web-1', labels: {} }, status: { phase: 'Pending' } }] };
const run = (src: string, data: unknown = pod) => parseGoTemplate(src, { funcs: { base64decode: (s) => Buffer.from(String(s), 'base64').toString('utf8') } }).execute(data);
const err = (src: string, data: unknown = pod) => { try { run(src, data); } catch (e) { return (e as TemplateError).message; } return 'no error'; };

describe('go-template: fields, text, trimming', () => {
  it('prints fields, missing keys as <no value>, null as <nil>', () => {
    expect(run('{{.metadata.name}} {{.status.phase}}')).toBe('web-0 Running');
    expect(run('{{.metadata.nope}}|{{.status.empty}}|{{.status.ratio}}')).toBe('<no value>|<nil>|0.5');
    expect(run('{{.spec.containers}}')).toBe('[map[image:nginx:1.25 name:nginx ports:[map[containerPort:80]]] map[image:busybox name:side]]');
  });
  it('trims with {{- and -}} and ignores comments', () => {
    expect(run('a  \n {{- .kind -}}  \n b{{/* note */}}c')).toBe('aPodbc');
    expect(run('{{- /* x */ -}}  x')).toBe('x');
  });
});

describe('go-template: control structures and variables', () => {
  it('ranges over lists with variables and else', () => {
    expect(run('{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}', list)).toBe('web-0\nweb-1\n');
    expect(run('{{range $i, $p := .items}}{{$i}}={{$p.metadata.name}} {{end}}', list)).toBe('0=web-0 1=web-1 ');
    expect(run('{{range .nothing}}x{{else}}none{{end}}', list)).toBe('none');
    expect(run('{{range $k, $v := .metadata.labels}}{{$k}}:{{$v}},{{end}}')).toBe('app:web,tier:fe,');
    expect(run('{{range .items}}{{if eq .status.phase "Pending"}}{{break}}{{end}}{{.metadata.name}}{{end}}', list)).toBe('web-0');
  });
  it('if / else if / else, with, and the root $', () => {
    const t = '{{range .items}}{{if eq .status.phase "Running"}}R{{else if eq .status.phase "Pending"}}P{{else}}?{{end}}{{end}}';
    expect(run(t, list)).toBe('RP');
    expect(run('{{with .metadata.labels}}{{.app}} of {{$.kind}}{{end}}')).toBe('web of Pod');
    expect(run('{{with .metadata.none}}x{{else}}empty{{end}}')).toBe('empty');
    expect(run('{{$n := .metadata.name}}{{range .spec.containers}}{{$n}}/{{.name}} {{end}}')).toBe('web-0/nginx web-0/side ');
    expect(run('{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}')).toBe('2');
  });
});

describe('go-template: functions and pipelines', () => {
  it('index len printf print println and or not comparisons', () => {
    expect(run('{{index .metadata.labels "app"}} {{(index .spec.containers 1).image}} {{len .spec.containers}}')).toBe('web busybox 2');
    expect(run('{{printf "%s-%d-%5s|%-4s|%q" .metadata.name 7 "ab" "c" "q"}}')).toBe('web-0-7-   ab|c   |"q"');
    expect(run('{{print "a" 1 2 "b"}}{{println 1 "x"}}')).toBe('a1 2b1 x\n');
    expect(run('{{and 1 0 2}} {{or 0 "" "x"}} {{not .metadata.none}} {{lt 1 2}} {{ge 2.5 3.5}} {{ne "a" "b"}}')).toBe('0 x true true false true');
    expect(run('{{.metadata.name | printf "%s!"}} {{"aGVsbG8=" | base64decode}}')).toBe('web-0! hello');
    expect(run('{{printf "%d" "x"}}')).toBe('%!d(string=x)');
  });
});

describe('go-template: errors read like Go', () => {
  it('parse errors', () => {
    expect(err('{{.x')).toBe('template: output:1: unclosed action');
    expect(err('{{if .x}}a')).toBe('template: output:1: unexpected EOF');
    expect(err('{{end}}')).toBe('template: output:1: unexpected {{end}}');
    expect(err('a\n{{foo .x}}')).toBe('template: output:2: function "foo" not defined');
    expect(err('{{"abc}}')).toBe('template: output:1: unterminated quoted string');
  });
  it('execution errors', () => {
    expect(err('{{.metadata.foo.bar}}')).toBe('template: output:1:2: executing "output" at <.metadata.foo.bar>: nil pointer evaluating interface {}.bar');
    expect(err('{{.metadata.name.x}}')).toBe('template: output:1:2: executing "output" at <.metadata.name.x>: can\'t evaluate field x in type string');
    expect(err('{{index .spec.containers 5}}')).toBe('template: output:1:2: executing "output" at <index>: error calling index: index out of range: 5');
    expect(err('{{eq .metadata.name 1}}')).toBe('template: output:1:2: executing "output" at <eq>: error calling eq: incompatible types for comparison');
    expect(err('{{lt 1 1.5}}')).toBe('template: output:1:2: executing "output" at <lt>: error calling lt: incompatible types for comparison');
    expect(err('{{len 3}}')).toBe('template: output:1:2: executing "output" at <len>: error calling len: len of type int64');
  });
  it('random templates either render or fail with a Go-style TemplateError (fast-check)', () => {
    const piece = fc.oneof(fc.constantFrom('{{', '}}', '{{-', '-}}', ' ', '.', '.metadata', '.spec.containers', '$', '$x', ':=', '=', '|', '(', ')',
      'range', 'if', 'else', 'end', 'with', 'break', 'index', 'len', 'printf', '"%s"', '"a', '`r`', '1', '-2.5', 'eq', 'and', 'not', 'nil',
      '/*', '*/', ',', "'c'", 'base64decode', 'nope'), fc.string({ maxLength: 3 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 25 }), (parts) => {
      const src = parts.join('');
      try { run(src); } catch (e) {
        expect(e, src).toBeInstanceOf(TemplateError);
        expect((e as Error).message, src).toMatch(/^template: output:\d+(:\d+)?: /);
      }
    }), { seed: 424242, numRuns: 2000 });
  });

  it('turns pathological nesting into a template error', () => {
    expect(err(`{{${'('.repeat(20000)}1${')'.repeat(20000)}}}`)).toBe('template: output: nesting too deep');
  });

  it('caps runaway output', () => {
    const big = { items: Array.from({ length: 2000 }, (_, i) => i) };
    expect(() => parseGoTemplate('{{range .items}}{{range $.items}}x{{end}}{{end}}', { maxOutput: 100_000 }).execute(big)).toThrow(/output exceeds/);
  });
});
