/**
 * S6's VPA add-on through the shell: the files ./hack/vpa-up.sh applies, bundled as URLs;
 * a VerticalPodAutoscaler gets a recommendation from metrics-server usage (p90 + 15 %, at least
 * 25m / 250Mi), the updater evicts pods whose requests are outside the bounds and the admission
 * controller recreates them with the target requests (annotation vpaUpdates).
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_URLS, createCluster, restoreCluster, VPA_UP_URLS } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
const METRICS_URL = BUNDLED_URLS.find((u) => u.includes('metrics-server'))!;

const APP = `cat <<'EOF' > hamster.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hamster
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hamster
  template:
    metadata:
      labels:
        app: hamster
    spec:
      containers:
      - name: hamster
        image: registry.k8s.io/hpa-example
        resources:
          requests:
            cpu: 100m
            memory: 50Mi
          limits:
            cpu: 200m
            memory: 100Mi
EOF`;

const vpa = (mode: string) => `cat <<'EOF' > vpa.yaml
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: hamster-vpa
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: hamster
  updatePolicy:
    updateMode: "${mode}"
EOF`;

async function lab() {
  const sh = createShell({ cluster: createCluster({ seed: 'vpa', now: T0 }) });
  const run = async (cmd: string) => (await sh.exec(cmd));
  return { sh, run, out: async (cmd: string) => (await sh.exec(cmd)).output };
}

describe('VPA add-on', () => {
  it('is not served before its CRDs are installed', async () => {
    const { run } = await lab();
    const get = await run('kubectl get vpa');
    expect(get.output).toBe('error: the server doesn\'t have a resource type "vpa"\n');
    await run(vpa('Auto'));
    const apply = await run('kubectl apply -f vpa.yaml');
    expect(apply.exitCode).toBe(1);
    expect(apply.output).toContain('no matches for kind "VerticalPodAutoscaler" in version "autoscaling.k8s.io/v1"');
    expect(apply.output).toContain('ensure CRDs are installed first');
  });

  it('installs from the bundled vpa-up.sh URLs, says what is not simulated, and validates VPAs', async () => {
    const { run, out } = await lab();
    const install = await run(`kubectl apply ${VPA_UP_URLS.map((u) => `-f ${u}`).join(' ')}`);
    expect(install.exitCode).toBe(0);
    expect(install.output).toContain('customresourcedefinition.apiextensions.k8s.io/verticalpodautoscalers.autoscaling.k8s.io created');
    expect(install.output).toContain('deployment.apps/vpa-admission-controller created');
    expect(await out('kubectl get vpa')).toBe('No resources found in default namespace.\n');
    await run(vpa('Sometimes'));
    expect(await out('kubectl apply -f vpa.yaml')).toBe('The VerticalPodAutoscaler "hamster-vpa" is invalid: spec.updatePolicy.updateMode: ' +
      'Unsupported value: "Sometimes": supported values: "Off", "Initial", "Recreate", "InPlaceOrRecreate", "Auto"\n');
    await run(`cat <<'EOF' > bad.yaml
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: bad
spec:
  targetRef: {kind: Deployment, name: hamster}
  updatePolicy: {mode: Auto}
EOF`);
    expect(await out('kubectl apply -f bad.yaml')).toBe('Error from server (BadRequest): error when creating "bad.yaml": VerticalPodAutoscaler in version "v1" ' +
      'cannot be handled as a VerticalPodAutoscaler: strict decoding error: unknown field "spec.updatePolicy.mode"\n');
  });

  it('recommends from usage, evicts pods outside the bounds and recreates them with the target requests', async () => {
    const { sh, run, out } = await lab();
    await run(`kubectl apply -f ${METRICS_URL}`);
    await run(`kubectl apply ${VPA_UP_URLS.map((u) => `-f ${u}`).join(' ')}`);
    await run(APP);
    await run('kubectl apply -f hamster.yaml');
    await run(vpa('Auto'));
    expect(await out('kubectl apply -f vpa.yaml')).toBe('verticalpodautoscaler.autoscaling.k8s.io/hamster-vpa created\n');
    await run('sleep 20');
    expect(await out('kubectl get vpa')).toBe('NAME          MODE   CPU   MEM   PROVIDED   AGE\nhamster-vpa   Auto                          20s\n');
    await run('sleep 70');
    // Idle hpa-example pods: p90 of ~1m is below the minimum, so target = 25m / 250Mi (262144k).
    expect(await out('kubectl get vpa')).toBe('NAME          MODE   CPU   MEM       PROVIDED   AGE\nhamster-vpa   Auto   25m   262144k   True       90s\n');
    const desc = await out('kubectl describe vpa hamster-vpa');
    expect(desc).toContain('API Version:  autoscaling.k8s.io/v1');
    expect(desc).toMatch(/Spec:\n {2}Target Ref:\n {4}API Version: {2}apps\/v1\n {4}Kind: {9}Deployment\n {4}Name: {9}hamster\n {2}Update Policy:\n {4}Update Mode: {2}Auto\n/);
    expect(desc).toMatch(/Container Recommendations:\n {6}Container Name: {2}hamster\n {6}Lower Bound:\n {8}Cpu: {5}25m\n {8}Memory: {2}262144k\n {6}Target:\n {8}Cpu: {5}25m\n/);
    expect(desc).toContain('Upper Bound:');
    // 50Mi is below the lower bound: the updater evicts one pod of two a minute (tolerance 50 %),
    // the replacements get the target, and then nothing more is evicted.
    const evictions = async () => (await out('kubectl get events --field-selector reason=EvictedByVPA -o name')).trim().split('\n').filter(Boolean);
    expect(await evictions()).toHaveLength(1);
    await run('sleep 60');
    expect(await evictions()).toHaveLength(2);
    await run('sleep 300');
    expect(await evictions()).toHaveLength(2);
    const pods = JSON.parse(await out('kubectl get pods -l app=hamster -o json')).items;
    const fresh = pods.filter((p: { metadata: { annotations?: Record<string, string> } }) => p.metadata.annotations?.vpaUpdates);
    expect(fresh).toHaveLength(2);
    expect(fresh[0].metadata.annotations.vpaUpdates).toBe('Pod resources updated by hamster-vpa: container 0: cpu request, memory request, cpu limit, memory limit');
    expect(fresh[0].spec.containers[0].resources).toEqual({ requests: { cpu: '25m', memory: '262144k' }, limits: { cpu: '50m', memory: '524288k' } });
    expect(await out('kubectl describe vpa hamster-vpa')).toMatch(/Normal {2}EvictedPod {2}.* vpa-updater {2}VPA Updater evicted Pod hamster-\S+ to apply resource recommendation\./);
    // The recommender's model survives a snapshot; checkpoints are visible objects.
    const restored = createShell({ cluster: restoreCluster(JSON.parse(JSON.stringify(sh.cluster.snapshot()))) });
    expect((await restored.exec('kubectl get vpacheckpoint')).output).toMatch(/^NAME\s+AGE\nhamster-vpa-hamster\s+\d+m/);
  });

  it('Off only recommends; a single-replica Deployment is not evicted from (--min-replicas=2)', async () => {
    const { run, out } = await lab();
    await run(`kubectl apply -f ${METRICS_URL}`);
    await run(`kubectl apply ${VPA_UP_URLS.map((u) => `-f ${u}`).join(' ')}`);
    await run(APP);
    await run('kubectl apply -f hamster.yaml');
    await run(vpa('Off'));
    await run('kubectl apply -f vpa.yaml');
    await run('sleep 300');
    expect(await out('kubectl get vpa hamster-vpa')).toContain('Off    25m   262144k   True');
    expect(await out('kubectl get events --field-selector reason=EvictedByVPA')).toBe('No resources found in default namespace.\n');
    await run('kubectl delete vpa hamster-vpa');
    await run(vpa('Recreate'));
    await run('kubectl apply -f vpa.yaml && kubectl scale deployment hamster --replicas=1');
    await run('sleep 300');
    expect(await out('kubectl get events --field-selector reason=EvictedByVPA')).toBe('No resources found in default namespace.\n');
  });

  it('restarts busy pods with larger CPU requests (the notes\' Scale Up)', async () => {
    const { run, out } = await lab();
    await run(`kubectl apply -f ${METRICS_URL}`);
    await run(`kubectl apply ${VPA_UP_URLS.map((u) => `-f ${u}`).join(' ')}`);
    await run(APP);
    await run('kubectl apply -f hamster.yaml && kubectl expose deployment hamster --port=80');
    await run('kubectl run load --image=busybox -- sh -c "while sleep 0.01; do wget -q -O- http://hamster; done"');
    await run(vpa('Auto'));
    await run('kubectl apply -f vpa.yaml && sleep 400');
    // ~50 req/s × 10 ms of CPU, capped by the 200m limit: p90 ≈ 200m, + bucket end and 15 % margin.
    const target = JSON.parse(await out('kubectl get vpa hamster-vpa -o json')).status.recommendation.containerRecommendations[0].target;
    expect(Number(target.cpu.replace('m', ''))).toBeGreaterThan(200);
    // Recreated with the target of their time (and limits scaled in proportion, so they can use more).
    const pods = JSON.parse(await out('kubectl get pods -l app=hamster -o json')).items as
      { metadata: { annotations?: Record<string, string> }; spec: { containers: { resources: { requests: { cpu: string } } }[] } }[];
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.annotations?.vpaUpdates).toContain('Pod resources updated by hamster-vpa');
      expect(Number(p.spec.containers[0].resources.requests.cpu.replace('m', ''))).toBeGreaterThan(200);
    }
  });

  it('reports a targetRef it cannot read', async () => {
    const { run, out } = await lab();
    await run(`kubectl apply -f ${METRICS_URL}`);
    await run(`kubectl apply ${VPA_UP_URLS.map((u) => `-f ${u}`).join(' ')}`);
    await run(vpa('Auto').replace('name: hamster\n', 'name: nope\n'));
    await run('kubectl apply -f vpa.yaml && sleep 90');
    const desc = await out('kubectl describe vpa hamster-vpa');
    expect(desc).toMatch(/Message: +Cannot read targetRef\. Reason: deployments\.apps "nope" not found\n +Status: +True\n +Type: +ConfigUnsupported/);
    expect(desc).toMatch(/Message: +No pods match this VPA object\n +Reason: +NoPodsMatched\n +Status: +False\n +Type: +RecommendationProvided/);
    expect(await out('kubectl get vpa')).toMatch(/hamster-vpa\s+Auto\s+False\s+\d+s/);
  });

  it('deleting the CRD removes the VPAs', async () => {
    const { run, out } = await lab();
    await run(`kubectl apply ${VPA_UP_URLS.map((u) => `-f ${u}`).join(' ')}`);
    await run(vpa('Initial'));
    await run('kubectl apply -f vpa.yaml');
    await run(`kubectl delete -f ${VPA_UP_URLS[0]}`);
    expect(await out('kubectl get vpa')).toBe('error: the server doesn\'t have a resource type "vpa"\n');
  });
});
