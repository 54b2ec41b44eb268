import { z } from 'zod';

/** Slugs used in URLs and lab keys: lower-case ASCII, digits and dashes. */
export const slugPattern = /^[a-z0-9-]+$/;

/** `content/<course>/course.yaml` */
export const courseFileSchema = z
  .strictObject({
    title: z.string().trim().min(1).describe('Course title shown on the course list (Korean)'),
    description: z.string().trim().min(1).describe('One or two sentences about the course (Korean)'),
    hidden: z
      .boolean()
      .default(false)
      .describe('Hidden courses are reachable by URL but not listed (e2e fixtures, drafts)'),
  })
  .describe('Course metadata');
export type CourseFile = z.infer<typeof courseFileSchema>;

/** `content/<course>/NN-<module>/module.yaml` */
export const moduleFileSchema = z
  .strictObject({
    title: z.string().trim().min(1).describe('Module title (Korean)'),
    description: z.string().trim().min(1).optional().describe('Short module description (Korean)'),
  })
  .describe('Module metadata; its order comes from the NN- folder prefix');
export type ModuleFile = z.infer<typeof moduleFileSchema>;

/** YAML frontmatter of `lesson.mdx`. */
export const lessonFrontmatterSchema = z
  .strictObject({
    title: z.string().trim().min(1).describe('Lesson title (Korean)'),
    summary: z.string().trim().min(1).max(300).describe('One-sentence summary for lists and meta description'),
    order: z.number().int().min(1).describe('Position in the module; must equal the NN- folder prefix'),
    estimatedMinutes: z.number().int().min(1).max(240).describe('Expected reading + practice time in minutes'),
    objectives: z
      .array(z.string().trim().min(1))
      .min(1)
      .describe('What the learner can do after the lesson (Korean, one sentence each)'),
  })
  .describe('Lesson frontmatter');
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

const idSchema = z.string().regex(slugPattern, 'must match /^[a-z0-9-]+$/');

/** One graded task; `check` is validated by lib/grading (`checkSchema`), not here. */
export const taskSchema = z
  .strictObject({
    id: idSchema.describe('Task id, unique within the exercise'),
    title: z.string().trim().min(1).describe('What must hold, as a Korean sentence shown in the checklist'),
    check: z
      .record(z.string(), z.unknown())
      .describe('Declarative check over cluster state (schema owned by lib/grading)'),
  })
  .describe('Exercise task');
export type Task = z.infer<typeof taskSchema>;

/** A near-miss: a script that must fail, and (optionally) the grading message it must fail with. */
export const nearMissSchema = z
  .union([
    z.string().trim().min(1),
    z.strictObject({
      script: z.string().trim().min(1).describe('Shell script of the mistake, typed as a learner would'),
      expect: z.string().trim().min(1).optional()
        .describe('Text that a failed task\'s message must contain (the cause the grader names), e.g. "selector type=db vs 파드 레이블 type=db2"'),
      task: idSchema.optional().describe('Id of the task whose message must contain `expect` (any failed task when omitted)'),
    }),
  ])
  .transform((m) => (typeof m === 'string' ? { script: m } : m))
  .describe('Near-miss: a script, or { script, expect, task }');
export type NearMiss = z.output<typeof nearMissSchema>;

export const exerciseFileSchema = z
  .strictObject({
    id: idSchema.describe('Exercise id, unique within the lesson; solutions/<id>.sh holds the reference solution'),
    title: z.string().trim().min(1).describe('Exercise title (Korean)'),
    description: z.string().trim().min(1).optional().describe('What the learner should do (Korean, plain text)'),
    tasks: z.array(taskSchema).min(1).describe('Tasks graded independently, in display order'),
    hints: z.array(z.string().trim().min(1)).default([]).describe('Hints revealed one by one (Korean)'),
    nearMisses: z
      .array(nearMissSchema)
      .default([])
      .describe('Plausible mistakes that must NOT pass (run by the lab self-test), each failing with its expected message'),
  })
  .describe('Exercise');
export type ExerciseFile = z.infer<typeof exerciseFileSchema>;

/** `lab.yaml` beside `lesson.mdx`. */
export const labFileSchema = z
  .strictObject({
    setup: z
      .array(z.string().trim().min(1))
      .default([])
      .describe(
        'Starting state: shell scripts run, in order, through the learner\'s own shell when a lab is created fresh ' +
          '(e.g. `kubectl apply -f -` heredocs, `cat > file <<EOF` into the home folder); heredocs may span lines',
      ),
    exercises: z.array(exerciseFileSchema).min(1).describe('Exercises of the lesson, in display order'),
  })
  .describe('Lab file');
export type LabFile = z.infer<typeof labFileSchema>;
