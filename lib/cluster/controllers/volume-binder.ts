import { rfc3339 } from '../api/time';
import { PV_PROTECTION, PVC_PROTECTION } from '../admission/storage';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../k8s';
import { parseQuantity } from '../quantity';
import type { Task } from '../queue';
import type { Controller, ControllerContext } from './controller';
import { KeyedQueue } from './pod-util';
import { claimNamesOf, classOf, podsUsingClaim } from './volumes';

const PV_SOURCE = { component: 'persistentvolume-controller' };
const PROVISION_MS = 1200;
/**
 * Provisioners served by an add-on's CSI driver rather than by the lab itself, and the pods that
 * must be ready for it to work (Longhorn's manager stands in for its csi-provisioner sidecar).
 */
const EXTERNAL_DRIVERS: Record<string, { namespace: string; app: string }> = {
  'driver.longhorn.io': { namespace: 'longhorn-system', app: 'longhorn-manager' },
};

/**
 * The PV controller (pkg/controller/volume/persistentvolume/pv_controller.go syncClaim /
 * syncVolume / findBestMatchForClaim), a dynamic provisioner for the lab's classes, the
 * reclaim policies, and the pvc/pv-protection controllers (pkg/controller/volume/pvcprotection).
 */
export class VolumeBinder implements Controller {
  readonly name = 'persistentvolume-controller';
  readonly handlers = {
    'sync-claim': (t: Task) => { this.claims.done(t.key); this.syncClaim(t.ns as string, t.name as string); },
    'provision-claim': (t: Task) => this.provision(t.ns as string, t.name as string, t.uid as string),
    'sync-volume': (t: Task) => { this.volumes.done(t.key); this.syncVolume(t.name as string); },
  };
  private claims: KeyedQueue;
  private volumes: KeyedQueue;
  private unsubscribe: (() => void)[] = [];
  /** Claims (uids) with a provisioning task under way. */
  private provisioning = new Set<string>();

  constructor(private ctx: ControllerContext) {
    this.claims = new KeyedQueue(ctx, 'sync-claim');
    this.volumes = new KeyedQueue(ctx, 'sync-volume');
  }

