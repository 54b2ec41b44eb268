import { randomInt } from 'node:crypto';
import { getPrisma } from './client';
import { getUserRole } from './roles';

/** Classes: an instructor creates one and hands out its join code; learners join with the code. */

export type ClassroomSummary = {
  id: string;
  name: string;
  joinCode: string;
  createdAt: Date;
  memberCount: number;
};

export type Membership = { classroomId: string; name: string; instructorName: string | null; joinedAt: Date };

export class NotInstructorError extends Error {
  override name = 'NotInstructorError';
}
export class ClassroomNotFoundError extends Error {
  override name = 'ClassroomNotFoundError';
}
export class OwnClassroomError extends Error {
  override name = 'OwnClassroomError';
}

/** No 0/O or 1/I/L: codes are read aloud and typed from a projector. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

export function generateJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a learner typed ("abcd-efgh", " ABCD EFGH ") as a stored code. */
export function normalizeJoinCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

export async function createClassroom(instructorId: string, name: string): Promise<ClassroomSummary> {
  if ((await getUserRole(instructorId)) !== 'instructor') throw new NotInstructorError('only instructors create classes');
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await getPrisma().classroom.create({ data: { instructorId, name: name.trim(), joinCode: generateJoinCode() } });
      return { id: row.id, name: row.name, joinCode: row.joinCode, createdAt: row.createdAt, memberCount: 0 };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/** The instructor's classes, newest first. */
export async function listInstructorClassrooms(instructorId: string): Promise<ClassroomSummary[]> {
  const rows = await getPrisma().classroom.findMany({
    where: { instructorId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: { _count: { select: { members: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, joinCode: r.joinCode, createdAt: r.createdAt, memberCount: r._count.members }));
}

/** Joins the class with this code (joining twice changes nothing). */
export async function joinClassroom(userId: string, code: string): Promise<Membership> {
  const prisma = getPrisma();
  const classroom = await prisma.classroom.findUnique({
    where: { joinCode: normalizeJoinCode(code) },
    include: { instructor: { select: { name: true, email: true } } },
  });
  if (!classroom) throw new ClassroomNotFoundError('no class with this code');
  if (classroom.instructorId === userId) throw new OwnClassroomError('instructors do not join their own class');
  const member = await prisma.classroomMember.upsert({
    where: { classroomId_userId: { classroomId: classroom.id, userId } },
    create: { classroomId: classroom.id, userId },
    update: {},
  });
  return {
    classroomId: classroom.id,
    name: classroom.name,
    instructorName: classroom.instructor.name ?? classroom.instructor.email,
    joinedAt: member.joinedAt,
  };
}

export async function leaveClassroom(userId: string, classroomId: string): Promise<boolean> {
  const { count } = await getPrisma().classroomMember.deleteMany({ where: { userId, classroomId } });
  return count > 0;
}

/** The classes a learner belongs to, newest membership first. */
export async function listMemberships(userId: string): Promise<Membership[]> {
  const rows = await getPrisma().classroomMember.findMany({
    where: { userId },
    orderBy: { joinedAt: 'desc' },
    include: { classroom: { include: { instructor: { select: { name: true, email: true } } } } },
  });
  return rows.map((r) => ({
    classroomId: r.classroomId,
    name: r.classroom.name,
    instructorName: r.classroom.instructor.name ?? r.classroom.instructor.email,
    joinedAt: r.joinedAt,
  }));
}

/** Deletes the class (memberships go with it) if `instructorId` runs it; false otherwise. */
export async function deleteClassroom(instructorId: string, classroomId: string): Promise<boolean> {
  const { count } = await getPrisma().classroom.deleteMany({ where: { id: classroomId, instructorId } });
  return count > 0;
}

/** The instructor takes a learner out of their class; false when it is not their class or member. */
export async function removeClassroomMember(instructorId: string, classroomId: string, userId: string): Promise<boolean> {
  const { count } = await getPrisma().classroomMember.deleteMany({ where: { classroomId, userId, classroom: { instructorId } } });
  return count > 0;
}
