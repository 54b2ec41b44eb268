/**
 * Scenario tests S1/S2 (../shared/SCENARIOS.md): the shell driven exactly as a learner types,
 * with the manifests of the lecture notes (seeds 001 and 004).
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from '../../cluster';
import { createShell } from '../session';

const RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: replica-web
spec:
  replicas: 1
  selector:
    matchLabels:
      type: web
  template:
    metadata:
      labels:
        type: web
    spec:
      containers:
      - name: container
        image: kubetm/app
      terminationGracePeriodSeconds: 10
`;
const STS = (extra = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: stateful-db
spec:
  replicas: 1
${extra}  selector:
    matchLabels:
      type: db
  template:
    metadata:
      labels:
        type: db
    spec:
      containers:
      - name: container
        image: kubetm/app
      terminationGracePeriodSeconds: 10
`;
const PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: replica-pvc1
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1G
  storageClassName: "fast"
`;
const RS_PVC = (nodeSelector: boolean) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: replica-pvc
spec:
  replicas: 1
  selector:
    matchLabels:
      type: web2
  template:
    metadata:
      labels:
        type: web2
    spec:
${nodeSelector ? '      nodeSelector:\n        kubernetes.io/hostname: k8s-node1\n' : ''}      containers:
      - name: container
        image: kubetm/init
        volumeMounts:
        - name: longhorn
          mountPath: /applog
      volumes:
      - name: longhorn
        persistentVolumeClaim:
          claimName: replica-pvc1
      terminationGracePeriodSeconds: 10
`;
const STS_PVC = (policy = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: stateful-pvc
spec:
  replicas: 1
${policy}  selector:
    matchLabels:
      type: db2
  serviceName: "stateful-headless"
  template: 
    metadata:
      labels:
        type: db2
    spec:
      containers:
      - name: container
        image: kubetm/app
        volumeMounts:
        - name: volume
          mountPath: /applog
      terminationGracePeriodSeconds: 10
  volumeClaimTemplates:
  - metadata:
      name: volume
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1G
      storageClassName: "fast"
`;

function lab() {
  const cluster = createCluster({ seed: 'scenario', now: Date.UTC(2025, 0, 1) });
  const shell = createShell({ cluster });
  const sh = async (cmd: string) => {
    const r = await shell.exec(cmd);
    return r.output;
  };
  const write = (name: string, text: string) => sh(`cat <<'EOF' > ${name}\n${text}EOF`);
  const names = (prefix: string) => cluster.list<KubeObject>('Pod', 'default').map((p) => p.metadata!.name!).filter((n) => n.startsWith(prefix));
  return { cluster, sh, write, names };
}

describe('S1 StatefulSet vs ReplicaSet', () => {
  it('creates, scales, replaces and scales down like Kubernetes', async () => {
    const { cluster, sh, write, names } = lab();
    await write('rs.yaml', RS);
    await write('sts.yaml', STS());
    expect(await sh('kubectl apply -f rs.yaml')).toBe('replicaset.apps/replica-web created\n');
    expect(await sh('kubectl apply -f sts.yaml')).toBe('statefulset.apps/stateful-db created\n');
    expect(names('replica-web-')[0]).toMatch(/^replica-web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(names('stateful-db')).toEqual(['stateful-db-0']);
    await sh('sleep 10');

    expect(await sh('kubectl scale rs replica-web --replicas=3')).toBe('replicaset.apps/replica-web scaled\n');
    expect(await sh('kubectl scale statefulset stateful-db --replicas=3')).toBe('statefulset.apps/stateful-db scaled\n');
    expect(names('replica-web-')).toHaveLength(3);
    expect(names('stateful-db')).toEqual(['stateful-db-0', 'stateful-db-1']);
    // OrderedReady: stateful-db-2 appears only once stateful-db-1 is Running and Ready.
    for (let i = 0; i < 60; i++) {
      await sh('sleep 0.2');
      if (names('stateful-db').includes('stateful-db-2')) {
        expect(await sh('kubectl get pod stateful-db-1')).toMatch(/1\/1\s+Running/);
        break;
      }
      expect(await sh('kubectl get pod stateful-db-1')).not.toMatch(/1\/1\s+Running/);
    }
    expect(names('stateful-db')).toEqual(['stateful-db-0', 'stateful-db-1', 'stateful-db-2']);
    const events = await sh('kubectl get events');
    expect(events).toContain('create Pod stateful-db-2 in StatefulSet stateful-db successful');
    expect(events).toMatch(/Created pod: replica-web-\w{5}/);
    await sh('sleep 10');

    const uid = cluster.get<KubeObject>('Pod', 'default', 'stateful-db-1')!.metadata!.uid;
    await sh('kubectl delete pod stateful-db-1');
    const again = cluster.get<KubeObject>('Pod', 'default', 'stateful-db-1');
    expect(again?.metadata?.uid).not.toBe(uid);
    const [victim] = names('replica-web-');
    await sh(`kubectl delete pod ${victim}`);
    expect(names('replica-web-')).toHaveLength(3);
    expect(names('replica-web-')).not.toContain(victim);
    await sh('sleep 10');

    await sh('kubectl scale rs replica-web --replicas=0');
    await sh('kubectl scale sts stateful-db --replicas=0');
    const terminating = (await sh('kubectl get pods')).split('\n').filter((l) => l.includes('Terminating'));
    expect(terminating.filter((l) => l.startsWith('replica-web'))).toHaveLength(3);
    expect(terminating.filter((l) => l.startsWith('stateful-db')).map((l) => l.split(' ')[0])).toEqual(['stateful-db-2']);
    const seen: string[][] = [];
    for (let i = 0; i < 20; i++) { await sh('sleep 0.5'); seen.push(names('stateful-db')); }
    expect(seen.some((s) => s.join() === 'stateful-db-0,stateful-db-1')).toBe(true);
    expect(seen.some((s) => s.join() === 'stateful-db-0')).toBe(true);
    expect(seen.at(-1)).toEqual([]);
    expect(names('replica-web-')).toEqual([]);
  });

  it('Parallel creates and deletes all at once', async () => {
    const { sh, write, names } = lab();
    await write('sts.yaml', STS('  podManagementPolicy: Parallel\n'));
    await sh('kubectl apply -f sts.yaml');
    await sh('kubectl scale sts stateful-db --replicas=3');
    expect(names('stateful-db')).toEqual(['stateful-db-0', 'stateful-db-1', 'stateful-db-2']);
    await sh('sleep 15');
    await sh('kubectl scale sts stateful-db --replicas=0');
    expect((await sh('kubectl get pods')).match(/Terminating/g)).toHaveLength(3);
  });

  it('deleting the StatefulSet cascades to its pods; --cascade=orphan keeps them', async () => {
    const { sh, write, names, cluster } = lab();
    await write('rs.yaml', RS);
    await write('sts.yaml', STS());
    await sh('kubectl apply -f rs.yaml -f sts.yaml');
    await sh('sleep 10');
    expect(await sh('kubectl delete rs replica-web --cascade=orphan')).toBe('replicaset.apps "replica-web" deleted from default namespace\n');
    await sh('sleep 5');
    expect(names('replica-web-')).toHaveLength(1);
    expect(cluster.get<KubeObject>('Pod', 'default', names('replica-web-')[0])!.metadata!.ownerReferences).toBeUndefined();
    await sh('kubectl delete sts stateful-db');
    expect(await sh('kubectl get pods stateful-db-0')).toMatch(/Terminating/);
    await sh('sleep 5');
    expect(names('stateful-db')).toEqual([]);
  });
});

describe('S2 volumes: a shared PVC vs volumeClaimTemplates', () => {
  it('binds replica-pvc1 by dynamic provisioning and keeps the RWO volume on one node', async () => {
    const { sh, write, names, cluster } = lab();
    await write('pvc.yaml', PVC);
    await sh('kubectl apply -f pvc.yaml');
    expect(await sh('kubectl get pvc')).toMatch(/replica-pvc1\s+Pending\s+fast/);
    await sh('sleep 3');
    const both = await sh('kubectl get pvc,pv');
    expect(both).toMatch(/persistentvolumeclaim\/replica-pvc1\s+Bound\s+pvc-[0-9a-f-]{36}\s+1G\s+RWO\s+fast/);
    expect(both).toMatch(/persistentvolume\/pvc-[0-9a-f-]{36}\s+1G\s+RWO\s+Delete\s+Bound\s+default\/replica-pvc1\s+fast/);

    await write('rs.yaml', RS_PVC(true));
    await sh('kubectl apply -f rs.yaml');
    await sh('kubectl scale rs replica-pvc --replicas=3');
    await sh('sleep 20');
    const pods = await sh('kubectl get pods -o wide');
    expect(pods.match(/Running/g)).toHaveLength(3);
    expect(pods.match(/k8s-node1/g)).toHaveLength(3);

    await sh('kubectl delete rs replica-pvc');
    await sh('sleep 15');
    await write('rs2.yaml', RS_PVC(false).replace('replicas: 1', 'replicas: 3'));
    await sh('kubectl apply -f rs2.yaml');
    await sh('sleep 30');
    const wide = await sh('kubectl get pods -o wide');
    const nodes = new Set(cluster.list<KubeObject>('Pod', 'default').filter((p) => p.status?.podIP).map((p) => p.spec?.nodeName));
    expect(nodes.size).toBe(1);
    if (names('replica-pvc-').length > cluster.list<KubeObject>('Pod', 'default').filter((p) => p.status?.podIP).length) {
      expect(wide).toContain('ContainerCreating');
      expect(await sh('kubectl get events')).toMatch(/FailedAttachVolume .*Multi-Attach error for volume "pvc-/);
    }

    await sh('kubectl delete pvc replica-pvc1 --wait=false');
    expect(await sh('kubectl get pvc')).toMatch(/replica-pvc1\s+Terminating/);
    await sh('kubectl delete rs replica-pvc');
    await sh('sleep 15');
    expect(await sh('kubectl get pvc,pv')).toBe('No resources found\n');
  });

  it('volumeClaimTemplates give each ordinal its own claim, kept by default', async () => {
    const { sh, write, cluster } = lab();
    await write('sts.yaml', STS_PVC());
    await sh('kubectl apply -f sts.yaml');
    await sh('sleep 15');
    expect(await sh('kubectl get pvc')).toMatch(/volume-stateful-pvc-0\s+Bound/);
    const pod = cluster.get<KubeObject>('Pod', 'default', 'stateful-pvc-0')!;
    expect(pod.spec.hostname).toBe('stateful-pvc-0');
    expect(pod.spec.subdomain).toBe('stateful-headless');
    await sh('kubectl scale sts stateful-pvc --replicas=3');
    await sh('sleep 40');
    expect((await sh('kubectl get pvc')).match(/volume-stateful-pvc-\d\s+Bound/g)).toHaveLength(3);
    const volume1 = cluster.get<KubeObject>('PersistentVolumeClaim', 'default', 'volume-stateful-pvc-1')!.spec.volumeName;
    await sh('kubectl delete pod stateful-pvc-1');
    await sh('sleep 15');
    const back = cluster.get<KubeObject>('Pod', 'default', 'stateful-pvc-1')!;
    expect(back.spec.volumes[0]).toEqual({ name: 'volume', persistentVolumeClaim: { claimName: 'volume-stateful-pvc-1' } });
    expect(cluster.get<KubeObject>('PersistentVolumeClaim', 'default', 'volume-stateful-pvc-1')!.spec.volumeName).toBe(volume1);
    await sh('kubectl scale sts stateful-pvc --replicas=0');
    await sh('sleep 30');
    await sh('kubectl delete sts stateful-pvc');
    expect((await sh('kubectl get pvc')).match(/Bound/g)).toHaveLength(3);
    await sh('kubectl apply -f sts.yaml');
    await sh('sleep 15');
    expect(cluster.list('PersistentVolumeClaim', 'default')).toHaveLength(3);
  });

  it('retention policy whenScaled: Delete removes the claims of removed ordinals; whenDeleted: Delete removes all', async () => {
    const { sh, write, cluster } = lab();
    await write('sts.yaml', STS_PVC('  persistentVolumeClaimRetentionPolicy:\n    whenDeleted: Delete\n    whenScaled: Delete\n'));
    await sh('kubectl apply -f sts.yaml');
    await sh('kubectl scale sts stateful-pvc --replicas=3');
    await sh('sleep 60');
    expect(cluster.list('PersistentVolumeClaim', 'default')).toHaveLength(3);
    await sh('kubectl scale sts stateful-pvc --replicas=1');
    await sh('sleep 30');
    expect(cluster.list<KubeObject>('PersistentVolumeClaim', 'default').map((c) => c.metadata!.name)).toEqual(['volume-stateful-pvc-0']);
    await sh('kubectl delete sts stateful-pvc');
    await sh('sleep 30');
    expect(cluster.list('PersistentVolumeClaim', 'default')).toHaveLength(0);
    expect(cluster.list('PersistentVolume')).toHaveLength(0);
  });
});
