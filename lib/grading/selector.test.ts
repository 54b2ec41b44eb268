import { describe, expect, it } from 'vitest';
import { matchesSelector, parseSelector } from './selector';
import { parseFieldPath } from './field-path';

describe('label selectors', () => {
  const m = (sel: string, labels: Record<string, string>) => matchesSelector(parseSelector(sel), labels);
  it('supports equality, set and existence terms', () => {
    expect(m('type=db', { type: 'db' })).toBe(true);
    expect(m('type==db,tier!=x', { type: 'db', tier: 'y' })).toBe(true);
    expect(m('type in (db, web)', { type: 'web' })).toBe(true);
    expect(m('type notin (db,web)', { type: 'web' })).toBe(false);
    expect(m('app.kubernetes.io/name', { 'app.kubernetes.io/name': 'x' })).toBe(true);
    expect(m('!canary', { canary: 'true' })).toBe(false);
  });
  it.each(['', 'a=b=c', 'type in (a', 'a b'])('rejects %j', (s) => {
    expect(() => parseSelector(s)).toThrow();
  });
});

describe('field paths', () => {
  it('parses dots, indexes and quoted keys', () => {
    expect(parseFieldPath('spec.template.spec.containers[0].image')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'image']);
    expect(parseFieldPath("metadata.labels['app.kubernetes.io/name']")).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });
  it.each(['', '.spec', 'spec..x', 'spec x', 'spec[0]x', 'spec['])('rejects %j', (p) => {
    expect(() => parseFieldPath(p)).toThrow();
  });
});
