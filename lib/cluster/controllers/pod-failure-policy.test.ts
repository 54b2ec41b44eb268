/** Job podFailurePolicy through the shell (kubernetes.io "Handling retriable and non-retriable pod failures"). */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { createShell } from '../../shell';
import type { Pod } from '../k8s';
import { matchPodFailurePolicy } from './pod-failure-policy';

const T0 = Date.UTC(2025, 0, 1);

const job = (rules: string, args: string, restart = 'Never') => `apiVersion: batch/v1
kind: Job
metadata:
  name: job-pod-failure-policy-example
spec:
  completions: 12
  parallelism: 3
  template:
    spec:
      restartPolicy: ${restart}
      containers:
      - name: main
        image: docker.io/library/bash:5
        command: ["bash"]
        args:
        - -c
        - ${args}
  backoffLimit: 6
  podFailurePolicy:
    rules:
${rules}`;

const FAIL_JOB = `    - action: FailJob
      onExitCodes:
        containerName: main
        operator: In
        values: [42]
    - action: Ignore
      onPodConditions:
      - type: DisruptionTarget
`;

async function run(manifest: string) {
  const cluster = createCluster({ seed: 'pfp', now: T0 });
  const shell = createShell({ cluster });
  const sh = async (cmd: string) => (await shell.exec(cmd)).output;
  const applied = await sh(`cat <<'EOF' | kubectl apply -f -\n${manifest}EOF`);
  return { cluster, sh, applied };
}

describe('Job podFailurePolicy', () => {
  it('fails the whole Job on a FailJob exit code (docs example)', async () => {
    const { sh } = await run(job(FAIL_JOB, 'echo "Hello world!" && sleep 5 && exit 42'));
    await sh('sleep 15');
    // The other pods are deleted; Failed follows the interim FailureTarget once none is terminating.
    expect(await sh('kubectl get job job-pod-failure-policy-example')).toMatch(/job-pod-failure-policy-example\s+FailureTarget\s+0\/12/);
    await sh('sleep 40');
    expect(await sh('kubectl get jobs -l job-name=job-pod-failure-policy-example -o yaml')).toContain('reason: PodFailurePolicy');
    const conditions = await sh("kubectl get job job-pod-failure-policy-example -o jsonpath='{range .status.conditions[*]}{.type}/{.reason}: {.message}{\"\\n\"}{end}'");
    expect(conditions).toMatch(new RegExp('^FailureTarget/PodFailurePolicy: Container main for pod default/job-pod-failure-policy-example-\\w{5} ' +
      'failed with exit code 42 matching FailJob rule at index 0\nFailed/PodFailurePolicy: Container main'));
    expect(await sh('kubectl get job job-pod-failure-policy-example')).toMatch(/job-pod-failure-policy-example\s+Failed\s+0\/12/);
    expect(await sh('kubectl describe job job-pod-failure-policy-example')).toMatch(/Warning\s+PodFailurePolicy\s+\S+\s+job-controller\s+Container main for pod default\/job-pod-failure-policy-example-\w{5} failed with exit code 42 matching FailJob rule at index 0/);
  });

  it('does not count Ignore-matched failures towards backoffLimit', async () => {
    const { cluster, sh } = await run(job(`    - action: Ignore
      onExitCodes:
        operator: In
        values: [7]
`, 'sleep 1 && exit 7').replace('completions: 12', 'completions: 1').replace('parallelism: 3', 'parallelism: 1'));
    await sh('sleep 60');
    const j = cluster.get<{ status: { failed?: number; conditions?: unknown[] } }>('Job', 'default', 'job-pod-failure-policy-example')!;
    expect(j.status.failed ?? 0).toBe(0);
    expect(j.status.conditions ?? []).toEqual([]);
    expect(cluster.list('Pod').filter((p) => p.metadata?.name?.startsWith('job-pod-failure')).length).toBeGreaterThan(6);
  });

  it('validates the policy: restartPolicy must be Never, In may not list 0', async () => {
    const { applied } = await run(job(`    - action: FailJob
      onExitCodes:
        containerName: app
        operator: In
        values: [0, 42]
`, 'exit 1', 'OnFailure'));
    expect(applied).toContain('The Job "job-pod-failure-policy-example" is invalid: \n' +
      '* spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified\n' +
      '* spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "app": must be one of the container or initContainer names in the pod template\n' +
      '* spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator');
  });

  it('matches onPodConditions such as DisruptionTarget', () => {
    const pod = { metadata: { name: 'p', namespace: 'default' }, status: { phase: 'Failed',
      conditions: [{ type: 'DisruptionTarget', status: 'True' }],
      containerStatuses: [{ name: 'main', state: { terminated: { exitCode: 137 } } }] } } as unknown as Pod;
    expect(matchPodFailurePolicy([
      { action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } },
      { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
    ], pod)).toEqual({ action: 'Ignore', message: 'Pod default/p has condition DisruptionTarget matching Ignore rule at index 1' });
    expect(matchPodFailurePolicy([{ action: 'Count', onExitCodes: { operator: 'NotIn', values: [1, 2] } }], pod)?.message)
      .toBe('Container main for pod default/p failed with exit code 137 matching Count rule at index 0');
  });
});
