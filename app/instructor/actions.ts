'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createClassroom, deleteClassroom, NotInstructorError, removeClassroomMember } from '@/lib/db';
import { classMemberSchema, createClassSchema, formErrors, leaveClassSchema, type ClassFormState } from '../lib/classroom-forms';
import { getViewer } from '../lib/identity';

/** "클래스 만들기": instructors only (the role is checked again in lib/db). */
export async function createClassAction(_prev: ClassFormState, formData: FormData): Promise<ClassFormState> {
  const viewer = await getViewer();
  if (!viewer || viewer.isGuest) return { message: '로그인한 강사만 클래스를 만들 수 있습니다.' };
  const parsed = createClassSchema.safeParse({ name: formData.get('name') ?? '' });
  if (!parsed.success) return { errors: formErrors(parsed.error) };
  try {
    const created = await createClassroom(viewer.userId, parsed.data.name);
    revalidatePath('/instructor');
    return { ok: true, message: `"${created.name}" 클래스를 만들었습니다. 참여 코드: ${created.joinCode}` };
  } catch (error) {
    if (error instanceof NotInstructorError) return { message: '강사 계정만 클래스를 만들 수 있습니다.' };
    console.error('[instructor] create class', error);
    return { message: '클래스를 만들지 못했습니다. 잠시 후 다시 시도해 주세요.' };
  }
}

/** "클래스 삭제" (after the confirmation disclosure): only the class's instructor can; memberships go too. */
export async function deleteClassAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  const parsed = leaveClassSchema.safeParse({ classroomId: formData.get('classroomId') });
  if (!viewer || viewer.isGuest || !parsed.success) return;
  if (await deleteClassroom(viewer.userId, parsed.data.classroomId)) {
    revalidatePath('/instructor');
    redirect('/instructor');
  }
}

/** "내보내기": the instructor takes a learner out of the class (the learner's own records stay). */
export async function removeMemberAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  const parsed = classMemberSchema.safeParse({ classroomId: formData.get('classroomId'), userId: formData.get('userId') });
  if (!viewer || viewer.isGuest || !parsed.success) return;
  await removeClassroomMember(viewer.userId, parsed.data.classroomId, parsed.data.userId);
  revalidatePath(`/instructor/classes/${parsed.data.classroomId}`);
}
