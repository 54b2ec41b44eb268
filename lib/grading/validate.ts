import type { Exercise } from '@/lib/content';
import { checkSchema } from './checks';

export interface LabIssue {
  exerciseId: string;
  taskId: string;
  /** e.g. `check.namespace` */
  field: string;
  message: string;
}

/** Validate every task's `check` of a lab with `checkSchema` (tests, CLI, content build). */
export function validateLab(exercises: readonly Exercise[]): LabIssue[] {
  const issues: LabIssue[] = [];
  for (const ex of exercises) {
    for (const task of ex.tasks) {
      const r = checkSchema.safeParse(task.check);
      if (r.success) continue;
      for (const i of r.error.issues) {
        const field = ['check', ...i.path.map(String)].join('.');
        issues.push({ exerciseId: ex.id, taskId: task.id, field, message: i.message });
      }
    }
  }
  return issues;
}

/** Human-readable lines: `lab.yaml: run-web/pod-ready check.kind: ...` */
export function formatLabIssues(file: string, issues: readonly LabIssue[]): string[] {
  return issues.map((i) => `${file}: ${i.exerciseId}/${i.taskId} ${i.field}: ${i.message}`);
}
