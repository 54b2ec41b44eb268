/**
 * describe for Nodes, Namespaces, PVCs, PVs, StatefulSets and StorageClasses, after
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeNode, describeNamespace,
 * describePersistentVolumeClaim, describePersistentVolume, describeStatefulSet, describeStorageClass).
 */
import type { Event, Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Cluster, KubeObject } from '../../cluster';
import { describeEvents, describeTime, Lines, multiline } from './describe-pod';
import { describeTemplate } from './describe-workloads';
import { since } from './printers/duration';
import { formatQuantity } from './printers/quantity';
import { accessModes } from './printers/storage';
import { formatSelector } from './printers/workloads';

type Describer = (obj: KubeObject, events: Event[], now: number, cluster: Cluster) => string;
const kv = (o: Record<string, string> | undefined) => Object.keys(o ?? {}).sort().map((k) => `${k}=${o![k]}`);
const ann = (o: Record<string, string> | undefined) => Object.keys(o ?? {}).sort().map((k) => `${k}: ${o![k]}`);
const finish = (l: Lines, events: Event[], now: number) => { describeEvents(l, events, now); return l.out.map((x) => `${x}\n`).join(''); };

/** CPU in millicores / memory in bytes from a Quantity string. */
function parseQty(q: string | undefined): number {
  if (!q) return 0;
  const m = /^([\d.]+)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(q));
  if (!m) return 0;
  const mult: Record<string, number> = { m: 0.001, Ki: 1024, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return Number(m[1]) * (m[2] ? mult[m[2]] : 1);
}
const fmtCpu = (cores: number) => { const m = Math.round(cores * 1000); return m === 0 ? '0' : m % 1000 === 0 ? String(m / 1000) : `${m}m`; };
const fmtMem = (b: number) => (b === 0 ? '0' : b % 2 ** 20 === 0 ? `${b / 2 ** 20}Mi` : b % 1024 === 0 ? `${b / 1024}Ki` : String(b));
const pct = (v: number, total: number) => (total ? Math.floor((v / total) * 100) : 0);

function podTotals(p: Pod): Record<'cpuReq' | 'cpuLim' | 'memReq' | 'memLim', number> {
  const t = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const c of p.spec?.containers ?? []) {
    t.cpuReq += parseQty(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu);
    t.cpuLim += parseQty(c.resources?.limits?.cpu);
    t.memReq += parseQty(c.resources?.requests?.memory ?? c.resources?.limits?.memory);
    t.memLim += parseQty(c.resources?.limits?.memory);
  }
  return t;
}

