import type { JobSpec, PodFailurePolicyRule } from 'kubernetes-types/batch/v1';
import { fieldError, type StatusCause } from '../errors';
import type { Pod } from '../k8s';

/**
 * Job podFailurePolicy: the controller's matching (pkg/controller/job/pod_failure_policy.go
 * matchPodFailurePolicy) and the API validation (pkg/apis/batch/validation/validation.go
 * validatePodFailurePolicy).
 */
export type FailureAction = 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';
export interface PolicyMatch { action: FailureAction; message: string }

const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];

/** The first rule a failed pod matches, with the message the Job's condition carries. */
export function matchPodFailurePolicy(rules: PodFailurePolicyRule[], pod: Pod): PolicyMatch | undefined {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const who = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const action = rule.action as FailureAction;
    if (rule.onExitCodes) {
      const req = rule.onExitCodes;
      const hit = statuses.find((s) => {
        const code = s.state?.terminated?.exitCode;
        if (code === undefined || code === 0) return false;
        if (req.containerName && req.containerName !== s.name) return false;
        return (req.operator === 'In') === req.values.includes(code);
      });
      if (hit) {
        return { action, message: `Container ${hit.name} for pod ${who} failed with exit code ${hit.state!.terminated!.exitCode} matching ${action} rule at index ${i}` };
      }
    } else if (rule.onPodConditions?.length) {
      const hit = rule.onPodConditions.find((pc) =>
        pod.status?.conditions?.some((c) => c.type === pc.type && c.status === (pc.status ?? 'True')));
      if (hit) return { action, message: `Pod ${who} has condition ${hit.type} matching ${action} rule at index ${i}` };
    }
  }
  return undefined;
}

/** validatePodFailurePolicy and the restartPolicy rule of validateJobSpec. */
export function validatePodFailurePolicy(spec: JobSpec, path: string): StatusCause[] {
  const policy = spec.podFailurePolicy;
  if (!policy) return [];
  const errs: StatusCause[] = [];
  const restart = spec.template?.spec?.restartPolicy;
  if (restart !== 'Never') {
    errs.push(fieldError.invalid(`${path}.template.spec.restartPolicy`, restart ?? '', 'only "Never" is supported when podFailurePolicy is specified'));
  }
  const names = new Set([...(spec.template?.spec?.containers ?? []), ...(spec.template?.spec?.initContainers ?? [])].map((c) => c.name));
  const rulesPath = `${path}.podFailurePolicy.rules`;
  if ((policy.rules ?? []).length > 20) errs.push(fieldError.invalid(rulesPath, policy.rules.length, 'must have at most 20 items'));
  (policy.rules ?? []).forEach((rule, i) => {
    const rp = `${rulesPath}[${i}]`;
    if (!ACTIONS.includes(rule.action)) {
      errs.push(rule.action ? fieldError.notSupported(`${rp}.action`, rule.action, ACTIONS) : fieldError.required(`${rp}.action`));
    }
    if (rule.action === 'FailIndex' && spec.backoffLimitPerIndex === undefined) {
      errs.push(fieldError.invalid(`${rp}.action`, rule.action, 'requires the backoffLimitPerIndex to be set'));
    }
    if (!!rule.onExitCodes === !!rule.onPodConditions) {
      errs.push(fieldError.invalid(rp, '', 'specifying one of OnExitCodes and OnPodConditions is required'));
      return;
    }
    if (rule.onExitCodes) {
      const req = rule.onExitCodes;
      const ep = `${rp}.onExitCodes`;
      if (req.containerName !== undefined && !names.has(req.containerName)) {
        errs.push(fieldError.invalid(`${ep}.containerName`, req.containerName, 'must be one of the container or initContainer names in the pod template'));
      }
      if (!OPERATORS.includes(req.operator)) {
        errs.push(req.operator ? fieldError.notSupported(`${ep}.operator`, req.operator, OPERATORS) : fieldError.required(`${ep}.operator`));
      }
      const values = req.values ?? [];
      if (values.length === 0) errs.push(fieldError.invalid(`${ep}.values`, values, 'at least one value is required'));
      if (values.length > 255) errs.push(fieldError.invalid(`${ep}.values`, values.length, 'must have at most 255 items'));
      const seen = new Set<number>();
      values.forEach((v, k) => {
        if (seen.has(v)) errs.push(fieldError.duplicate(`${ep}.values[${k}]`, v));
        else if (k > 0 && v < values[k - 1]) errs.push(fieldError.invalid(`${ep}.values[${k}]`, v, 'must be ordered'));
        if (req.operator === 'In' && v === 0) errs.push(fieldError.invalid(`${ep}.values[${k}]`, v, 'must not be 0 for the In operator'));
        seen.add(v);
      });
    } else {
      (rule.onPodConditions ?? []).forEach((pc, k) => {
        const cp = `${rp}.onPodConditions[${k}]`;
        if (!pc.type) errs.push(fieldError.required(`${cp}.type`));
        if (pc.status !== undefined && !CONDITION_STATUSES.includes(pc.status)) errs.push(fieldError.notSupported(`${cp}.status`, pc.status, CONDITION_STATUSES));
      });
    }
  });
  return errs;
}

/** SetDefaults_Job: onPodConditions status defaults to True. */
export function defaultPodFailurePolicy(spec: JobSpec): void {
  for (const rule of spec.podFailurePolicy?.rules ?? []) for (const pc of rule.onPodConditions ?? []) pc.status ??= 'True';
}
