import type { Node, Pod } from './k8s';
import type { ApiServer } from './api/api-server';
import { rfc3339 } from './api/time';
import { randomHex, randomSuffix, type Prng } from './prng';
import { digestOf } from './runtime/image-ref';

export const KUBERNETES_VERSION = 'v1.34.1';
const DAY = 86_400_000;

interface NodeSpec { name: string; ip: string; index: number; controlPlane: boolean }

export const DEFAULT_NODES: NodeSpec[] = [
  { name: 'k8s-master', ip: '192.168.0.30', index: 0, controlPlane: true },
  { name: 'k8s-node1', ip: '192.168.0.31', index: 1, controlPlane: false },
  { name: 'k8s-node2', ip: '192.168.0.32', index: 2, controlPlane: false },
];

function buildNode(spec: NodeSpec, created: number, prng: Prng): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name, 'kubernetes.io/os': 'linux',
  };
  if (spec.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const ts = rfc3339(created);
  const cond = (type: string, status: string, reason: string, message: string) =>
    ({ type, status, reason, message, lastHeartbeatTime: ts, lastTransitionTime: ts });
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: {
      name: spec.name, labels, creationTimestamp: ts,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${spec.index}.0/24`, podCIDRs: [`10.244.${spec.index}.0/24`],
      ...(spec.controlPlane && { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
    },
    status: {
      addresses: [{ type: 'InternalIP', address: spec.ip }, { type: 'Hostname', address: spec.name }],
      capacity: { cpu: '4', 'ephemeral-storage': '101639152Ki', memory: '8137904Ki', pods: '110' },
      allocatable: { cpu: '4', 'ephemeral-storage': '93670642329', memory: '8035504Ki', pods: '110' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64', bootID: `${randomHex(prng, 8)}-${randomHex(prng, 4)}-${randomHex(prng, 4)}-${randomHex(prng, 4)}-${randomHex(prng, 12)}`,
        containerRuntimeVersion: 'containerd://1.7.27', kernelVersion: '5.15.0-142-generic',
        kubeProxyVersion: '', kubeletVersion: KUBERNETES_VERSION,
        machineID: randomHex(prng, 32), operatingSystem: 'linux', osImage: 'Ubuntu 22.04.5 LTS',
        systemUUID: `${randomHex(prng, 8)}-${randomHex(prng, 4)}-${randomHex(prng, 4)}-${randomHex(prng, 4)}-${randomHex(prng, 12)}`,
      },
      images: [],
    },
  } as Node;
}

/**
 * A node that joins later (the Cluster Autoscaler's cloud node group): registered by its kubelet
 * NotReady with the `node.kubernetes.io/not-ready` taint (the node lifecycle controller's), on the
 * next free podCIDR 10.244.N.0/24 and address 192.168.0.(30+N).
 */
export function joinNode(api: ApiServer, prng: Prng, existing: readonly Node[], name: string, now: number,
  extra: { labels?: Record<string, string>; providerID?: string } = {}): Node {
  const used = new Set(existing.map((n) => Number(/^10\.244\.(\d+)\./.exec(n.spec?.podCIDR ?? '')?.[1] ?? -1)));
  let index = 0;
  while (used.has(index)) index++;
  const node = buildNode({ name, ip: `192.168.0.${30 + index}`, index, controlPlane: false }, now, prng);
  node.metadata!.labels = { ...node.metadata!.labels, ...extra.labels };
  if (extra.providerID) node.spec!.providerID = extra.providerID;
  node.spec!.taints = [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }];
  const ready = node.status!.conditions!.find((c) => c.type === 'Ready')!;
  Object.assign(ready, { status: 'False', reason: 'KubeletNotReady',
    message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized' });
  return api.createInternal(node);
}

/** The CNI comes up: Ready=True and the not-ready taint goes. */
export function nodeBecomesReady(node: Node, now: number): Node {
  const ts = rfc3339(now);
  const taints = (node.spec?.taints ?? []).filter((t) => t.key !== 'node.kubernetes.io/not-ready');
  const { taints: _drop, ...spec } = node.spec ?? {};
  void _drop;
  return {
    ...node,
    spec: taints.length ? { ...spec, taints } : spec,
    status: { ...node.status, conditions: (node.status?.conditions ?? []).map((c) => (c.type === 'Ready'
      ? { ...c, status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: ts, lastTransitionTime: ts }
      : { ...c, lastHeartbeatTime: ts })) },
  };
}

/** A running system pod as kubeadm leaves it (static pods on the master, kube-proxy per node). */
function systemPod(name: string, container: string, node: NodeSpec, image: string, created: number, podIP: string, prng: Prng): Pod {
  const ts = rfc3339(created);
  const repo = image.replace(/:[^:/]+$/, '');
  const cond = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: ts });
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'kube-system', creationTimestamp: ts,
      labels: container === 'kube-proxy' || container === 'coredns' ? { 'k8s-app': container === 'coredns' ? 'kube-dns' : container } : { component: container, tier: 'control-plane' } },
    spec: {
      nodeName: node.name, hostNetwork: podIP === node.ip, priorityClassName: 'system-node-critical', priority: 2000001000,
      containers: [{ name: container, image, imagePullPolicy: 'IfNotPresent' }],
      restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler',
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }, { operator: 'Exists', effect: 'NoSchedule' }],
    },
    status: {
      phase: 'Running', hostIP: node.ip, hostIPs: [{ ip: node.ip }], podIP, podIPs: [{ ip: podIP }], startTime: ts,
      qosClass: 'Burstable',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(cond),
      containerStatuses: [{
        name: container, image, imageID: `${repo}@${digestOf(image)}`, containerID: `containerd://${randomHex(prng, 64)}`,
        ready: true, started: true, restartCount: 0, lastState: {}, state: { running: { startedAt: ts } },
      }],
    },
  } as unknown as Pod;
}

