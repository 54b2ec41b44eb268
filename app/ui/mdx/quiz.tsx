import { z } from 'zod';
import { QuizClient } from './quiz-client';
import { validated } from './validated';

const text = (max: number) => z.string().trim().min(1).max(max);

const choiceSchema = z
  .strictObject({
    question: text(300),
    options: z.array(text(200)).min(2).max(6),
    answer: z.number().int().min(0).describe('index of the right option (0-based)'),
    explanation: text(600).optional(),
  })
  .refine((q) => q.answer < q.options.length, { path: ['answer'], message: 'answer는 options의 번호(0부터)여야 합니다' });

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

const textSchema = z
  .strictObject({
    question: text(300),
    pattern: text(200).refine(compiles, '정규식이 올바르지 않습니다').describe('case-insensitive regex the trimmed answer must match'),
    answerText: text(200).describe('model answer, shown on request; must match pattern'),
    placeholder: text(100).optional(),
    explanation: text(600).optional(),
  })
  .refine((q) => !compiles(q.pattern) || new RegExp(q.pattern, 'i').test(q.answerText), {
    path: ['answerText'],
    message: 'answerText가 pattern에 맞지 않습니다',
  });

const quizSchema = z.union([choiceSchema, textSchema]);

/**
 * `<Quiz question="..." options={['a', 'b']} answer={1} explanation="..." />` (multiple choice) or
 * `<Quiz question="..." pattern="^kubectl get pods?$" answerText="kubectl get pods" />` (free text).
 * Props are validated here on the server; only the small checker is a client component.
 */
export const Quiz = validated('Quiz', quizSchema, (q) =>
  'options' in q ? <QuizClient kind="choice" {...q} /> : <QuizClient kind="text" {...q} />,
);
