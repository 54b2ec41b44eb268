/**
 * kubectl drain through the Eviction API (DisruptionTarget condition, Job podFailurePolicy), the
 * terminal phase the kubelet gives a deleted Job pod, and the root-CA publisher.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);

// kubernetes.io "Handling retriable and non-retriable pod failures with Pod failure policy" (Ignore on DisruptionTarget).
const JOB = `cat > job.yaml <<'EOF'
apiVersion: batch/v1
kind: Job
metadata:
  name: job-pod-failure-policy-ignore
spec:
  completions: 4
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: docker.io/library/bash:5
        command: ["bash"]
        args:
        - -c
        - echo "Hello world! I'm going to exit with 0 (success)." && sleep 90 && exit 0
  backoffLimit: 0
  podFailurePolicy:
    rules:
    - action: Ignore
      onPodConditions:
      - type: DisruptionTarget
EOF`;

async function lab(seed: string) {
  const cluster = createCluster({ seed, now: T0 });
  const shell = createShell({ cluster });
  const sh = async (cmd: string) => (await shell.exec(cmd)).output;
  await sh(JOB);
  await sh('kubectl apply -f job.yaml');
  await sh('sleep 20');
  const pods = await sh('kubectl get pods -o wide --no-headers');
  const [pod, node] = /^(\S+)\s.*\s(k8s-node\d)\s/m.exec(pods)!.slice(1);
  return { sh, pod, node, cluster };
}

describe('kubectl drain uses the Eviction API', () => {
  it('marks the evicted pod DisruptionTarget=True, so the Ignore rule replaces it without failing the Job', async () => {
    const { sh, pod, node } = await lab('evict-1');
    const out = await sh(`kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data`);
    expect(out).toContain(`evicting pod default/${pod}\npod/${pod} evicted\nnode/${node} drained\n`);
    expect(await sh('kubectl get job --no-headers')).toMatch(/^job-pod-failure-policy-ignore\s+Running\s+0\/4\s/);
    expect((await sh('kubectl get pods --no-headers')).trim().split('\n')).toHaveLength(2);
    await sh('sleep 200');
    expect(await sh('kubectl get job --no-headers')).toMatch(/^job-pod-failure-policy-ignore\s+Complete\s+4\/4\s/);
  });

  it('the condition is on the pod while it terminates (and not after a plain delete)', async () => {
    const { sh, pod, cluster } = await lab('evict-2');
    const jp = (name: string) => `kubectl get pod ${name} -o jsonpath='{range .status.conditions[*]}{.type}={.status}/{.reason}/{.message}{"\\n"}{end}'`;
    cluster.evict('default', pod);
    expect(await sh(jp(pod))).toMatch(/^DisruptionTarget=True\/EvictionByEvictionAPI\/Eviction API: evicting\nPodReadyToStartContainers=True/);
    expect(await sh(`kubectl get pod ${pod} --no-headers`)).toMatch(/Terminating/);
    const other = /^(\S+)\s+1\/1\s+Running/m.exec(await sh('kubectl get pods --no-headers'))![1];
    await sh(`kubectl delete pod ${other} --wait=false`);
    expect(await sh(jp(other))).not.toContain('DisruptionTarget');
  });

  it('--disable-eviction deletes instead: the killed pod fails and backoffLimit 0 fails the Job', async () => {
    const { sh, node } = await lab('evict-3');
    await sh(`kubectl drain ${node} --ignore-daemonsets --disable-eviction`);
    await sh('sleep 40');
    expect(await sh('kubectl get job --no-headers')).toMatch(/^job-pod-failure-policy-ignore\s+Failed\s+0\/4\s/);
    expect(await sh('kubectl get job job-pod-failure-policy-ignore -o jsonpath={.status.conditions[1].reason}')).toBe('BackoffLimitExceeded');
  });
});

describe('root-ca-cert-publisher', () => {
  it('recreates kube-root-ca.crt in every namespace after kubectl delete cm --all', async () => {
    const shell = createShell({ cluster: createCluster({ seed: 'ca', now: T0 }) });
    const sh = async (cmd: string) => (await shell.exec(cmd)).output;
    await sh('kubectl create ns team');
    expect(await sh('kubectl delete cm --all')).toBe('configmap "kube-root-ca.crt" deleted from default namespace\n');
    expect(await sh('kubectl delete cm --all -n team')).toBe('configmap "kube-root-ca.crt" deleted from team namespace\n');
    expect(await sh('kubectl get cm -A --no-headers')).toMatch(/^default\s+kube-root-ca\.crt\s+1\s+0s\n(.*\n)*team\s+kube-root-ca\.crt\s+1\s+0s\n$/);
  });
});
