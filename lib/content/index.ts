// lib/content — server-only (node:fs, esbuild). The only entry point of this folder.
export { listCourses, getLesson, getSolution, getLabSetup, listLabs } from './lessons';
export { setContentRoots, getContentRoots } from './roots';
export { compileMdx, setMdxCacheDir } from './compile';
export { ContentError } from './errors';
export {
  courseFileSchema,
  moduleFileSchema,
  lessonFrontmatterSchema,
  labFileSchema,
  exerciseFileSchema,
  taskSchema,
  nearMissSchema,
  slugPattern,
} from './schemas';
export type { CourseFile, ModuleFile, LessonFrontmatter, LabFile, ExerciseFile, Task, NearMiss } from './schemas';
export type { CourseSummary, ModuleSummary, LessonSummary, LessonLink, Lesson, Exercise, LabEntry } from './types';
