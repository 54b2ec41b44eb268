import { describe, expect, it } from 'vitest';
import { createCluster } from '@/lib/cluster';
import { getLesson, listLabs, type Exercise } from '@/lib/content';
import { gradeExercise } from './grade';
import { fakeCluster, pod } from './fake-cluster.test-helpers';
import { formatLabIssues, validateLab } from './validate';

async function runWeb(): Promise<Exercise> {
  const lesson = await getLesson('kubernetes', 'statefulset-intro');
  return lesson!.exercises.find((e) => e.id === 'run-web')!;
}

describe('gradeExercise', () => {
  it('grades run-web task by task along the cause chain', async () => {
    const ex = await runWeb();
    expect(gradeExercise(ex, fakeCluster([]))).toEqual({
      exerciseId: 'run-web',
      passed: false,
      tasks: [
        { taskId: 'pod-exists', title: ex.tasks[0]!.title, passed: false, message: 'default 네임스페이스에 web 파드가 없습니다' },
        { taskId: 'pod-ready', title: ex.tasks[1]!.title, passed: false, message: 'default 네임스페이스에 web 파드가 없습니다' },
      ],
    });
    const creating = gradeExercise(ex, fakeCluster([pod('web', { phase: 'Pending', waiting: 'ContainerCreating' })]));
    expect(creating.tasks.map((t) => t.passed)).toEqual([true, false]);
    expect(creating.tasks[1]!.message).toBe('web 파드가 아직 Running 상태가 아닙니다 (현재: ContainerCreating)');
    expect(gradeExercise(ex, fakeCluster([pod('web')])).passed).toBe(true);
  });

  it('fails a task with a malformed check instead of throwing', () => {
    const ex: Exercise = {
      id: 'x',
      title: 'x',
      hints: [],
      tasks: [{ id: 't', title: 't', check: { type: 'objectExists', kind: 'Pod' } }],
      nearMisses: [],
    };
    expect(gradeExercise(ex, fakeCluster([])).tasks[0]).toMatchObject({ passed: false, message: '채점 조건이 올바르지 않습니다 (콘텐츠 오류)' });
  });

  it('grades a real simulated cluster', async () => {
    const ex = await runWeb();
    const cluster = createCluster({ seed: 'grading-test', now: Date.parse('2025-01-01T00:00:00Z') });
    expect(gradeExercise(ex, cluster).passed).toBe(false);
    cluster.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default' },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
    });
    expect(gradeExercise(ex, cluster).tasks[0]!.passed).toBe(true);
    cluster.advanceBy(120_000);
    expect(gradeExercise(ex, cluster)).toMatchObject({ passed: true });
  });
});

describe('validateLab', () => {
  it('accepts every lab in content/', async () => {
    const labs = await listLabs();
    expect(labs.length).toBeGreaterThan(0);
    const problems = labs.flatMap((l) => formatLabIssues(l.file, validateLab(l.exercises)));
    expect(problems).toEqual([]);
  });

  it('names the exercise, task and field', () => {
    const issues = validateLab([
      { id: 'e', title: 'e', hints: [], nearMisses: [], tasks: [{ id: 't', title: 't', check: { type: 'podReady', name: 'web', namespace: 'Bad' } }] },
    ]);
    expect(formatLabIssues('lab.yaml', issues)[0]).toMatch(/^lab\.yaml: e\/t check\.namespace: /);
  });
});
