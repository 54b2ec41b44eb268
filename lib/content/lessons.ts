import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compileMdx } from './compile';
import { loadLab, readSolution } from './lab';
import { getContentRoots } from './roots';
import { slugPattern } from './schemas';
import { loadCourse, loadCourses, type CourseNode, type LessonNode, type ModuleNode } from './tree';
import type { CourseSummary, LabEntry, Lesson, LessonLink, LessonSummary } from './types';

const isSlug = (s: unknown): s is string => typeof s === 'string' && s.length <= 100 && slugPattern.test(s);
const lessonHref = (course: string, lesson: string) => `/courses/${course}/${lesson}`;

function summarize(course: CourseNode, mod: ModuleNode, lesson: LessonNode): LessonSummary {
  const fm = lesson.frontmatter;
  return {
    courseSlug: course.slug,
    moduleSlug: mod.slug,
    slug: lesson.slug,
    title: fm.title,
    summary: fm.summary,
    order: fm.order,
    estimatedMinutes: fm.estimatedMinutes,
    href: lessonHref(course.slug, lesson.slug),
    hasLab: existsSync(path.join(lesson.dir, 'lab.yaml')),
  };
}

function toCourseSummary(course: CourseNode): CourseSummary {
  const modules = course.modules.map((m) => ({
    slug: m.slug,
    title: m.title,
    description: m.description,
    order: m.order,
    lessons: m.lessons.map((l) => summarize(course, m, l)),
  }));
  return {
    slug: course.slug,
    title: course.title,
    description: course.description,
    href: `/courses/${course.slug}`,
    modules,
    lessonCount: modules.reduce((n, m) => n + m.lessons.length, 0),
  };
}

/** All listed courses with their modules and lessons (hidden courses only on request). */
export async function listCourses(opts: { includeHidden?: boolean } = {}): Promise<CourseSummary[]> {
  const courses = await loadCourses(getContentRoots());
  return courses.filter((c) => opts.includeHidden || !c.hidden).map(toCourseSummary);
}

/** Find a course folder by slug. Slugs are validated first, so the join cannot escape a root. */
async function findCourse(courseSlug: string): Promise<CourseNode | null> {
  if (!isSlug(courseSlug)) return null;
  for (const root of getContentRoots()) {
    const dir = path.join(root, courseSlug);
    if (existsSync(path.join(dir, 'course.yaml'))) return loadCourse(dir);
  }
  return null;
}

type Located = { course: CourseNode; flat: { mod: ModuleNode; lesson: LessonNode }[]; index: number };

async function locate(courseSlug: string, lessonSlug: string): Promise<Located | null> {
  if (!isSlug(lessonSlug)) return null;
  const course = await findCourse(courseSlug);
  if (!course) return null;
  const flat = course.modules.flatMap((mod) => mod.lessons.map((lesson) => ({ mod, lesson })));
  const index = flat.findIndex((e) => e.lesson.slug === lessonSlug);
  return index < 0 ? null : { course, flat, index };
}

function link(course: CourseNode, lesson: LessonNode | undefined): LessonLink | null {
  if (!lesson) return null;
  return { slug: lesson.slug, title: lesson.frontmatter.title, href: lessonHref(course.slug, lesson.slug) };
}

/** A lesson with compiled MDX and exercises, or null for unknown or malformed slugs. */
export async function getLesson(courseSlug: string, lessonSlug: string): Promise<Lesson | null> {
  const found = await locate(courseSlug, lessonSlug);
  if (!found) return null;
  const { course, flat, index } = found;
  const { mod, lesson } = flat[index]!;
  const [code, lab] = await Promise.all([
    readFile(lesson.file, 'utf8').then((src) => compileMdx(lesson.file, src)),
    loadLab(lesson.dir),
  ]);
  return {
    ...summarize(course, mod, lesson),
    courseTitle: course.title,
    moduleTitle: mod.title,
    objectives: lesson.frontmatter.objectives,
    labKey: `${course.slug}/${lesson.slug}`,
    code,
    exercises: lab.exercises,
    setup: lab.setup,
    prev: link(course, flat[index - 1]?.lesson),
    next: link(course, flat[index + 1]?.lesson),
  };
}

/** The reference solution (shell script) of an exercise; keep it server-side until asked for. */
export async function getSolution(courseSlug: string, lessonSlug: string, exerciseId: string): Promise<string | null> {
  if (!isSlug(exerciseId)) return null;
  const found = await locate(courseSlug, lessonSlug);
  if (!found) return null;
  const { lesson } = found.flat[found.index]!;
  const { exercises } = await loadLab(lesson.dir);
  if (!exercises.some((e) => e.id === exerciseId)) return null;
  return readSolution(lesson.dir, exerciseId);
}

/**
 * A lab's setup scripts (its starting state) by lab key `<course>/<lesson>`, without compiling
 * the lesson: server.ts feeds it to fresh terminal labs. Unknown labs have none.
 */
export async function getLabSetup(labKey: string): Promise<string[]> {
  const [courseSlug, lessonSlug] = labKey.split('/');
  const found = await locate(courseSlug ?? '', lessonSlug ?? '');
  if (!found) return [];
  return (await loadLab(found.flat[found.index]!.lesson.dir)).setup;
}

/** Every lesson that has a lab (hidden courses included), for validation and self-tests. */
export async function listLabs(): Promise<LabEntry[]> {
  const out: LabEntry[] = [];
  for (const course of await loadCourses(getContentRoots())) {
    for (const lesson of course.modules.flatMap((m) => m.lessons)) {
      const { exercises, setup } = await loadLab(lesson.dir);
      if (exercises.length === 0) continue;
      out.push({
        labKey: `${course.slug}/${lesson.slug}`,
        courseSlug: course.slug,
        lessonSlug: lesson.slug,
        file: path.relative(process.cwd(), path.join(lesson.dir, 'lab.yaml')),
        exercises,
        setup,
      });
    }
  }
  return out;
}
