/**
 * SRV records for named Service ports (CoreDNS kubernetes plugin): `_port._proto.svc.ns.svc...`
 * answers the Service name for a ClusterIP Service and one record per ready pod for a headless
 * one, through `nslookup -type=srv` in busybox and bind dialects, and `dig SRV`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { makeDig } from './net-tools';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);

const LAB = `cat <<'EOF' > web.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  replicas: 2
  serviceName: web-headless
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - name: http
          containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 8080
    targetPort: http
  - name: metrics
    port: 9090
    targetPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web-headless
spec:
  clusterIP: None
  selector:
    app: web
  ports:
  - name: http
    port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: bb
spec:
  containers:
  - name: bb
    image: busybox
    command: ["sleep", "3600"]
---
apiVersion: v1
kind: Pod
metadata:
  name: deb
spec:
  containers:
  - name: deb
    image: kubetm/init
EOF`;

async function lab() {
  const sh = createShell({ cluster: createCluster({ seed: 'srv', now: T0 }) });
  await sh.exec(LAB);
  await sh.exec('kubectl apply -f web.yaml');
  await sh.exec('sleep 30');
  return sh;
}

describe('DNS SRV records', () => {
  it('answers a named port of a ClusterIP Service with the Service name', async () => {
    const sh = await lab();
    const r = await sh.exec('kubectl exec bb -- nslookup -type=srv _http._tcp.web');
    expect(r).toEqual({ exitCode: 0, output: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
      '_http._tcp.web.default.svc.cluster.local\tservice = 0 100 8080 web.default.svc.cluster.local\n\n' });
    const all = await sh.exec('kubectl exec deb -- nslookup -type=SRV web.default.svc.cluster.local');
    expect(all.output).toContain('web.default.svc.cluster.local\tservice = 0 50 8080 web.default.svc.cluster.local.\n' +
      'web.default.svc.cluster.local\tservice = 0 50 9090 web.default.svc.cluster.local.\n');
  });

  it('answers one record per ready pod of a headless Service, and NXDOMAIN for unknown ports', async () => {
    const sh = await lab();
    const r = await sh.exec('kubectl exec deb -- nslookup -type=srv _http._tcp.web-headless.default.svc.cluster.local');
    expect(r.output).toContain('_http._tcp.web-headless.default.svc.cluster.local\tservice = 0 50 80 web-0.web-headless.default.svc.cluster.local.\n' +
      '_http._tcp.web-headless.default.svc.cluster.local\tservice = 0 50 80 web-1.web-headless.default.svc.cluster.local.\n');
    const udp = await sh.exec('kubectl exec bb -- nslookup -type=srv _http._udp.web');
    expect(udp.exitCode).toBe(1);
    expect(udp.output).toContain("** server can't find _http._udp.web: NXDOMAIN");
    await sh.exec('kubectl scale statefulset web --replicas=1');
    await sh.exec('sleep 30');
    expect((await sh.exec('kubectl exec deb -- nslookup -type=srv _http._tcp.web-headless')).output)
      .toContain('\tservice = 0 100 80 web-0.web-headless.default.svc.cluster.local.\n');
  });

  it('dig SRV prints the answer and the targets as additional records; +short only the data', async () => {
    const sh = await lab();
    const bb = sh.cluster.get<Pod>('Pod', 'default', 'bb')!;
    const dig = makeDig(() => ({ pod: bb }));
    const run = async (...argv: string[]) => {
      let out = '';
      const code = await dig({ argv: ['dig', ...argv], io: { stdin: '', stdout: (c: string) => { out += c; }, stderr: (c: string) => { out += c; }, stdoutIsTTY: false }, env: { cluster: sh.cluster } } as never);
      return { code, out };
    };
    const short = await run('+short', 'SRV', '_http._tcp.web-headless.default.svc.cluster.local');
    expect(short.out).toBe('0 50 80 web-0.web-headless.default.svc.cluster.local.\n0 50 80 web-1.web-headless.default.svc.cluster.local.\n');
    const full = await run('SRV', '_http._tcp.web.default.svc.cluster.local');
    expect(full.out).toContain(';; ->>HEADER<<- opcode: QUERY, status: NOERROR');
    expect(full.out).toMatch(/;; ANSWER SECTION:\n_http\._tcp\.web\.default\.svc\.cluster\.local\.\t30\tIN\tSRV\t0 100 8080 web\.default\.svc\.cluster\.local\.\n/);
    expect(full.out).toMatch(/;; ADDITIONAL SECTION:\nweb\.default\.svc\.cluster\.local\.\t30\tIN\tA\t10\.\d+\.\d+\.\d+\n/);
    // dig does not use the search list unless asked.
    expect((await run('SRV', '_http._tcp.web')).out).toContain('status: NXDOMAIN');
    expect((await run('+search', '+short', 'SRV', '_http._tcp.web')).out).toBe('0 100 8080 web.default.svc.cluster.local.\n');
  });
});
