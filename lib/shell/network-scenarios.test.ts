/**
 * Scenarios S3 (headless Service and stable DNS) and S8 (Services) of SCENARIOS.md,
 * typed through the shell exactly as the notes have them.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
const newShell = () => createShell({ cluster: createCluster({ seed: 'net', now: T0 }) });

const HEADLESS_LAB = `cat <<'EOF' > lab.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: stateful-pvc
spec:
  replicas: 3
  selector:
    matchLabels:
      type: db2
  serviceName: "stateful-headless"
  template:
    metadata:
      labels:
        type: db2
    spec:
      containers:
      - name: container
        image: kubetm/app
        volumeMounts:
        - name: volume
          mountPath: /applog
      terminationGracePeriodSeconds: 10
  volumeClaimTemplates:
  - metadata:
      name: volume
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1G
      storageClassName: "fast"
---
apiVersion: v1
kind: Pod
metadata:
  name: request-pod
spec:
  containers:
  - name: container
    image: kubetm/init
EOF`;

const HEADLESS_SVC = (selector: string) => `cat <<'EOF' > svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: stateful-headless
spec:
  selector:
    type: ${selector}
  ports:
    - port: 80
      targetPort: 8080
  clusterIP: None
EOF`;

describe('S3 headless Service and stable DNS', () => {
  it('resolves one address per ready pod and reaches pods by hostname', async () => {
    const sh = newShell();
    await sh.exec(HEADLESS_LAB);
    await sh.exec(HEADLESS_SVC('db2'));
    expect((await sh.exec('kubectl apply -f lab.yaml -f svc.yaml')).exitCode).toBe(0);
    await sh.exec('sleep 120');
    expect((await sh.exec('kubectl get svc stateful-headless')).output).toMatch(/stateful-headless\s+ClusterIP\s+None\s+<none>\s+80\/TCP/);
    const ips = sh.cluster.list<{ metadata: { name: string }; status: { podIP: string } }>('Pod', 'default')
      .filter((p) => p.metadata.name.startsWith('stateful-pvc-')).map((p) => p.status.podIP);
    expect(ips).toHaveLength(3);
    const ns = await sh.exec('kubectl exec request-pod -- nslookup stateful-headless');
    expect(ns.exitCode).toBe(0);
    expect(ns.output).toContain('Server:\t\t10.96.0.10\n');
    for (const ip of ips) expect(ns.output).toContain(`Name:\tstateful-headless.default.svc.cluster.local\nAddress: ${ip}\n`);
    const curl = await sh.exec('kubectl exec request-pod -- curl stateful-pvc-0.stateful-headless:8080/hostname');
    expect(curl).toEqual({ output: 'Hostname : stateful-pvc-0\n', exitCode: 0 });
    const full = await sh.exec('kubectl exec request-pod -- curl -s stateful-pvc-2.stateful-headless.default.svc.cluster.local:8080/hostname');
    expect(full.output).toBe('Hostname : stateful-pvc-2\n');
  });

  it('does not resolve with a wrong selector, with the tools\' real errors', async () => {
    const sh = newShell();
    await sh.exec(HEADLESS_LAB);
    await sh.exec(HEADLESS_SVC('db3'));
    await sh.exec('kubectl apply -f lab.yaml -f svc.yaml');
    await sh.exec('sleep 120');
    const curl = await sh.exec('kubectl exec request-pod -- curl stateful-pvc-0.stateful-headless:8080/hostname');
    expect(curl.output).toBe('curl: (6) Could not resolve host: stateful-pvc-0.stateful-headless\ncommand terminated with exit code 6\n');
    expect(curl.exitCode).toBe(6);
    const ns = await sh.exec('kubectl exec request-pod -- nslookup stateful-headless');
    expect(ns.output).toContain("** server can't find stateful-headless: NXDOMAIN\n");
    expect(ns.exitCode).toBe(1);
    expect((await sh.exec('kubectl get endpoints stateful-headless')).output).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nNAME                ENDPOINTS   AGE\nstateful-headless   <none>      2m\n');
  });

  it('keeps files written to a PVC mount across pod re-creation (S2)', async () => {
    const sh = newShell();
    await sh.exec(HEADLESS_LAB);
    await sh.exec('kubectl apply -f lab.yaml');
    await sh.exec('sleep 120');
    expect((await sh.exec('kubectl exec stateful-pvc-1 -- touch /applog/server.log')).exitCode).toBe(0);
    await sh.exec('kubectl delete pod stateful-pvc-1');
    await sh.exec('sleep 60');
    expect(await sh.exec('kubectl exec stateful-pvc-1 -- ls /applog')).toEqual({ output: 'server.log\n', exitCode: 0 });
    expect((await sh.exec('kubectl exec stateful-pvc-0 -- ls /applog')).output).toBe('');
  });
});

const NGINX = `cat <<'EOF' > nginx.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
spec:
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:stable
---
apiVersion: v1
kind: Pod
metadata:
  name: curlpod
spec:
  containers:
  - name: curl
    image: docker.io/curlimages/curl:7.86.0
    command:
      - sleep
      - "infinity"
    imagePullPolicy: IfNotPresent
  restartPolicy: Always
EOF`;

const NODEPORT = `cat <<'EOF' > np.yaml
apiVersion: v1
kind: Service
metadata:
  name: nginx-np
spec:
  ports:
  - name: http
    nodePort: 31045
    port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: nginx
  type: NodePort
EOF`;

describe('S8 Services', () => {
  it('exposes nginx and reaches it by ClusterIP, FQDN and NodePort', async () => {
    const sh = newShell();
    await sh.exec(NGINX);
    await sh.exec('kubectl apply -f nginx.yaml');
    await sh.exec('sleep 30');
    expect(await sh.exec('kubectl expose deployment nginx --name nginx --port 80')).toEqual({ output: 'service/nginx exposed\n', exitCode: 0 });
    const svc = await sh.exec('kubectl get service nginx');
    const ip = /ClusterIP\s+(10\.\d+\.\d+\.\d+)\s+<none>\s+80\/TCP\s+0s/.exec(svc.output)?.[1];
    expect(svc.output.split('\n')[0]).toBe('NAME    TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE'.replace(/CLUSTER-IP\s+/, `CLUSTER-IP${' '.repeat(Math.max(3, ip!.length + 3 - 10))}`));
    const byIp = await sh.exec(`kubectl exec -it curlpod -- curl ${ip}`);
    expect(byIp.exitCode).toBe(0);
    expect(byIp.output).toContain('<title>Welcome to nginx!</title>');
    const byName = await sh.exec('kubectl exec -it curlpod -- curl nginx.default.svc.cluster.local');
    expect(byName.output).toBe(byIp.output);
    expect((await sh.exec('kubectl exec -it curlpod -- cat /etc/resolv.conf')).output).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    const head = await sh.exec('kubectl exec curlpod -- curl -sI nginx');
    expect(head.output).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.28\.0\r\n/);
    const missing = await sh.exec('kubectl exec curlpod -- curl -s nginx/nope');
    expect(missing.output).toContain('<center><h1>404 Not Found</h1></center>');
    const nocurl = await sh.exec('kubectl exec curlpod -- wget -qO- nginx');
    expect(nocurl.output).toMatch(/exec: "wget": executable file not found in \$PATH: unknown\n$/);
    expect(nocurl.exitCode).toBe(1);
    // The master has no cluster DNS.
    expect(await sh.exec('curl nginx')).toEqual({ output: 'curl: (6) Could not resolve host: nginx\n', exitCode: 6 });
    expect((await sh.exec(`curl -s ${ip}`)).output).toContain('Welcome to nginx!');

    await sh.exec(NODEPORT);
    expect((await sh.exec('kubectl apply -f np.yaml')).output).toBe('service/nginx-np created\n');
    expect((await sh.exec('kubectl get service nginx-np')).output).toMatch(/nginx-np\s+NodePort\s+10\.\S+\s+<none>\s+80:31045\/TCP\s+0s\n/);
    for (const node of ['192.168.0.30', '192.168.0.31', '192.168.0.32']) {
      expect((await sh.exec(`curl ${node}:31045`)).output).toContain('<h1>Welcome to nginx!</h1>');
    }
    expect((await sh.exec('curl 192.168.0.30:31046')).output).toBe(
      "curl: (7) Failed to connect to 192.168.0.30 port 31046 after 0 ms: Couldn't connect to server\n");
    const auto = await sh.exec('kubectl expose deployment nginx --name nginx-auto --type NodePort --port 80');
    expect(auto.output).toBe('service/nginx-auto exposed\n');
    const port = /80:(\d+)\/TCP/.exec((await sh.exec('kubectl get svc nginx-auto')).output)![1];
    expect(Number(port)).toBeGreaterThanOrEqual(30000);
    expect(Number(port)).toBeLessThanOrEqual(32767);
    const dup = await sh.exec("sed 's/name: nginx-np/name: nginx-np2/' np.yaml | kubectl apply -f -");
    expect(dup.output).toContain('The Service "nginx-np2" is invalid: spec.ports[0].nodePort: Invalid value: 31045: provided port is already allocated');

    await sh.exec('kubectl expose deployment nginx --name nginx-lb --type LoadBalancer --port 80');
    expect((await sh.exec('kubectl get svc nginx-lb')).output).toMatch(/LoadBalancer\s+10\.\S+\s+<pending>\s+80:\d+\/TCP/);
    expect((await sh.exec('kubectl expose pod curlpod')).output).toBe("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n");

    for (const cmd of ['kubectl delete deployment nginx', 'kubectl delete service nginx', 'kubectl delete service nginx-np']) {
      expect((await sh.exec(cmd)).exitCode).toBe(0);
    }
    expect(sh.cluster.list('EndpointSlice', 'default').map((s) => s.metadata?.labels?.['kubernetes.io/service-name']).sort())
      .toEqual(['kubernetes', 'nginx-auto', 'nginx-lb']);
  });
});
