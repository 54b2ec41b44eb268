/**
 * The replica arithmetic of pkg/controller/deployment: rolling.go (reconcileNewReplicaSet,
 * reconcileOldReplicaSets, cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate),
 * sync.go (scale: proportional scaling) and util/deployment_util.go (NewRSNewReplicas,
 * FindActiveOrLatest, IsSaturated, GetProportion). The caller supplies `scale`, which writes
 * the ReplicaSet, records the ScalingReplicaSet event and updates `rs.spec.replicas` in place.
 */
import {
  byCreation, DESIRED_REPLICAS, fenceposts, MAX_REPLICAS, maxUnavailable, specReplicas, sum, type Deploy, type RS,
} from './deployment-util';

export type ScaleFn = (rs: RS, replicas: number) => boolean;

const desired = (d: Deploy) => d.spec?.replicas ?? 1;
const active = (xs: RS[]) => xs.filter((rs) => specReplicas(rs) > 0);

/** NewRSNewReplicas: how far the new ReplicaSet may grow now. */
export function newRSNewReplicas(d: Deploy, all: RS[], newRS: RS | undefined): number {
  if (d.spec?.strategy?.type !== 'RollingUpdate') return desired(d);
  const current = specReplicas(newRS ?? ({} as RS));
  const total = sum(all, specReplicas);
  const maxTotal = desired(d) + fenceposts(d).surge;
  if (total >= maxTotal) return current;
  return current + Math.max(0, Math.min(maxTotal - total, desired(d) - current));
}

export function reconcileNewReplicaSet(d: Deploy, all: RS[], newRS: RS, scale: ScaleFn): boolean {
  if (specReplicas(newRS) === desired(d)) return false;
  if (specReplicas(newRS) > desired(d)) return scale(newRS, desired(d));
  return scale(newRS, newRSNewReplicas(d, all, newRS));
}

export function reconcileOldReplicaSets(d: Deploy, oldRSs: RS[], newRS: RS, scale: ScaleFn): boolean {
  const oldCount = sum(oldRSs, specReplicas);
  if (oldCount === 0) return false;
  const allCount = oldCount + specReplicas(newRS);
  const minAvailable = desired(d) - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allCount - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // cleanupUnhealthyReplicas: old pods that are not available go first, oldest ReplicaSet first.
  let cleaned = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = specReplicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (specReplicas(rs) === 0 || unhealthy <= 0) continue;
    const n = Math.min(maxScaledDown - cleaned, unhealthy);
    scale(rs, specReplicas(rs) - n);
    cleaned += n;
  }
  // scaleDownOldReplicaSetsForRollingUpdate: keep minAvailable available pods.
  const available = sum([...oldRSs, newRS], (rs) => rs.status?.availableReplicas);
  let scaledDown = 0;
  if (available > minAvailable) {
    const total = available - minAvailable;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (scaledDown >= total) break;
      if (specReplicas(rs) === 0) continue;
      const n = Math.min(specReplicas(rs), total - scaledDown);
      scale(rs, specReplicas(rs) - n);
      scaledDown += n;
    }
  }
  return cleaned + scaledDown > 0;
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
function activeOrLatest(newRS: RS | undefined, oldRSs: RS[]): RS | undefined {
  const all = [...oldRSs, ...(newRS ? [newRS] : [])];
  const act = active(all);
  if (act.length === 0) return newRS ?? [...oldRSs].sort(byCreation).at(-1);
  return act.length === 1 ? act[0] : undefined;
}

const annotated = (rs: RS, key: string) => {
  const v = rs.metadata.annotations?.[key];
  return v === undefined ? undefined : Number(v);
};

/** isScalingEvent: an active ReplicaSet was sized for a different spec.replicas. */
export function isScalingEvent(d: Deploy, all: RS[]): boolean {
  return active(all).some((rs) => annotated(rs, DESIRED_REPLICAS) !== undefined && annotated(rs, DESIRED_REPLICAS) !== desired(d));
}

/** sync.go scale(): resize the active ReplicaSets, proportionally during a rolling update. */
export function scaleDeployment(d: Deploy, newRS: RS | undefined, oldRSs: RS[], scale: ScaleFn): void {
  const target = activeOrLatest(newRS, oldRSs);
  if (target) {
    if (specReplicas(target) !== desired(d)) scale(target, desired(d));
    return;
  }
  if (newRS && specReplicas(newRS) === desired(d) && annotated(newRS, DESIRED_REPLICAS) === desired(d) &&
    (newRS.status?.availableReplicas ?? 0) === desired(d)) {
    for (const rs of active(oldRSs)) scale(rs, 0);
    return;
  }
  if (d.spec?.strategy?.type !== 'RollingUpdate') return;
  const all = active([...oldRSs, ...(newRS ? [newRS] : [])]);
  const allowed = desired(d) + (desired(d) > 0 ? fenceposts(d).surge : 0);
  const toAdd = allowed - sum(all, specReplicas);
  // ReplicaSetsBySizeNewer when growing, BySizeOlder when shrinking.
  all.sort((a, b) => specReplicas(b) - specReplicas(a) || (toAdd > 0 ? byCreation(b, a) : byCreation(a, b)));
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of all) {
    let proportion = 0;
    if (toAdd !== 0 && toAdd !== added && specReplicas(rs) > 0) {
      const max = annotated(rs, MAX_REPLICAS) ?? d.status?.replicas ?? 1;
      const fraction = desired(d) === 0 ? -specReplicas(rs)
        : Math.round((specReplicas(rs) * allowed) / (max || 1)) - specReplicas(rs);
      proportion = toAdd > 0 ? Math.min(fraction, toAdd - added) : Math.max(fraction, toAdd - added);
    }
    sizes.set(rs.metadata.name, specReplicas(rs) + proportion);
    added += proportion;
  }
  if (all.length && toAdd !== added) sizes.set(all[0].metadata.name, Math.max(0, sizes.get(all[0].metadata.name)! + toAdd - added));
  for (const rs of all) scale(rs, sizes.get(rs.metadata.name)!);
}