/** Seeds the default lab cluster: namespaces, nodes, storage classes, kube-system pods. */
export function seedTopology(api: ApiServer, prng: Prng, now: number): void {
  const born = now - 3 * DAY - prng.int(6 * 3_600_000);
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.createInternal({ apiVersion: 'v1', kind: 'Namespace',
      metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns }, creationTimestamp: rfc3339(born) },
      spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  }
  DEFAULT_NODES.forEach((n, i) => api.createInternal(buildNode(n, born + i * (600_000 + prng.int(300_000)), prng)));
  const sc = (name: string, isDefault: boolean) => api.createInternal({
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
    metadata: { name, creationTimestamp: rfc3339(born + 3_600_000),
      ...(isDefault && { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }) },
    provisioner: 'kubelab.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate',
  });
  sc('standard', true);
  sc('fast', false);
  const master = DEFAULT_NODES[0];
  const reg = 'registry.k8s.io';
  const statics: [string, string][] = [
    ['etcd', `${reg}/etcd:3.6.4-0`], ['kube-apiserver', `${reg}/kube-apiserver:${KUBERNETES_VERSION}`],
    ['kube-controller-manager', `${reg}/kube-controller-manager:${KUBERNETES_VERSION}`],
    ['kube-scheduler', `${reg}/kube-scheduler:${KUBERNETES_VERSION}`],
  ];
  for (const [name, image] of statics) {
    api.createInternal(systemPod(`${name}-${master.name}`, name, master, image, born + 20_000, master.ip, prng));
  }
  const dnsHash = randomSuffix(prng, 10);
  for (const host of [2, 3]) {
    api.createInternal(systemPod(`coredns-${dnsHash}-${randomSuffix(prng)}`, 'coredns', master, `${reg}/coredns/coredns:v1.12.1`,
      born + 60_000, `10.244.0.${host}`, prng));
  }
  DEFAULT_NODES.forEach((n, i) => api.createInternal(systemPod(`kube-proxy-${randomSuffix(prng)}`, 'kube-proxy', n,
    `${reg}/kube-proxy:${KUBERNETES_VERSION}`, born + 30_000 + i * 600_000, n.ip, prng)));
}
