import type { JobCondition } from 'kubernetes-types/batch/v1';
import { controllerOf, newControllerRef } from '../api/owners';
import { parseTime, rfc3339 } from '../api/time';
import { isStatusError } from '../errors';
import type { Job, Pod } from '../k8s';
import type { Task } from '../queue';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';
import { isPodReady, KeyedQueue, podFromTemplate, podsWhere } from './pod-util';
import { matchPodFailurePolicy, type PolicyMatch } from './pod-failure-policy';

type J = Job & StoredObject;
const SOURCE = { component: 'job-controller' };
const TRACKING = 'batch.kubernetes.io/job-tracking';
const INDEX = 'batch.kubernetes.io/job-completion-index';
// DefaultJobPodFailureBackOff / the documented 6-minute cap (pkg/controller/job/job_controller.go).
const BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 360_000;

const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const isActive = (p: Pod) => !finished(p) && !p.metadata?.deletionTimestamp;
export const jobFinished = (j: Job): 'Complete' | 'Failed' | undefined =>
  j.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type as 'Complete' | 'Failed' | undefined;

/**
 * The Job controller (pkg/controller/job/job_controller.go syncJob/manageJob, backoff_utils.go,
 * indexed_job_utils.go) and the TTL-after-finished controller (pkg/controller/ttlafterfinished):
 * completions and parallelism, pods tracked with the job-tracking finalizer, backoffLimit with
 * exponential back-off, Indexed mode, activeDeadlineSeconds, suspend, ttlSecondsAfterFinished.
 */
export class JobController implements Controller {
  readonly name = 'job-controller';
  readonly handlers = {
    'sync-job': (t: Task) => { this.queue.done(t.key); this.sync(t.ns as string, t.name as string); },
    'ttl-job': (t: Task) => this.expire(t.ns as string, t.name as string, t.uid as string),
  };
  private queue: KeyedQueue;
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {
    this.queue = new KeyedQueue(ctx, 'sync-job');
  }

