import type { ApiServer } from '../api/api-server';
import { rfc3339 } from '../api/time';
import type { DaemonSet, Pod } from '../k8s';
import { randomUid, type Prng } from '../prng';
import type { ObjectStore } from '../store';
import { KUBERNETES_VERSION } from '../topology';
import { computeHash } from './hash';

/**
 * kubeadm's `kube-system/kube-proxy` DaemonSet (cmd/kubeadm/app/phases/addons/proxy/manifests.go),
 * adopting the kube-proxy pods the topology seeded. A PRNG derived from the seed is used so the
 * lab's other random picks stay as they were.
 */
export function seedKubeProxy(api: ApiServer, store: ObjectStore, prng: Prng): void {
  const pods = store.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'kube-system' && o.metadata.labels?.['k8s-app'] === 'kube-proxy', 'Pod') as Pod[];
  if (pods.length === 0) return;
  const born = Math.min(...pods.map((p) => Date.parse(p.metadata?.creationTimestamp ?? '') || 0));
  const labels = { 'k8s-app': 'kube-proxy' };
  const template = {
    metadata: { labels },
    spec: {
      containers: [{
        name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`, imagePullPolicy: 'IfNotPresent',
        env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
        resources: {}, securityContext: { privileged: true },
        terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
      }],
      dnsPolicy: 'ClusterFirst', hostNetwork: true, nodeSelector: { 'kubernetes.io/os': 'linux' },
      priorityClassName: 'system-node-critical', restartPolicy: 'Always', schedulerName: 'default-scheduler',
      securityContext: {}, serviceAccount: 'kube-proxy', serviceAccountName: 'kube-proxy', terminationGracePeriodSeconds: 30,
      tolerations: [{ operator: 'Exists' }],
    },
  };
  const hash = computeHash(template);
  const n = pods.length;
  const ds = api.createInternal({
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels, uid: randomUid(prng), creationTimestamp: rfc3339(born), generation: 1,
      annotations: { 'deprecated.daemonset.template.generation': '1' } },
    spec: { selector: { matchLabels: labels }, template, revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } },
    status: { currentNumberScheduled: n, desiredNumberScheduled: n, numberAvailable: n, numberMisscheduled: 0, numberReady: n,
      observedGeneration: 1, updatedNumberScheduled: n },
  } as DaemonSet);
  const ref = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: ds.metadata!.uid!, controller: true, blockOwnerDeletion: true };
  api.createInternal({
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name: `kube-proxy-${hash}`, namespace: 'kube-system', labels: { ...labels, 'controller-revision-hash': hash },
      uid: randomUid(prng), creationTimestamp: rfc3339(born), ownerReferences: [ref] },
    data: { spec: { template: { ...template, $patch: 'replace' } } }, revision: 1,
  });
  for (const p of pods) {
    p.metadata!.labels = { ...p.metadata!.labels, 'controller-revision-hash': hash, 'pod-template-generation': '1' };
    p.metadata!.ownerReferences = [ref];
    api.write(p);
  }
}
