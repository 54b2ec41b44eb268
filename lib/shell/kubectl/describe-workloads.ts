/**
 * describe for Deployments, ReplicaSets, DaemonSets, Jobs and CronJobs, after
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go (DeploymentDescriber, ReplicaSetDescriber,
 * describeDaemonSet, describeJob, describeCronJob, DescribePodTemplate, describeContainers).
 */
import type { Container, Event, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Cluster, KubeObject } from '../../cluster';
import { containerPortsAndCommand, containerProbes, containerResources, describeEvents, describeTime, Lines, multiline } from './describe-pod';
import { humanDuration } from './printers/duration';
import { formatSelector } from './printers/workloads';

const kv = (o: Record<string, string> | undefined) => Object.keys(o ?? {}).sort().map((k) => `${k}=${o![k]}`);
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultiline: last-applied skipped; long or multi-line values go on their own lines, shortened. */
function annotations(o: Record<string, string> | undefined): string[] {
  const out: string[] = [];
  for (const key of Object.keys(o ?? {}).filter((x) => x !== LAST_APPLIED).sort()) {
    const value = o![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      out.push(`${key}:`);
      for (const s of value.split('\n')) out.push(`  ${s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s}`);
    } else out.push(`${key}: ${value}`);
  }
  return out;
}
const controller = (o: KubeObject) => o.metadata?.ownerReferences?.find((r) => r.controller);

