'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '../../../lib/identity';
import { checkExercise } from './check-exercise';
import type { CheckState } from './check-types';
import { revealHints, revealSolution } from './exercise-help';
import type { HelpState } from './help-types';

const slug = z.string().regex(/^[a-z0-9-]{1,100}$/);
const checkInputSchema = z.object({ courseSlug: slug, lessonSlug: slug, exerciseId: slug });
export type CheckInputForm = z.infer<typeof checkInputSchema>;
const hintInputSchema = checkInputSchema.extend({ count: z.number().int().min(1).max(50) });
const solutionInputSchema = checkInputSchema.extend({ use: z.enum(['view', 'run']) });

const BAD_REQUEST = '잘못된 요청입니다.';

/** The "확인" button: grade one exercise against the learner's lab and record the attempt. */
export async function checkExerciseAction(_prev: CheckState, formData: FormData): Promise<CheckState> {
  const parsed = checkInputSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return { status: 'error', errors: z.flattenError(parsed.error).fieldErrors, message: BAD_REQUEST };
  }
  const state = await checkExercise(await getViewer(), parsed.data);
  if (state.result) revalidatePath('/dashboard');
  return state;
}

/** "힌트 보기 (n/N)": opens hints 1..count and records how many are open. */
export async function revealHintAction(input: z.input<typeof hintInputSchema>): Promise<HelpState> {
  const parsed = hintInputSchema.safeParse(input);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, message: BAD_REQUEST };
  return revealHints(await getViewer(), parsed.data);
}

/** "정답 보기" (use: view) and "대신 풀어 주기" (use: run): the reference solution, recorded. */
export async function revealSolutionAction(input: z.input<typeof solutionInputSchema>): Promise<HelpState> {
  const parsed = solutionInputSchema.safeParse(input);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, message: BAD_REQUEST };
  const { use, ...ref } = parsed.data;
  return revealSolution(await getViewer(), ref, use);
}
