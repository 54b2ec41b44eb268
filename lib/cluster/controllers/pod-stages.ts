import type { ContainerStatus, Node, Pod } from '../k8s';
import { rfc3339 } from '../api/time';
import { randomHex } from '../prng';
import { digestOf } from '../runtime/image-ref';
import { goDuration } from '../runtime/go-duration';
import { lookupImage, normalizedImage, processFor, pullProblem } from '../runtime/images';
import type { Kubelet, KubeletTask } from './kubelet';
import { setCondition, terminalStatus, waitingStatus } from './pod-status';
import { allocatePodIP } from './pod-network';
import { attachProblem, claimNamesOf, podsUsingClaim } from './volumes';
import { fsopStage, probeStage, scheduleScriptFiles, startProbes, wakeProbes } from './probes';
import { awaitedHost, hostResolves, initDone, initFailed, isSidecar, specsOf, startInit, statusesOf, stopSidecars } from './init-containers';
import { rootKey } from './probe-files';

export type StageName = 'admit' | 'mount' | 'mount-timeout' | 'pull' | 'pulled' | 'pull-backoff' | 'start' | 'exit' | 'kill' | 'remove' | 'probe' | 'fsop';
type Stage = (k: Kubelet, pod: Pod, task: KubeletTask) => void;

const MAX_BACKOFF_MS = 300_000; // pkg/kubelet/kubelet.go MaxContainerBackOff / image backoff cap
const backoffMs = (attempt: number) => Math.min(10_000 * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);

