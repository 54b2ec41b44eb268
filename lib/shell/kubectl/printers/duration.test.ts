import { describe, expect, it } from 'vitest';
import { humanDuration } from './duration';
import { tabulate } from './tabwriter';

describe('HumanDuration', () => {
  // Test vectors from reference/kubectl-printing.md §2 (duration.go).
  const vectors: [number, string][] = [
    [5, '5s'], [119, '119s'], [120, '2m'], [123, '2m3s'], [599, '9m59s'], [600, '10m'], [10799, '179m'],
    [10800, '3h'], [11040, '3h4m'], [28800, '8h'], [172799, '47h'], [172800, '2d'], [183600, '2d3h'],
    [691200, '8d'], [63072000, '2y'], [66528000, '2y40d'], [252288000, '8y'], [90, '90s'],
  ];
  it.each(vectors)('%ds → %s', (s, want) => expect(humanDuration(s * 1000)).toBe(want));
  it('handles negative durations', () => {
    expect(humanDuration(-500)).toBe('0s');
    expect(humanDuration(-2000)).toBe('<invalid>');
  });
});

describe('tabwriter', () => {
  it('pads columns by 3 with minimum width 6 and leaves the last column alone', () => {
    expect(tabulate([['NAME', 'READY', 'AGE'], ['web', '1/1', '10s']])).toBe('NAME   READY   AGE\nweb    1/1     10s\n');
    expect(tabulate([['A', 'B'], ['x', 'y']])).toBe('A     B\nx     y\n');
  });
});
