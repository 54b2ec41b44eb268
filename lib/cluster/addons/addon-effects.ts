import type { Controller, ControllerContext } from '../controllers/controller';
import type { StoredObject } from '../types';

const b64 = (s: string) => btoa(s);
const pem = (label: string, seed: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let bin = '';
  while (bin.length < 480) { h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0; bin += String.fromCharCode(h & 0xff); }
  return `-----BEGIN ${label}-----\n${btoa(bin).match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
};

/**
 * What the add-ons' own programs do to the API once they run (not part of their manifests):
 * - ingress-nginx's `kube-webhook-certgen create` Job writes the Secret `ingress-nginx-admission`
 *   (ca, cert, key) that the controller mounts;
 * - longhorn-manager creates the StorageClass `longhorn` from its `longhorn-storageclass`
 *   ConfigMap (longhorn-manager/controller/setting_controller.go). Like on a real cluster it
 *   stays after `kubectl delete -f`.
 */
export class AddonEffects implements Controller {
  readonly name = 'addon-effects';
  readonly handlers = {};
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {}

  start(): void {
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      const job = ev.object as StoredObject;
      if (ev.type === 'DELETED' || job.metadata.name !== 'ingress-nginx-admission-create' || !(job.status?.succeeded >= 1)) return;
      const ns = job.metadata.namespace!;
      if (this.ctx.store.has('Secret', ns, 'ingress-nginx-admission')) return;
      this.ctx.api.createInternal({
        apiVersion: 'v1', kind: 'Secret', type: 'Opaque',
        metadata: { name: 'ingress-nginx-admission', namespace: ns },
        data: { ca: b64(pem('CERTIFICATE', `${ns}/ca`)), cert: b64(pem('CERTIFICATE', `${ns}/cert`)), key: b64(pem('EC PRIVATE KEY', `${ns}/key`)) },
      });
    }, { kind: 'Job' }));
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      const pod = ev.object as StoredObject;
      if (ev.type === 'DELETED' || pod.metadata.labels?.app !== 'longhorn-manager' || pod.status?.phase !== 'Running') return;
      if (this.ctx.store.has('StorageClass', undefined, 'longhorn')) return;
      if (!this.ctx.store.has('ConfigMap', pod.metadata.namespace, 'longhorn-storageclass')) return;
      this.ctx.api.createInternal({
        apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
        metadata: { name: 'longhorn', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
        provisioner: 'driver.longhorn.io', allowVolumeExpansion: true, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate',
        parameters: { numberOfReplicas: '3', staleReplicaTimeout: '30', fromBackup: '', fsType: 'ext4', dataLocality: 'disabled' },
      });
    }, { kind: 'Pod' }));
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
  }
}
