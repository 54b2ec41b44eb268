'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '../../../lib/identity';
import { checkExercise } from './check-exercise';
import type { CheckState } from './check-types';

const slug = z.string().regex(/^[a-z0-9-]{1,100}$/);
const checkInputSchema = z.object({ courseSlug: slug, lessonSlug: slug, exerciseId: slug });
export type CheckInputForm = z.infer<typeof checkInputSchema>;

/** The "확인" button: grade one exercise against the learner's lab and record the attempt. */
export async function checkExerciseAction(_prev: CheckState, formData: FormData): Promise<CheckState> {
  const parsed = checkInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: 'error', errors: z.flattenError(parsed.error).fieldErrors, message: '잘못된 요청입니다.' };
  }
  const state = await checkExercise(await getViewer(), parsed.data);
  if (state.result) revalidatePath('/dashboard');
  return state;
}
