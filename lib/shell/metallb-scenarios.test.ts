/**
 * LoadBalancer Services on the on-premises lab: `<pending>` without a load-balancer add-on (as
 * the notes explain); with MetalLB's manifest, an IPAddressPool and an L2Advertisement, the
 * Service gets an EXTERNAL-IP from the pool and answers on it from the master.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_URLS, createCluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
const METALLB_URL = BUNDLED_URLS.find((u) => u.endsWith('metallb-native.yaml'))!;

const POOL = `cat <<'EOF' > pool.yaml
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: first-pool
  namespace: metallb-system
spec:
  addresses:
  - 192.168.0.240-192.168.0.241
EOF`;
const L2 = `cat <<'EOF' > l2.yaml
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: example
  namespace: metallb-system
EOF`;

async function lab() {
  const sh = createShell({ cluster: createCluster({ seed: 'metallb', now: T0 }) });
  await sh.exec('kubectl create deployment nginx --image=nginx');
  await sh.exec('kubectl expose deployment nginx --port=80 --type=LoadBalancer');
  await sh.exec('sleep 20');
  return sh;
}

describe('MetalLB add-on', () => {
  it('leaves EXTERNAL-IP <pending> without it', async () => {
    const sh = await lab();
    expect((await sh.exec('kubectl get svc nginx')).output).toMatch(/nginx\s+LoadBalancer\s+10\.\S+\s+<pending>\s+80:3\d{4}\/TCP/);
    expect((await sh.exec('kubectl get ipaddresspools -A')).output).toBe('error: the server doesn\'t have a resource type "ipaddresspools"\n');
  });

  it('assigns an address from the pool, announces it, and serves on it', async () => {
    const sh = await lab();
    const install = await sh.exec(`kubectl apply -f ${METALLB_URL}`);
    expect(install.output).toContain('customresourcedefinition.apiextensions.k8s.io/ipaddresspools.metallb.io created');
    expect(install.output).toContain('daemonset.apps/speaker created');
    await sh.exec('sleep 30');
    expect((await sh.exec('kubectl get svc nginx')).output).toContain('<pending>');
    await sh.exec(POOL);
    expect((await sh.exec('kubectl apply -f pool.yaml')).output).toBe('ipaddresspool.metallb.io/first-pool created\n');
    await sh.exec('sleep 1');
    expect((await sh.exec('kubectl get svc nginx')).output).toMatch(/nginx\s+LoadBalancer\s+10\.\S+\s+192\.168\.0\.240\s+80:3\d{4}\/TCP/);
    expect((await sh.exec('kubectl get ipaddresspools -n metallb-system')).output)
      .toBe('NAME         AUTO ASSIGN   AVOID BUGGY IPS   ADDRESSES\nfirst-pool   true          false             ["192.168.0.240-192.168.0.241"]\n');
    // Assigned but not announced yet: nothing answers ARP for it.
    expect((await sh.exec('curl -s -m 2 192.168.0.240')).exitCode).not.toBe(0);
    await sh.exec(L2);
    await sh.exec('kubectl apply -f l2.yaml && sleep 1');
    expect((await sh.exec('curl -s 192.168.0.240')).output).toContain('<title>Welcome to nginx!</title>');
    const events = (await sh.exec('kubectl describe svc nginx')).output;
    expect(events).toContain('LoadBalancer Ingress:     192.168.0.240 (VIP)\n');
    expect(events).toMatch(/Normal\s+IPAllocated\s+\S+\s+metallb-controller\s+Assigned IP \["192\.168\.0\.240"\]/);
    expect(events).toMatch(/Normal\s+nodeAssigned\s+\S+\s+metallb-speaker\s+announcing from node "k8s-node\d" with protocol "layer2"/);
    // The pool holds two addresses; a third LoadBalancer Service waits.
    await sh.exec('kubectl expose deployment nginx --name=b --port=80 --type=LoadBalancer && kubectl expose deployment nginx --name=c --port=80 --type=LoadBalancer');
    await sh.exec('sleep 1');
    expect((await sh.exec('kubectl get svc b c')).output).toMatch(/b\s+LoadBalancer\s+\S+\s+192\.168\.0\.241[\s\S]*\nc\s+LoadBalancer\s+\S+\s+<pending>/);
    expect((await sh.exec('kubectl describe svc c')).output).toContain('Failed to allocate IP for "default/c": no available IPs');
  });
});
