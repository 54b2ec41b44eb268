/** Wire types between the Check server action and the exercise panel (types only). */

export type CheckTaskResult = { taskId: string; title: string; passed: boolean; message: string };

export type CheckResult = { exerciseId: string; passed: boolean; tasks: CheckTaskResult[] };

export type CheckState = {
  status: 'idle' | 'passed' | 'failed' | 'no-lab' | 'error';
  /** Korean summary for the live region */
  message?: string;
  errors?: Partial<Record<string, string[]>>;
  result?: CheckResult;
  lessonCompleted?: boolean;
  checkedAt?: string;
};
