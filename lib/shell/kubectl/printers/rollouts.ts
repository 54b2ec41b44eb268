import type { DaemonSet, Deployment } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { humanDuration, since } from './duration';
import type { TablePrinter } from './types';
import { containerCells, formatSelector } from './workloads';

// printDeployment in pkg/printers/internalversion/printers.go.
export const deploymentPrinter: TablePrinter = {
  columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, { now, wide }) {
    const d = obj as Deployment;
    const st = d.status ?? {};
    const row = [d.metadata?.name ?? '', `${st.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`, String(st.updatedReplicas ?? 0),
      String(st.availableReplicas ?? 0), since(d.metadata?.creationTimestamp, now)];
    if (wide) row.push(...containerCells(d.spec?.template), formatSelector(d.spec?.selector));
    return row;
  },
};

/** labels.FormatLabels: `k=v,...` sorted by key, `<none>` when empty. */
function formatLabels(m: Record<string, string> | undefined): string {
  const text = Object.keys(m ?? {}).sort().map((k) => `${k}=${m![k]}`).join(',');
  return text || '<none>';
}

// printDaemonSet.
export const daemonSetPrinter: TablePrinter = {
  columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, { now, wide }) {
    const ds = obj as DaemonSet;
    const st = ds.status;
    const row = [ds.metadata?.name ?? '', String(st?.desiredNumberScheduled ?? 0), String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0), String(st?.updatedNumberScheduled ?? 0), String(st?.numberAvailable ?? 0),
      formatLabels(ds.spec?.template?.spec?.nodeSelector), since(ds.metadata?.creationTimestamp, now)];
    if (wide) row.push(...containerCells(ds.spec?.template), formatSelector(ds.spec?.selector));
    return row;
  },
};

const hasCondition = (j: Job, type: string) => (j.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** printJob's STATUS cell (server ≥ 1.30). */
export function jobStatus(j: Job): string {
  if (hasCondition(j, 'Complete')) return 'Complete';
  if (hasCondition(j, 'Failed')) return 'Failed';
  if (j.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(j, 'Suspended')) return 'Suspended';
  if (hasCondition(j, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(j, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

// printJob.
export const jobPrinter: TablePrinter = {
  columns: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, { now, wide }) {
    const j = obj as Job;
    const succeeded = j.status?.succeeded ?? 0;
    const parallelism = j.spec?.parallelism ?? 0;
    const completions = j.spec?.completions !== undefined ? `${succeeded}/${j.spec.completions}`
      : parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    const start = j.status?.startTime ? Date.parse(j.status.startTime) : undefined;
    const end = j.status?.completionTime ? Date.parse(j.status.completionTime) : now;
    const duration = start === undefined ? '' : humanDuration(end - start);
    const row = [j.metadata?.name ?? '', jobStatus(j), completions, duration, since(j.metadata?.creationTimestamp, now)];
    if (wide) row.push(...containerCells(j.spec?.template), formatSelector(j.spec?.selector));
    return row;
  },
};

// printCronJob.
export const cronJobPrinter: TablePrinter = {
  columns: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row(obj, { now, wide }) {
    const cj = obj as CronJob;
    const suspend = cj.spec?.suspend === undefined ? '<unset>' : cj.spec.suspend ? 'True' : 'False';
    const last = cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : '<none>';
    const row = [cj.metadata?.name ?? '', cj.spec?.schedule ?? '', cj.spec?.timeZone ?? '<none>', suspend,
      String(cj.status?.active?.length ?? 0), last, since(cj.metadata?.creationTimestamp, now)];
    if (wide) row.push(...containerCells(cj.spec?.jobTemplate?.spec?.template), formatSelector(cj.spec?.jobTemplate?.spec?.selector));
    return row;
  },
};
