import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentError } from './errors';
import { parseFrontmatter, readYamlFile } from './parse';
import {
  courseFileSchema,
  lessonFrontmatterSchema,
  moduleFileSchema,
  slugPattern,
  type LessonFrontmatter,
} from './schemas';

/** Internal, path-carrying view of the content tree (never leaves lib/content). */
export interface LessonNode {
  slug: string;
  dir: string;
  file: string;
  frontmatter: LessonFrontmatter;
}
export interface ModuleNode {
  slug: string;
  order: number;
  dir: string;
  title: string;
  description: string | undefined;
  lessons: LessonNode[];
}
export interface CourseNode {
  slug: string;
  dir: string;
  title: string;
  description: string;
  hidden: boolean;
  modules: ModuleNode[];
}

const orderedDirRe = /^(\d{2})-([a-z0-9-]+)$/;

async function subdirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

function splitOrdered(dir: string, expect: string): { order: number; slug: string } {
  const m = orderedDirRe.exec(path.basename(dir));
  if (!m) throw new ContentError(dir, `${expect} folder must be named NN-slug (e.g. 01-statefulset)`);
  return { order: Number(m[1]), slug: m[2]! };
}

async function loadLesson(dir: string): Promise<LessonNode> {
  const { order, slug } = splitOrdered(dir, 'lesson');
  const file = path.join(dir, 'lesson.mdx');
  if (!existsSync(file)) throw new ContentError(file, 'lesson.mdx is missing');
  const { data } = parseFrontmatter(file, await readFile(file, 'utf8'), lessonFrontmatterSchema);
  if (data.order !== order) {
    throw new ContentError(file, `order ${data.order} does not match the folder prefix ${order}`, 'order');
  }
  return { slug, dir, file, frontmatter: data };
}

async function loadModule(dir: string): Promise<ModuleNode> {
  const { order, slug } = splitOrdered(dir, 'module');
  const meta = await readYamlFile(path.join(dir, 'module.yaml'), moduleFileSchema);
  const lessons = await Promise.all((await subdirs(dir)).map((d) => loadLesson(path.join(dir, d))));
  return { slug, order, dir, title: meta.title, description: meta.description, lessons };
}

function assertUnique<T>(items: T[], key: (t: T) => string, file: (t: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) throw new ContentError(file(item), `duplicate ${what} "${k}"`);
    seen.add(k);
  }
}

export async function loadCourse(dir: string): Promise<CourseNode> {
  const slug = path.basename(dir);
  if (!slugPattern.test(slug)) throw new ContentError(dir, 'course folder name must match /^[a-z0-9-]+$/');
  const meta = await readYamlFile(path.join(dir, 'course.yaml'), courseFileSchema);
  const modules = await Promise.all((await subdirs(dir)).map((d) => loadModule(path.join(dir, d))));
  assertUnique(modules, (m) => String(m.order), (m) => m.dir, 'module order');
  assertUnique(modules, (m) => m.slug, (m) => m.dir, 'module slug');
  const lessons = modules.flatMap((m) => m.lessons);
  assertUnique(lessons, (l) => l.slug, (l) => l.dir, 'lesson slug in this course');
  return { slug, dir, hidden: meta.hidden, title: meta.title, description: meta.description, modules };
}

/** Every course under the given roots (folders with a course.yaml), sorted by slug. */
export async function loadCourses(roots: readonly string[]): Promise<CourseNode[]> {
  const courses: CourseNode[] = [];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const name of await subdirs(root)) {
      const dir = path.join(root, name);
      if (!existsSync(path.join(dir, 'course.yaml'))) continue;
      courses.push(await loadCourse(dir));
    }
  }
  assertUnique(courses, (c) => c.slug, (c) => c.dir, 'course slug');
  return courses.sort((a, b) => a.slug.localeCompare(b.slug));
}
