import { describe, expect, it } from 'vitest';
import { ArithError, evalArith } from './arith';

function vars(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { m, v: { get: (n: string) => m.get(n), set: (n: string, x: string) => { m.set(n, x); } } };
}

describe('shell arithmetic', () => {
  it('follows C precedence and integer division', () => {
    const { v } = vars();
    expect(evalArith('1 + 2 * 3', v)).toBe(7);
    expect(evalArith('(1 + 2) * 3', v)).toBe(9);
    expect(evalArith('7 / 2', v)).toBe(3);
    expect(evalArith('-7 / 2', v)).toBe(-3);
    expect(evalArith('2 ** 3 ** 2', v)).toBe(512);
    expect(evalArith('1 < 2 && 3 > 4 || 5 == 5', v)).toBe(1);
    expect(evalArith('0x10 + 010', v)).toBe(24);
    expect(evalArith('!0 ? 4 : 5', v)).toBe(4);
    expect(evalArith('', v)).toBe(0);
  });

  it('reads and assigns variables', () => {
    const { m, v } = vars({ i: '4', e: 'i * 2', empty: '' });
    expect(evalArith('i + e + empty + unset', v)).toBe(12);
    expect(evalArith('i++', v)).toBe(4);
    expect(m.get('i')).toBe('5');
    expect(evalArith('--i', v)).toBe(4);
    expect(evalArith('j = i += 2', v)).toBe(6);
    expect(m.get('j')).toBe('6');
  });

  it('reports errors like bash', () => {
    const { v } = vars();
    expect(() => evalArith('1 / 0', v)).toThrow('division by 0');
    expect(() => evalArith('1 +', v)).toThrow(ArithError);
    expect(() => evalArith('1 2', v)).toThrow('syntax error in expression');
    expect(() => evalArith('a = = 1', v)).toThrow(ArithError);
  });
});
