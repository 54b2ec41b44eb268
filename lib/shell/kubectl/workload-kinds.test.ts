/**
 * Scenario S7 (../shared/SCENARIOS.md, seed 002 §DaemonSet/Job/CronJob): the shell driven as a
 * learner types it; DaemonSet, Job and CronJob behave and print like Kubernetes 1.34.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from '../../cluster';
import { createShell } from '../session';

function lab() {
  const cluster = createCluster({ seed: 's7', now: Date.UTC(2025, 0, 1) });
  const shell = createShell({ cluster });
  const sh = async (cmd: string) => (await shell.exec(cmd)).output;
  const write = (name: string, text: string) => sh(`cat <<'EOF' > ${name}\n${text}EOF`);
  const pods = (prefix: string) => cluster.list<KubeObject>('Pod', 'default').filter((p) => p.metadata!.name!.startsWith(prefix));
  return { cluster, shell, sh, write, pods };
}

const DS = (tolerations = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
${tolerations}      containers:
      - name: agent
        image: busybox
        command: ["sh", "-c", "while true; do echo collecting; sleep 10; done"]
`;
const MASTER_TOLERATION = `      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
`;

describe('S7 DaemonSet', () => {
  it('runs one pod per worker node, skips the tainted master, and covers a node added later', async () => {
    const { cluster, sh, write, pods } = lab();
    await write('ds.yaml', DS());
    expect(await sh('kubectl apply -f ds.yaml')).toBe('daemonset.apps/log-agent created\n');
    await sh('sleep 10');
    const nodes = () => pods('log-agent-').map((p) => p.spec!.nodeName).sort();
    expect(nodes()).toEqual(['k8s-node1', 'k8s-node2']);
    const table = await sh('kubectl get ds log-agent');
    expect(table).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\nlog-agent\s+2\s+2\s+2\s+2\s+2\s+<none>\s+10s\n$/);
    expect(await sh('kubectl logs ' + pods('log-agent-')[0].metadata!.name)).toMatch(/^(collecting\n)+$/);

    const node = structuredClone(cluster.get<KubeObject>('Node', undefined, 'k8s-node2')!);
    node.metadata = { name: 'k8s-node3', labels: { ...node.metadata!.labels, 'kubernetes.io/hostname': 'k8s-node3' } };
    node.spec = { podCIDR: '10.244.3.0/24', podCIDRs: ['10.244.3.0/24'] };
    node.status!.addresses = [{ type: 'InternalIP', address: '192.168.0.33' }, { type: 'Hostname', address: 'k8s-node3' }];
    cluster.create(node);
    await sh('sleep 10');
    expect(nodes()).toEqual(['k8s-node1', 'k8s-node2', 'k8s-node3']);
    expect(await sh('kubectl rollout status daemonset/log-agent')).toBe('daemon set "log-agent" successfully rolled out\n');
  });

  it('also runs on the master when the control-plane taint is tolerated', async () => {
    const { sh, write, pods } = lab();
    await write('ds.yaml', DS(MASTER_TOLERATION));
    await sh('kubectl apply -f ds.yaml');
    await sh('sleep 10');
    expect(pods('log-agent-').map((p) => p.spec!.nodeName).sort()).toEqual(['k8s-master', 'k8s-node1', 'k8s-node2']);
    expect(await sh('kubectl get ds')).toMatch(/log-agent\s+3\s+3\s+3\s+3\s+3\s+<none>/);
  });

  it('replaces pods node by node on a template change and shows kube-proxy in kube-system', async () => {
    const { sh, write, pods } = lab();
    await write('ds.yaml', DS());
    await sh('kubectl apply -f ds.yaml');
    await sh('sleep 10');
    const before = pods('log-agent-').map((p) => p.metadata!.name);
    expect(await sh('kubectl set image ds/log-agent agent=busybox:1.36')).toBe('daemonset.apps/log-agent image updated\n');
    const status = await sh('kubectl rollout status ds/log-agent');
    expect(status).toContain('Waiting for daemon set "log-agent" rollout to finish: 0 out of 2 new pods have been updated...\n');
    expect(status.endsWith('daemon set "log-agent" successfully rolled out\n')).toBe(true);
    await sh('sleep 40');
    const after = pods('log-agent-');
    expect(after).toHaveLength(2);
    expect(after.every((p) => !before.includes(p.metadata!.name) && p.spec!.containers[0].image === 'busybox:1.36')).toBe(true);
    expect(await sh('kubectl get ds -n kube-system')).toMatch(/kube-proxy\s+3\s+3\s+3\s+3\s+3\s+kubernetes.io\/os=linux/);
  });
});

const PI_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(20)"]
      restartPolicy: Never
  backoffLimit: 4
`;
const FAILING_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: fails
spec:
  backoffLimit: 2
  template:
    spec:
      containers:
      - name: c
        image: busybox
        command: ["sh", "-c", "echo trying; exit 1"]
      restartPolicy: Never
`;

describe('S7 Job', () => {
  it('runs to completion: STATUS Complete, COMPLETIONS 1/1, pod Completed, logs show the output', async () => {
    const { sh, write, pods } = lab();
    await write('job.yaml', PI_JOB);
    expect(await sh('kubectl apply -f job.yaml')).toBe('job.batch/pi created\n');
    expect(await sh('kubectl get jobs')).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\npi\s+Running\s+0\/1\s+0s\s+0s\n$/);
    await sh('sleep 30');
    expect(await sh('kubectl get jobs')).toMatch(/pi\s+Complete\s+1\/1\s+\d+s\s+30s\n$/);
    const [pod] = pods('pi-');
    expect(pod.metadata!.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(await sh('kubectl get pods')).toMatch(new RegExp(`${pod.metadata!.name}\\s+0/1\\s+Completed\\s+0\\s+\\d+s`));
    expect(await sh(`kubectl logs ${pod.metadata!.name}`)).toBe('3.1415926535897932385\n');
    expect(await sh('kubectl logs job/pi')).toBe('3.1415926535897932385\n');
    const created = await sh('kubectl create job hello --image=busybox -- sh -c "echo hello world; sleep 2"');
    expect(created).toBe('job.batch/hello created\n');
    await sh('sleep 15');
    expect(await sh('kubectl logs job/hello --tail 1')).toBe('hello world\n');
  });

  it('retries a failing command up to backoffLimit with growing back-off, then fails with BackoffLimitExceeded', async () => {
    const { cluster, sh, write, pods } = lab();
    await write('job.yaml', FAILING_JOB);
    await sh('kubectl apply -f job.yaml');
    await sh('sleep 20');
    expect(pods('fails-')).toHaveLength(2);
    await sh('sleep 60');
    expect(pods('fails-')).toHaveLength(3);
    const job = cluster.get<KubeObject>('Job', 'default', 'fails')!;
    expect(job.status!.failed).toBe(3);
    expect(job.status!.conditions!.map((c: { type: string; reason: string }) => `${c.type}/${c.reason}`))
      .toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
    expect(await sh('kubectl get job fails')).toMatch(/fails\s+Failed\s+0\/1\s+/);
    expect(await sh('kubectl get pods')).toMatch(/fails-\w{5}\s+0\/1\s+Error\s+0\s+/);
    expect(await sh('kubectl describe job fails')).toMatch(/Warning\s+BackoffLimitExceeded\s+\S+\s+job-controller\s+Job has reached the specified backoff limit/);
    const starts = pods('fails-').map((p) => Date.parse(p.metadata!.creationTimestamp!)).sort();
    expect(starts[2] - starts[1]).toBeGreaterThan(starts[1] - starts[0]);
    await sh('sleep 600');
    expect(pods('fails-')).toHaveLength(3);
  });

  it('runs Indexed jobs in parallel and honours activeDeadlineSeconds and ttlSecondsAfterFinished', async () => {
    const { cluster, sh, write, pods } = lab();
    await write('idx.yaml', `apiVersion: batch/v1
kind: Job
metadata:
  name: idx
spec:
  completions: 3
  parallelism: 2
  completionMode: Indexed
  ttlSecondsAfterFinished: 60
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: w
        image: busybox
        command: ["sh", "-c", "echo item $JOB_COMPLETION_INDEX; sleep 5"]
`);
    await sh('kubectl apply -f idx.yaml');
    await sh('sleep 1');
    expect(pods('idx-').map((p) => p.metadata!.name!.slice(0, 6)).sort()).toEqual(['idx-0-', 'idx-1-']);
    await sh('sleep 30');
    expect(await sh('kubectl get job idx')).toMatch(/idx\s+Complete\s+3\/3/);
    expect(cluster.get<KubeObject>('Job', 'default', 'idx')!.status!.completedIndexes).toBe('0-2');
    await sh('sleep 60');
    expect(cluster.get('Job', 'default', 'idx')).toBeUndefined();
    await sh('sleep 35');
    expect(pods('idx-')).toHaveLength(0);

    await write('slow.yaml', FAILING_JOB.replace('fails', 'slow').replace('backoffLimit: 2', 'activeDeadlineSeconds: 5')
      .replace('echo trying; exit 1', 'sleep 60'));
    await sh('kubectl apply -f slow.yaml');
    await sh('sleep 10');
    // 1.34: FailureTarget while the deadline-killed pod terminates, then Failed.
    expect(await sh('kubectl get job slow')).toMatch(/slow\s+(FailureTarget|Failed)\s+0\/1/);
    await sh('sleep 40');
    expect(await sh('kubectl get job slow')).toMatch(/slow\s+Failed\s+0\/1/);
    expect(cluster.get<KubeObject>('Job', 'default', 'slow')!.status!.conditions!.at(-1).reason).toBe('DeadlineExceeded');
  });
});

const CRONJOB = (extra = '', command = 'date; echo Hello from the Kubernetes cluster') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
${extra}  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - ${command}
          restartPolicy: OnFailure
`;

describe('S7 CronJob', () => {
  it('creates a Job every simulated minute named <cronjob>-<minutes>, keeps 3 successful, and stops when suspended', async () => {
    const { cluster, sh, write } = lab();
    await write('cj.yaml', CRONJOB());
    expect(await sh('kubectl apply -f cj.yaml')).toBe('cronjob.batch/hello created\n');
    expect(await sh('kubectl get cronjob hello')).toBe(
      'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   */1 * * * *   <none>     False     0        <none>          0s\n');
    await sh('sleep 330');
    const jobs = cluster.list<KubeObject>('Job', 'default').map((j) => j.metadata!.name!);
    const minute = Math.floor(Date.UTC(2025, 0, 1) / 60_000);
    expect(jobs).toEqual([3, 4, 5].map((n) => `hello-${minute + n}`));
    const job = cluster.list<KubeObject>('Job', 'default')[2];
    const [pod] = cluster.list<KubeObject>('Pod', 'default').filter((p) => p.metadata!.name!.startsWith(job.metadata!.name!));
    expect(await sh(`kubectl logs ${pod.metadata!.name}`)).toMatch(/^Wed Jan  1 00:05:0\d UTC 2025\nHello from the Kubernetes cluster\n$/);
    expect(await sh('kubectl get cj')).toMatch(/hello\s+\*\/1 \* \* \* \*\s+<none>\s+False\s+0\s+\d+s\s+5m30s\n/);

    await write('cj.yaml', CRONJOB('  suspend: true\n'));
    expect(await sh('kubectl apply -f cj.yaml')).toBe('cronjob.batch/hello configured\n');
    await sh('sleep 180');
    expect(cluster.list<KubeObject>('Job', 'default').map((j) => j.metadata!.name!)).toEqual(jobs);
    expect(await sh('kubectl get cj')).toMatch(/hello\s+\*\/1 \* \* \* \*\s+<none>\s+True\s+0/);
  });

  it('keeps one failed job, forbids overlaps with Forbid, and rejects the removed batch/v1beta1 API', async () => {
    const { cluster, sh, write } = lab();
    await write('cj.yaml', CRONJOB('  concurrencyPolicy: Forbid\n', 'sleep 90'));
    await sh('kubectl apply -f cj.yaml');
    await sh('sleep 250');
    const active = cluster.list<KubeObject>('Job', 'default').filter((j) => !j.status?.conditions?.length);
    expect(active.length).toBeLessThanOrEqual(1);
    expect(await sh('kubectl describe cj hello')).toContain('Not starting job because prior execution is running and concurrency policy is Forbid');
    await sh('kubectl delete cronjob hello');

    await write('fail.yaml', CRONJOB('', 'exit 1').replace('OnFailure', 'Never').replace('name: hello\n', 'name: broken\n')
      .replace('    spec:\n      template', '    spec:\n      backoffLimit: 0\n      template'));
    await sh('kubectl apply -f fail.yaml');
    await sh('sleep 240');
    const failed = cluster.list<KubeObject>('Job', 'default').filter((j) => j.metadata!.name!.startsWith('broken-'));
    expect(failed).toHaveLength(1);

    const { shell } = lab();
    await shell.exec(`cat <<'EOF' > old.yaml\n${CRONJOB().replace('batch/v1', 'batch/v1beta1')}EOF`);
    expect(await shell.exec('kubectl apply -f old.yaml')).toEqual({ exitCode: 1, output:
      'error: resource mapping not found for name: "hello" namespace: "" from "old.yaml": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n' });
  });

  it('creates cronjobs from the command line', async () => {
    const { sh } = lab();
    expect(await sh(`kubectl create cronjob tick --image=busybox --schedule='*/1 * * * *' -- sh -c 'echo tick'`)).toBe('cronjob.batch/tick created\n');
    await sh('sleep 75');
    expect(await sh('kubectl get jobs')).toMatch(/tick-\d+\s+Complete\s+1\/1/);
  });
});
