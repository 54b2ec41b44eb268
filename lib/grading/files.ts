// fileInPod: a file as the container sees it (image and kubelet files, what `kubectl exec` /
// `kubectl cp` wrote, then volume mounts on top), read through lib/cluster's container-files on
// the clone of the lab, so `echo hi > /usr/share/nginx/html/index.html` in a pod can be graded.
import type { Pod } from 'kubernetes-types/core/v1';
import { containerFiles, type Cluster } from '@/lib/cluster';
import type { FileInPodCheck } from './checks';
import type { ClusterView } from './cluster-view';
import type { CheckResult } from './evaluate';
import { subject } from './kinds';
import { isTerminating, podDisplayStatus } from './pod-status';
import { formatSelector, matchesSelector, parseSelector } from './selector';
import type { Probe } from './traffic';

const ok = (message: string): CheckResult => ({ passed: true, message });
const fail = (message: string): CheckResult => ({ passed: false, message });
const excerpt = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 60)}…` : one || '(빈 파일)';
};

/** Why the pod's container does not have the file (with the text); undefined when it does. */
function fileProblem(lab: Cluster, pod: Pod, c: FileInPodCheck): string | undefined {
  const name = pod.metadata?.name ?? '?';
  const containers = pod.spec?.containers ?? [];
  const container = c.container ? containers.find((x) => x.name === c.container) : containers[0];
  if (!container) return `${name} 파드에 ${c.container} 컨테이너가 없습니다 (컨테이너: ${containers.map((x) => x.name).join(', ')})`;
  if (pod.status?.phase !== 'Running' || isTerminating(pod)) return `${subject('Pod', name)} 실행 중이 아닙니다 (현재: ${podDisplayStatus(pod)})`;
  const files = containerFiles(lab, pod, container);
  const where = `${name} 파드의 ${container.name} 컨테이너`;
  const text = Object.prototype.hasOwnProperty.call(files, c.path) ? files[c.path] : undefined;
  if (text === undefined) {
    const dir = c.path.slice(0, c.path.lastIndexOf('/') + 1);
    const siblings = Object.keys(files).filter((p) => p.startsWith(dir) && !p.slice(dir.length).includes('/')).map((p) => p.slice(dir.length));
    return `${where}에 ${c.path} 파일이 없습니다${siblings.length ? ` (${dir}의 파일: ${siblings.slice(0, 5).join(', ')})` : ''}`;
  }
  if (c.includes && !text.includes(c.includes)) return `${where}의 ${c.path}에 기대한 내용이 없습니다 (기대: "${c.includes}", 현재 내용: ${excerpt(text)})`;
  return undefined;
}

export function fileInPod(c: FileInPodCheck, _view: ClusterView, probe: Probe): CheckResult {
  const lab = probe.cluster();
  if (!lab) return fail('이 조건은 실습 클러스터의 복제본에서만 채점할 수 있습니다');
  const ns = c.namespace ?? 'default';
  const has = c.includes ? `에 기대한 내용("${c.includes}")이 있습니다` : ' 파일이 있습니다';
  if (c.pod) {
    const pod = lab.get<Pod>('Pod', ns, c.pod);
    if (!pod) return fail(`${ns} 네임스페이스에 ${subject('Pod', c.pod)} 없습니다`);
    const problem = fileProblem(lab, pod, c);
    return problem ? fail(problem) : ok(`${c.pod} 파드의 ${c.path}${has}`);
  }
  const label = `${formatSelector(c.selector!)} 레이블을 가진 파드`;
  const reqs = parseSelector(c.selector!);
  const pods = lab.list<Pod>('Pod', ns).filter((p) => !isTerminating(p) && matchesSelector(reqs, p.metadata?.labels));
  if (pods.length === 0) return fail(`${ns} 네임스페이스에 ${label}가 없습니다`);
  const problems = pods.map((p) => fileProblem(lab, p, c)).filter((p): p is string => !!p);
  if (problems.length) return fail(problems.length === pods.length ? problems[0] : `${label} ${pods.length}개 중 ${problems.length}개: ${problems[0]}`);
  const all = pods.length > 1 ? ' 모두' : '';
  return ok(c.includes ? `${label} ${pods.length}개${all}의 ${c.path}${has}` : `${label} ${pods.length}개${all}에 ${c.path}${has}`);
}
