import { describe, expect, it } from 'vitest';
import { createClassSchema, formErrors, joinClassSchema } from './classroom-forms';

describe('classroom forms', () => {
  it('normalises a typed join code and explains a bad one in Korean', () => {
    expect(joinClassSchema.parse({ code: ' abcd-ef23 ' })).toEqual({ code: 'ABCDEF23' });
    const short = joinClassSchema.safeParse({ code: 'abc' });
    expect(short.success || formErrors(short.error)).toEqual({ code: ['참여 코드는 영문과 숫자 8자리입니다 (예: ABCD-EF23).'] });
    const empty = joinClassSchema.safeParse({ code: '  ' });
    expect(empty.success || formErrors(empty.error).code?.[0]).toBe('참여 코드를 입력해 주세요.');
    const hostile = joinClassSchema.safeParse({ code: { $ne: 1 } });
    expect(hostile.success || formErrors(hostile.error).code?.[0]).toBe('참여 코드를 입력해 주세요.');
  });

  it('trims class names and rejects empty, long or control-character names', () => {
    expect(createClassSchema.parse({ name: '  1반 ' })).toEqual({ name: '1반' });
    const cases: [unknown, string][] = [
      ['   ', '클래스 이름을 입력해 주세요.'],
      ['가'.repeat(61), '클래스 이름은 60자 이하로 입력해 주세요.'],
      ['a\u0000b', '클래스 이름에 쓸 수 없는 문자가 있습니다.'],
      [42, '클래스 이름을 입력해 주세요.'],
    ];
    for (const [name, message] of cases) {
      const r = createClassSchema.safeParse({ name });
      expect(r.success || formErrors(r.error).name?.[0], String(name)).toBe(message);
    }
  });
});
