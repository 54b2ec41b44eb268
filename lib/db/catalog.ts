import { getPrisma } from './client';

/**
 * Catalog rows mirror the course content (titles, order) so SQL-side reports can name lessons.
 * The content itself stays in content/; seedCatalog is fed from lib/content's listCourses().
 */

export type CatalogCourse = {
  slug: string;
  title: string;
  description?: string;
  modules: { slug: string; title: string; lessons: { slug: string; title: string }[] }[];
};

export type CatalogLesson = { courseSlug: string; slug: string; title: string; moduleTitle: string; position: number };

/** Upserts courses and lessons and removes lessons that no longer exist. */
export async function seedCatalog(courses: CatalogCourse[]): Promise<{ courses: number; lessons: number }> {
  const prisma = getPrisma();
  let lessonCount = 0;
  await prisma.$transaction(async (tx) => {
    for (const [courseIndex, course] of courses.entries()) {
      const courseData = { title: course.title, description: course.description ?? '', position: courseIndex };
      await tx.course.upsert({ where: { slug: course.slug }, create: { slug: course.slug, ...courseData }, update: courseData });
      const keep: string[] = [];
      let position = 0;
      for (const mod of course.modules) {
        for (const lesson of mod.lessons) {
          const data = { title: lesson.title, moduleSlug: mod.slug, moduleTitle: mod.title, position: position++ };
          await tx.lesson.upsert({
            where: { courseSlug_slug: { courseSlug: course.slug, slug: lesson.slug } },
            create: { courseSlug: course.slug, slug: lesson.slug, ...data },
            update: data,
          });
          keep.push(lesson.slug);
        }
      }
      lessonCount += keep.length;
      await tx.lesson.deleteMany({ where: { courseSlug: course.slug, slug: { notIn: keep } } });
    }
    await tx.course.deleteMany({ where: { slug: { notIn: courses.map((c) => c.slug) } } });
  });
  return { courses: courses.length, lessons: lessonCount };
}

export async function listCatalogLessons(): Promise<CatalogLesson[]> {
  return getPrisma().lesson.findMany({
    select: { courseSlug: true, slug: true, title: true, moduleTitle: true, position: true },
    orderBy: [{ courseSlug: 'asc' }, { position: 'asc' }],
  });
}
