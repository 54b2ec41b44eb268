import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearLoginThrottle, createGuestUser, createUser, deleteLabSnapshot, disconnectPrisma, EmailTakenError,
  findUserByEmail, getDashboard, getLabSnapshot, getLessonProgress, getLoginThrottle, listAttempts,
  mergeGuestIntoUser, recordAttempt, recordLessonCompleted, recordLessonOpened, recordLoginFailure,
  saveLabSnapshot, seedCatalog, upgradeGuestToUser, getUser, listPassedExerciseIds, listLatestAttempts, deleteStaleGuests,
  listExerciseHelp, recordHintsRevealed, recordSolutionUsed, recordSolutionViewed,
} from './index';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kubelab-db-'));
  process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`;
});
afterAll(async () => {
  await disconnectPrisma();
  rmSync(dir, { recursive: true, force: true });
});

const lesson = { courseSlug: 'k8s', lessonSlug: 'pods' };

describe('users', () => {
  it('creates users with normalised unique e-mails', async () => {
    const user = await createUser({ email: ' Ann@Example.com ', passwordHash: 'h' });
    expect(user).toMatchObject({ email: 'ann@example.com', isGuest: false });
    expect((await findUserByEmail('ANN@example.com'))?.id).toBe(user.id);
    await expect(createUser({ email: 'ann@example.com', passwordHash: 'x' })).rejects.toBeInstanceOf(EmailTakenError);
  });

  it('upgrades a guest in place so progress and labs are kept', async () => {
    const guest = await createGuestUser();
    await recordLessonOpened({ userId: guest.id, ...lesson });
    await saveLabSnapshot(guest.id, 'k8s/pods', '{"cluster":{"n":1},"shell":{}}');
    const user = await upgradeGuestToUser(guest.id, { email: 'bo@example.com', passwordHash: 'h', name: '보' });
    expect(user).toMatchObject({ id: guest.id, isGuest: false, email: 'bo@example.com' });
    expect(await getLessonProgress({ userId: user.id, ...lesson })).not.toBeNull();
    expect((await getLabSnapshot(user.id, 'k8s/pods'))?.data).toBe('{"cluster":{"n":1},"shell":{}}');
    // an already-upgraded id is no guest any more: a new account is created instead
    const other = await upgradeGuestToUser(guest.id, { email: 'cy@example.com', passwordHash: 'h' });
    expect(other.id).not.toBe(guest.id);
    await expect(upgradeGuestToUser((await createGuestUser()).id, { email: 'bo@example.com', passwordHash: 'h' }))
      .rejects.toBeInstanceOf(EmailTakenError);
  });

  it('merges a guest into an existing account on sign-in', async () => {
    const user = await createUser({ email: 'dee@example.com', passwordHash: 'h' });
    const guest = await createGuestUser();
    await recordLessonOpened({ userId: user.id, ...lesson }, new Date('2024-01-02'));
    await recordLessonOpened({ userId: guest.id, ...lesson }, new Date('2024-01-01'));
    await recordLessonCompleted({ userId: guest.id, ...lesson }, new Date('2024-01-03'));
    await recordLessonOpened({ userId: guest.id, courseSlug: 'k8s', lessonSlug: 'svc' });
    await recordAttempt({ userId: guest.id, ...lesson, exerciseId: 'e1', passed: true, result: {} });
    await saveLabSnapshot(guest.id, 'k8s/svc', '{"guest":true}');
    expect(await mergeGuestIntoUser(guest.id, user.id)).toBe(true);
    expect(await getUser(guest.id)).toBeNull();
    const merged = await getLessonProgress({ userId: user.id, ...lesson });
    expect(merged?.openedAt.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(merged?.completedAt?.toISOString()).toBe('2024-01-03T00:00:00.000Z');
    expect(await getLessonProgress({ userId: user.id, courseSlug: 'k8s', lessonSlug: 'svc' })).not.toBeNull();
    expect(await listAttempts(user.id)).toHaveLength(1);
    expect((await getLabSnapshot(user.id, 'k8s/svc'))?.data).toBe('{"guest":true}');
    expect(await mergeGuestIntoUser(user.id, (await createGuestUser()).id)).toBe(false);
  });
});

describe('progress, attempts, labs, dashboard', () => {
  it('records opened/completed once and keeps the first completion', async () => {
    const { id: userId } = await createGuestUser();
    const first = await recordLessonOpened({ userId, ...lesson }, new Date('2024-02-01'));
    const again = await recordLessonOpened({ userId, ...lesson }, new Date('2024-02-05'));
    expect(again.openedAt).toEqual(first.openedAt);
    expect(again.lastOpenedAt.toISOString()).toBe('2024-02-05T00:00:00.000Z');
    await recordLessonCompleted({ userId, ...lesson }, new Date('2024-02-06'));
    const done = await recordLessonCompleted({ userId, ...lesson }, new Date('2024-02-07'));
    expect(done.completedAt?.toISOString()).toBe('2024-02-06T00:00:00.000Z');
  });

  it('lists attempts newest first with parsed results and builds the dashboard', async () => {
    const { id: userId } = await createGuestUser();
    await seedCatalog([{ slug: 'k8s', title: '쿠버네티스', modules: [{ slug: 'm1', title: '기초', lessons: [{ slug: 'pods', title: '파드' }] }] }]);
    await recordLessonOpened({ userId, ...lesson });
    await recordAttempt({ userId, ...lesson, exerciseId: 'e1', passed: false, result: { tasks: [1] } });
    await recordAttempt({ userId, ...lesson, exerciseId: 'e1', passed: true, result: { tasks: [2] } });
    const attempts = await listAttempts(userId, { lessonSlug: 'pods' });
    expect(attempts.map((a) => a.passed)).toEqual([true, false]);
    expect(attempts[0]!.result).toEqual({ tasks: [2] });
    const dash = await getDashboard(userId);
    expect(dash?.stats).toEqual({ opened: 1, completed: 0, attempts: 2, passedAttempts: 1 });
    expect(dash?.lessons[0]!.title).toBe('파드');
    expect(dash?.attempts[0]!.lessonTitle).toBe('파드');
    expect(await getDashboard('nope')).toBeNull();
  });

  it('saves, replaces and deletes lab snapshots', async () => {
    const { id: userId } = await createGuestUser();
    expect(await getLabSnapshot(userId, 'k8s/pods')).toBeNull();
    await saveLabSnapshot(userId, 'k8s/pods', '{"v":1}');
    await saveLabSnapshot(userId, 'k8s/pods', '{"v":2}\nline');
    expect((await getLabSnapshot(userId, 'k8s/pods'))?.data).toBe('{"v":2}\nline');
    expect(await deleteLabSnapshot(userId, 'k8s/pods')).toBe(true);
    expect(await deleteLabSnapshot(userId, 'k8s/pods')).toBe(false);
  });
});

describe('login throttle storage', () => {
  const policy = { maxFailures: 3, windowMs: 60_000, lockMs: 120_000 };
  it('locks after max failures in a window and starts a new window later', async () => {
    const t0 = new Date('2024-03-01T00:00:00Z');
    await recordLoginFailure('k', policy, t0);
    await recordLoginFailure('k', policy, new Date(t0.getTime() + 1000));
    const locked = await recordLoginFailure('k', policy, new Date(t0.getTime() + 2000));
    expect(locked.failures).toBe(3);
    expect(locked.lockedUntil?.getTime()).toBe(t0.getTime() + 2000 + 120_000);
    const fresh = await recordLoginFailure('k', policy, new Date(t0.getTime() + 61_000));
    expect(fresh).toMatchObject({ failures: 1, lockedUntil: null });
    await clearLoginThrottle('k');
    expect(await getLoginThrottle('k')).toBeNull();
  });
});

describe('per-lesson attempt summaries', () => {
  it('lists passed exercise ids and the latest attempt per exercise', async () => {
    const { id: userId } = await createGuestUser();
    const ref = { userId, courseSlug: 'k8s', lessonSlug: 'deploy' };
    await recordAttempt({ ...ref, exerciseId: 'a', passed: true, result: 1 });
    await recordAttempt({ ...ref, exerciseId: 'a', passed: false, result: 2 });
    await recordAttempt({ ...ref, exerciseId: 'b', passed: false, result: 3 });
    expect(await listPassedExerciseIds(ref)).toEqual(['a']);
    const latest = await listLatestAttempts(ref);
    expect(latest.map((a) => [a.exerciseId, a.result])).toEqual([['b', 3], ['a', 2]]);
  });
});

describe('deleteStaleGuests', () => {
  it('drops only old, unused guests', async () => {
    const idle = await createGuestUser();
    const busy = await createGuestUser();
    await recordLessonOpened({ userId: busy.id, ...lesson });
    const future = new Date(Date.now() + 60_000);
    expect(await deleteStaleGuests(new Date(0))).toBe(0);
    expect(await deleteStaleGuests(future)).toBeGreaterThanOrEqual(1);
    expect(await getUser(idle.id)).toBeNull();
    expect(await getUser(busy.id)).not.toBeNull();
  });
});

describe('exercise help (hints, solution)', () => {
  it('records hints one at a time (never fewer), and the first solution view and use', async () => {
    const user = await createUser({ email: 'help@example.com', passwordHash: 'h' });
    const ref = { userId: user.id, ...lesson, exerciseId: 'run-web' };
    expect(await listExerciseHelp({ userId: user.id, ...lesson })).toEqual([]);
    expect(await recordHintsRevealed(ref, 1)).toBe(1);
    expect(await recordHintsRevealed(ref, 2)).toBe(2);
    expect(await recordHintsRevealed(ref, 1)).toBe(2);
    const viewed = await recordSolutionViewed(ref, new Date('2026-01-01'));
    expect(viewed).toMatchObject({ hintsRevealed: 2, solutionViewedAt: new Date('2026-01-01'), solutionUsedAt: null });
    await recordSolutionViewed(ref, new Date('2026-02-01'));
    const used = await recordSolutionUsed({ ...ref, exerciseId: 'other' }, new Date('2026-03-01'));
    expect(used).toMatchObject({ hintsRevealed: 0, solutionViewedAt: new Date('2026-03-01'), solutionUsedAt: new Date('2026-03-01') });
    expect(await listExerciseHelp({ userId: user.id, ...lesson })).toEqual([
      { exerciseId: 'other', hintsRevealed: 0, solutionViewedAt: new Date('2026-03-01'), solutionUsedAt: new Date('2026-03-01') },
      { exerciseId: 'run-web', hintsRevealed: 2, solutionViewedAt: new Date('2026-01-01'), solutionUsedAt: null },
    ]);
  });

  it('moves a guest\'s help to the account on sign-in, keeping the most help taken', async () => {
    const user = await createUser({ email: 'help2@example.com', passwordHash: 'h' });
    const guest = await createGuestUser();
    await recordHintsRevealed({ userId: user.id, ...lesson, exerciseId: 'a' }, 1);
    await recordHintsRevealed({ userId: guest.id, ...lesson, exerciseId: 'a' }, 3);
    await recordSolutionUsed({ userId: guest.id, ...lesson, exerciseId: 'b' }, new Date('2026-01-05'));
    expect(await mergeGuestIntoUser(guest.id, user.id)).toBe(true);
    const help = await listExerciseHelp({ userId: user.id, ...lesson });
    expect(help.map((h) => [h.exerciseId, h.hintsRevealed, h.solutionUsedAt])).toEqual([
      ['a', 3, null],
      ['b', 0, new Date('2026-01-05')],
    ]);
  });
});
