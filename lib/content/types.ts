import type { ExerciseFile } from './schemas';

/** Public shapes returned by lib/content (no file paths leak out). */
export interface LessonLink {
  slug: string;
  title: string;
  href: string;
}

export interface LessonSummary {
  courseSlug: string;
  moduleSlug: string;
  slug: string;
  title: string;
  summary: string;
  order: number;
  estimatedMinutes: number;
  /** `/courses/<course>/<lesson>` */
  href: string;
  hasLab: boolean;
}

export interface ModuleSummary {
  slug: string;
  title: string;
  description: string | undefined;
  order: number;
  lessons: LessonSummary[];
}

export interface CourseSummary {
  slug: string;
  title: string;
  description: string;
  /** `/courses/<course>` */
  href: string;
  modules: ModuleSummary[];
  lessonCount: number;
}

/** An exercise as authored in lab.yaml; `tasks[].check` is opaque here (see lib/grading). */
export type Exercise = ExerciseFile;

export interface Lesson extends LessonSummary {
  courseTitle: string;
  moduleTitle: string;
  objectives: string[];
  /** `<course>/<lesson>`: the key of the learner's lab cluster and progress. */
  labKey: string;
  /** Compiled MDX for `<MdxContent code={...} />`. */
  code: string;
  exercises: Exercise[];
  /** lab.yaml `setup`: shell scripts that build the lab's starting state (server-side only). */
  setup: string[];
  prev: LessonLink | null;
  next: LessonLink | null;
}

/** One lesson's lab, for validation and self-tests (tests, CLI). */
export interface LabEntry {
  labKey: string;
  courseSlug: string;
  lessonSlug: string;
  /** lab.yaml path relative to cwd, for error messages */
  file: string;
  exercises: Exercise[];
  /** lab.yaml `setup` scripts: the starting state. */
  setup: string[];
}
