import { describe, expect, it } from 'vitest';
import { JsonPathError, relaxed, renderJsonPath } from './jsonpath';

const LIST = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'x' } }, spec: { containers: [{ image: 'nginx' }, { image: 'busybox' }] }, status: { phase: 'Running', n: 2 } },
    { metadata: { name: 'b' }, spec: { containers: [{ image: 'redis' }] }, status: { phase: 'Pending', n: 1 } },
  ],
};

describe('kubectl JSONPath templates', () => {
  it.each([
    ['{.kind}', 'List'],
    ['{.items[*].metadata.name}', 'a b'],
    ['{.items[0].spec.containers[*].image}', 'nginx busybox'],
    ['{.items[-1].metadata.name}', 'b'],
    ['{.items[0:1].metadata.name}', 'a'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'a\tRunning\nb\tPending\n'],
    ['{.items[?(@.status.phase=="Pending")].metadata.name}', 'b'],
    ['{.items[?(@.status.n>1)].metadata.name}', 'a'],
    ["{.items[0].metadata.labels['app\\.kubernetes\\.io/name']}", 'x'],
    ['{..image}', 'nginx busybox redis'],
    ['name: {.items[1].metadata.name}!', 'name: b!'],
    ['{.items[0].missing}', ''],
    ['{.items[0].metadata}', '{"name":"a","labels":{"app.kubernetes.io/name":"x"}}'],
  ])('%s', (tpl, want) => {
    expect(renderJsonPath(tpl, LIST)).toBe(want);
  });

  it('rejects broken templates', () => {
    expect(() => renderJsonPath('{.items[0', LIST)).toThrow(JsonPathError);
    expect(() => renderJsonPath('{range .items[*]}{.x}', LIST)).toThrow('unclosed range');
    expect(() => renderJsonPath('{end}', LIST)).toThrow(JsonPathError);
  });

  it('relaxes custom-columns paths', () => {
    expect(relaxed('metadata.name')).toBe('{.metadata.name}');
    expect(relaxed('{.a}')).toBe('{.a}');
  });
});