function pullError(image: string): string {
  const ref = normalizedImage(image);
  // containerd's resolver: a known repository without the tag answers 404 on the manifest.
  if (pullProblem(image) === 'tag') return `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
  return `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, ` +
    'repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
}

function imagePresent(node: Node | undefined, image: string): boolean {
  const name = normalizedImage(image);
  return (node?.status?.images ?? []).some((i) => i.names?.includes(name));
}

function afterContainer(k: Kubelet, pod: Pod, c: number): void {
  if (c + 1 < pod.spec!.containers.length) k.enqueueFor(pod, 50, 'pull', { c: c + 1 });
}

const MOUNT_TIMEOUT_MS = 123_000; // kubelet's WaitForAttachAndMount gives up after 2m3s
const MAX_MOUNT_TIMEOUT_EVENTS = 5;

/** Pod sandbox: IP from the node's range, PodReadyToStartContainers, then the first image pull. */
function sandbox(k: Kubelet, pod: Pod, node: Node | undefined, hostIP: string, now: number): void {
  const podIP = pod.spec?.hostNetwork ? hostIP : allocatePodIP(k.ctx, node);
  const st = pod.status!;
  Object.assign(st, {
    phase: 'Pending', hostIP, hostIPs: [{ ip: hostIP }], podIP, podIPs: [{ ip: podIP }], startTime: st.startTime ?? rfc3339(now),
  });
  k.markSandboxReady(pod);
  if (pod.spec!.initContainers?.length) { startInit(k, pod); return; }
  st.containerStatuses = pod.spec!.containers.map((c) => waitingStatus(c, 'ContainerCreating'));
  k.save(pod);
  k.enqueueFor(pod, 150, 'pull', { c: 0 });
}

/**
 * The pod lifecycle as stages (admit → pull → pulled → start → exit/kill → remove),
 * following pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod: sandbox first (pod IP),
 * then for each container in order pull, create, start; image failures back off
 * (ErrImagePull → ImagePullBackOff), exits restart per restartPolicy with CrashLoopBackOff.
 */
export const podStages: Record<StageName, Stage> = {
  admit(k, pod) {
    if (pod.status?.startTime) return;
    const now = k.ctx.now();
    const node = k.node(pod);
    const hostIP = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    if (claimNamesOf(pod).length > 0) {
      // Claim-backed volumes are attached and mounted before the sandbox (WaitForAttachAndMount).
      Object.assign(pod.status!, { phase: 'Pending', hostIP, hostIPs: [{ ip: hostIP }], startTime: rfc3339(now) });
      setCondition(pod, 'PodReadyToStartContainers', 'False', now);
      setCondition(pod, 'Initialized', 'True', now);
      pod.status!.containerStatuses = pod.spec!.containers.map((c) => waitingStatus(c, 'ContainerCreating'));
      k.save(pod);
      k.enqueueFor(pod, 300 + k.ctx.prng.int(400), 'mount');
      k.enqueueFor(pod, MOUNT_TIMEOUT_MS, 'mount-timeout');
      return;
    }
    sandbox(k, pod, node, hostIP, now);
  },

  mount(k, pod, task) {
    if (pod.status?.podIP || !pod.status?.startTime) return;
    const unbound = claimNamesOf(pod).some(({ claim }) =>
      k.ctx.store.get('PersistentVolumeClaim', pod.metadata!.namespace, claim)?.status?.phase !== 'Bound');
    if (unbound) {
      const attempt = (task.attempt ?? 0) + 1;
      k.enqueueFor(pod, Math.min(1000 * 2 ** attempt, 120_000), 'mount', { attempt });
      return;
    }
    const problem = attachProblem(k.ctx.store, pod);
    if (problem) {
      k.ctx.events.record(pod, 'Warning', 'FailedAttachVolume',
        `Multi-Attach error for volume "${problem.pv}" Volume is already used by pod(s) ${problem.holders.join(', ')}`,
        { component: 'attachdetach-controller' });
      return;
    }
    for (const { claim } of claimNamesOf(pod)) {
      const pv = k.ctx.store.get('PersistentVolumeClaim', pod.metadata!.namespace, claim)?.spec?.volumeName;
      const onNode = podsUsingClaim(k.ctx.store, pod.metadata!.namespace, claim)
        .some((p) => p.metadata?.uid !== pod.metadata?.uid && p.status?.podIP && p.spec?.nodeName === pod.spec?.nodeName);
      if (pv && !onNode) {
        k.ctx.events.record(pod, 'Normal', 'SuccessfulAttachVolume', `AttachVolume.Attach succeeded for volume "${pv}" `,
          { component: 'attachdetach-controller' });
      }
    }
    const node = k.node(pod);
    sandbox(k, pod, node, pod.status.hostIP ?? '', k.ctx.now());
  },

  'mount-timeout'(k, pod, task) {
    if (pod.status?.podIP) return;
    const vols = claimNamesOf(pod).map((c) => c.volume).join(' ');
    k.event(pod, 'Warning', 'FailedMount', `Unable to attach or mount volumes: unmounted volumes=[${vols}], unattached volumes=[${vols}], ` +
      'failed to process volumes=[]: timed out waiting for the condition');
    // The kubelet repeats this every ~2m; we stop after a few so an idle lab stays idle.
    const attempt = (task.attempt ?? 0) + 1;
    if (attempt < MAX_MOUNT_TIMEOUT_EVENTS) k.enqueueFor(pod, MOUNT_TIMEOUT_MS, 'mount-timeout', { attempt });
  },


  pull(k, pod, task) {
    const c = task.c ?? 0;
    const init = task.init;
    const container = specsOf(pod, init)[c];
    const image = container.image!;
    const policy = container.imagePullPolicy;
    const present = imagePresent(k.node(pod), image);
    if (policy !== 'Always' && present) {
      k.event(pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, c, init);
      k.enqueueFor(pod, 100, 'start', { c, init, restart: task.restart });
      return;
    }
    if (policy === 'Never') {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      k.setWaiting(pod, c, 'ErrImageNeverPull', msg, init);
      k.save(pod);
      k.event(pod, 'Warning', 'ErrImageNeverPull', msg, c, init);
      return;
    }
    k.event(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, c, init);
    const spec = lookupImage(image);
    const base = spec ? (present ? 600 : spec.pullMs) : 1200;
    const ms = Math.round(base * (0.85 + 0.3 * k.ctx.prng.next()));
    k.enqueueFor(pod, ms, 'pulled', { c, init, attempt: task.attempt, restart: task.restart, ms });
  },

  pulled(k, pod, task) {
    const c = task.c ?? 0;
    const init = task.init;
    const image = specsOf(pod, init)[c].image!;
    const spec = lookupImage(image);
    if (!spec) {
      const err = pullError(image);
      k.event(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`, c, init);
      k.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull', c, init);
      k.setWaiting(pod, c, 'ErrImagePull', err, init);
      k.save(pod);
      k.enqueueFor(pod, 1000 + k.ctx.prng.int(1000), 'pull-backoff', { c, init, attempt: (task.attempt ?? 0) + 1 });
      return;
    }
    const took = goDuration(Number(task.ms ?? spec.pullMs));
    k.event(pod, 'Normal', 'Pulled',
      `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${spec.sizeBytes} bytes.`, c, init);
    const node = k.nodeForUpdate(pod);
    if (node && !imagePresent(node, image)) {
      const name = normalizedImage(image);
      const repo = name.replace(/:[^:/]+$/, '');
      (node.status!.images ??= []).push({ names: [`${repo}@${digestOf(name)}`, name], sizeBytes: spec.sizeBytes });
      k.ctx.api.write(node);
    }
    k.enqueueFor(pod, 100, 'start', { c, init, restart: task.restart });
  },

  'pull-backoff'(k, pod, task) {
    const c = task.c ?? 0;
    const init = task.init;
    const image = specsOf(pod, init)[c].image!;
    k.setWaiting(pod, c, 'ImagePullBackOff', `Back-off pulling image "${image}": ErrImagePull: ${pullError(image)}`, init);
    k.save(pod);
    k.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, c, init);
    k.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', c, init);
    k.enqueueFor(pod, backoffMs(task.attempt ?? 1), 'pull', { c, init, attempt: task.attempt });
  },

  start(k, pod, task) {
    const c = task.c ?? 0;
    const now = k.ctx.now();
    const init = task.init;
    const container = specsOf(pod, init)[c];
    const prev = statusesOf(pod, init)[c];
    const name = normalizedImage(container.image!);
    const status: ContainerStatus = {
      ...waitingStatus(container, 'ContainerCreating', undefined, prev),
      containerID: `containerd://${randomHex(k.ctx.prng, 64)}`,
      image: name, imageID: `${name.replace(/:[^:/]+$/, '')}@${digestOf(name)}`,
      // Without probes a started container is ready at once; a startup probe holds `started`,
      // a readiness probe holds `ready` (pkg/kubelet/prober/prober_manager.go UpdatePodStatus).
      ready: !container.readinessProbe && !container.startupProbe && (!init || isSidecar(container)), started: !container.startupProbe,
      state: { running: { startedAt: rfc3339(now) } },
    };
    const lastRun = prev.state?.terminated ?? prev.lastState?.terminated;
    if (task.restart && lastRun) {
      status.lastState = { terminated: lastRun };
      status.restartCount = (prev.restartCount ?? 0) + 1;
      k.files.write(rootKey(pod, container), {}); // a new container: the old one's writable layer is gone
    }
    statusesOf(pod, init)[c] = status;
    k.event(pod, 'Normal', 'Created', `Created container: ${container.name}`, c, init);
    k.event(pod, 'Normal', 'Started', `Started container ${container.name}`, c, init);
    if (!init && pod.status!.containerStatuses!.every((s) => s.state?.running || s.state?.terminated)) pod.status!.phase = 'Running';
    k.save(pod);
    const proc = processFor(container, lookupImage(container.image!)!);
    const host = init ? awaitedHost(pod, container) : undefined;
    if (host) {
      // `until nslookup <svc>; do ...; sleep 2; done`: finishes once the name resolves (woken by Service changes).
      if (hostResolves(k, pod, host)) k.enqueueFor(pod, 100, 'exit', { c, init, code: 0, cid: status.containerID });
    } else if (proc.exitAfterMs !== undefined) {
      k.enqueueFor(pod, proc.exitAfterMs, 'exit', { c, init, code: proc.exitCode, cid: status.containerID });
    }
    scheduleScriptFiles(k, pod, c, init);
    if (init) { if (isSidecar(container)) initDone(k, pod, c); return; }
    startProbes(k, pod, c);
    wakeProbes(k, pod); // another container now listening may answer a sibling's probe
    afterContainer(k, pod, c);
  },

  exit(k, pod, task) {
    const c = task.c ?? 0;
    const now = k.ctx.now();
    const code = task.code ?? 0;
    const init = task.init;
    const statuses = statusesOf(pod, init);
    const s = statuses[c];
    if (!s?.state?.running || (task.cid && s.containerID !== task.cid)) return;
    // A client attached to the process (kubectl run -i) reports its real exit status instead.
    if (!init && !task.attached && k.attached.has(`${pod.metadata!.uid}/${s.name}`)) return;
    k.killing.delete(s.containerID ?? '');
    s.state = { terminated: {
      containerID: s.containerID, exitCode: code, reason: task.reason ?? (code === 0 ? 'Completed' : 'Error'),
      ...(task.message && { message: task.message }), startedAt: s.state.running.startedAt, finishedAt: rfc3339(now),
    } };
    s.ready = false;
    s.started = false;
    wakeProbes(k, pod); // its ports closed: probes of the pod's other containers may now fail
    const policy = pod.spec!.restartPolicy ?? 'Always';
    const sidecar = init && isSidecar(specsOf(pod, init)[c]);
    if (init && !sidecar && code === 0) { s.ready = true; initDone(k, pod, c); return; }
    if (init && !sidecar && policy === 'Never') { initFailed(k, pod); return; }
    if (sidecar || (init && code !== 0) || policy === 'Always' || (policy === 'OnFailure' && code !== 0)) {
      const restarts = s.restartCount ?? 0;
      k.save(pod);
      if (restarts === 0) { k.enqueueFor(pod, 1000, 'pull', { c, init, restart: true }); return; }
      const delay = backoffMs(restarts);
      const ref = `${pod.metadata!.name}_${pod.metadata!.namespace}(${pod.metadata!.uid})`;
      const term = s.state.terminated;
      k.setWaiting(pod, c, 'CrashLoopBackOff', `back-off ${goDuration(delay)} restarting failed container=${s.name} pod=${ref}`, init);
      statuses[c].lastState = { terminated: term };
      k.save(pod);
      k.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${s.name} in pod ${ref}`, c, init);
      k.enqueueFor(pod, delay, 'pull', { c, init, restart: true });
      return;
    }
    if (statuses.every((x) => x.state?.terminated)) {
      pod.status!.phase = statuses.every((x) => x.state!.terminated!.exitCode === 0) ? 'Succeeded' : 'Failed';
      stopSidecars(pod, now);
      setCondition(pod, 'PodReadyToStartContainers', 'False', now);
      setCondition(pod, 'Ready', 'False', now, 'PodCompleted');
      setCondition(pod, 'ContainersReady', 'False', now, 'PodCompleted');
      k.ctx.api.write(pod);
      return;
    }
    k.save(pod);
  },

  kill(k, pod) {
    const grace = (pod.metadata?.deletionGracePeriodSeconds ?? 30) * 1000;
    let longest = 300;
    for (const init of [false, true]) {
      specsOf(pod, init).forEach((container, c) => {
        const s = statusesOf(pod, init)[c];
        if (!s?.state?.running) return;
        k.event(pod, 'Normal', 'Killing', `Stopping container ${container.name}`, c, init);
        const proc = processFor(container, lookupImage(container.image!)!);
        longest = Math.max(longest, Math.min(grace, proc.stopMs ?? grace));
      });
    }
    k.enqueueFor(pod, longest + 200, 'remove');
  },

  remove(k, pod, task) {
    if (pod.metadata?.finalizers?.length) {
      // The kubelet reports the deleted pod's terminal phase (kubelet_pods.go generateAPIPodStatus,
      // podIsTerminal) and the object stays until its finalizers are gone (a Job's tracking
      // finalizer: the Job controller counts it as failed or succeeded first).
      if (!task.attempt) { terminalStatus(pod, k.ctx.now()); k.ctx.api.write(pod); }
      const attempt = (task.attempt ?? 0) + 1;
      k.enqueueFor(pod, Math.min(1000 * 2 ** (attempt - 1), 60_000), 'remove', { attempt });
      return;
    }
    k.ctx.api.remove('Pod', pod.metadata!.namespace, pod.metadata!.name!);
  },

  probe: probeStage,
  fsop: fsopStage,
};
