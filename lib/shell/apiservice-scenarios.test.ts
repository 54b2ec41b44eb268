/**
 * The AVAILABLE column of `kubectl get apiservices` (kube-aggregator's availability controllers):
 * metrics-server's APIService is `False (MissingEndpoints)` until its pod is ready, then `True`;
 * a missing Service, a scaled-down server and a local APIService read as upstream writes them.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_URLS, createCluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
const METRICS_URL = BUNDLED_URLS.find((u) => u.includes('metrics-server'))!;
const condition = "-o jsonpath='{.status.conditions[0].status} {.status.conditions[0].reason}: {.status.conditions[0].message}'";

async function lab() {
  const cluster = createCluster({ seed: 'apiservice', now: T0 });
  const sh = createShell({ cluster });
  const run = async (cmd: string) => (await sh.exec(cmd)).output;
  return { cluster, run };
}

describe('APIService availability', () => {
  it('follows the metrics server: missing endpoints, ready, scaled to zero, Service gone', async () => {
    const { cluster, run } = await lab();
    await run(`kubectl apply -f ${METRICS_URL}`);
    expect(await run('kubectl get apiservice v1beta1.metrics.k8s.io')).toMatch(
      /^NAME\s+SERVICE\s+AVAILABLE\s+AGE\nv1beta1\.metrics\.k8s\.io\s+kube-system\/metrics-server\s+False \(MissingEndpoints\)\s+0s\n$/);
    expect(await run(`kubectl get apiservice v1beta1.metrics.k8s.io ${condition}`))
      .toBe('False MissingEndpoints: endpointslices for service/metrics-server in "kube-system" have no addresses with port name "https"');

    cluster.advanceBy(120_000);
    expect(await run('kubectl get apiservices')).toMatch(/v1beta1\.metrics\.k8s\.io\s+kube-system\/metrics-server\s+True\s+2m\n$/);
    expect(await run(`kubectl get apiservice v1beta1.metrics.k8s.io ${condition}`)).toBe('True Passed: all checks passed');
    const since = await run("kubectl get apiservice v1beta1.metrics.k8s.io -o jsonpath='{.status.conditions[0].lastTransitionTime}'");

    await run('kubectl -n kube-system scale deployment metrics-server --replicas=0');
    cluster.advanceBy(60_000);
    expect(await run(`kubectl get apiservice v1beta1.metrics.k8s.io ${condition}`)).toMatch(/^False MissingEndpoints: /);
    expect(await run("kubectl get apiservice v1beta1.metrics.k8s.io -o jsonpath='{.status.conditions[0].lastTransitionTime}'")).not.toBe(since);

    await run('kubectl -n kube-system delete service metrics-server');
    expect(await run(`kubectl get apiservice v1beta1.metrics.k8s.io ${condition}`))
      .toBe('False ServiceNotFound: service/metrics-server in "kube-system" is not present');
    expect(await run('kubectl top pods -A')).toBe('Error from server (ServiceUnavailable): the server is currently unable to handle the request (get pods.metrics.k8s.io)\n');
  });

  it('marks an APIService the API server serves itself as Local and available', async () => {
    const { run } = await lab();
    await run(`cat <<'EOF' | kubectl apply -f -
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1.example.com}
spec: {group: example.com, version: v1, groupPriorityMinimum: 1000, versionPriority: 15}
EOF`);
    expect(await run('kubectl get apiservice v1.example.com')).toMatch(/v1\.example\.com\s+Local\s+True\s+0s\n$/);
    expect(await run(`kubectl get apiservice v1.example.com ${condition}`)).toBe('True Local: Local APIServices are always available');
  });
});
