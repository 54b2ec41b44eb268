/** A claim made before its StorageClass binds once the class appears (pv_controller_base.go's resync). */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { createShell } from './session';

const PVC = `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: early
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: slow
  resources:
    requests:
      storage: 1Gi
EOF`;

const CLASS = `cat <<EOF | kubectl apply -f -
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: slow
provisioner: kubelab.io/local-path
volumeBindingMode: Immediate
EOF`;

describe('a StorageClass created after its claim', () => {
  it('stays Pending with ProvisioningFailed, then binds once the class exists', async () => {
    const sh = createShell({ cluster: createCluster({ seed: 'late-sc', now: Date.UTC(2026, 0, 1) }) });
    await sh.exec(PVC);
    await sh.exec('sleep 30');
    expect((await sh.exec('kubectl get pvc early -o jsonpath={.status.phase}')).output).toBe('Pending');
    expect((await sh.exec('kubectl describe pvc early')).output).toContain('storageclass.storage.k8s.io "slow" not found');
    await sh.exec(CLASS);
    await sh.exec('sleep 20');
    expect((await sh.exec('kubectl get pvc early -o jsonpath={.status.phase}')).output).toBe('Bound');
    // An idle lab does not keep polling for it.
    expect(sh.cluster.nextDueAt()).toBeUndefined();
  });

  it('a Longhorn claim made before Longhorn is ready binds once it is; after Longhorn is gone new claims wait', async () => {
    const url = 'https://raw.githubusercontent.com/kubetm/kubetm.github.io/master/yamls/longhorn/longhorn-1.5.0.yaml';
    const sh = createShell({ cluster: createCluster({ seed: 'late-lh', now: Date.UTC(2026, 0, 1) }) });
    const claim = (name: string) => PVC.replace('name: early', `name: ${name}`).replace('storageClassName: slow', 'storageClassName: longhorn');
    expect((await sh.exec(`kubectl apply -f ${url} >/dev/null`)).exitCode).toBe(0);
    await sh.exec(claim('early'));
    await sh.exec('sleep 120');
    expect((await sh.exec('kubectl get pvc early -o jsonpath={.status.phase}')).output).toBe('Bound');
    await sh.exec(`kubectl delete -f ${url} >/dev/null; sleep 60`);
    await sh.exec('kubectl get sc longhorn >/dev/null 2>&1 || kubectl apply -f - <<EOF\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: longhorn\nprovisioner: driver.longhorn.io\nEOF');
    await sh.exec(claim('late'));
    await sh.exec('sleep 60');
    expect((await sh.exec('kubectl get pvc late -o jsonpath={.status.phase}')).output).toBe('Pending');
    const events = (await sh.exec('kubectl describe pvc late')).output;
    expect(events).toContain('ExternalProvisioning');
    expect(events).not.toContain('ProvisioningSucceeded');
  });
});