  start(): void {
    const { store } = this.ctx;
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'DELETED') this.queue.add(ev.object.metadata?.namespace, ev.object.metadata!.name!);
    }, { kind: 'Job' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      const ref = controllerOf(ev.object);
      if (ref?.kind === 'Job') this.queue.add(ev.object.metadata?.namespace, ref.name);
    }, { kind: 'Pod' }));
  }

  stop(): void {
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
  }

  private event(job: J, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.events.record(job, type, reason, message, SOURCE);
  }

  private sync(ns: string, name: string): void {
    const { store, api } = this.ctx;
    const job = store.get('Job', ns, name) as J | undefined;
    if (!job || job.metadata.deletionTimestamp) return;
    const now = this.ctx.now();
    const st = (job.status ??= {});
    const before = JSON.stringify(st);
    const spec = job.spec!;
    const pods = podsWhere(this.ctx, ns, (p) => controllerOf(p)?.uid === job.metadata.uid);
    // Count finished pods once, dropping their tracking finalizer (trackJobStatusAndRemoveFinalizers).
    let newFailure = false;
    let failJob: PolicyMatch | undefined;
    const doneIndexes = new Set<number>(parseIndexes(st.completedIndexes));
    for (const p of pods) {
      if (!finished(p) || !p.metadata?.finalizers?.includes(TRACKING)) continue;
      const match = p.status?.phase === 'Failed' && spec.podFailurePolicy ? matchPodFailurePolicy(spec.podFailurePolicy.rules, p) : undefined;
      if (p.status?.phase === 'Succeeded') {
        st.succeeded = (st.succeeded ?? 0) + 1;
        const ix = p.metadata.annotations?.[INDEX];
        if (ix !== undefined) doneIndexes.add(Number(ix));
      } else if (match?.action !== 'Ignore') { // Ignore: not counted towards backoffLimit, replaced
        st.failed = (st.failed ?? 0) + 1;
        newFailure = true;
        if (match?.action === 'FailJob') failJob ??= match;
      }
      p.metadata.finalizers = p.metadata.finalizers.filter((f) => f !== TRACKING);
      api.write(p);
    }
    if (spec.completionMode === 'Indexed') st.completedIndexes = formatIndexes([...doneIndexes]);
    const active = pods.filter(isActive);
    const done = jobFinished(job);
    if (done) return this.finish(job, st, before, active);
    const target = st.conditions?.find((c) => (c.type === 'FailureTarget' || c.type === 'SuccessCriteriaMet') && c.status === 'True');
    if (target) {
      return this.conclude(job, st, before, active, target.type === 'FailureTarget' ? 'Failed' : 'Complete', target.reason ?? '', target.message ?? '', now);
    }
    if (!st.startTime && !spec.suspend) st.startTime = rfc3339(now);
    const started = parseTime(st.startTime);
    const restarts = spec.template.spec?.restartPolicy === 'OnFailure'
      ? active.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, c) => m + (c.restartCount ?? 0), 0), 0) : 0;
    const succeeded = st.succeeded ?? 0;
    const completions = spec.completions;
    if (completions !== undefined && succeeded >= completions || (completions === undefined && succeeded > 0 && active.length === 0)) {
      return this.conclude(job, st, before, active, 'Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', now);
    }
    if (failJob) {
      return this.conclude(job, st, before, active, 'Failed', 'PodFailurePolicy', failJob.message, now);
    }
    if ((newFailure && (st.failed ?? 0) > (spec.backoffLimit ?? 6)) || (restarts > 0 && restarts + (st.failed ?? 0) > (spec.backoffLimit ?? 6))) {
      return this.conclude(job, st, before, active, 'Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
    }
    if (spec.activeDeadlineSeconds && started !== undefined) {
      const deadline = started + spec.activeDeadlineSeconds * 1000;
      if (now >= deadline) {
        return this.conclude(job, st, before, active, 'Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
      }
      this.queue.add(ns, name, deadline - now);
    }
    if (spec.suspend) {
      this.deletePods(job, active);
      if (!st.conditions?.some((c) => c.type === 'Suspended' && c.status === 'True')) {
        this.setCondition(job, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
        this.event(job, 'Normal', 'Suspended', 'Job suspended');
      }
      return this.writeStatus(job, st, before, []);
    }
    if (st.conditions?.some((c) => c.type === 'Suspended' && c.status === 'True')) {
      this.setCondition(job, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
      this.event(job, 'Normal', 'Resumed', 'Job resumed');
    }
    this.manage(job, active, doneIndexes, now);
    this.writeStatus(job, st, before, podsWhere(this.ctx, ns, (p) => controllerOf(p)?.uid === job.metadata.uid && isActive(p)));
  }

  /** manageJob: keep min(parallelism, remaining completions) pods active, after the failure back-off. */
  private manage(job: J, active: Pod[], doneIndexes: Set<number>, now: number): void {
    const spec = job.spec!;
    const st = job.status!;
    const remaining = spec.completions === undefined ? spec.parallelism ?? 1 : spec.completions - (st.succeeded ?? 0);
    const want = Math.max(0, Math.min(spec.parallelism ?? 1, remaining));
    if (active.length > want) { this.deletePods(job, active.slice(want)); return; }
    if (active.length === want) return;
    const failed = st.failed ?? 0;
    if (failed > 0 && spec.template.spec?.restartPolicy !== 'OnFailure') {
      const last = Math.max(...podsWhere(this.ctx, job.metadata.namespace, (p) => controllerOf(p)?.uid === job.metadata.uid && p.status?.phase === 'Failed')
        .map((p) => parseTime(p.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt) ?? 0), 0);
      const wait = last + Math.min(BACKOFF_MS * 2 ** (failed - 1), MAX_BACKOFF_MS) - now;
      if (wait > 0) { this.queue.add(job.metadata.namespace, job.metadata.name, wait); return; }
    }
    const busy = new Set(active.map((p) => Number(p.metadata?.annotations?.[INDEX])));
    const free: (number | undefined)[] = [];
    if (spec.completionMode === 'Indexed') {
      for (let i = 0; i < (spec.completions ?? 0) && free.length < want - active.length; i++) if (!doneIndexes.has(i) && !busy.has(i)) free.push(i);
    } else for (let i = active.length; i < want; i++) free.push(undefined);
    for (const index of free) {
      const pod = podFromTemplate(job.spec!.template, job, newControllerRef(job));
      const meta = pod.metadata!;
      meta.generateName = index === undefined ? `${job.metadata.name}-` : `${job.metadata.name}-${index}-`;
      meta.finalizers = [...(meta.finalizers ?? []), TRACKING];
      if (index !== undefined) {
        meta.annotations = { ...meta.annotations, [INDEX]: String(index) };
        meta.labels = { ...meta.labels, [INDEX]: String(index) };
        pod.spec!.hostname = `${job.metadata.name}-${index}`;
        for (const c of pod.spec!.containers) c.env = [...(c.env ?? []), { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${INDEX}']` } } }];
      }
      try {
        const created = this.ctx.api.create(pod);
        this.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name}`);
      } catch (e) {
        if (!isStatusError(e)) throw e;
        this.event(job, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
        return;
      }
    }
  }

  private deletePods(job: J, pods: Pod[]): void {
    for (const p of pods) {
      try { this.ctx.api.delete('Pod', job.metadata.namespace, p.metadata!.name!); } catch { continue; }
      this.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata!.name}`);
    }
  }

  /**
   * The terminal conditions come in pairs since 1.31: SuccessCriteriaMet/FailureTarget at once, the
   * remaining pods are deleted, and Complete/Failed (with the event) once none is terminating any more
   * (job_controller.go trackJobStatusAndRemoveFinalizers / recordJobFinished). Until then kubectl
   * shows STATUS FailureTarget.
   */
  private conclude(job: J, st: NonNullable<Job['status']>, before: string, active: Pod[], type: 'Complete' | 'Failed',
    reason: string, message: string, now: number): void {
    const target = type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget';
    if (!st.conditions?.some((c) => c.type === target)) this.setCondition(job, target, 'True', reason, message, now);
    this.deletePods(job, active);
    const terminating = podsWhere(this.ctx, job.metadata.namespace, (p) => controllerOf(p)?.uid === job.metadata.uid && !!p.metadata?.deletionTimestamp);
    if (terminating.length === 0) {
      this.setCondition(job, type, 'True', reason, message, now);
      if (type === 'Complete') {
        st.completionTime = rfc3339(now);
        this.event(job, 'Normal', 'Completed', 'Job completed');
      } else this.event(job, 'Warning', reason, message);
    }
    this.finish(job, st, before, []);
  }

  private setCondition(job: J, type: string, status: 'True' | 'False', reason: string, message: string, now: number): void {
    const ts = rfc3339(now);
    const list = (job.status!.conditions ?? []).filter((c) => c.type !== type);
    list.push({ type, status, reason, message, lastProbeTime: ts, lastTransitionTime: ts } as JobCondition);
    job.status!.conditions = list;
  }

  private finish(job: J, st: NonNullable<Job['status']>, before: string, active: Pod[]): void {
    this.deletePods(job, active);
    this.writeStatus(job, st, before, []);
    const ttl = job.spec?.ttlSecondsAfterFinished;
    const at = parseTime(st.completionTime) ?? parseTime(st.conditions?.find((c) => c.type === 'Failed')?.lastTransitionTime);
    if (ttl !== undefined && at !== undefined && before !== JSON.stringify(st)) {
      this.ctx.enqueue(Math.max(0, at + ttl * 1000 - this.ctx.now()), { type: 'ttl-job', ns: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid });
    }
  }

  private writeStatus(job: J, st: NonNullable<Job['status']>, before: string, active: Pod[]): void {
    st.active = active.length || undefined;
    st.ready = active.filter(isPodReady).length;
    st.terminating = podsWhere(this.ctx, job.metadata.namespace, (p) => controllerOf(p)?.uid === job.metadata.uid && !!p.metadata?.deletionTimestamp).length;
    st.uncountedTerminatedPods ??= {};
    const clean = JSON.parse(JSON.stringify(st));
    if (JSON.stringify(clean) === before) return;
    const fresh = this.ctx.store.get('Job', job.metadata.namespace, job.metadata.name);
    if (!fresh || fresh.metadata.uid !== job.metadata.uid) return;
    fresh.status = clean;
    this.ctx.api.write(fresh);
  }

  /** ttlafterfinished: delete the finished Job with background propagation. */
  private expire(ns: string, name: string, uid: string): void {
    const job = this.ctx.store.get('Job', ns, name);
    if (!job || job.metadata.uid !== uid || !jobFinished(job as Job)) return;
    this.ctx.api.delete('Job', ns, name);
  }
}

function parseIndexes(text: string | undefined): number[] {
  if (!text) return [];
  return text.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
  });
}

/** completedIndexes as intervals: `0-2,4`. */
function formatIndexes(xs: number[]): string | undefined {
  const s = [...new Set(xs)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j] + 1) j++;
    out.push(i === j ? String(s[i]) : `${s[i]}-${s[j]}`);
    i = j;
  }
  return out.join(',') || undefined;
}
