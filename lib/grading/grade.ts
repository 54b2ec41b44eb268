import type { Exercise } from '@/lib/content';
import { checkSchema, type Check } from './checks';
import type { ClusterView } from './cluster-view';
import { evaluateCheck } from './evaluate';
import { Probe } from './traffic';

export interface TaskResult {
  taskId: string;
  title: string;
  passed: boolean;
  /** Korean; says what is wrong, not how to fix it. */
  message: string;
}

export interface ExerciseResult {
  exerciseId: string;
  passed: boolean;
  tasks: TaskResult[];
}

/** Parsed checks, memoised per lab.yaml object (content is immutable once loaded). */
const parsed = new WeakMap<object, Check | null>();

function parseCheck(raw: unknown): Check | null {
  if (raw === null || typeof raw !== 'object') return null;
  if (!parsed.has(raw)) {
    const r = checkSchema.safeParse(raw);
    parsed.set(raw, r.success ? r.data : null);
  }
  return parsed.get(raw)!;
}

/**
 * Grade every task of an exercise against a cluster. Read-only and total: a malformed check
 * or an unexpected error fails that task with a message instead of throwing.
 */
export function gradeExercise(exercise: Exercise, cluster: ClusterView): ExerciseResult {
  const probe = new Probe(cluster); // one clone of the lab, made only if a check sends traffic
  const tasks = exercise.tasks.map((task): TaskResult => {
    const base = { taskId: task.id, title: task.title };
    const check = parseCheck(task.check);
    if (!check) return { ...base, passed: false, message: '채점 조건이 올바르지 않습니다 (콘텐츠 오류)' };
    try {
      return { ...base, ...evaluateCheck(check, cluster, probe) };
    } catch (err) {
      console.error(`grading ${exercise.id}/${task.id} failed`, err);
      return { ...base, passed: false, message: '채점 중 오류가 발생했습니다' };
    }
  });
  return { exerciseId: exercise.id, passed: tasks.every((t) => t.passed), tasks };
}
