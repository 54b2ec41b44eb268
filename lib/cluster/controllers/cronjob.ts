import { Cron } from 'croner';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { controllerOf, newControllerRef } from '../api/owners';
import { parseTime, rfc3339 } from '../api/time';
import { isStatusError } from '../errors';
import type { CronJob, Job } from '../k8s';
import type { Task } from '../queue';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';
import { jobFinished } from './job';
import { KeyedQueue } from './pod-util';

type CJ = CronJob & StoredObject;
const SOURCE = { component: 'cronjob-controller' };
const SCHEDULED = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
const MAX_MISSED = 100;

/** The schedule's fire times after `from`, up to and including `until` (at most `limit`). */
function fireTimes(cj: CronJob, from: number, until: number, limit: number): number[] {
  const cron = scheduleOf(cj);
  if (!cron) return [];
  const out: number[] = [];
  for (let t = cron.nextRun(new Date(from)); t && t.getTime() <= until && out.length <= limit; t = cron.nextRun(t)) out.push(t.getTime());
  return out;
}

function scheduleOf(cj: CronJob): Cron | undefined {
  const text = cj.spec?.schedule?.trim() ?? '';
  if (text.startsWith('@every')) return undefined;
  try {
    return new Cron(text === '@midnight' ? '@daily' : text, { paused: true, timezone: cj.spec?.timeZone ?? 'UTC' });
  } catch {
    return undefined;
  }
}

/** When the schedule fires next after `now`, if ever. */
export function nextScheduleTime(cj: CronJob, now: number): number | undefined {
  return scheduleOf(cj)?.nextRun(new Date(now))?.getTime();
}

/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob,
 * cleanupFinishedJobs; utils.go mostRecentScheduleTime, getJobName): a Job per fire time named
 * `<cronjob>-<minutes since epoch>`, concurrency policies, startingDeadlineSeconds, suspend,
 * successful/failed history limits. It wakes only when the schedule is due.
 */
export class CronJobController implements Controller {
  readonly name = 'cronjob-controller';
  readonly handlers = { 'sync-cronjob': (t: Task) => { this.queue.done(t.key); this.sync(t.ns as string, t.name as string); } };
  private queue: KeyedQueue;
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {
    this.queue = new KeyedQueue(ctx, 'sync-cronjob');
  }

  start(): void {
    const { store } = this.ctx;
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'DELETED') this.queue.add(ev.object.metadata?.namespace, ev.object.metadata!.name!);
    }, { kind: 'CronJob' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      const ref = controllerOf(ev.object);
      const done = ev.type === 'DELETED' || jobFinished(ev.object as Job);
      if (ref?.kind === 'CronJob' && done) this.queue.add(ev.object.metadata?.namespace, ref.name);
    }, { kind: 'Job' }));
  }

  stop(): void {
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
  }

  private event(cj: CJ, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.events.record(cj, type, reason, message, SOURCE);
  }

  private sync(ns: string, name: string): void {
    const { store } = this.ctx;
    const cj = store.get('CronJob', ns, name) as CJ | undefined;
    if (!cj || cj.metadata.deletionTimestamp) return;
    const now = this.ctx.now();
    const st = (cj.status ??= {});
    const before = JSON.stringify(st);
    const jobs = store.filter((o) => o.kind === 'Job' && o.metadata.namespace === ns && controllerOf(o)?.uid === cj.metadata.uid, 'Job') as (Job & StoredObject)[];
    // Reconcile status.active with the Jobs that exist and are still running.
    const active: ObjectReference[] = [];
    for (const ref of st.active ?? []) {
      const job = jobs.find((j) => j.metadata.uid === ref.uid);
      if (!job) continue;
      const done = jobFinished(job);
      if (!done) { active.push(ref); continue; }
      this.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${done}`);
      if (done === 'Complete') st.lastSuccessfulTime = job.status?.completionTime ?? rfc3339(now);
    }
    for (const job of jobs) {
      if (!jobFinished(job) && !active.some((r) => r.uid === job.metadata.uid)) active.push(refOf(job));
    }
    st.active = active.length ? active : undefined;
    this.cleanupFinished(cj, jobs);
    if (!cj.spec?.suspend) this.maybeRun(cj, now);
    const clean = JSON.parse(JSON.stringify(cj.status));
    if (JSON.stringify(clean) !== before) {
      const fresh = store.get('CronJob', ns, name);
      if (fresh && fresh.metadata.uid === cj.metadata.uid) { fresh.status = clean; this.ctx.api.write(fresh); }
    }
    if (!cj.spec?.suspend) {
      const next = nextScheduleTime(cj, now);
      if (next !== undefined) this.queue.add(ns, name, next - now);
    }
  }

  private maybeRun(cj: CJ, now: number): void {
    const st = cj.status!;
    const from = parseTime(st.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now;
    const times = fireTimes(cj, from, now, MAX_MISSED);
    if (times.length === 0) return;
    if (times.length > MAX_MISSED) {
      this.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    }
    const scheduled = times[times.length - 1];
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline !== undefined && scheduled + deadline * 1000 < now) {
      this.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc3339(scheduled)}`);
      return;
    }
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && st.active?.length) {
      this.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return;
    }
    if (policy === 'Replace') {
      for (const ref of st.active ?? []) {
        try { this.ctx.api.delete('Job', cj.metadata.namespace, ref.name!); } catch { continue; }
        this.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${ref.name}`);
      }
      st.active = undefined;
    }
    const tpl = cj.spec!.jobTemplate;
    const job: Job = {
      apiVersion: 'batch/v1', kind: 'Job',
      metadata: {
        name: `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`, namespace: cj.metadata.namespace,
        ...(tpl.metadata?.labels && { labels: { ...tpl.metadata.labels } }),
        annotations: { ...tpl.metadata?.annotations, [SCHEDULED]: rfc3339(scheduled) },
        ownerReferences: [newControllerRef(cj)],
      },
      spec: structuredClone(tpl.spec!),
    };
    try {
      const created = this.ctx.api.create(job) as Job & StoredObject;
      this.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
      st.active = [...(st.active ?? []), refOf(created)];
    } catch (e) {
      if (!isStatusError(e)) throw e;
      if (e.reason !== 'AlreadyExists') this.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e.message}`);
    }
    st.lastScheduleTime = rfc3339(scheduled);
  }

  /** cleanupFinishedJobs: keep the newest successful/failed Jobs within the history limits. */
  private cleanupFinished(cj: CJ, jobs: (Job & StoredObject)[]): void {
    const start = (j: Job) => parseTime(j.status?.startTime) ?? parseTime(j.metadata?.creationTimestamp) ?? 0;
    const limits: ['Complete' | 'Failed', number][] = [
      ['Complete', cj.spec?.successfulJobsHistoryLimit ?? 3], ['Failed', cj.spec?.failedJobsHistoryLimit ?? 1]];
    for (const [kind, limit] of limits) {
      const done = jobs.filter((j) => jobFinished(j) === kind && !j.metadata.deletionTimestamp).sort((a, b) => start(a) - start(b));
      for (const j of done.slice(0, Math.max(0, done.length - limit))) {
        try { this.ctx.api.delete('Job', j.metadata.namespace, j.metadata.name); } catch { continue; }
        this.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
      }
    }
  }
}

function refOf(job: Job & StoredObject): ObjectReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace,
    resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid };
}
