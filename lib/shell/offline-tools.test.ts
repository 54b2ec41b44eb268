/**
 * The lab has no internet: `git clone` fails as git does offline (pointing VPA installers at the
 * bundled manifests), add-on URLs print their "what is simulated" note on stderr, `dig` runs on
 * the master against its own resolver, and installed CRDs show up in discovery.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

const VPA_CRD = 'https://raw.githubusercontent.com/kubernetes/autoscaler/master/vertical-pod-autoscaler/deploy/vpa-v1-crd-gen.yaml';

function shell() {
  return createShell({ cluster: createCluster({ seed: 'offline', now: Date.UTC(2026, 0, 1) }) });
}

describe('offline tools', () => {
  it('git clone fails offline and names the bundled VPA manifests', async () => {
    const sh = shell();
    const r = await sh.exec('git clone https://github.com/kubernetes/autoscaler.git; echo "rc=$?"');
    expect(r.output).toContain("Cloning into 'autoscaler'...\nfatal: unable to access 'https://github.com/kubernetes/autoscaler.git/': Could not resolve host: github.com\n");
    expect(r.output).toContain(`  kubectl apply -f ${VPA_CRD}\n`);
    expect(r.output).toContain('rc=128');
    expect((await sh.exec('git clone https://gitlab.com/x/y.git 2>&1 | grep -c kubectl')).output).toBe('0\n');
  });

  it('an add-on URL prints its note on stderr, and its CRDs join api-resources and api-versions', async () => {
    const sh = shell();
    expect((await sh.exec('kubectl api-resources | grep -c verticalpodautoscalers')).output).toBe('0\n');
    const quiet = await sh.exec(`kubectl apply -f ${VPA_CRD} 2>/dev/null`);
    expect(quiet.output).not.toContain('kubelab:');
    expect(quiet.output).toContain('verticalpodautoscalers.autoscaling.k8s.io created');
    expect((await sh.exec(`kubectl apply -f ${VPA_CRD} 2>&1 >/dev/null`)).output).toContain('kubelab: ./hack/vpa-up.sh');
    expect((await sh.exec('kubectl api-resources | grep verticalpodautoscalers')).output).toMatch(/^verticalpodautoscalers\s+vpa\s+autoscaling\.k8s\.io\/v1\s+true\s+VerticalPodAutoscaler\n$/);
    expect((await sh.exec('kubectl api-versions | grep autoscaling.k8s.io')).output).toBe('autoscaling.k8s.io/v1\n');
  });

  it('dig on the master asks the node resolver, which knows no cluster names', async () => {
    const r = await shell().exec('dig kubernetes.default.svc.cluster.local');
    expect(r.output).toContain('status: NXDOMAIN');
    expect(r.output).toContain(';; SERVER: 127.0.0.53#53(127.0.0.53) (UDP)');
  });
});
