/**
 * Init containers through the shell: the kubernetes.io "Init Containers" page's myapp-pod,
 * failing init containers per restartPolicy, and sidecars.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { createShell } from '../../shell';

const T0 = Date.UTC(2025, 0, 1);

async function lab(manifest: string) {
  const cluster = createCluster({ seed: 'init', now: T0 });
  const shell = createShell({ cluster });
  const sh = async (cmd: string) => (await shell.exec(cmd)).output;
  await sh(`cat <<'EOF' | kubectl apply -f -\n${manifest}EOF`);
  return { cluster, sh };
}

const MYAPP = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
`;

const svc = (name: string, port: number) => `cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: ${port}
EOF`;

describe('init containers', () => {
  it('waits in Init:0/2 until the services exist, then runs the app (docs example)', async () => {
    const { cluster, sh } = await lab(MYAPP);
    await sh('sleep 60');
    expect(await sh('kubectl get pod myapp-pod')).toMatch(/myapp-pod\s+0\/1\s+Init:0\/2\s+0\s/);
    expect(cluster.nextDueAt()).toBeUndefined();
    const d = await sh('kubectl describe pod myapp-pod');
    expect(d).toMatch(/Init Containers:\n {2}init-myservice:\n[\s\S]*State:\s+Running[\s\S]*init-mydb:\n[\s\S]*State:\s+Waiting\n\s+Reason:\s+PodInitializing/);
    expect(d).toMatch(/Initialized\s+False/);
    expect(await sh('kubectl logs myapp-pod -c init-myservice | head -2')).toBe('waiting for myservice\nwaiting for myservice\n');
    await sh(svc('myservice', 9376));
    await sh('sleep 5');
    expect(await sh('kubectl get pod myapp-pod')).toMatch(/myapp-pod\s+0\/1\s+Init:1\/2\s+0\s/);
    await sh(svc('mydb', 9377));
    await sh('sleep 10');
    expect(await sh('kubectl get pod myapp-pod')).toMatch(/myapp-pod\s+1\/1\s+Running\s+0\s/);
    const yaml = await sh('kubectl get pod myapp-pod -o yaml');
    expect(yaml).toMatch(/initContainerStatuses:\n {2}- containerID: containerd:\/\/\w+\n[\s\S]*?name: init-myservice\n {4}ready: true\n {4}restartCount: 0\n {4}started: false\n {4}state:\n {6}terminated:\n[\s\S]*?exitCode: 0\n[\s\S]*?reason: Completed/);
    expect(await sh('kubectl describe pod myapp-pod')).toMatch(/Normal\s+Started\s+\S+\s+kubelet\s+Started container init-mydb/);
    expect(await sh('kubectl logs myapp-pod')).toBe('The app is running!\n');
  });

  it('shows Init:Error and Init:CrashLoopBackOff for a failing init container', async () => {
    const { sh } = await lab(`apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ['sh', '-c', 'echo setting up; exit 3']
  containers:
  - name: app
    image: nginx
`);
    await sh('sleep 4');
    expect(await sh('kubectl get pod broken')).toMatch(/broken\s+0\/1\s+Init:Error\s+0\s/);
    await sh('sleep 30');
    expect(await sh('kubectl get pod broken')).toMatch(/broken\s+0\/1\s+Init:(CrashLoopBackOff|Error)\s+[23] \(\S+ ago\)/);
    expect(await sh('kubectl describe pod broken')).toContain('Back-off restarting failed container setup in pod broken_default');
    expect(await sh('kubectl logs broken -c setup')).toBe('setting up\n');
  });

  it('stops sidecars when the main container of a run-once pod finishes', async () => {
    const { sh } = await lab(`apiVersion: v1
kind: Pod
metadata:
  name: batch
spec:
  restartPolicy: Never
  initContainers:
  - name: proxy
    image: nginx
    restartPolicy: Always
  containers:
  - name: main
    image: busybox
    command: ['sh', '-c', 'echo work; sleep 5']
`);
    await sh('sleep 8');
    expect(await sh('kubectl get pod batch')).toMatch(/batch\s+2\/2\s+Running/);
    await sh('sleep 10');
    expect(await sh('kubectl get pod batch')).toMatch(/batch\s+0\/2\s+Completed\s+0/);
    expect(await sh('kubectl get pod batch -o jsonpath={.status.phase}/{.status.initContainerStatuses[0].state.terminated.reason}')).toBe('Succeeded/Completed');
  });

  it('validates init container restartPolicy and probes as the API server does', async () => {
    const { sh } = await lab('');
    const out = await sh(`cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  initContainers:
  - name: setup
    image: busybox
    restartPolicy: Never
    livenessProbe:
      exec:
        command: ['true']
  containers:
  - name: app
    image: nginx
    restartPolicy: Always
EOF`);
    expect(out).toContain('The Pod "bad" is invalid: \n' +
      '* spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"\n' +
      '* spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always\n' +
      '* spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers');
  });

  it('fails the pod under restartPolicy Never and keeps a sidecar running next to the app', async () => {
    const { sh } = await lab(`apiVersion: v1
kind: Pod
metadata:
  name: once
spec:
  restartPolicy: Never
  initContainers:
  - name: setup
    image: busybox
    command: ['sh', '-c', 'exit 1']
  containers:
  - name: app
    image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: with-sidecar
spec:
  initContainers:
  - name: logshipper
    image: busybox
    restartPolicy: Always
    command: ['sh', '-c', 'tail -F /opt/logs.txt']
  - name: prepare
    image: busybox
    command: ['sh', '-c', 'echo ready > /work/index.html']
    volumeMounts:
    - name: work
      mountPath: /work
  containers:
  - name: web
    image: nginx
    volumeMounts:
    - name: work
      mountPath: /usr/share/nginx/html
  volumes:
  - name: work
    emptyDir: {}
`);
    await sh('sleep 20');
    const pods = await sh('kubectl get pods');
    expect(pods).toMatch(/once\s+0\/1\s+Init:Error\s+0\s/);
    expect(pods).toMatch(/with-sidecar\s+2\/2\s+Running\s+0\s/);
    expect(await sh('kubectl get pod once -o jsonpath={.status.phase}')).toBe('Failed');
    expect(await sh('kubectl exec with-sidecar -c web -- cat /usr/share/nginx/html/index.html')).toBe('ready\n');
  });
});
