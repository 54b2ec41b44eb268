import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGuestUser, disconnectPrisma, getLessonProgress, listAttempts, saveLabSnapshot } from '@/lib/db';
import { checkExercise } from './check-exercise';

const exercise = (id: string) => ({ id, title: `연습 ${id}`, tasks: [{ id: 't1', title: '파드', check: {} }], hints: [] });
const outcome = vi.hoisted(() => ({ passed: {} as Record<string, boolean>, advancedTo: 0, ran: [] as string[], createdAt: 0 }));

vi.mock('@/lib/content', () => ({
  getLesson: async (c: string, l: string) =>
    c === 'k8s' && l === 'pods'
      ? { courseSlug: 'k8s', slug: 'pods', labKey: 'k8s/pods', exercises: [exercise('a'), exercise('b')], setup: ['kubectl run seed --image=nginx'] }
      : null,
}));
vi.mock('@/lib/cluster', () => ({
  restoreCluster: (snap: unknown) => ({ snap, advanceTo: (ms: number) => void (outcome.advancedTo = ms) }),
}));
// lib/shell's startLab (tested with the real cluster in lib/terminal/lab-reset.test.ts), recorded here.
vi.mock('@/lib/shell', () => ({
  startLab: async (scripts: string[], now: number) => {
    outcome.createdAt = scripts.length ? now - 5 * 60_000 : now;
    for (const script of scripts) outcome.ran.push(...script.split('\n'));
    return { cluster: { advanceTo: (ms: number) => void (outcome.advancedTo = ms) }, failures: [] };
  },
}));
vi.mock('@/lib/grading', () => ({
  gradeExercise: (ex: { id: string }) => {
    const passed = outcome.passed[ex.id] ?? false;
    return { exerciseId: ex.id, passed, tasks: [{ taskId: 't1', title: '파드', passed, message: passed ? '' : '파드가 없습니다' }] };
  },
}));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kubelab-check-'));
  process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`;
});
afterAll(async () => {
  await disconnectPrisma();
  rmSync(dir, { recursive: true, force: true });
});

describe('checkExercise', () => {
  it('asks to use the terminal first when there is no identity', async () => {
    const state = await checkExercise(null, { courseSlug: 'k8s', lessonSlug: 'pods', exerciseId: 'a' });
    expect(state).toMatchObject({ status: 'no-lab' });
    expect(state.message).toContain('터미널');
  });

  it('grades the starting state (setup run through the shell) when no lab was saved yet', async () => {
    const { id } = await createGuestUser();
    const before = Date.now();
    const state = await checkExercise({ userId: id, isGuest: true }, { courseSlug: 'k8s', lessonSlug: 'pods', exerciseId: 'a' });
    expect(state).toMatchObject({ status: 'failed' });
    expect(outcome.ran).toEqual(['kubectl run seed --image=nginx']);
    expect(outcome.createdAt).toBeLessThan(before - 60_000);
    expect(outcome.advancedTo).toBeGreaterThanOrEqual(before);
  });

  it('rejects unknown exercises', async () => {
    const state = await checkExercise(null, { courseSlug: 'k8s', lessonSlug: 'pods', exerciseId: 'zzz' });
    expect(state.status).toBe('error');
  });

  it('grades, records attempts and completes the lesson once every exercise passed', async () => {
    const { id: userId } = await createGuestUser();
    const viewer = { userId, isGuest: true };
    await saveLabSnapshot(userId, 'k8s/pods', JSON.stringify({ v: 1, cluster: { objects: [] }, shell: {} }));
    const input = (exerciseId: string) => ({ courseSlug: 'k8s', lessonSlug: 'pods', exerciseId });

    const failed = await checkExercise(viewer, input('a'));
    expect(failed).toMatchObject({ status: 'failed', lessonCompleted: false });
    expect(failed.result?.tasks[0]).toMatchObject({ passed: false, message: '파드가 없습니다' });
    expect(outcome.advancedTo).toBeGreaterThan(0);

    outcome.passed = { a: true, b: true };
    expect(await checkExercise(viewer, input('a'))).toMatchObject({ status: 'passed', lessonCompleted: false });
    expect((await getLessonProgress({ userId, courseSlug: 'k8s', lessonSlug: 'pods' }))?.completedAt).toBeNull();
    expect(await checkExercise(viewer, input('b'))).toMatchObject({ status: 'passed', lessonCompleted: true });
    expect((await getLessonProgress({ userId, courseSlug: 'k8s', lessonSlug: 'pods' }))?.completedAt).toBeInstanceOf(Date);

    const attempts = await listAttempts(userId);
    expect(attempts.map((a) => [a.exerciseId, a.passed])).toEqual([['b', true], ['a', true], ['a', false]]);
    expect(attempts[0]!.result).toMatchObject({ exerciseId: 'b', exerciseTitle: '연습 b' });
  });
});