  start(): void {
    const { store } = this.ctx;
    this.unsubscribe.push(store.subscribe((ev) => {
      const pvc = ev.object as PersistentVolumeClaim;
      if (ev.type === 'DELETED') {
        if (pvc.spec?.volumeName) this.volumes.add(undefined, pvc.spec.volumeName);
        return;
      }
      this.claims.add(pvc.metadata?.namespace, pvc.metadata!.name!);
    }, { kind: 'PersistentVolumeClaim' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type === 'DELETED') return;
      this.volumes.add(undefined, ev.object.metadata!.name!);
    }, { kind: 'PersistentVolume' }));
    // The controller's periodic resync (pv_controller_base.go, every 15 s) picks up claims whose
    // StorageClass appeared after them; here the class's creation re-queues them (no polling).
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'ADDED') return;
      const className = ev.object.metadata!.name;
      for (const pvc of store.peek('PersistentVolumeClaim') as PersistentVolumeClaim[]) {
        if (pvc.status?.phase !== 'Bound' && pvc.spec?.storageClassName === className) this.claims.add(pvc.metadata?.namespace, pvc.metadata!.name!);
      }
    }, { kind: 'StorageClass' }));
    // A pod going away may release a claim held by pvc-protection; a CSI driver's pod becoming
    // ready lets the claims waiting for it be provisioned.
    this.unsubscribe.push(store.subscribe((ev) => {
      const pod = ev.object as Pod;
      const driver = Object.entries(EXTERNAL_DRIVERS).find(([, d]) => d.namespace === pod.metadata?.namespace && d.app === pod.metadata?.labels?.app);
      if (driver && ev.type !== 'DELETED' && this.provisionerRunning(driver[0])) {
        for (const pvc of store.peek('PersistentVolumeClaim') as PersistentVolumeClaim[]) {
          const ann = pvc.metadata?.annotations ?? {};
          if (pvc.status?.phase !== 'Bound' && ann['volume.kubernetes.io/storage-provisioner'] === driver[0] && !this.provisioning.has(pvc.metadata!.uid!)) {
            this.claims.add(pvc.metadata?.namespace, pvc.metadata!.name!);
          }
        }
      }
      if (ev.type !== 'DELETED' && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') return;
      for (const { claim } of claimNamesOf(pod)) this.claims.add(pod.metadata?.namespace, claim);
    }, { kind: 'Pod' }));
  }

  stop(): void {
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
  }

  private syncClaim(ns: string, name: string): void {
    const { store, api, events } = this.ctx;
    const pvc = store.get('PersistentVolumeClaim', ns, name) as PersistentVolumeClaim | undefined;
    if (!pvc) return;
    if (pvc.metadata?.deletionTimestamp) {
      if (podsUsingClaim(store, ns, name).length === 0 && pvc.metadata.finalizers?.includes(PVC_PROTECTION)) {
        pvc.metadata.finalizers = pvc.metadata.finalizers.filter((f) => f !== PVC_PROTECTION);
        api.write(pvc);
      }
      return;
    }
    if (pvc.status?.phase === 'Bound') return;
    const match = this.bestMatch(pvc);
    if (match) { this.bind(pvc, match, false); return; }
    const cls = classOf(store, pvc);
    const className = pvc.spec?.storageClassName;
    if (!className) {
      events.record(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', PV_SOURCE);
      return;
    }
    if (!cls) {
      events.record(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`, PV_SOURCE);
      return;
    }
    if (cls.volumeBindingMode === 'WaitForFirstConsumer' && !pvc.metadata?.annotations?.['volume.kubernetes.io/selected-node']) {
      events.record(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', PV_SOURCE);
      return;
    }
    const ann = pvc.metadata!.annotations ?? {};
    let saved: PersistentVolumeClaim = pvc;
    if (!ann['volume.kubernetes.io/storage-provisioner']) {
      pvc.metadata!.annotations = { ...ann, 'volume.beta.kubernetes.io/storage-provisioner': cls.provisioner,
        'volume.kubernetes.io/storage-provisioner': cls.provisioner };
      saved = api.write(pvc);
      events.record(saved, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner ` +
        `'${cls.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that your ` +
        'external provisioner is running and correctly registered.', PV_SOURCE);
    }
    const uid = pvc.metadata!.uid!;
    if (this.provisioning.has(uid)) return; // the provisioner already took it
    // An add-on's CSI driver provisions only while its controller runs (e.g. Longhorn deleted with
    // its StorageClass left behind): the claim waits, and is picked up when the driver is back.
    if (!this.provisionerRunning(cls.provisioner)) return;
    this.provisioning.add(uid);
    events.record(saved, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ns}/${name}"`,
      { component: `${cls.provisioner}_${cls.provisioner.split('/')[0]}-provisioner` });
    this.ctx.enqueue(Math.round(PROVISION_MS * (0.8 + 0.4 * this.ctx.prng.next())),
      { type: 'provision-claim', ns, name, uid: pvc.metadata!.uid });
  }

  /** findBestMatchForClaim: smallest Available volume of the same class and mode that fits. */
  private bestMatch(pvc: PersistentVolumeClaim): PersistentVolume | undefined {
    const want = parseQuantity(pvc.spec?.resources?.requests?.storage) ?? 0;
    const modes = pvc.spec?.accessModes ?? [];
    const cls = pvc.spec?.storageClassName ?? '';
    const candidates = (this.ctx.store.list('PersistentVolume') as PersistentVolume[]).filter((pv) => {
      if (pv.metadata?.deletionTimestamp) return false;
      const ref = pv.spec?.claimRef;
      if (ref && !(ref.namespace === pvc.metadata?.namespace && ref.name === pvc.metadata?.name && (!ref.uid || ref.uid === pvc.metadata?.uid))) return false;
      if (!ref && pv.status?.phase !== 'Available') return false;
      if (pvc.spec?.volumeName && pvc.spec.volumeName !== pv.metadata?.name) return false;
      if ((pv.spec?.storageClassName ?? '') !== cls) return false;
      if ((pv.spec?.volumeMode ?? 'Filesystem') !== (pvc.spec?.volumeMode ?? 'Filesystem')) return false;
      if (!modes.every((m) => pv.spec?.accessModes?.includes(m))) return false;
      return (parseQuantity(pv.spec?.capacity?.storage) ?? 0) >= want;
    });
    return candidates.sort((a, b) => (parseQuantity(a.spec!.capacity!.storage) ?? 0) - (parseQuantity(b.spec!.capacity!.storage) ?? 0))[0];
  }

  private bind(pvc: PersistentVolumeClaim, pv: PersistentVolume, provisioned: boolean): void {
    const { api } = this.ctx;
    pv.spec!.claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata!.name, namespace: pvc.metadata!.namespace,
      uid: pvc.metadata!.uid, resourceVersion: pvc.metadata!.resourceVersion };
    if (!provisioned) pv.metadata!.annotations = { ...pv.metadata!.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' };
    pv.status = { phase: 'Bound', lastPhaseTransitionTime: rfc3339(this.ctx.now()) };
    api.write(pv);
    pvc.spec!.volumeName = pv.metadata!.name;
    pvc.metadata!.annotations = { ...pvc.metadata!.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    pvc.status = { phase: 'Bound', accessModes: pv.spec!.accessModes, capacity: pv.spec!.capacity };
    api.write(pvc);
  }

  private provision(ns: string, name: string, uid: string): void {
    const { store, api, events } = this.ctx;
    this.provisioning.delete(uid);
    const pvc = store.get('PersistentVolumeClaim', ns, name) as PersistentVolumeClaim | undefined;
    if (!pvc || pvc.metadata?.uid !== uid || pvc.status?.phase === 'Bound' || pvc.metadata?.deletionTimestamp) return;
    const cls = classOf(store, pvc);
    const pvName = `pvc-${uid}`;
    if (!cls || store.has('PersistentVolume', undefined, pvName)) return;
    const pv = api.createInternal({
      apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: pvName, annotations: { 'pv.kubernetes.io/provisioned-by': cls.provisioner }, finalizers: [PV_PROTECTION] },
      spec: {
        accessModes: pvc.spec?.accessModes, capacity: { storage: pvc.spec?.resources?.requests?.storage },
        csi: { driver: cls.provisioner, fsType: 'ext4', volumeHandle: pvName, volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': `${this.ctx.now()}-kubelab` } },
        persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete', storageClassName: cls.metadata!.name, volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
      },
      status: { phase: 'Pending' },
    }) as PersistentVolume;
    events.record(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`,
      { component: `${cls.provisioner}_${cls.provisioner.split('/')[0]}-provisioner` });
    this.bind(pvc, pv, true);
  }

  /** Whether the driver behind a provisioner name is up (built-in provisioners always are). */
  private provisionerRunning(provisioner: string): boolean {
    const driver = EXTERNAL_DRIVERS[provisioner];
    if (!driver) return true;
    return (this.ctx.store.peek('Pod', driver.namespace) as Pod[]).some((p) => p.metadata?.labels?.app === driver.app &&
      !p.metadata?.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
  }

  private syncVolume(name: string): void {
    const { store, api } = this.ctx;
    const pv = store.get('PersistentVolume', undefined, name) as PersistentVolume | undefined;
    if (!pv) return;
    if (pv.metadata?.deletionTimestamp) {
      if (pv.status?.phase !== 'Bound' && pv.metadata.finalizers?.includes(PV_PROTECTION)) {
        pv.metadata.finalizers = pv.metadata.finalizers.filter((f) => f !== PV_PROTECTION);
        api.write(pv);
      }
      return;
    }
    const ref = pv.spec?.claimRef;
    const now = rfc3339(this.ctx.now());
    if (!ref) {
      if (pv.status?.phase !== 'Available') {
        pv.status = { phase: 'Available', lastPhaseTransitionTime: now };
        api.write(pv);
        for (const c of store.list('PersistentVolumeClaim') as PersistentVolumeClaim[]) {
          if (c.status?.phase === 'Pending') this.claims.add(c.metadata?.namespace, c.metadata!.name!);
        }
      }
      return;
    }
    const claim = store.get('PersistentVolumeClaim', ref.namespace, ref.name ?? '');
    if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) {
      if (!ref.uid) this.claims.add(ref.namespace, ref.name ?? '');
      return;
    }
    if (!ref.uid) return; // pre-bound to a claim that does not exist yet
    // The claim is gone: Released, then the reclaim policy (Delete removes the volume).
    if (pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed') {
      pv.status = { phase: 'Released', lastPhaseTransitionTime: now };
      api.write(pv);
    }
    if (pv.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      const released = api.write({ ...pv, metadata: { ...pv.metadata, finalizers: (pv.metadata!.finalizers ?? []).filter((f) => f !== PV_PROTECTION) } });
      api.delete('PersistentVolume', undefined, released.metadata!.name!);
    }
  }
}
