import { z } from 'zod';

/** Classroom forms: zod schemas with Korean messages, shared by the server actions and tests. */

export type ClassFormState = {
  ok?: boolean;
  errors?: Partial<Record<string, string[]>>;
  message?: string;
};

export const createClassSchema = z.object({
  name: z
    .string({ error: '클래스 이름을 입력해 주세요.' })
    .trim()
    .min(1, '클래스 이름을 입력해 주세요.')
    .max(60, '클래스 이름은 60자 이하로 입력해 주세요.')
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), '클래스 이름에 쓸 수 없는 문자가 있습니다.'),
});

export const joinClassSchema = z.object({
  code: z
    .string({ error: '참여 코드를 입력해 주세요.' })
    .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
    .pipe(
      z
        .string()
        .min(1, '참여 코드를 입력해 주세요.')
        .regex(/^[A-Z0-9]{8}$/, '참여 코드는 영문과 숫자 8자리입니다 (예: ABCD-EF23).'),
    ),
});

export const leaveClassSchema = z.object({ classroomId: z.string().min(1).max(64) });
export const classMemberSchema = leaveClassSchema.extend({ userId: z.string().min(1).max(64) });

/** First-error-per-field map in the shape the forms show. */
export function formErrors(error: z.ZodError): Partial<Record<string, string[]>> {
  const out: Partial<Record<string, string[]>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
