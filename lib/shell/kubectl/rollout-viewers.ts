import type { KubeObject } from '../../cluster';

/** A status line and whether the rollout is done; errors end the watch (polymorphichelpers/rollout_status.go). */
export interface RolloutState { message: string; done: boolean; error?: string }

function deployment(d: KubeObject): RolloutState {
  const name = d.metadata?.name;
  const st = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (st.observedGeneration ?? 0)) {
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { message: '', done: true, error: `error: deployment "${name}" exceeded its progress deadline` };
  }
  const replicas = d.spec?.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  if (updated < replicas) {
    return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
  }
  if ((st.replicas ?? 0) > updated) {
    return { message: `Waiting for deployment "${name}" rollout to finish: ${st.replicas - updated} old replicas are pending termination...\n`, done: false };
  }
  if ((st.availableReplicas ?? 0) < updated) {
    return { message: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  }
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

function daemonSet(ds: KubeObject): RolloutState {
  const name = ds.metadata?.name;
  const st = ds.status ?? {};
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') {
    return { message: '', done: true, error: 'error: rollout status is only available for RollingUpdate strategy type' };
  }
  if ((ds.metadata?.generation ?? 0) > (st.observedGeneration ?? 0)) {
    return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  const desired = st.desiredNumberScheduled ?? 0;
  if ((st.updatedNumberScheduled ?? 0) < desired) {
    return { message: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  }
  if ((st.numberAvailable ?? 0) < desired) {
    return { message: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  }
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

function statefulSet(sts: KubeObject): RolloutState {
  const st = sts.status ?? {};
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') {
    return { message: '', done: true, error: 'error: rollout status is only available for RollingUpdate strategy type' };
  }
  if (!st.observedGeneration || (sts.metadata?.generation ?? 0) > st.observedGeneration) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = sts.spec?.replicas ?? 1;
  if ((st.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  if (strategy.rollingUpdate) {
    const want = replicas - (strategy.rollingUpdate.partition ?? 0);
    if (strategy.rollingUpdate.partition !== undefined && (st.updatedReplicas ?? 0) < want) {
      return { message: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${want} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
}

export const STATUS_VIEWERS: Record<string, (o: KubeObject) => RolloutState> = {
  Deployment: deployment, DaemonSet: daemonSet, StatefulSet: statefulSet,
};
