/** Caps per lab so one learner cannot slow the server (issue #3, "Limits and bad input"). */
export const LIMITS = {
  pods: 200,
  objects: 2000,
  replicasPerObject: 100,
} as const;
