/**
 * Liveness, readiness and startup probes, driven through the shell as a learner types them
 * (the kubernetes.io task "Configure Liveness, Readiness and Startup Probes").
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../index';
import { createShell } from '../../shell';

const T0 = Date.UTC(2025, 0, 1);

async function lab(manifest: string) {
  const cluster = createCluster({ seed: 'probes', now: T0 });
  const shell = createShell({ cluster });
  const sh = async (cmd: string) => (await shell.exec(cmd)).output;
  await sh(`cat <<'EOF' | kubectl apply -f -\n${manifest}EOF`);
  return { cluster, sh };
}

const podOf = (c: Cluster, name: string) =>
  c.get<{ status: { containerStatuses: { ready: boolean; restartCount: number; started: boolean }[] } }>('Pod', 'default', name)!;

const LIVENESS_EXEC = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

describe('probes', () => {
  it('runs the docs liveness exec example: healthy for 30s, then killed and restarted', async () => {
    const { cluster, sh } = await lab(LIVENESS_EXEC);
    await sh('sleep 25');
    expect(await sh('kubectl get pod liveness-exec')).toMatch(/liveness-exec\s+1\/1\s+Running\s+0\s/);
    expect(await sh('kubectl describe pod liveness-exec')).toContain(
      'Liveness:       exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3');
    expect(await sh('kubectl describe pod liveness-exec')).not.toContain('Unhealthy');
    await sh('sleep 20');
    const events = await sh('kubectl describe pod liveness-exec');
    expect(events).toMatch(/Warning\s+Unhealthy\s+\S+ \(x3 over \S+\)\s+kubelet\s+Liveness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory/);
    expect(events).toMatch(/Normal\s+Killing\s+\S+\s+kubelet\s+Container liveness failed liveness probe, will be restarted/);
    expect(podOf(cluster, 'liveness-exec').status.containerStatuses[0].restartCount).toBe(0);
    await sh('sleep 40');
    const after = await sh('kubectl describe pod liveness-exec');
    expect(after).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137/);
    expect(await sh('kubectl get pod liveness-exec')).toMatch(/liveness-exec\s+1\/1\s+Running\s+1 \(\S+ ago\)\s/);
  });

  it('keeps a pod out of endpoints while readiness fails and adds it when the file appears', async () => {
    const { cluster, sh } = await lab(`apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    readinessProbe:
      httpGet:
        path: /ready
        port: 80
      periodSeconds: 5
`);
    await sh('kubectl expose pod web --port 80');
    await sh('sleep 60');
    expect(await sh('kubectl get pod web')).toMatch(/web\s+0\/1\s+Running\s+0/);
    const ip = cluster.get<{ status: { podIP: string } }>('Pod', 'default', 'web')!.status.podIP;
    expect(await sh('kubectl describe pod web')).toContain('Readiness probe failed: HTTP probe failed with statuscode: 404');
    expect(await sh('kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath={.items[0].endpoints[0].conditions.ready}')).toBe('false');
    expect(cluster.nextDueAt()).toBeUndefined();
    expect((await sh('kubectl get pod web -o yaml'))).toContain([
      '    readinessProbe:', '      failureThreshold: 3', '      httpGet:', '        path: /ready', '        port: 80',
      '        scheme: HTTP', '      periodSeconds: 5', '      successThreshold: 1', '      timeoutSeconds: 1'].join('\n'));
    await sh("kubectl exec web -- sh -c 'echo ok > /usr/share/nginx/html/ready'");
    await sh('sleep 6');
    expect(await sh('kubectl get pod web')).toMatch(/web\s+1\/1\s+Running\s+0/);
    expect(await sh('kubectl get endpointslices -l kubernetes.io/service-name=web -o jsonpath={.items[0].endpoints[0].conditions.ready}')).toBe('true');
    expect(await sh(`kubectl get endpoints web`)).toContain(`${ip}:80`);
    expect(cluster.nextDueAt()).toBeUndefined();
  });

  it('restarts on a failing HTTP liveness probe with connection refused texts and backs off', async () => {
    const { cluster, sh } = await lab(`apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: kubetm/app
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
      initialDelaySeconds: 3
      periodSeconds: 3
    readinessProbe:
      tcpSocket:
        port: 9090
`);
    await sh('sleep 20');
    const d = await sh('kubectl describe pod app');
    expect(d).toContain('Liveness:       http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3');
    expect(d).toContain('Readiness:      tcp-socket :9090 delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(d).toContain('Liveness probe failed: HTTP probe failed with statuscode: 404');
    const ip = cluster.get<{ status: { podIP: string } }>('Pod', 'default', 'app')!.status.podIP;
    expect(d).toContain(`Readiness probe failed: dial tcp ${ip}:9090: connect: connection refused`);
    expect(d).toContain('Container app failed liveness probe, will be restarted');
    await sh('sleep 300');
    const restarts = podOf(cluster, 'app').status.containerStatuses[0].restartCount;
    expect(restarts).toBeGreaterThanOrEqual(3);
    expect(await sh('kubectl describe pod app')).toMatch(/Back-off restarting failed container app/);
  });

  it('runs curl health checks in exec probes against the pod itself; unknown tools say they are not simulated', async () => {
    const { sh } = await lab(`apiVersion: v1
kind: Pod
metadata:
  name: curl-probe
spec:
  containers:
  - name: web
    image: nginx
    readinessProbe:
      exec:
        command: ['sh', '-c', 'curl -fs http://localhost/healthz']
      periodSeconds: 5
    livenessProbe:
      exec:
        command: ['pg_isready']
`);
    await sh('sleep 30');
    const d = await sh('kubectl describe pod curl-probe');
    expect(d).toContain('Readiness probe failed: curl: (22) The requested URL returned error: 404');
    expect(d).toContain('Liveness probe failed: OCI runtime exec failed: exec failed: unable to start container process: exec: "pg_isready": executable file not found in $PATH: unknown');
    await sh("kubectl exec curl-probe -- sh -c 'echo ok > /usr/share/nginx/html/healthz'");
    await sh('sleep 10');
    expect(await sh('kubectl get pod curl-probe')).toMatch(/curl-probe\s+1\/1\s+Running/);
  });

  it('validates probes as the API server does', async () => {
    const { sh } = await lab('');
    const out = await sh(`cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containers:
  - name: web
    image: nginx
    livenessProbe:
      successThreshold: 2
      httpGet:
        port: 80
      exec:
        command: ['true']
EOF`);
    expect(out).toContain('The Pod "bad" is invalid: \n* spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type\n' +
      '* spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1');
  });

  it('holds liveness and readiness until the startup probe passes, then settles with nothing queued', async () => {
    const { cluster, sh } = await lab(`apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  containers:
  - name: app
    image: busybox
    command: ['sh', '-c', 'sleep 20; touch /tmp/started; sleep infinity']
    startupProbe:
      exec:
        command: ['cat', '/tmp/started']
      failureThreshold: 30
      periodSeconds: 10
    livenessProbe:
      exec:
        command: ['sh', '-c', 'test -f /tmp/started']
`);
    await sh('sleep 10');
    expect(podOf(cluster, 'slow').status.containerStatuses[0]).toMatchObject({ started: false, ready: false });
    expect(await sh('kubectl get pod slow')).toMatch(/slow\s+0\/1\s+Running\s+0/);
    await sh('sleep 30');
    expect(podOf(cluster, 'slow').status.containerStatuses[0]).toMatchObject({ started: true, ready: true });
    expect(await sh('kubectl describe pod slow')).toContain('Startup:        exec [cat /tmp/started] delay=0s timeout=1s period=10s #success=1 #failure=30');
    await sh('sleep 30');
    expect(cluster.nextDueAt()).toBeUndefined();
    expect(await sh('kubectl get pod slow')).toMatch(/slow\s+1\/1\s+Running\s+0/);
    await sh('kubectl exec slow -- rm /tmp/started');
    await sh('sleep 40');
    expect(await sh('kubectl describe pod slow')).toContain('Container app failed liveness probe, will be restarted');
  });
});
