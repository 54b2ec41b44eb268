'use server';

import { revalidatePath } from 'next/cache';
import { ClassroomNotFoundError, joinClassroom, leaveClassroom, OwnClassroomError } from '@/lib/db';
import { formErrors, joinClassSchema, leaveClassSchema, type ClassFormState } from '../lib/classroom-forms';
import { getViewer } from '../lib/identity';

/** "클래스 참여": a signed-in learner joins the class with this code. */
export async function joinClassAction(_prev: ClassFormState, formData: FormData): Promise<ClassFormState> {
  const viewer = await getViewer();
  if (!viewer || viewer.isGuest) return { message: '클래스에 참여하려면 회원가입하거나 로그인해 주세요.' };
  const parsed = joinClassSchema.safeParse({ code: formData.get('code') ?? '' });
  if (!parsed.success) return { errors: formErrors(parsed.error) };
  try {
    const joined = await joinClassroom(viewer.userId, parsed.data.code);
    revalidatePath('/dashboard');
    return { ok: true, message: `"${joined.name}" 클래스에 참여했습니다.` };
  } catch (error) {
    if (error instanceof ClassroomNotFoundError) return { errors: { code: ['이 코드의 클래스가 없습니다. 코드를 다시 확인해 주세요.'] } };
    if (error instanceof OwnClassroomError) return { errors: { code: ['내가 만든 클래스에는 참여할 수 없습니다.'] } };
    console.error('[dashboard] join class', error);
    return { message: '클래스에 참여하지 못했습니다. 잠시 후 다시 시도해 주세요.' };
  }
}

/** "나가기" on a joined class. */
export async function leaveClassAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  const parsed = leaveClassSchema.safeParse({ classroomId: formData.get('classroomId') });
  if (!viewer || !parsed.success) return;
  await leaveClassroom(viewer.userId, parsed.data.classroomId);
  revalidatePath('/dashboard');
}
