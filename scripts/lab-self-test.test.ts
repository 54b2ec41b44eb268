// Self-test for every exercise in content/ (DESIGN.md §5): the starting state fails, the
// reference solution passes, running it twice still passes, and known near-misses fail.
// Lives in scripts/ because it spans layers (content + grading + shell + cluster); the cases
// come from scripts/self-test.ts, which `npm run check:content` runs too.
import { describe, expect, it } from 'vitest';
import { exerciseFileSchema, getSolution, listLabs } from '@/lib/content';
import { gradeExercise } from '@/lib/grading';
import { nearMissProblem, play } from './self-test';

const labs = await listLabs();

describe.each(labs.map((l) => [l.labKey, l] as const))('%s', (_key, lab) => {
  describe.each(lab.exercises.map((e) => [e.id, e] as const))('%s', (_id, exercise) => {
    it('fails on the starting state', async () => {
      const { cluster } = await play([], lab.setup);
      expect(gradeExercise(exercise, cluster).passed).toBe(false);
    });

    it('passes with the reference solution, also when run twice', async () => {
      const solution = (await getSolution(lab.courseSlug, lab.lessonSlug, exercise.id))!;
      expect(solution).toBeTruthy();
      const once = await play([solution], lab.setup);
      expect(gradeExercise(exercise, once.cluster), once.outputs.join('')).toMatchObject({ passed: true });
      const twice = await play([solution, solution], lab.setup);
      expect(gradeExercise(exercise, twice.cluster), twice.outputs.join('')).toMatchObject({ passed: true });
    });

    it.each(exercise.nearMisses.map((m) => [m.script, m] as const))('fails on the near-miss %j', async (_script, miss) => {
      const { cluster } = await play([miss.script], lab.setup);
      expect(nearMissProblem(miss, gradeExercise(exercise, cluster))).toBeUndefined();
    });
  });
});

describe('nearMissProblem', () => {
  const result = (passed: boolean, messages: Record<string, string>) => ({
    exerciseId: 'e', passed,
    tasks: Object.entries(messages).map(([taskId, message]) => ({ taskId, title: taskId, passed: !message, message })),
  });

  it('accepts a failure that names the expected cause, in the named task', () => {
    const [miss] = exerciseFileSchema.parse({ id: 'e', title: 'e', tasks: [{ id: 't', title: 't', check: {} }],
      nearMisses: ['kubectl run x --image=nginx', { script: 'kubectl run y', expect: 'selector type=db', task: 'dns' }] }).nearMisses.slice(1);
    expect(nearMissProblem(miss, result(false, { dns: 'selector type=db vs 파드 레이블 type=db2 → 엔드포인트 없음' }))).toBeUndefined();
    expect(nearMissProblem(miss, result(false, { other: 'selector type=db', dns: '다른 이유' })))
      .toBe('expected task dns to say "selector type=db"; got: other: selector type=db; dns: 다른 이유');
    expect(nearMissProblem({ script: 'x' }, result(true, {}))).toBe('the near-miss passes');
    expect(nearMissProblem({ script: 'x' }, result(false, { t: '무엇이든' }))).toBeUndefined();
  });
});
