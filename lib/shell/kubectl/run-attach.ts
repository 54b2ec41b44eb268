import { isStatusError, parseLoadLoop, type KubeObject, type LoadLoop } from '../../cluster';
import type { Pod } from 'kubernetes-types/core/v1';
import { httpFetch, parseUrl } from '../net-tools/http-client';
import type { Kubectl } from './context';
import { formatError, KubectlError, NotSimulated } from './errors';
import { WATCH_TIMEOUT_MS } from './get-watch';

const STEP_MS = 1000;
const START_TIMEOUT_MS = 5 * 60_000;

/** The load loop the pod's command runs (see lib/cluster/metrics/load.ts), if it is one. */
export function attachedLoad(pod: KubeObject): LoadLoop | undefined {
  const c = pod.spec?.containers?.[0];
  return c ? parseLoadLoop([...(c.command ?? []), ...(c.args ?? [])].join(' ')) : undefined;
}

/** Creates the pod and waits until it runs; false when Ctrl-C stopped the wait. */
async function startAttached(k: Kubectl, pod: KubeObject): Promise<boolean> {
  const name = pod.metadata!.name!;
  const ns = k.namespace;
  try {
    k.cluster.create(pod);
  } catch (e) {
    if (isStatusError(e)) throw new KubectlError(formatError(e));
    throw e;
  }
  k.settle();
  const started = k.cluster.now();
  const live = () => k.cluster.get<Pod>('Pod', ns, name);
  while (live()?.status?.phase !== 'Running') {
    if (k.signal?.aborted) return false;
    if (k.cluster.now() - started > START_TIMEOUT_MS) throw new KubectlError('error: timed out waiting for the condition');
    await k.wait(STEP_MS);
    k.settle();
  }
  k.err("If you don't see a command prompt, try pressing enter.\n");
  return true;
}

/**
 * `kubectl run -it [--rm] NAME --image=busybox [-- sh]`: once the pod runs, the session's lines go
 * to its shell (session.ts) until `exit`, which ends the attach (and deletes the pod with --rm).
 */
export async function runAttachedShell(k: Kubectl, pod: KubeObject, shell: string): Promise<number> {
  if (!(await startAttached(k, pod))) return 130;
  const name = pod.metadata!.name!;
  // The simulated runtime must keep a shell with stdin open running (container.stdin); if it
  // ended the shell at once, say so rather than pretend.
  await k.wait(1000);
  k.settle();
  if (!k.cluster.get<Pod>('Pod', k.namespace, name)?.status?.containerStatuses?.[0]?.state?.running) {
    if (k.bool('rm')) { try { k.cluster.delete('Pod', k.namespace, name); k.settle(); } catch { /* gone */ } }
    throw new NotSimulated(`an interactive shell from "kubectl run -it" (the simulated container ends its shell); use: kubectl run ${name} --image=${pod.spec?.containers?.[0]?.image} -- sleep 3600 && kubectl exec -it ${name} -- sh`);
  }
  k.env.enterPod!({ namespace: k.namespace, pod: name, container: name, shell, cwd: '/', run: { rm: k.bool('rm') } });
  return 0;
}

/**
 * `kubectl run -it NAME --image=busybox -- sh -c "while sleep 0.01; do wget -q -O- URL; done"`
 * (kubectl pkg/cmd/run/run.go + attach): waits for the pod, attaches and streams what the loop
 * prints until Ctrl-C. The metrics side sees the pod as a load generator while it runs; with
 * --rm the pod is deleted on exit (the load stops), otherwise the container is restarted by
 * its restartPolicy and keeps generating load, as on a real cluster.
 */
export async function runAttachedLoad(k: Kubectl, pod: KubeObject, loop: LoadLoop): Promise<number> {
  const name = pod.metadata!.name!;
  const ns = k.namespace;
  const live = () => k.cluster.get<Pod>('Pod', ns, name);
  if (!(await startAttached(k, pod))) return 130;
  const url = parseUrl(loop.url);
  const deadline = k.cluster.now() + WATCH_TIMEOUT_MS;
  let owed = 0;
  while (!k.signal?.aborted && k.cluster.now() < deadline && url) {
    const before = k.cluster.now();
    await k.wait(STEP_MS);
    k.settle();
    const p = live();
    if (!p || p.metadata?.deletionTimestamp) break;
    // One real request per step shows what the loop prints; the rest of the step's requests are
    // the generator's rate (the metrics side counts them, lib/cluster/metrics/load.ts).
    const res = await httpFetch(k.env, { pod: p }, url, 'GET', {});
    const body = res.kind === 'ok' ? res.response.body : '';
    owed += ((k.cluster.now() - before) / 1000) / Math.max(0.002, loop.sleepS + 0.01);
    const n = Math.floor(owed);
    owed -= n;
    if (body && n > 0) k.out(body.repeat(Math.min(n, 200)));
  }
  k.out('\n');
  if (k.bool('rm')) {
    try { k.cluster.delete('Pod', ns, name); k.settle(); } catch { /* already gone */ }
    k.out(`pod "${name}" deleted from ${ns} namespace\n`);
  } else {
    k.out(`Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`);
  }
  return k.signal?.aborted ? 130 : 0;
}