function templateContainer(l: Lines, c: Container): void {
  l.w(1, ` ${c.name}:`);
  l.w(2, `Image:\t${c.image ?? ''}`);
  containerPortsAndCommand(l, c);
  containerResources(l, c);
  containerProbes(l, c);
  const env = c.env ?? [];
  if (env.length === 0) l.w(2, 'Environment:\t<none>');
  else {
    l.w(2, 'Environment:');
    for (const e of env) {
      const ref = e.valueFrom?.fieldRef;
      l.w(3, ref ? `${e.name}:\t (${ref.apiVersion ?? 'v1'}:${ref.fieldPath})` : `${e.name}:\t${e.value ?? ''}`);
    }
  }
  const mounts = c.volumeMounts ?? [];
  if (mounts.length === 0) l.w(2, 'Mounts:\t<none>');
  else { l.w(2, 'Mounts:'); for (const m of mounts) l.w(3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`); }
}

/** DescribePodTemplate. */
export function describeTemplate(l: Lines, tpl: PodTemplateSpec | undefined): void {
  l.w(0, 'Pod Template:');
  if (!tpl) { l.w(1, '<unset>'); return; }
  multiline(l, 1, 'Labels', kv(tpl.metadata?.labels));
  if (Object.keys(tpl.metadata?.annotations ?? {}).length) multiline(l, 1, 'Annotations', annotations(tpl.metadata?.annotations));
  const spec = tpl.spec;
  if (spec?.serviceAccountName) l.w(1, `Service Account:\t${spec.serviceAccountName}`);
  if (spec?.initContainers?.length) { l.w(1, 'Init Containers:'); spec.initContainers.forEach((c) => templateContainer(l, c)); }
  l.w(1, 'Containers:');
  for (const c of spec?.containers ?? []) templateContainer(l, c);
  const vols = spec?.volumes ?? [];
  if (vols.length === 0) l.w(1, 'Volumes:\t<none>');
  else { l.w(1, 'Volumes:'); for (const v of vols) { l.w(2, `${v.name}:`); l.w(3, `Type:\t${Object.keys(v).find((k) => k !== 'name') ?? '<unknown>'}`); } }
  if (spec?.priorityClassName) l.w(1, `Priority Class Name:\t${spec.priorityClassName}`);
  multiline(l, 1, 'Node-Selectors', kv(spec?.nodeSelector));
  multiline(l, 1, 'Tolerations', (spec?.tolerations ?? []).map((t) => {
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += `${s ? ' ' : ''}op=Exists`;
    return s;
  }));
}

function head(l: Lines, o: KubeObject, withNamespace = true): void {
  l.w(0, `Name:\t${o.metadata?.name}`);
  if (withNamespace) l.w(0, `Namespace:\t${o.metadata?.namespace}`);
}

function podCounts(cluster: Cluster, owner: KubeObject): string {
  const pods = cluster.list<KubeObject>('Pod', owner.metadata?.namespace).filter((p) => controller(p)?.uid === owner.metadata?.uid);
  const n = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  return `${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed`;
}

const finish = (l: Lines, events: Event[], now: number) => { describeEvents(l, events, now); return l.out.map((x) => `${x}\n`).join(''); };

export function describeDeployment(d: KubeObject, events: Event[], now: number, cluster: Cluster): string {
  const l = new Lines();
  const st = d.status ?? {};
  head(l, d);
  l.w(0, `CreationTimestamp:\t${describeTime(d.metadata?.creationTimestamp)}`);
  multiline(l, 0, 'Labels', kv(d.metadata?.labels));
  multiline(l, 0, 'Annotations', annotations(d.metadata?.annotations));
  l.w(0, `Selector:\t${formatSelector(d.spec?.selector)}`);
  l.w(0, `Replicas:\t${d.spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ` +
    `${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable`);
  l.w(0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}`);
  l.w(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) l.w(0, `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge`);
  describeTemplate(l, d.spec?.template);
  if (st.conditions?.length) {
    l.w(0, 'Conditions:');
    l.w(1, 'Type\tStatus\tReason');
    l.w(1, '----\t------\t------');
    for (const c of st.conditions) l.w(1, `${c.type} \t${c.status}\t${c.reason ?? ''}`);
  }
  const rss = cluster.list<KubeObject>('ReplicaSet', d.metadata?.namespace).filter((rs) => controller(rs)?.uid === d.metadata?.uid);
  const strip = (t: unknown) => { const c = structuredClone(t) as PodTemplateSpec; delete c.metadata?.labels?.['pod-template-hash']; return JSON.stringify(c); };
  const fmt = (xs: KubeObject[]) => xs.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>';
  const isNew = (rs: KubeObject) => strip(rs.spec?.template) === strip(d.spec?.template);
  l.w(0, `OldReplicaSets:\t${fmt(rss.filter((rs) => !isNew(rs) && (rs.spec?.replicas ?? 0) > 0))}`);
  l.w(0, `NewReplicaSet:\t${fmt(rss.filter(isNew).slice(0, 1))}`);
  return finish(l, events, now);
}

export function describeReplicaSet(rs: KubeObject, events: Event[], now: number, cluster: Cluster): string {
  const l = new Lines();
  head(l, rs);
  l.w(0, `Selector:\t${formatSelector(rs.spec?.selector)}`);
  multiline(l, 0, 'Labels', kv(rs.metadata?.labels));
  multiline(l, 0, 'Annotations', annotations(rs.metadata?.annotations));
  const ref = controller(rs);
  if (ref) l.w(0, `Controlled By:\t${ref.kind}/${ref.name}`);
  l.w(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired`);
  l.w(0, `Pods Status:\t${podCounts(cluster, rs)}`);
  describeTemplate(l, rs.spec?.template);
  return finish(l, events, now);
}

export function describeDaemonSet(ds: KubeObject, events: Event[], now: number, cluster: Cluster): string {
  const l = new Lines();
  const st = ds.status ?? {};
  head(l, ds, false);
  l.w(0, `Selector:\t${formatSelector(ds.spec?.selector)}`);
  l.w(0, `Node-Selector:\t${kv(ds.spec?.template?.spec?.nodeSelector).join(',') || '<none>'}`);
  multiline(l, 0, 'Labels', kv(ds.metadata?.labels));
  multiline(l, 0, 'Annotations', annotations(ds.metadata?.annotations));
  l.w(0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}`);
  l.w(0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}`);
  l.w(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}`);
  l.w(0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}`);
  l.w(0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}`);
  l.w(0, `Pods Status:\t${podCounts(cluster, ds)}`);
  describeTemplate(l, ds.spec?.template);
  return finish(l, events, now);
}

export function describeJob(job: KubeObject, events: Event[], now: number): string {
  const l = new Lines();
  const spec = job.spec ?? {};
  const st = job.status ?? {};
  head(l, job);
  l.w(0, `Selector:\t${formatSelector(spec.selector)}`);
  multiline(l, 0, 'Labels', kv(job.metadata?.labels));
  multiline(l, 0, 'Annotations', annotations(job.metadata?.annotations));
  const ref = controller(job);
  if (ref) l.w(0, `Controlled By:\t${ref.kind}/${ref.name}`);
  if (spec.parallelism !== undefined) l.w(0, `Parallelism:\t${spec.parallelism}`);
  l.w(0, `Completions:\t${spec.completions ?? '<unset>'}`);
  if (spec.completionMode) l.w(0, `Completion Mode:\t${spec.completionMode}`);
  if (spec.suspend !== undefined) l.w(0, `Suspend:\t${spec.suspend}`);
  if (spec.backoffLimit !== undefined) l.w(0, `Backoff Limit:\t${spec.backoffLimit}`);
  if (spec.ttlSecondsAfterFinished !== undefined) l.w(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}`);
  if (st.startTime) l.w(0, `Start Time:\t${describeTime(st.startTime)}`);
  if (st.completionTime) l.w(0, `Completed At:\t${describeTime(st.completionTime)}`);
  if (st.startTime && st.completionTime) l.w(0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}`);
  if (spec.activeDeadlineSeconds !== undefined) l.w(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  const ready = st.ready === undefined ? '' : ` (${st.ready} Ready)`;
  l.w(0, `Pods Statuses:\t${st.active ?? 0} Active${ready} / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`);
  if (spec.completionMode === 'Indexed') l.w(0, `Completed Indexes:\t${st.completedIndexes || '<none>'}`);
  describeTemplate(l, spec.template);
  return finish(l, events, now);
}

export function describeCronJob(cj: KubeObject, events: Event[], now: number): string {
  const l = new Lines();
  const spec = cj.spec ?? {};
  const unset = (v: unknown, suffix = '') => (v === undefined ? '<unset>' : `${v}${suffix}`);
  head(l, cj);
  multiline(l, 0, 'Labels', kv(cj.metadata?.labels));
  multiline(l, 0, 'Annotations', annotations(cj.metadata?.annotations));
  l.w(0, `Schedule:\t${spec.schedule}`);
  l.w(0, `Concurrency Policy:\t${spec.concurrencyPolicy}`);
  l.w(0, `Suspend:\t${spec.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False'}`);
  l.w(0, `Successful Job History Limit:\t${unset(spec.successfulJobsHistoryLimit)}`);
  l.w(0, `Failed Job History Limit:\t${unset(spec.failedJobsHistoryLimit)}`);
  l.w(0, `Starting Deadline Seconds:\t${unset(spec.startingDeadlineSeconds, 's')}`);
  const jt = spec.jobTemplate?.spec ?? {};
  l.w(0, `Selector:\t${jt.selector ? formatSelector(jt.selector) : '<unset>'}`);
  l.w(0, `Parallelism:\t${unset(jt.parallelism)}`);
  l.w(0, `Completions:\t${unset(jt.completions)}`);
  if (jt.activeDeadlineSeconds !== undefined) l.w(0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s`);
  describeTemplate(l, jt.template);
  l.w(0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? describeTime(cj.status.lastScheduleTime) : '<unset>'}`);
  const active: { name?: string }[] = cj.status?.active ?? [];
  l.w(0, `Active Jobs:\t${active.map((a) => a.name).join(', ') || '<none>'}`);
  return finish(l, events, now);
}
