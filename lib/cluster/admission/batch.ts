import { Cron } from 'croner';
import { validateLabelSelector } from '../api/label-selector';
import { fieldError, type StatusCause } from '../errors';
import type { CronJob, Job } from '../k8s';
import type { StoredObject } from '../types';
import { validateObjectMeta } from './object-meta';
import { sortKeys } from './pod-validation';
import type { KindStrategy } from './strategies';
import { defaultTemplate, validateTemplate } from './workloads';
import { defaultPodFailurePolicy, validatePodFailurePolicy } from '../controllers/pod-failure-policy';

type JobSpec = NonNullable<Job['spec']>;
const JOB_RESTART = ['OnFailure', 'Never'];
const COMPLETION_MODES = ['NonIndexed', 'Indexed'];
export const JOB_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

// pkg/apis/batch/v1/defaults.go SetDefaults_Job.
function defaultJobSpec(spec: JobSpec): void {
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  // With a podFailurePolicy a replacement waits for the pod to be fully Failed.
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  defaultPodFailurePolicy(spec);
  spec.manualSelector ??= undefined;
  defaultTemplate(spec.template);
}

const nonNegative = (v: number | undefined, path: string): StatusCause[] =>
  v !== undefined && v < 0 ? [fieldError.invalid(path, v, 'must be greater than or equal to 0')] : [];

/** validateJobSpec (pkg/apis/batch/validation/validation.go), for a Job or a CronJob's jobTemplate. */
function validateJobSpec(spec: JobSpec | undefined, path: string, generated: boolean): StatusCause[] {
  if (!spec) return [fieldError.required(path)];
  const errs = [
    ...nonNegative(spec.parallelism, `${path}.parallelism`), ...nonNegative(spec.completions, `${path}.completions`),
    ...nonNegative(spec.backoffLimit, `${path}.backoffLimit`), ...nonNegative(spec.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`),
  ];
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) {
    errs.push(fieldError.invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be greater than 0'));
  }
  if (spec.completionMode && !COMPLETION_MODES.includes(spec.completionMode)) {
    errs.push(fieldError.notSupported(`${path}.completionMode`, spec.completionMode, COMPLETION_MODES));
  }
  if (spec.completionMode === 'Indexed' && spec.completions === undefined) {
    errs.push(fieldError.required(`${path}.completions`, `when completion mode is Indexed`));
  }
  if (!generated && spec.selector) errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  errs.push(...validateTemplate(spec.template, `${path}.template`, JOB_RESTART));
  errs.push(...validatePodFailurePolicy(spec, path));
  return errs;
}

function validateJob(obj: StoredObject): StatusCause[] {
  const job = obj as Job;
  const errs = validateObjectMeta(obj.metadata, 'subdomain');
  const manual = job.spec?.manualSelector === true;
  if (!manual && job.spec?.selector && !job.spec.selector.matchLabels?.[JOB_UID_LABEL]) {
    errs.push(fieldError.invalid('spec.selector', sortKeys(job.spec.selector), '`selector` not auto-generated'));
  }
  errs.push(...validateJobSpec(job.spec, 'spec', !manual));
  return errs;
}

/** generateSelector (pkg/registry/batch/job/strategy.go): labels and selector from the Job's uid. */
function generateSelector(obj: StoredObject): void {
  const job = obj as Job;
  if (job.spec?.manualSelector) return;
  const uid = obj.metadata.uid!;
  const name = obj.metadata.name;
  const tplMeta = (job.spec!.template.metadata ??= {});
  tplMeta.labels = { ...tplMeta.labels, [JOB_UID_LABEL]: uid, [JOB_NAME_LABEL]: name, 'controller-uid': uid, 'job-name': name };
  job.spec!.selector = { matchLabels: { [JOB_UID_LABEL]: uid } };
  // SetDefaults_Job copies the template labels to a Job without labels; it runs again when the stored
  // Job is decoded, so a Job created without labels shows the generated ones (`kubectl get jobs -l job-name=pi`).
  if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) obj.metadata.labels = { ...tplMeta.labels };
}

const IMMUTABLE_JOB_FIELDS = ['template', 'completions', 'completionMode', 'selector', 'podFailurePolicy', 'manualSelector'];

export const jobStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj) { defaultJobSpec(((obj as Job).spec ??= {} as JobSpec)); obj.status = {}; },
  validate: validateJob,
  afterUid: generateSelector,
  prepareForUpdate(next, prev) { defaultJobSpec(((next as Job).spec ??= {} as JobSpec)); next.status = prev.status; },
  validateUpdate(next, prev) {
    const errs = validateJobSpec((next as Job).spec, 'spec', true);
    for (const f of IMMUTABLE_JOB_FIELDS) {
      if (JSON.stringify(sortKeys(next.spec?.[f])) !== JSON.stringify(sortKeys(prev.spec?.[f]))) {
        errs.push(fieldError.invalid(`spec.${f}`, sortKeys(next.spec?.[f]), 'field is immutable'));
      }
    }
    return errs;
  },
};

/** cron.ParseStandard (robfig/cron v3) as the CronJob validation uses it: five fields or a descriptor. */
export function scheduleError(schedule: string): string | undefined {
  const text = schedule.trim();
  if (/^(TZ|CRON_TZ)=/.test(text)) return 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead';
  if (text.startsWith('@')) {
    return ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'].includes(text) || text.startsWith('@every ')
      ? undefined : `unrecognized descriptor: ${text}`;
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  try {
    new Cron(text, { paused: true, timezone: 'UTC' });
    return undefined;
  } catch {
    return `failed to parse schedule: ${text}`;
  }
}

// pkg/apis/batch/v1/defaults.go SetDefaults_CronJob.
function defaultCronJob(obj: StoredObject): void {
  const spec = ((obj as CronJob).spec ??= {} as NonNullable<CronJob['spec']>);
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  defaultTemplate(spec.jobTemplate?.spec?.template);
}

const CONCURRENCY = ['Allow', 'Forbid', 'Replace'];

/** ValidateCronJobCreate: name ≤ 52 chars (room for the `-<minutes>` suffix), schedule, jobTemplate. */
function validateCronJob(obj: StoredObject): StatusCause[] {
  const cj = obj as CronJob;
  const errs = validateObjectMeta(obj.metadata, 'subdomain');
  const name = obj.metadata?.name ?? '';
  if (name.length > 52) errs.push(fieldError.invalid('metadata.name', name, 'must be no more than 52 characters'));
  const spec = cj.spec;
  if (!spec?.schedule) errs.push(fieldError.required('spec.schedule'));
  else {
    const why = scheduleError(spec.schedule);
    if (why) errs.push(fieldError.invalid('spec.schedule', spec.schedule, why));
  }
  if (spec?.concurrencyPolicy && !CONCURRENCY.includes(spec.concurrencyPolicy)) {
    errs.push(fieldError.notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, CONCURRENCY));
  }
  errs.push(...nonNegative(spec?.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errs.push(...nonNegative(spec?.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(spec?.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  errs.push(...validateJobSpec(spec?.jobTemplate?.spec, 'spec.jobTemplate.spec', true));
  return errs;
}

export const cronJobStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj) { defaultCronJob(obj); obj.status = {}; },
  validate: validateCronJob,
  prepareForUpdate(next, prev) { defaultCronJob(next); next.status = prev.status; },
};
