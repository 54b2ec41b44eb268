import { seedCatalog, type CatalogCourse } from './catalog';
import { applyInstructorRoles } from './roles';

/**
 * Upserts the Course/Lesson catalog from the content folder (lib/content's listCourses()) and
 * applies the instructor list (KUBELAB_INSTRUCTORS) to the users' roles.
 * lib/content is loaded lazily: it is only needed here, and it pulls in the MDX toolchain.
 */
export async function seed(): Promise<{ courses: number; lessons: number; instructors: number }> {
  const { listCourses } = await import('@/lib/content');
  const courses = await listCourses({ includeHidden: true });
  const catalog: CatalogCourse[] = courses.map((c) => ({
    slug: c.slug,
    title: c.title,
    description: c.description,
    modules: c.modules.map((m) => ({
      slug: m.slug,
      title: m.title,
      lessons: m.lessons.map((l) => ({ slug: l.slug, title: l.title })),
    })),
  }));
  const counts = await seedCatalog(catalog);
  // KUBELAB_INSTRUCTORS is the source of truth for roles (also re-applied at each sign-in).
  const { instructors } = await applyInstructorRoles();
  return { ...counts, instructors };
}
