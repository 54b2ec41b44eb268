import type { Pod } from 'kubernetes-types/core/v1';
import type { Check, FieldEqualsCheck, ObjectAbsentCheck, ObjectExistsCheck, PodsReadyCheck, PodReadyCheck } from './checks';
import type { ClusterView } from './cluster-view';
import { deepEqual, parseFieldPath, readPath } from './field-path';
import { describeObject, isClusterScoped, subject } from './kinds';
import { isPodReady, isPodServing, isTerminating, podDisplayStatus, readyContainers, unschedulableMessage } from './pod-status';
import { formatSelector, matchesSelector, parseSelector } from './selector';
import { eventHappened, pvcBound, pvcMountedBy } from './storage-events';
import { Probe, dnsResolves, httpFromPod, selectorMatches } from './traffic';
import { httpViaIngress, ingressHasAddress, ingressTrafficShare } from './ingress';
import { fieldMatches, podOwnedBy } from './ownership';
import { fileInPod } from './files';
import { within } from './within';

export interface CheckResult {
  passed: boolean;
  /** Korean: what holds, or what is wrong (never how to fix it). */
  message: string;
}

type Meta = { metadata?: { deletionTimestamp?: string; labels?: Record<string, string> } };
const ok = (message: string): CheckResult => ({ passed: true, message });
const fail = (message: string): CheckResult => ({ passed: false, message });

function scope(kind: string, namespace: string | undefined): string | undefined {
  return isClusterScoped(kind) ? undefined : (namespace ?? 'default');
}

/** "default 네임스페이스에 web 파드가 없습니다", or the missing namespace itself. */
function missing(cluster: ClusterView, kind: string, ns: string | undefined, name: string): CheckResult {
  if (ns && ns !== 'default' && !cluster.get('Namespace', undefined, ns)) return fail(`${ns} 네임스페이스가 없습니다`);
  return fail(`${ns ? `${ns} 네임스페이스에 ` : ''}${subject(kind, name)} 없습니다`);
}

function objectExists(c: ObjectExistsCheck, cluster: ClusterView): CheckResult {
  const ns = scope(c.kind, c.namespace);
  const obj = cluster.get<Meta>(c.kind, ns, c.name);
  if (!obj) return missing(cluster, c.kind, ns, c.name);
  if (obj.metadata?.deletionTimestamp) return fail(`${subject(c.kind, c.name)} 삭제되는 중입니다 (Terminating)`);
  return ok(`${ns ? `${ns} 네임스페이스에 ` : ''}${subject(c.kind, c.name)} 있습니다`);
}

function objectAbsent(c: ObjectAbsentCheck, cluster: ClusterView): CheckResult {
  const ns = scope(c.kind, c.namespace);
  const obj = cluster.get<Meta>(c.kind, ns, c.name);
  const where = ns ? `${ns} 네임스페이스에 ` : '';
  if (!obj) return ok(`${where}${subject(c.kind, c.name)} 없습니다`);
  if (obj.metadata?.deletionTimestamp) return fail(`${subject(c.kind, c.name)} 아직 삭제되는 중입니다 (Terminating)`);
  return fail(`${where}${subject(c.kind, c.name)} 아직 있습니다`);
}

/** Why one pod is not serving; undefined when it is Running and Ready. */
export function podProblem(pod: Pod): string | undefined {
  const name = pod.metadata?.name ?? '?';
  const shown = podDisplayStatus(pod);
  if (isTerminating(pod)) return `${subject('Pod', name)} 삭제되는 중입니다 (Terminating)`;
  const unscheduled = unschedulableMessage(pod);
  if (unscheduled) return `${subject('Pod', name)} 아직 노드에 배치되지 않았습니다 (현재: Pending, ${unscheduled})`;
  if (pod.status?.phase !== 'Running') return `${subject('Pod', name)} 아직 Running 상태가 아닙니다 (현재: ${shown})`;
  if (!isPodReady(pod)) {
    const detail = shown === 'Running' ? '' : `, 현재: ${shown}`;
    return `${subject('Pod', name)} Running 상태지만 아직 Ready가 아닙니다 (준비된 컨테이너 ${readyContainers(pod)}${detail})`;
  }
  return undefined;
}

function podReady(c: PodReadyCheck, cluster: ClusterView): CheckResult {
  const ns = c.namespace ?? 'default';
  const pod = cluster.get<Pod>('Pod', ns, c.name);
  if (!pod) return missing(cluster, 'Pod', ns, c.name);
  const problem = podProblem(pod);
  return problem ? fail(problem) : ok(`${subject('Pod', c.name)} Running 상태이고 Ready입니다`);
}

