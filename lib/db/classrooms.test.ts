import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyInstructorRoles, ClassroomNotFoundError, createClassroom, createGuestUser, createUser, deleteClassroom, disconnectPrisma,
  getClassroomReport, getDashboard, getUserRole, joinClassroom, leaveClassroom, listInstructorClassrooms,
  listMemberships, normalizeJoinCode, NotInstructorError, OwnClassroomError, parseInstructorEmails, recordAttempt,
  recordHintsRevealed, recordLessonCompleted, recordLessonOpened, recordSolutionUsed, recordSolutionViewed,
  removeClassroomMember, saveLabSnapshot, syncUserRole,
} from './index';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kubelab-class-'));
  process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`;
});
afterAll(async () => {
  await disconnectPrisma();
  rmSync(dir, { recursive: true, force: true });
});

const TEACHERS = ['teacher@example.com'];
const task = (taskId: string, passed: boolean) => ({ taskId, title: `과제 ${taskId}`, passed, message: passed ? '' : '아님' });
const result = (title: string, ...tasks: ReturnType<typeof task>[]) => ({
  exerciseId: 'x', passed: tasks.every((t) => t.passed), tasks, exerciseTitle: title,
});

describe('roles', () => {
  it('parses KUBELAB_INSTRUCTORS and names a bad entry', () => {
    expect(parseInstructorEmails(undefined)).toEqual([]);
    expect(parseInstructorEmails(' A@Example.com, b@example.com,,a@example.com ')).toEqual(['a@example.com', 'b@example.com']);
    expect(() => parseInstructorEmails('a@example.com, nope')).toThrow(/KUBELAB_INSTRUCTORS: .*"nope"/);
  });

  it('applies the list at sign-in and seed, demoting accounts taken off it', async () => {
    const teacher = await createUser({ email: 'Teacher@example.com', passwordHash: 'h' });
    const learner = await createUser({ email: 'learner@example.com', passwordHash: 'h' });
    expect(teacher.role).toBe('learner');
    expect(await syncUserRole(teacher.id, TEACHERS)).toBe('instructor');
    expect(await syncUserRole(learner.id, TEACHERS)).toBe('learner');
    expect(await getUserRole(teacher.id)).toBe('instructor');
    expect(await syncUserRole(teacher.id, [])).toBe('learner');
    expect(await applyInstructorRoles(TEACHERS)).toEqual({ instructors: 1 });
    expect(await getUserRole(teacher.id)).toBe('instructor');
    await applyInstructorRoles(['learner@example.com']);
    expect(await getUserRole(teacher.id)).toBe('learner');
    expect(await getUserRole(learner.id)).toBe('instructor');
    await applyInstructorRoles(TEACHERS);
    expect(await syncUserRole((await createGuestUser()).id, TEACHERS)).toBe('learner');
  });
});

describe('classrooms', () => {
  it('lets only instructors create classes, and learners join with the code', async () => {
    const teacher = (await listTeacher())!;
    const learner = await createUser({ email: 'joiner@example.com', passwordHash: 'h', name: '민지' });
    await expect(createClassroom(learner.id, '반')).rejects.toBeInstanceOf(NotInstructorError);
    const klass = await createClassroom(teacher, '  쿠버네티스 1반 ');
    expect(klass).toMatchObject({ name: '쿠버네티스 1반', memberCount: 0 });
    expect(klass.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);

    const typed = `${klass.joinCode.slice(0, 4).toLowerCase()}-${klass.joinCode.slice(4)} `;
    expect(normalizeJoinCode(typed)).toBe(klass.joinCode);
    const joined = await joinClassroom(learner.id, typed);
    expect(joined).toMatchObject({ classroomId: klass.id, name: '쿠버네티스 1반' });
    await joinClassroom(learner.id, klass.joinCode); // twice: still one membership
    expect(await listMemberships(learner.id)).toHaveLength(1);
    expect((await listInstructorClassrooms(teacher))[0]).toMatchObject({ id: klass.id, memberCount: 1 });
    await expect(joinClassroom(learner.id, 'ZZZZZZZZ')).rejects.toBeInstanceOf(ClassroomNotFoundError);
    await expect(joinClassroom(teacher, klass.joinCode)).rejects.toBeInstanceOf(OwnClassroomError);

    expect(await leaveClassroom(learner.id, klass.id)).toBe(true);
    expect(await listMemberships(learner.id)).toEqual([]);
    expect(await leaveClassroom(learner.id, klass.id)).toBe(false);
  });

  it('reports members, lessons and the most common failing task, only to the class instructor', async () => {
    const teacher = (await listTeacher())!;
    const klass = await createClassroom(teacher, '리포트 반');
    const ann = await createUser({ email: 'ann2@example.com', passwordHash: 'h', name: '안' });
    const bob = await createUser({ email: 'bob2@example.com', passwordHash: 'h' });
    const outsider = await createUser({ email: 'out@example.com', passwordHash: 'h' });
    await joinClassroom(ann.id, klass.joinCode);
    await joinClassroom(bob.id, klass.joinCode);

    const lesson = { courseSlug: 'kubernetes', lessonSlug: 'headless-service' };
    const ex = { ...lesson, exerciseId: 'headless-dns' };
    await recordLessonOpened({ userId: ann.id, ...lesson }, new Date('2026-01-01T00:00:00Z'));
    await recordAttempt({ userId: ann.id, ...ex, passed: false, result: result('DNS', task('svc', false), task('dns', false)) });
    await recordAttempt({ userId: ann.id, ...ex, passed: false, result: result('DNS', task('svc', true), task('dns', false)) });
    await recordAttempt({ userId: ann.id, ...ex, passed: true, result: result('DNS', task('svc', true), task('dns', true)) });
    await recordAttempt({ userId: ann.id, ...ex, passed: true, result: result('DNS', task('svc', true), task('dns', true)) });
    await recordLessonCompleted({ userId: ann.id, ...lesson });
    await recordAttempt({ userId: bob.id, ...ex, passed: false, result: result('DNS', task('svc', false), task('dns', false)) });
    await recordAttempt({ userId: bob.id, ...ex, passed: false, result: '{not json' });
    await recordHintsRevealed({ userId: bob.id, ...ex }, 2);
    await recordSolutionUsed({ userId: bob.id, ...ex });
    await recordSolutionViewed({ userId: ann.id, ...ex });
    await saveLabSnapshot(bob.id, 'kubernetes/headless-service', '{}');
    await recordAttempt({ userId: outsider.id, ...ex, passed: false, result: result('DNS', task('svc', false)) });

    expect(await getClassroomReport(klass.id, outsider.id)).toBeNull();
    expect(await getClassroomReport('nope', teacher)).toBeNull();
    const report = (await getClassroomReport(klass.id, teacher))!;
    expect(report.classroom.name).toBe('리포트 반');
    const [a, b] = report.members;
    expect(a).toMatchObject({ name: '안', lessonsOpened: 1, lessonsCompleted: 1, exercisesPassed: 1, attempts: 4, passedAttempts: 2 });
    expect(a).toMatchObject({ hintsRevealed: 0, solutionsViewed: 1, solutionsUsed: 0 });
    expect(b).toMatchObject({ email: 'bob2@example.com', exercisesPassed: 0, attempts: 2, hintsRevealed: 2, solutionsViewed: 1, solutionsUsed: 1 });
    expect(b!.lastActivityAt).toBeInstanceOf(Date);
    expect(report.lessons).toEqual([{ ...lesson, opened: 1, completed: 1 }]);
    expect(report.exercises).toEqual([
      {
        ...ex, exerciseTitle: 'DNS', attempts: 6, failedAttempts: 4, learnersAttempted: 2, learnersPassed: 1,
        hintsRevealed: 2, solutionsUsed: 1, mostCommonFailingTask: { taskId: 'dns', title: '과제 dns', count: 3 },
      },
    ]);
  });

  it('lets only the class instructor remove a learner or delete the class', async () => {
    const teacher = (await listTeacher())!;
    const klass = await createClassroom(teacher, '지울 반');
    const kim = await createUser({ email: 'kim-rm@example.com', passwordHash: 'h' });
    await joinClassroom(kim.id, klass.joinCode);
    expect(await removeClassroomMember(kim.id, klass.id, kim.id)).toBe(false); // not the instructor
    expect(await deleteClassroom(kim.id, klass.id)).toBe(false);
    expect(await removeClassroomMember(teacher, klass.id, kim.id)).toBe(true);
    expect(await listMemberships(kim.id)).toEqual([]);
    await joinClassroom(kim.id, klass.joinCode);
    expect(await deleteClassroom(teacher, klass.id)).toBe(true);
    expect(await listMemberships(kim.id)).toEqual([]);
    expect(await getClassroomReport(klass.id, teacher)).toBeNull();
    await expect(joinClassroom(kim.id, klass.joinCode)).rejects.toBeInstanceOf(ClassroomNotFoundError);
  });

  it('an empty class reports no rows', async () => {
    const teacher = (await listTeacher())!;
    const klass = await createClassroom(teacher, '빈 반');
    expect(await getClassroomReport(klass.id, teacher)).toMatchObject({ members: [], lessons: [], exercises: [] });
  });
});

describe('dashboard exercises', () => {
  it('lists attempts beside hints and solutions per exercise', async () => {
    const user = await createUser({ email: 'dash-help@example.com', passwordHash: 'h' });
    const ref = { userId: user.id, courseSlug: 'kubernetes', lessonSlug: 'kubectl-basics' };
    await recordAttempt({ ...ref, exerciseId: 'run-hello', passed: false, result: {} });
    await recordAttempt({ ...ref, exerciseId: 'run-hello', passed: true, result: {} });
    await recordHintsRevealed({ ...ref, exerciseId: 'run-hello' }, 1);
    await recordSolutionViewed({ ...ref, exerciseId: 'delete-hello' });
    const { exercises } = (await getDashboard(user.id))!;
    expect(exercises).toMatchObject([
      { exerciseId: 'delete-hello', attempts: 0, passed: false, hintsRevealed: 0, solutionUsedAt: null },
      { exerciseId: 'run-hello', attempts: 2, passed: true, hintsRevealed: 1, solutionViewedAt: null },
    ]);
    expect(exercises[0]!.solutionViewedAt).toBeInstanceOf(Date);
  });
});

async function listTeacher(): Promise<string | undefined> {
  const { findUserByEmail } = await import('./index');
  return (await findUserByEmail('teacher@example.com'))?.id;
}
