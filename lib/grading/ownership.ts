// podOwnedBy and fieldMatches: read-only checks over ownerReferences and field values.
import type { Pod } from 'kubernetes-types/core/v1';
import type { FieldMatchesCheck, PodOwnedByCheck } from './checks';
import type { ClusterView } from './cluster-view';
import type { CheckResult } from './evaluate';
import { parseFieldPath, readPath } from './field-path';
import { describeObject, isClusterScoped, subject } from './kinds';
import { isTerminating } from './pod-status';
import { formatSelector, matchesSelector, parseSelector } from './selector';

const ok = (message: string): CheckResult => ({ passed: true, message });
const fail = (message: string): CheckResult => ({ passed: false, message });

interface Owned { metadata?: { name?: string; ownerReferences?: { kind: string; name: string; controller?: boolean }[] } }

/** The controller chain of an object: [ReplicaSet web-5d4f, Deployment web] (kube-controller-manager's controllerRef). */
function controllerChain(view: ClusterView, ns: string, obj: Owned): { kind: string; name: string }[] {
  const out: { kind: string; name: string }[] = [];
  let cur: Owned | undefined = obj;
  while (cur && out.length < 5) {
    const ref: { kind: string; name: string } | undefined = cur.metadata?.ownerReferences?.find((r) => r.controller);
    if (!ref) break;
    out.push({ kind: ref.kind, name: ref.name });
    cur = view.get<Owned>(ref.kind, ns, ref.name);
  }
  return out;
}

function ownerProblem(view: ClusterView, ns: string, pod: Pod, owner: PodOwnedByCheck['owner']): string | undefined {
  const chain = controllerChain(view, ns, pod as Owned);
  if (chain.some((o) => o.kind === owner.kind && o.name === owner.name)) return undefined;
  const name = pod.metadata?.name ?? '?';
  if (chain.length === 0) return `${subject('Pod', name)} 어떤 컨트롤러에도 속하지 않은 단독 파드입니다 (ownerReferences 없음)`;
  const shown = chain.map((o) => describeObject(o.kind, o.name)).join(' → ');
  return `${name} 파드의 소유자가 ${shown}입니다 (기대: ${describeObject(owner.kind, owner.name)})`;
}

export function podOwnedBy(c: PodOwnedByCheck, view: ClusterView): CheckResult {
  const ns = c.namespace ?? 'default';
  const want = describeObject(c.owner.kind, c.owner.name);
  if (c.pod) {
    const pod = view.get<Pod>('Pod', ns, c.pod);
    if (!pod) return fail(`${ns} 네임스페이스에 ${subject('Pod', c.pod)} 없습니다`);
    const problem = ownerProblem(view, ns, pod, c.owner);
    return problem ? fail(problem) : ok(`${subject('Pod', c.pod)} ${want}에 속합니다`);
  }
  const reqs = parseSelector(c.selector!);
  const label = `${formatSelector(c.selector!)} 레이블을 가진 파드`;
  const pods = view.list<Pod>('Pod', ns).filter((p) => !isTerminating(p) && matchesSelector(reqs, p.metadata?.labels));
  if (pods.length === 0) return fail(`${ns} 네임스페이스에 ${label}가 없습니다`);
  const problems = pods.map((p) => ownerProblem(view, ns, p, c.owner)).filter((p): p is string => !!p);
  if (problems.length) return fail(`${label} ${pods.length}개 중 ${problems.length}개가 ${want}에 속하지 않습니다: ${problems[0]}`);
  return ok(`${label} ${pods.length}개가${pods.length > 1 ? ' 모두' : ''} ${want}에 속합니다`);
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
/** The value for a message, shortened. */
const show = (v: unknown) => {
  const text = asText(v);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/** Why one object's field does not match; undefined when it does. */
function fieldProblem(obj: unknown, kind: string, objName: string, c: FieldMatchesCheck): string | undefined {
  const actual = readPath(obj, parseFieldPath(c.path));
  const what = `${describeObject(kind, objName)}의 ${c.path}`;
  const want = c.description ?? `패턴 ${c.pattern}`;
  if (actual === undefined) return `${what} 값이 없습니다 (기대: ${want})`;
  if (!new RegExp(c.pattern).test(asText(actual))) return `${what} 값이 기대와 다릅니다 (기대: ${want}, 현재: ${show(actual)})`;
  return undefined;
}

export function fieldMatches(c: FieldMatchesCheck, view: ClusterView): CheckResult {
  const ns = isClusterScoped(c.kind) ? undefined : (c.namespace ?? 'default');
  const want = c.description ?? `패턴 ${c.pattern}`;
  if (c.selector !== undefined) {
    const reqs = parseSelector(c.selector);
    const label = `${formatSelector(c.selector)} 레이블을 가진 ${c.kind === 'Pod' ? '파드' : c.kind}`;
    const objs = view.list<Owned & { metadata?: { labels?: Record<string, string>; deletionTimestamp?: string } }>(c.kind, ns)
      .filter((o) => !o.metadata?.deletionTimestamp && matchesSelector(reqs, o.metadata?.labels));
    if (objs.length === 0) return fail(`${ns ? `${ns} 네임스페이스에 ` : ''}${label}가 없습니다`);
    const problems = objs.map((o) => fieldProblem(o, c.kind, o.metadata?.name ?? '?', c)).filter((p): p is string => !!p);
    if (problems.length) return fail(problems.length === objs.length ? problems[0] : `${label} ${objs.length}개 중 ${problems.length}개: ${problems[0]}`);
    return ok(`${label} ${objs.length}개${objs.length > 1 ? ' 모두' : ''}의 ${c.path} 값이 기대(${want})에 맞습니다`);
  }
  const obj = view.get(c.kind, ns, c.name!);
  if (!obj) return fail(`${ns ? `${ns} 네임스페이스에 ` : ''}${subject(c.kind, c.name!)} 없습니다`);
  const problem = fieldProblem(obj, c.kind, c.name!, c);
  if (problem) return fail(problem);
  const actual = readPath(obj, parseFieldPath(c.path));
  return ok(`${describeObject(c.kind, c.name!)}의 ${c.path} 값(${show(actual)})이 기대(${want})에 맞습니다`);
}