function podsReady(c: PodsReadyCheck, cluster: ClusterView): CheckResult {
  const ns = c.namespace ?? 'default';
  const reqs = parseSelector(c.selector);
  const sel = formatSelector(c.selector);
  const pods = cluster.list<Pod>('Pod', ns).filter((p) => matchesSelector(reqs, p.metadata?.labels));
  const live = pods.filter((p) => !isTerminating(p));
  const ready = live.filter(isPodServing);
  const terminating = pods.filter(isTerminating);
  const label = `${sel} 레이블을 가진 파드`;
  if (pods.length === 0 && c.count > 0) return fail(`${ns} 네임스페이스에 ${label}가 없습니다`);
  if (ready.length < c.count) {
    const notReady = live.filter((p) => !isPodServing(p));
    const shown = notReady.slice(0, 3).map((p) => `${p.metadata?.name} ${podDisplayStatus(p)}`);
    const more = notReady.length > 3 ? ` 외 ${notReady.length - 3}개` : '';
    const detail = shown.length ? `; 준비되지 않은 파드: ${shown.join(', ')}${more}` : '';
    return fail(`${label} 중 Running이고 Ready인 파드가 ${ready.length}개입니다 (기대: ${c.count}개${detail})`);
  }
  if (live.length > c.count) return fail(`${label}가 ${live.length}개로 기대(${c.count}개)보다 많습니다`);
  if (terminating.length > 0) {
    const names = terminating.map((p) => p.metadata?.name).join(', ');
    return fail(`${label} 중 ${terminating.length}개가 아직 삭제되는 중입니다 (${names})`);
  }
  return ok(c.count === 0 ? `${ns} 네임스페이스에 ${label}가 없습니다` : `${label} ${c.count}개가${c.count > 1 ? ' 모두' : ''} Running이고 Ready입니다`);
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function fieldEquals(c: FieldEqualsCheck, cluster: ClusterView): CheckResult {
  const ns = scope(c.kind, c.namespace);
  const obj = cluster.get(c.kind, ns, c.name);
  if (!obj) return missing(cluster, c.kind, ns, c.name);
  const actual = readPath(obj, parseFieldPath(c.path));
  const what = `${describeObject(c.kind, c.name)}의 ${c.path}`;
  if (actual === undefined) return fail(`${what} 값이 없습니다 (기대: ${show(c.value)})`);
  if (!deepEqual(actual, c.value)) return fail(`${what} 값이 기대와 다릅니다 (기대: ${show(c.value)}, 현재: ${show(actual)})`);
  return ok(`${what} 값이 ${show(c.value)}입니다`);
}

/**
 * Evaluate one parsed check against a cluster. Never writes to it: checks that send traffic run
 * on a clone made through `probe` (pass one Probe per grading run to share the clone).
 */
export function evaluateCheck(check: Check, cluster: ClusterView, probe: Probe = new Probe(cluster)): CheckResult {
  switch (check.type) {
    case 'objectExists':
      return objectExists(check, cluster);
    case 'objectAbsent':
      return objectAbsent(check, cluster);
    case 'podReady':
      return podReady(check, cluster);
    case 'podsReady':
      return podsReady(check, cluster);
    case 'fieldEquals':
      return fieldEquals(check, cluster);
    case 'selectorMatches':
      return selectorMatches(check, cluster);
    case 'dnsResolves':
      return dnsResolves(check, cluster, probe);
    case 'httpFromPod':
      return httpFromPod(check, cluster, probe);
    case 'pvcBound':
      return pvcBound(check, cluster);
    case 'pvcMountedBy':
      return pvcMountedBy(check, cluster);
    case 'eventHappened':
      return eventHappened(check, cluster);
    case 'fieldMatches':
      return fieldMatches(check, cluster);
    case 'podOwnedBy':
      return podOwnedBy(check, cluster);
    case 'httpViaIngress':
      return httpViaIngress(check, cluster, probe);
    case 'ingressTrafficShare':
      return ingressTrafficShare(check, cluster, probe);
    case 'ingressHasAddress':
      return ingressHasAddress(check, cluster);
    case 'fileInPod':
      return fileInPod(check, cluster, probe);
    case 'within':
      return within(check, cluster, evaluateCheck);
  }
}
