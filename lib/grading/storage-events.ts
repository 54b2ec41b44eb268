// pvcBound, pvcMountedBy and eventHappened: read-only checks over claims, pods and Events.
import type { Event, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { EventHappenedCheck, PvcBoundCheck, PvcMountedByCheck } from './checks';
import type { ClusterView } from './cluster-view';
import type { CheckResult } from './evaluate';
import { describeObject, kindWord, subject } from './kinds';
import { podDisplayStatus, isTerminating } from './pod-status';

const ok = (message: string): CheckResult => ({ passed: true, message });
const fail = (message: string): CheckResult => ({ passed: false, message });

/** Why a claim is not Bound (cause first), or undefined when it is. */
function claimProblem(view: ClusterView, ns: string, name: string): string | undefined {
  const pvc = view.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
  if (!pvc) return `${ns} 네임스페이스에 ${subject('PersistentVolumeClaim', name)} 없습니다`;
  if (pvc.metadata?.deletionTimestamp) return `${subject('PersistentVolumeClaim', name)} 삭제되는 중입니다 (Terminating)`;
  const phase = pvc.status?.phase ?? 'Pending';
  if (phase === 'Bound') return undefined;
  const cls = pvc.spec?.storageClassName;
  if (cls && !view.get('StorageClass', undefined, cls)) {
    return `${cls} StorageClass가 없습니다 → ${subject('PersistentVolumeClaim', name)} ${phase} 상태입니다`;
  }
  const waiting = view.list<Event>('Event', ns).filter((e) => e.involvedObject?.kind === 'PersistentVolumeClaim' && e.involvedObject.name === name).at(-1);
  const why = waiting?.message ? `: ${waiting.reason} ${waiting.message}` : '';
  return `${subject('PersistentVolumeClaim', name)} 아직 Bound가 아닙니다 (현재: ${phase}${why})`;
}

export function pvcBound(c: PvcBoundCheck, view: ClusterView): CheckResult {
  const ns = c.namespace ?? 'default';
  const problem = claimProblem(view, ns, c.name);
  if (problem) return fail(problem);
  const pvc = view.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, c.name)!;
  return ok(`${subject('PersistentVolumeClaim', c.name)} ${pvc.spec?.volumeName ?? 'PV'}에 Bound 상태입니다`);
}

export function pvcMountedBy(c: PvcMountedByCheck, view: ClusterView): CheckResult {
  const ns = c.namespace ?? 'default';
  const pod = view.get<Pod>('Pod', ns, c.pod);
  if (!pod) return fail(`${ns} 네임스페이스에 ${subject('Pod', c.pod)} 없습니다`);
  const volume = pod.spec?.volumes?.find((v) => v.persistentVolumeClaim?.claimName === c.claim);
  if (!volume) {
    const claims = (pod.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
    return fail(`${subject('Pod', c.pod)} ${c.claim} PVC를 볼륨으로 쓰지 않습니다 (파드의 PVC: ${claims.join(', ') || '없음'})`);
  }
  const mount = (pod.spec?.containers ?? []).flatMap((ct) => (ct.volumeMounts ?? []).filter((m) => m.name === volume.name).map((m) => ({ ct, m })))[0];
  if (!mount) return fail(`${subject('Pod', c.pod)} ${volume.name} 볼륨(${c.claim} PVC)을 어느 컨테이너에도 마운트하지 않습니다`);
  const problem = claimProblem(view, ns, c.claim);
  if (problem) return fail(problem);
  if (pod.status?.phase !== 'Running' || isTerminating(pod)) {
    return fail(`${subject('Pod', c.pod)} ${c.claim} PVC를 마운트하도록 되어 있지만 아직 실행 중이 아닙니다 (현재: ${podDisplayStatus(pod)})`);
  }
  return ok(`${subject('Pod', c.pod)} ${c.claim} PVC를 ${mount.ct.name} 컨테이너의 ${mount.m.mountPath}에 마운트했습니다`);
}

export function eventHappened(c: EventHappenedCheck, view: ClusterView): CheckResult {
  const ns = c.namespace ?? 'default';
  const about = (e: Event) =>
    (!c.involvedKind || e.involvedObject?.kind === c.involvedKind) && (!c.involvedName || e.involvedObject?.name === c.involvedName);
  const events = view.list<Event>('Event', ns).filter(about);
  const target = c.involvedName ? `${describeObject(c.involvedKind ?? '오브젝트', c.involvedName)}에 ` : c.involvedKind ? `${kindWord(c.involvedKind)}에 ` : '';
  const hit = events.find((e) => e.reason === c.reason);
  if (hit) return ok(`${target}${c.reason} 이벤트가 기록되었습니다${hit.message ? ` (${hit.message})` : ''}`);
  if (c.involvedName && c.involvedKind && !view.get(c.involvedKind, ns, c.involvedName) && events.length === 0) {
    return fail(`${ns} 네임스페이스에 ${subject(c.involvedKind, c.involvedName)} 없습니다`);
  }
  const seen = [...new Set(events.map((e) => e.reason).filter(Boolean))].slice(-5);
  return fail(`${target}${c.reason} 이벤트가 없습니다${seen.length ? ` (기록된 이벤트: ${seen.join(', ')})` : ''}`);
}
