/** -o yaml strings quoted as go-yaml v2 (sigs.k8s.io/yaml) quotes them. */
import { describe, expect, it } from 'vitest';
import { toYaml } from './output';
import { goYamlStyle } from './yaml-style';

describe('go-yaml v2 scalar styles', () => {
  it.each([
    ['plain text', 'PLAIN'], ['nginx:1.14', 'PLAIN'], ['x#y', 'PLAIN'], ['app.kubernetes.io/name', 'PLAIN'], ['0.8.1', 'PLAIN'],
    // Would read as another type unquoted: encode.go asks for double quotes.
    ['80', 'QUOTE_DOUBLE'], ['true', 'QUOTE_DOUBLE'], ['yes', 'QUOTE_DOUBLE'], ['n', 'QUOTE_DOUBLE'], ['', 'QUOTE_DOUBLE'], ['~', 'QUOTE_DOUBLE'],
    ['0.8', 'QUOTE_DOUBLE'], ['1e3', 'QUOTE_DOUBLE'], ['0x1F', 'QUOTE_DOUBLE'], ['1:20', 'QUOTE_DOUBLE'], ['.inf', 'QUOTE_DOUBLE'],
    ['2025-01-01T00:00:00Z', 'QUOTE_DOUBLE'], ['2025-01-01', 'QUOTE_DOUBLE'],
    // Plain not allowed (indicators, edge spaces): the emitter falls back to single quotes.
    ['containers with unready status: [nginx]', 'QUOTE_SINGLE'], ['*', 'QUOTE_SINGLE'], ['- x', 'QUOTE_SINGLE'], ['x #y', 'QUOTE_SINGLE'],
    [' lead', 'QUOTE_SINGLE'], ['trail ', 'QUOTE_SINGLE'], ['key:', 'QUOTE_SINGLE'], ['[a]', 'QUOTE_SINGLE'], ['{"a":1}', 'QUOTE_SINGLE'],
    // Special characters or space/break mixes: double quotes; line breaks: a literal block.
    ['a\tb', 'QUOTE_DOUBLE'], ['line1\nline2\n', 'BLOCK_LITERAL'], ['ends with \n', 'QUOTE_DOUBLE'],
  ])('%j → %s', (s, style) => {
    expect(goYamlStyle(s)).toBe(style);
  });

  it('prints a pod condition message and annotations as kubectl does', () => {
    expect(toYaml({ message: 'containers with unready status: [nginx]', annotations: { 'deployment.kubernetes.io/revision': '1' }, quote: "it's: x" }))
      .toBe("annotations:\n  deployment.kubernetes.io/revision: \"1\"\nmessage: 'containers with unready status: [nginx]'\nquote: 'it''s: x'\n");
  });
});
