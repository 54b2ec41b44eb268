// Self-test for every exercise in content/ (DESIGN.md §5): the starting state fails, the
// reference solution passes, running it twice still passes, and known near-misses fail.
// Lives in scripts/ because it spans layers (content + grading + shell + cluster); the cases
// come from scripts/self-test.ts, which `npm run check:content` runs too.
import { describe, expect, it } from 'vitest';
import { getSolution, listLabs } from '@/lib/content';
import { gradeExercise } from '@/lib/grading';
import { play } from './self-test';

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

    it.each(exercise.nearMisses.map((s) => [s]))('fails on the near-miss %j', async (script) => {
      const { cluster } = await play([script], lab.setup);
      expect(gradeExercise(exercise, cluster).passed).toBe(false);
    });
  });
});