export function describeNode(obj: KubeObject, events: Event[], now: number, cluster: Cluster): string {
  const n = obj as Node;
  const l = new Lines();
  const name = n.metadata?.name ?? '';
  const roles = Object.keys(n.metadata?.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice(24)).sort();
  l.w(0, `Name:\t${name}`);
  l.w(0, `Roles:\t${roles.join(',') || '<none>'}`);
  multiline(l, 0, 'Labels', kv(n.metadata?.labels));
  multiline(l, 0, 'Annotations', ann(n.metadata?.annotations));
  l.w(0, `CreationTimestamp:\t${describeTime(n.metadata?.creationTimestamp)}`);
  multiline(l, 0, 'Taints', (n.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`));
  l.w(0, `Unschedulable:\t${!!n.spec?.unschedulable}`);
  l.w(0, 'Lease:');
  l.w(1, `HolderIdentity:\t${name}`);
  l.w(1, 'AcquireTime:\t<unset>');
  l.w(1, `RenewTime:\t${describeTime(new Date(now).toISOString())}`);
  l.w(0, 'Conditions:');
  l.w(1, 'Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage');
  l.w(1, '----\t------\t-----------------\t------------------\t------\t-------');
  for (const c of n.status?.conditions ?? []) {
    l.w(1, `${c.type}\t${c.status}\t${describeTime(c.lastHeartbeatTime)}\t${describeTime(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}`);
  }
  l.w(0, 'Addresses:');
  for (const a of n.status?.addresses ?? []) l.w(1, `${a.type}:\t${a.address}`);
  for (const [title, list] of [['Capacity', n.status?.capacity], ['Allocatable', n.status?.allocatable]] as const) {
    l.w(0, `${title}:`);
    for (const k of Object.keys(list ?? {}).sort()) l.w(1, `${k}:\t${list![k]}`);
  }
  const info = n.status?.nodeInfo;
  l.w(0, 'System Info:');
  for (const [k, v] of [['Machine ID', info?.machineID], ['System UUID', info?.systemUUID], ['Boot ID', info?.bootID],
    ['Kernel Version', info?.kernelVersion], ['OS Image', info?.osImage], ['Operating System', info?.operatingSystem],
    ['Architecture', info?.architecture], ['Container Runtime Version', info?.containerRuntimeVersion],
    ['Kubelet Version', info?.kubeletVersion], ['Kube-Proxy Version', info?.kubeProxyVersion]]) l.w(1, `${k}:\t${v ?? ''}`);
  if (n.spec?.podCIDR) l.w(0, `PodCIDR:\t${n.spec.podCIDR}`);
  if (n.spec?.podCIDRs?.length) l.w(0, `PodCIDRs:\t${n.spec.podCIDRs.join(',')}`);
  const pods = cluster.list<Pod>('Pod').filter((p) => p.spec?.nodeName === name && !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''));
  const alloc = { cpu: parseQty(n.status?.allocatable?.cpu), mem: parseQty(n.status?.allocatable?.memory) };
  l.w(0, `Non-terminated Pods:\t(${pods.length} in total)`);
  l.w(1, 'Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge');
  l.w(1, '---------\t----\t------------\t----------\t---------------\t-------------\t---');
  const sum = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const p of pods) {
    const t = podTotals(p);
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += t[k];
    l.w(1, `${p.metadata?.namespace}\t${p.metadata?.name}\t${fmtCpu(t.cpuReq)} (${pct(t.cpuReq, alloc.cpu)}%)\t${fmtCpu(t.cpuLim)} (${pct(t.cpuLim, alloc.cpu)}%)\t` +
      `${fmtMem(t.memReq)} (${pct(t.memReq, alloc.mem)}%)\t${fmtMem(t.memLim)} (${pct(t.memLim, alloc.mem)}%)\t${since(p.metadata?.creationTimestamp, now)}`);
  }
  l.w(0, 'Allocated resources:');
  l.w(1, '(Total limits may be over 100 percent, i.e., overcommitted.)');
  l.w(1, 'Resource\tRequests\tLimits');
  l.w(1, '--------\t--------\t------');
  l.w(1, `cpu\t${fmtCpu(sum.cpuReq)} (${pct(sum.cpuReq, alloc.cpu)}%)\t${fmtCpu(sum.cpuLim)} (${pct(sum.cpuLim, alloc.cpu)}%)`);
  l.w(1, `memory\t${fmtMem(sum.memReq)} (${pct(sum.memReq, alloc.mem)}%)\t${fmtMem(sum.memLim)} (${pct(sum.memLim, alloc.mem)}%)`);
  l.w(1, 'ephemeral-storage\t0 (0%)\t0 (0%)');
  return finish(l, events, now);
}

export function describeNamespace(ns: KubeObject, events: Event[]): string {
  const l = new Lines();
  l.w(0, `Name:\t${ns.metadata?.name}`);
  multiline(l, 0, 'Labels', kv(ns.metadata?.labels));
  multiline(l, 0, 'Annotations', ann(ns.metadata?.annotations));
  l.w(0, `Status:\t${ns.status?.phase ?? 'Active'}`);
  void events;
  return `${l.out.map((x) => `${x}\n`).join('')}\nNo resource quota.\n\nNo LimitRange resource.\n`;
}

export function describePvc(obj: KubeObject, events: Event[], now: number, cluster: Cluster): string {
  const pvc = obj as PersistentVolumeClaim;
  const l = new Lines();
  const bound = pvc.status?.phase === 'Bound';
  l.w(0, `Name:\t${pvc.metadata?.name}`);
  l.w(0, `Namespace:\t${pvc.metadata?.namespace}`);
  l.w(0, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}`);
  l.w(0, `Status:\t${pvc.metadata?.deletionTimestamp ? 'Terminating' : pvc.status?.phase ?? ''}`);
  l.w(0, `Volume:\t${pvc.spec?.volumeName ?? ''}`);
  multiline(l, 0, 'Labels', kv(pvc.metadata?.labels));
  multiline(l, 0, 'Annotations', ann(pvc.metadata?.annotations));
  l.w(0, `Finalizers:\t[${(pvc.metadata?.finalizers ?? []).join(' ')}]`);
  l.w(0, `Capacity:\t${bound ? formatQuantity(pvc.status?.capacity?.storage) : ''}`);
  l.w(0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}`);
  l.w(0, `VolumeMode:\t${pvc.spec?.volumeMode ?? 'Filesystem'}`);
  const users = cluster.list<Pod>('Pod', pvc.metadata?.namespace)
    .filter((p) => p.spec?.volumes?.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata?.name)).map((p) => p.metadata?.name ?? '');
  multiline(l, 0, 'Used By', users);
  return finish(l, events, now);
}

export function describePv(obj: KubeObject, events: Event[], now: number): string {
  const pv = obj as PersistentVolume;
  const l = new Lines();
  l.w(0, `Name:\t${pv.metadata?.name}`);
  multiline(l, 0, 'Labels', kv(pv.metadata?.labels));
  multiline(l, 0, 'Annotations', ann(pv.metadata?.annotations));
  l.w(0, `Finalizers:\t[${(pv.metadata?.finalizers ?? []).join(' ')}]`);
  l.w(0, `StorageClass:\t${pv.spec?.storageClassName ?? ''}`);
  l.w(0, `Status:\t${pv.metadata?.deletionTimestamp ? 'Terminating' : pv.status?.phase ?? ''}`);
  const ref = pv.spec?.claimRef;
  l.w(0, `Claim:\t${ref ? `${ref.namespace}/${ref.name}` : ''}`);
  l.w(0, `Reclaim Policy:\t${pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain'}`);
  l.w(0, `Access Modes:\t${accessModes(pv.spec?.accessModes)}`);
  l.w(0, `VolumeMode:\t${pv.spec?.volumeMode ?? 'Filesystem'}`);
  l.w(0, `Capacity:\t${formatQuantity(pv.spec?.capacity?.storage)}`);
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  if (terms.length === 0) l.w(0, 'Node Affinity:\t<none>');
  else {
    l.w(0, 'Node Affinity:');
    l.w(1, 'Required Terms:');
    for (const t of terms) for (const e of t.matchExpressions ?? []) l.w(2, `Term 0:\t${e.key} ${e.operator.toLowerCase()} [${(e.values ?? []).join(', ')}]`);
  }
  l.w(0, `Message:\t${pv.status?.message ?? ''}`);
  l.w(0, 'Source:');
  if (pv.spec?.hostPath) {
    l.w(1, '  Type:\tHostPath (bare host directory volume)');
    l.w(1, `  Path:\t${pv.spec.hostPath.path}`);
    l.w(1, `  HostPathType:\t${pv.spec.hostPath.type ?? ''}`);
  } else if (pv.spec?.local) {
    l.w(1, '  Type:\tLocalVolume (a persistent volume backed by local storage on a node)');
    l.w(1, `  Path:\t${pv.spec.local.path}`);
  } else l.w(1, `  Type:\t${Object.keys(pv.spec ?? {}).find((k) => !['accessModes', 'capacity', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'volumeMode', 'nodeAffinity'].includes(k)) ?? '<unknown>'}`);
  return finish(l, events, now);
}

export function describeStatefulSet(sts: KubeObject, events: Event[], now: number, cluster: Cluster): string {
  const l = new Lines();
  l.w(0, `Name:\t${sts.metadata?.name}`);
  l.w(0, `Namespace:\t${sts.metadata?.namespace}`);
  l.w(0, `CreationTimestamp:\t${describeTime(sts.metadata?.creationTimestamp)}`);
  l.w(0, `Selector:\t${formatSelector(sts.spec?.selector)}`);
  multiline(l, 0, 'Labels', kv(sts.metadata?.labels));
  multiline(l, 0, 'Annotations', ann(sts.metadata?.annotations));
  l.w(0, `Replicas:\t${sts.spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total`);
  const strategy = sts.spec?.updateStrategy;
  l.w(0, `Update Strategy:\t${strategy?.type ?? 'RollingUpdate'}`);
  if ((strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') l.w(1, `Partition:\t${strategy?.rollingUpdate?.partition ?? 0}`);
  const pods = cluster.list<Pod>('Pod', sts.metadata?.namespace).filter((p) => p.metadata?.ownerReferences?.some((r) => r.uid === sts.metadata?.uid));
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  l.w(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`);
  describeTemplate(l, sts.spec?.template);
  const claims: KubeObject[] = sts.spec?.volumeClaimTemplates ?? [];
  if (claims.length === 0) l.w(0, 'Volume Claims:\t<none>');
  else {
    l.w(0, 'Volume Claims:');
    for (const c of claims) {
      l.w(1, `Name:\t${c.metadata?.name}`);
      l.w(1, `StorageClass:\t${c.spec?.storageClassName ?? ''}`);
      multiline(l, 1, 'Labels', kv(c.metadata?.labels));
      multiline(l, 1, 'Annotations', ann(c.metadata?.annotations));
      l.w(1, `Capacity:\t${c.spec?.resources?.requests?.storage ?? ''}`);
      l.w(1, `Access Modes:\t[${(c.spec?.accessModes ?? []).join(' ')}]`);
    }
  }
  return finish(l, events, now);
}

export function describeStorageClass(sc: KubeObject, events: Event[], now: number): string {
  const l = new Lines();
  const isDefault = sc.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
  l.w(0, `Name:\t${sc.metadata?.name}`);
  l.w(0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}`);
  multiline(l, 0, 'Annotations', Object.keys(sc.metadata?.annotations ?? {}).sort().map((k) => `${k}=${sc.metadata!.annotations![k]}`));
  l.w(0, `Provisioner:\t${sc.provisioner}`);
  l.w(0, `Parameters:\t${Object.keys(sc.parameters ?? {}).sort().map((k) => `${k}=${sc.parameters[k]}`).join(',') || '<none>'}`);
  l.w(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : String(sc.allowVolumeExpansion)}`);
  l.w(0, `MountOptions:\t${(sc.mountOptions ?? []).join(', ') || '<none>'}`);
  l.w(0, `ReclaimPolicy:\t${sc.reclaimPolicy ?? 'Delete'}`);
  l.w(0, `VolumeBindingMode:\t${sc.volumeBindingMode ?? 'Immediate'}`);
  return finish(l, events, now);
}

export const CLUSTER_DESCRIBERS: Record<string, Describer> = {
  Node: describeNode, Namespace: describeNamespace, PersistentVolumeClaim: describePvc, PersistentVolume: describePv,
  StatefulSet: describeStatefulSet, StorageClass: describeStorageClass,
};
