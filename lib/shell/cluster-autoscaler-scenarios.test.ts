/**
 * S6's Cluster Autoscaler add-on through the shell: the AWS one-ASG example URL, the lab as the
 * cloud (node group k8s-worker-asg-1, 0..3 nodes). A pod that fits nowhere for lack of CPU
 * triggers a scale-up; the node joins NotReady, then Ready, and the pod runs there; once the node
 * has been unneeded for 10 minutes it is drained and removed.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLED_URLS, createCluster } from '../cluster';
import { createShell } from './session';

const T0 = Date.UTC(2025, 0, 1);
const CA_URL = BUNDLED_URLS.find((u) => u.endsWith('cluster-autoscaler-one-asg.yaml'))!;

const BIG = `cat <<'EOF' > big.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
spec:
  replicas: 3
  selector:
    matchLabels:
      app: big
  template:
    metadata:
      labels:
        app: big
    spec:
      containers:
      - name: app
        image: nginx
        resources:
          requests:
            cpu: "3"
EOF`;

describe('Cluster Autoscaler add-on', () => {
  it('adds a node for a pod that lacks CPU, then removes it once unneeded for 10 minutes', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'ca', now: T0 }) });
    const out = async (cmd: string) => (await sh.exec(cmd)).output;
    const install = await out(`kubectl apply -f ${CA_URL}`);
    expect(install).toContain('deployment.apps/cluster-autoscaler created');
    await sh.exec('sleep 30');
    await sh.exec(BIG);
    await sh.exec('kubectl apply -f big.yaml');
    await sh.exec('sleep 5');
    const pending = (await out('kubectl get pods -l app=big --field-selector=status.phase=Pending -o name')).trim();
    expect(pending).toMatch(/^pod\/big-/);
    const podName = pending.slice(4);
    expect(await out(`kubectl describe pod ${podName}`)).toContain('0/3 nodes are available: 1 node(s) had untolerated taint ' +
      '{node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: ' +
      '1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.');
    await sh.exec('sleep 10');
    expect(await out(`kubectl describe pod ${podName}`))
      .toMatch(/Normal\s+TriggeredScaleUp\s+\S+\s+cluster-autoscaler\s+pod triggered scale-up: \[\{k8s-worker-asg-1 0->1 \(max: 3\)\}\]/);
    const status = await out('kubectl get configmap cluster-autoscaler-status -n kube-system -o jsonpath={.data.status}');
    expect(status).toContain('autoscalerStatus: Running');
    expect(status).toMatch(/nodeGroups:\n- name: k8s-worker-asg-1\n/);
    expect(status).toContain('scaleUp:\n    status: InProgress');
    await sh.exec('sleep 45');
    expect(await out('kubectl get nodes')).toMatch(/\nk8s-worker-asg-1-\w{5}\s+NotReady\s+<none>\s+\d+s\s+v1\.34\.1\n/);
    await sh.exec('sleep 30');
    const nodes = await out('kubectl get nodes');
    expect(nodes).toMatch(/\nk8s-worker-asg-1-\w{5}\s+Ready\s+<none>/);
    const node = /k8s-worker-asg-1-\w{5}/.exec(nodes)![0];
    expect(await out(`kubectl get pod ${podName} -o jsonpath={.spec.nodeName}`)).toBe(node);
    expect(await out(`kubectl get pod ${podName} -o jsonpath={.status.phase}`)).toBe('Running');

    // Only one big pod left: the cloud node becomes unneeded (its pod fits on a local worker).
    await sh.exec('kubectl scale deployment big --replicas=1');
    await sh.exec('sleep 500');
    expect(await out('kubectl get nodes')).toContain(node);
    await sh.exec('sleep 150');
    expect(await out('kubectl get nodes')).not.toContain(node);
    expect(await out('kubectl get pods -l app=big --field-selector=status.phase=Running -o name')).toMatch(/^pod\/big-\S+\n$/);
    const cmEvents = await out('kubectl get events -n kube-system --field-selector involvedObject.name=cluster-autoscaler-status');
    expect(cmEvents).toContain('Scale-up: setting group k8s-worker-asg-1 size to 1 instead of 0 (max: 3)');
    expect(cmEvents).toMatch(/Scale-down: (removing empty node "k8s-worker-asg-1-\w{5}"|node k8s-worker-asg-1-\w{5} removed with drain)/);
    expect(await out('kubectl get events --field-selector reason=ScaleDown')).toContain('marked the node as toBeDeleted/unschedulable');
  });

  it('stops at the group maximum and says why', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'ca-max', now: T0 }) });
    await sh.exec(`kubectl apply -f ${CA_URL}`);
    await sh.exec('sleep 30');
    await sh.exec(BIG);
    await sh.exec('kubectl apply -f big.yaml && kubectl scale deployment big --replicas=7');
    await sh.exec('sleep 20');
    const events = (await sh.exec('kubectl get events --field-selector reason=NotTriggerScaleUp')).output;
    expect(events).toContain("pod didn't trigger scale-up: 1 max node group size reached");
    expect((await sh.exec('kubectl get events --field-selector reason=TriggeredScaleUp')).output)
      .toContain('pod triggered scale-up: [{k8s-worker-asg-1 0->3 (max: 3)}]');
    await sh.exec('sleep 120');
    expect((await sh.exec('kubectl get nodes -o name')).output.match(/k8s-worker-asg-1-/g)).toHaveLength(3);
  });

  it('does nothing for pods that no node of the group could take', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'ca-huge', now: T0 }) });
    await sh.exec(`kubectl apply -f ${CA_URL}`);
    await sh.exec('sleep 30');
    await sh.exec(`cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
  - name: huge
    image: nginx
    resources:
      requests:
        cpu: "16"
EOF`);
    await sh.exec('sleep 20');
    expect((await sh.exec('kubectl describe pod huge')).output).toMatch(/NotTriggerScaleUp\s+.*pod didn't trigger scale-up: 1 Insufficient cpu/);
    await sh.exec(`cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  storageClassName: nope
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: db}
spec:
  containers: [{name: db, image: nginx}]
  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
EOF`);
    await sh.exec('sleep 20');
    expect((await sh.exec('kubectl describe pod db')).output)
      .toMatch(/NotTriggerScaleUp\s+.*pod didn't trigger scale-up: 1 pod has unbound immediate PersistentVolumeClaims/);
    expect((await sh.exec('kubectl get nodes -o name')).output).not.toContain('k8s-worker-asg-1');
  });
});
