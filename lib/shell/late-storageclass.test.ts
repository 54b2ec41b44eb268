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
});
