// `within`: an inner check holds now or within N simulated seconds. Runs on its own clone of the
// lab whose clock is run forward from one due controller action to the next (rollouts, ordered
// StatefulSet scaling, HPA syncs, CronJob schedules), so the learner's cluster never moves.
import type { BasicCheck, WithinCheck } from './checks';
import { cloneOf, type ClusterView } from './cluster-view';
import type { CheckResult } from './evaluate';
import { Probe } from './traffic';

type Evaluate = (check: BasicCheck, cluster: ClusterView, probe: Probe) => CheckResult;

/** Upper bound on clock steps, so a lab with endless due work (a CronJob every minute) stays cheap. */
const MAX_STEPS = 2000;

export function within(c: WithinCheck, view: ClusterView, evaluate: Evaluate): CheckResult {
  const lab = cloneOf(view);
  if (!lab) return { passed: false, message: '이 조건은 실습 클러스터의 복제본에서만 채점할 수 있습니다' };
  lab.advanceTo(lab.now());
  const start = lab.now();
  const deadline = start + c.seconds * 1000;
  const check = () => evaluate(c.check, lab, new Probe(lab));
  let r = check();
  for (let steps = 0; !r.passed; steps++) {
    const next = lab.nextDueAt();
    if (next === undefined || next > deadline || steps >= MAX_STEPS) {
      if (lab.now() < deadline) {
        lab.advanceTo(deadline);
        r = check();
      }
      break;
    }
    lab.advanceTo(Math.max(next, lab.now()));
    r = check();
  }
  if (!r.passed) return { passed: false, message: `${c.seconds}초(시뮬레이션 시간)를 기다려도 성립하지 않습니다: ${r.message}` };
  const waited = Math.round((lab.now() - start) / 1000);
  return { passed: true, message: waited === 0 ? r.message : `${waited}초 뒤 성립합니다: ${r.message}` };
}
