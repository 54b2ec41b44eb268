// lib/grading — declarative, read-only checks over a simulated cluster. Never writes a DB.
export { gradeExercise } from './grade';
export type { ExerciseResult, TaskResult } from './grade';
export { evaluateCheck, podProblem } from './evaluate';
export type { CheckResult } from './evaluate';
export {
  checkSchema,
  objectExistsCheckSchema,
  objectAbsentCheckSchema,
  podReadyCheckSchema,
  podsReadyCheckSchema,
  fieldEqualsCheckSchema,
  selectorMatchesCheckSchema,
  dnsResolvesCheckSchema,
  httpFromPodCheckSchema,
  pvcBoundCheckSchema,
  pvcMountedByCheckSchema,
  eventHappenedCheckSchema,
  basicCheckSchema,
  withinCheckSchema,
} from './checks';
export {
  fieldMatchesCheckSchema,
  fileInPodCheckSchema,
  podOwnedByCheckSchema,
  httpViaIngressCheckSchema,
  ingressTrafficShareCheckSchema,
  ingressHasAddressCheckSchema,
} from './checks-more';
export type {
  Check, ObjectExistsCheck, ObjectAbsentCheck, PodReadyCheck, PodsReadyCheck, FieldEqualsCheck,
  SelectorMatchesCheck, DnsResolvesCheck, HttpFromPodCheck, PvcBoundCheck, PvcMountedByCheck, EventHappenedCheck,
  BasicCheck, WithinCheck, FieldMatchesCheck, FileInPodCheck, PodOwnedByCheck, HttpViaIngressCheck, IngressTrafficShareCheck, IngressHasAddressCheck,
} from './checks';
export { validateLab, formatLabIssues } from './validate';
export type { LabIssue } from './validate';
export { podDisplayStatus } from './pod-status';
export type { ClusterView } from './cluster-view';
