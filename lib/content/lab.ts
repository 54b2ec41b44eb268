import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentError } from './errors';
import { readYamlFile } from './parse';
import { labFileSchema, type ExerciseFile } from './schemas';

/** A lesson's lab as loaded: its setup scripts (starting state) and exercises. */
export interface LoadedLab {
  setup: string[];
  exercises: ExerciseFile[];
}

function solutionFile(lessonDir: string, exerciseId: string): string {
  return path.join(lessonDir, 'solutions', `${exerciseId}.sh`);
}

/**
 * Load `lab.yaml` beside a lesson (none → no setup, no exercises). Checks what zod cannot: unique
 * exercise and task ids, and one `solutions/<exercise-id>.sh` per exercise (and no strays).
 */
export async function loadLab(lessonDir: string): Promise<LoadedLab> {
  const file = path.join(lessonDir, 'lab.yaml');
  if (!existsSync(file)) return { setup: [], exercises: [] };
  const lab = await readYamlFile(file, labFileSchema);
  const ids = new Set<string>();
  lab.exercises.forEach((ex, i) => {
    if (ids.has(ex.id)) throw new ContentError(file, `duplicate exercise id "${ex.id}"`, `exercises[${i}].id`);
    ids.add(ex.id);
    const taskIds = new Set<string>();
    ex.tasks.forEach((t, j) => {
      const field = `exercises[${i}].tasks[${j}].id`;
      if (taskIds.has(t.id)) throw new ContentError(file, `duplicate task id "${t.id}"`, field);
      taskIds.add(t.id);
    });
    const solution = solutionFile(lessonDir, ex.id);
    if (!existsSync(solution)) {
      throw new ContentError(file, `reference solution ${path.basename(solution)} is missing`, `exercises[${i}].id`);
    }
  });
  const solutionsDir = path.join(lessonDir, 'solutions');
  if (existsSync(solutionsDir)) {
    for (const name of await readdir(solutionsDir)) {
      if (!ids.has(name.replace(/\.sh$/, ''))) {
        throw new ContentError(path.join(solutionsDir, name), 'solution file without a matching exercise id');
      }
    }
  }
  return { setup: lab.setup, exercises: lab.exercises };
}

/** The reference solution script of one exercise, or null when there is none. */
export async function readSolution(lessonDir: string, exerciseId: string): Promise<string | null> {
  const file = solutionFile(lessonDir, exerciseId);
  if (!existsSync(file)) return null;
  return readFile(file, 'utf8');
}
