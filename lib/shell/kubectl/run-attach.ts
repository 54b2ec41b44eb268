import { isStatusError, parseLoadLoop, type Cluster, type KubeObject, type LoadLoop } from '../../cluster';
import type { Pod } from 'kubernetes-types/core/v1';
import { httpFetch, parseUrl } from '../net-tools/http-client';
import type { Kubectl } from './context';
import { formatError, KubectlError } from './errors';
import { WATCH_TIMEOUT_MS } from './get-watch';
import { runInContainer, toolsOf } from './exec/container-shell';

const STEP_MS = 1000;
/** cmdutil.AddPodRunningTimeoutFlag(cmd, defaultPodAttachTimeout): `--pod-running-timeout` 1m0s. */
export const POD_RUNNING_TIMEOUT_MS = 60_000;

/**
 * What kubectl's attach prints on stderr before streaming (staging/src/k8s.io/kubectl/pkg/cmd/
 * attach/attach.go AttachOptions.Run, unless --quiet): for every attach, not only to shells.
 */
export const ATTACH_NOTICE = 'All commands and output from this session will be recorded in container logs, including credentials ' +
  "and sensitive information passed through the command prompt.\nIf you don't see a command prompt, try pressing enter.\n";

/** The load loop the pod's command runs (see lib/cluster/metrics/load.ts), if it is one. */
export function attachedLoad(pod: KubeObject): LoadLoop | undefined {
  const c = pod.spec?.containers?.[0];
  return c ? parseLoadLoop([...(c.command ?? []), ...(c.args ?? [])].join(' ')) : undefined;
}

/** How kubectl run ends an attach: pkg/cmd/run/run.go RunOptions.Run after handleAttachPod. */
export interface AttachEnd {
  cluster: Cluster;
  namespace: string;
  pod: string;
  container: string;
  /** -i and -t: the raw terminal that makes attach print the reattach hint. */
  tty: boolean;
  rm: boolean;
  /** getRestartPolicy(--restart, -i): empty --restart means OnFailure with -i, else Always. */
  policy: string;
  quiet?: boolean;
  /** False when kubectl never attached (the container did not run): no reattach hint. */
  attached?: boolean;
  wait(ms: number): Promise<void>;
  signal?: AbortSignal;
  out(chunk: string): void;
  err(chunk: string): void;
}

/** The restart policy kubectl run's client side reasons with (run.go getRestartPolicy). */
export function clientRestartPolicy(k: Kubectl): string {
  // run.go getRestartPolicy: the flag defaults to "Always"; only an explicitly empty --restart=
  // falls back to OnFailure for -i.
  const restart = k.str('restart') ?? 'Always';
  return restart || (k.bool('stdin') ? 'OnFailure' : 'Always');
}

/**
 * After the attached stream closed: the reattach hint (attach.go reattachMessage), then with
 * Never/OnFailure the wait for the pod to complete (waitForPod with podCompleted/podSucceeded,
 * bounded by --pod-running-timeout), the deferred `--rm` delete, and the exit status: the
 * container's exit code with `pod NS/NAME terminated (Reason)` when it failed.
 */
