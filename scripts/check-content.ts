// `npm run check:content`: load every course and lesson through lib/content (compiling each MDX),
// validate each lab's checks with lib/grading, and self-test every exercise through lib/shell.
// Prints one line per lesson and a final "N passed, N failed"; exits 1 on any failure.
import { ContentError, getLesson, getSolution, listCourses } from '@/lib/content';
import { formatLabIssues, validateLab } from '@/lib/grading';
import { selfTestExercise } from './self-test';

interface Outcome {
  ok: boolean;
  notes: string[];
}

async function checkLesson(courseSlug: string, lessonSlug: string): Promise<Outcome> {
  const notes: string[] = [];
  const lesson = await getLesson(courseSlug, lessonSlug);
  if (!lesson) return { ok: false, notes: ['lesson not found'] };
  const labFile = `${courseSlug}/${lessonSlug}/lab.yaml`;
  notes.push(...formatLabIssues(labFile, validateLab(lesson.exercises)));
  for (const exercise of lesson.exercises) {
    const solution = await getSolution(courseSlug, lessonSlug, exercise.id);
    for (const c of await selfTestExercise(exercise, solution, lesson.setup)) {
      if (!c.ok) notes.push(`${exercise.id}: ${c.name}${c.detail ? `\n      ${c.detail.trim().replace(/\n/g, '\n      ')}` : ''}`);
    }
  }
  return { ok: notes.length === 0, notes };
}

async function main(): Promise<number> {
  let passed = 0;
  let failed = 0;
  let courses;
  try {
    courses = await listCourses({ includeHidden: true });
  } catch (err) {
    console.error(`✗ content tree: ${err instanceof ContentError ? err.message : String(err)}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  for (const course of courses) {
    for (const lesson of course.modules.flatMap((m) => m.lessons)) {
      const label = `${course.slug}/${lesson.moduleSlug}/${lesson.slug}`;
      let outcome: Outcome;
      try {
        outcome = await checkLesson(course.slug, lesson.slug);
      } catch (err) {
        outcome = { ok: false, notes: [err instanceof Error ? err.message : String(err)] };
      }
      const exercises = lesson.hasLab ? ' (lab)' : '';
      if (outcome.ok) {
        passed++;
        console.log(`✓ ${label}${exercises}`);
      } else {
        failed++;
        console.log(`✗ ${label}${exercises}`);
        for (const note of outcome.notes) console.log(`    ${note}`);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