export async function finishAttach(a: AttachEnd): Promise<number> {
  const { cluster, namespace: ns, pod: name } = a;
  cluster.advanceTo(cluster.now());
  if (a.tty && !a.quiet && a.attached !== false) a.out(`Session ended, resume using 'kubectl attach ${name} -c ${a.container} -n ${ns} -i -t' command\n`);
  let code = 0;
  let error = '';
  if (a.policy === 'Never' || a.policy === 'OnFailure') {
    const done = (p: Pod | undefined) => !p || (a.policy === 'Never' ? p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed' : p.status?.phase === 'Succeeded');
    const started = cluster.now();
    let pod = cluster.get<Pod>('Pod', ns, name);
    while (!done(pod) && !a.signal?.aborted && cluster.now() - started < POD_RUNNING_TIMEOUT_MS) {
      await a.wait(STEP_MS);
      cluster.advanceTo(cluster.now());
      pod = cluster.get<Pod>('Pod', ns, name);
    }
    if (!pod) { error = `Error from server (NotFound): pods "${name}" not found\n`; code = 1; }
    else if (a.signal?.aborted && !done(pod)) code = 130;
    else if (!done(pod)) { error = 'error: timed out waiting for the condition\n'; code = 1; }
    else if (pod.status?.phase === 'Failed') {
      const term = pod.status.containerStatuses?.[0]?.state?.terminated;
      if (!term || term.exitCode === 0) { error = `error: pod ${ns}/${name} failed with unknown exit code\n`; code = 1; }
      else {
        // uexec.CodeExitError: printed without the `error: ` prefix, the exit code is the container's.
        error = `pod ${ns}/${name} terminated (${term.reason ?? 'Error'})\n${term.message ?? ''}`;
        if (!error.endsWith('\n')) error += '\n';
        code = term.exitCode;
      }
    }
  }
  if (a.rm) {
    try { cluster.delete('Pod', ns, name); cluster.advanceTo(cluster.now()); } catch { /* IgnoreNotFound */ }
    a.out(`pod "${name}" deleted from ${ns} namespace\n`);
  }
  if (error) a.err(error);
  return code;
}

/** Ends the attach of a `kubectl run` Kubectl invocation. */
function finish(k: Kubectl, name: string, attached = true): Promise<number> {
  return finishAttach({ attached,
    cluster: k.cluster, namespace: k.namespace, pod: name, container: name, tty: k.bool('stdin') && k.bool('tty'), rm: k.bool('rm'),
    policy: clientRestartPolicy(k), quiet: k.bool('quiet'), wait: (ms) => k.wait(ms), signal: k.signal, out: k.out, err: k.err,
  });
}

/**
 * Creates the pod and waits until it runs (handleAttachPod: podRunningAndReady, bounded by
 * --pod-running-timeout); the attach holds the container's own exit so its real command decides.
 * 'aborted' when Ctrl-C stopped the wait.
 */
async function startAttached(k: Kubectl, pod: KubeObject): Promise<Pod | 'aborted'> {
  const name = pod.metadata!.name!;
  const ns = k.namespace;
  try {
    k.cluster.create(pod);
  } catch (e) {
    if (isStatusError(e)) throw new KubectlError(formatError(e));
    throw e;
  }
  k.cluster.attachContainer(ns, name, name);
  k.settle();
  const started = k.cluster.now();
  const live = () => k.cluster.get<Pod>('Pod', ns, name);
  while (!live()?.status?.containerStatuses?.[0]?.state?.running) {
    if (k.signal?.aborted) return 'aborted';
    if (k.cluster.now() - started >= POD_RUNNING_TIMEOUT_MS) {
      if (k.bool('rm')) { try { k.cluster.delete('Pod', ns, name); k.settle(); k.out(`pod "${name}" deleted from ${ns} namespace\n`); } catch { /* gone */ } }
      throw new KubectlError('error: timed out waiting for the condition');
    }
    await k.wait(STEP_MS);
    k.settle();
  }
  return live()!;
}

/** Ctrl-C while waiting for the pod: kubectl is interrupted; the deferred --rm delete still runs. */
function interrupted(k: Kubectl, name: string): number {
  if (k.bool('rm')) { try { k.cluster.delete('Pod', k.namespace, name); k.settle(); } catch { /* gone */ } k.out(`pod "${name}" deleted from ${k.namespace} namespace\n`); }
  return 130;
}

/**
 * `kubectl run -it [--rm] NAME --image=busybox [-- sh]`: once the pod runs, the session's lines go
 * to its shell (session.ts) until `exit`, which ends the container's main process; session.ts
 * then finishes the attach (finishAttach).
 */
export async function runAttachedShell(k: Kubectl, pod: KubeObject, shell: string): Promise<number> {
  const name = pod.metadata!.name!;
  const started = await startAttached(k, pod);
  if (started === 'aborted') return interrupted(k, name);
  if (!k.bool('quiet')) k.err(ATTACH_NOTICE);
  k.env.enterPod!({
    namespace: k.namespace, pod: name, container: name, shell, cwd: '/',
    run: { rm: k.bool('rm'), tty: k.bool('tty'), policy: clientRestartPolicy(k), quiet: k.bool('quiet') },
  });
  return 0;
}

/**
 * `kubectl run -i[t] [--rm] NAME --image=busybox --restart=Never -- nslookup web-0.nginx`: the
 * container's command runs with the image's tools (the runner `kubectl exec` uses) while kubectl
 * is attached; what it prints is the attach stream, its status is the container's exit code.
 */
export async function runAttachedCommand(k: Kubectl, pod: KubeObject): Promise<number> {
  const name = pod.metadata!.name!;
  const started = await startAttached(k, pod);
  if (started === 'aborted') return interrupted(k, name);
  const container = started.spec!.containers[0];
  const given = [...(container.command ?? []), ...(container.args ?? [])];
  const argv = given.length ? given : ['sh']; // busybox/bash images: CMD is the shell
  if (!toolsOf(container).has(argv[0].split('/').pop()!)) {
    // runc cannot start it: the container ends at once with StartError (exit 128) and kubectl,
    // finding the pod completed, shows its (empty) logs instead of attaching.
    k.cluster.exitContainer(k.namespace, name, name, 128, { reason: 'StartError', message: 'failed to create containerd task: failed to create ' +
      'shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ' +
      `exec: "${argv[0]}": executable file not found in $PATH: unknown` });
    return finish(k, name, false);
  }
  if (!k.bool('quiet')) k.err(ATTACH_NOTICE);
  const tty = k.bool('tty');
  const io = { stdin: k.bool('stdin') ? k.io.stdin : '', stdout: k.out, stderr: tty ? k.out : k.err, stdoutIsTTY: tty };
  // A shell reading a piped script (`echo hostname | kubectl run -i ... -- sh`) runs it as sh -c would.
  const run = argv.length === 1 && /(^|\/)(sh|ash|bash)$/.test(argv[0]) && io.stdin ? [argv[0], '-c', io.stdin] : argv;
  const status = (await runInContainer(k.env, started, container, run, { ...io, stdin: run === argv ? io.stdin : '' }, k.signal)) ?? 127;
  k.cluster.exitContainer(k.namespace, name, name, k.signal?.aborted ? 130 : status);
  return finish(k, name);
}

/**
 * `kubectl run -it NAME --image=busybox -- sh -c "while sleep 0.01; do wget -q -O- URL; done"`
 * (kubectl pkg/cmd/run/run.go + attach): waits for the pod, attaches and streams what the loop
 * prints until Ctrl-C, which the terminal sends to the loop (it exits 130). The metrics side
 * sees the pod as a load generator while it runs.
 */
export async function runAttachedLoad(k: Kubectl, pod: KubeObject, loop: LoadLoop): Promise<number> {
  const name = pod.metadata!.name!;
  const ns = k.namespace;
  const live = () => k.cluster.get<Pod>('Pod', ns, name);
  const started = await startAttached(k, pod);
  if (started === 'aborted') return interrupted(k, name);
  if (!k.bool('quiet')) k.err(ATTACH_NOTICE);
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
  // The pod's terminal echoes the interrupt it passes on to the loop.
  k.out(k.signal?.aborted && k.bool('tty') ? '^C\n' : '\n');
  k.cluster.exitContainer(ns, name, name, 130);
  return finish(k, name);
}
