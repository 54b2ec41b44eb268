import type { Container, ContainerState, ContainerStatus, Event, Pod, Probe } from 'kubernetes-types/core/v1';
import { since } from './printers/duration';

/** RFC 1123 with numeric zone, as describe prints times (`Wed, 01 Jan 2025 00:00:05 +0000`). */
export function describeTime(ts: string | undefined): string {
  if (!ts) return '<unset>';
  const d = new Date(ts);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day}, ${p(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** LEVEL_n lines of describe's PrefixWriter: two spaces per level, cells split by tabs. */
export class Lines {
  readonly out: string[] = [];
  w(level: number, text: string): void { this.out.push('  '.repeat(level) + text); }
}

export function multiline(l: Lines, level: number, title: string, entries: string[]): void {
  if (entries.length === 0) { l.w(level, `${title}:\t<none>`); return; }
  entries.forEach((e, i) => l.w(level, i === 0 ? `${title}:\t${e}` : `\t${e}`));
}

function state(l: Lines, title: string, s: ContainerState | undefined): void {
  if (s?.running) { l.w(2, `${title}:\tRunning`); l.w(3, `Started:\t${describeTime(s.running.startedAt)}`); return; }
  if (s?.waiting) { l.w(2, `${title}:\tWaiting`); if (s.waiting.reason) l.w(3, `Reason:\t${s.waiting.reason}`); return; }
  if (s?.terminated) {
    const t = s.terminated;
    l.w(2, `${title}:\tTerminated`);
    if (t.reason) l.w(3, `Reason:\t${t.reason}`);
    if (t.message) l.w(3, `Message:\t${t.message}`);
    l.w(3, `Exit Code:\t${t.exitCode}`);
    if (t.signal) l.w(3, `Signal:\t${t.signal}`);
    l.w(3, `Started:\t${describeTime(t.startedAt)}`);
    l.w(3, `Finished:\t${describeTime(t.finishedAt)}`);
    return;
  }
  l.w(2, `${title}:\tWaiting`);
}

/** Port/Host Port(s), Command and Args of a container, as describe prints them for pods and templates. */
export function containerPortsAndCommand(l: Lines, c: Container): void {
  const ports = c.ports ?? [];
  const fmt = (n: number | undefined, proto?: string) => `${n ?? 0}/${proto ?? 'TCP'}`;
  if (ports.length <= 1) {
    l.w(2, `Port:\t${ports.length ? fmt(ports[0].containerPort, ports[0].protocol) : '<none>'}`);
    l.w(2, `Host Port:\t${ports.length ? fmt(ports[0].hostPort, ports[0].protocol) : '<none>'}`);
  } else {
    l.w(2, `Ports:\t${ports.map((p) => fmt(p.containerPort, p.protocol)).join(', ')}`);
    l.w(2, `Host Ports:\t${ports.map((p) => fmt(p.hostPort, p.protocol)).join(', ')}`);
  }
  for (const [title, list] of [['Command', c.command], ['Args', c.args]] as const) {
    if (!list?.length) continue;
    l.w(2, `${title}:`);
    for (const a of list) l.w(3, a);
  }
}

/** Limits and Requests of a container. */
export function containerResources(l: Lines, c: Container): void {
  for (const [title, rl] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
    if (!rl || Object.keys(rl).length === 0) continue;
    l.w(2, `${title}:`);
    for (const k of Object.keys(rl).sort()) l.w(3, `${k}:\t${rl[k]}`);
  }
}

/** describe.go DescribeProbe: `http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s ` +
    `#success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const port = String(p.httpGet.port ?? '');
    const host = p.httpGet.host ?? '';
    const hostPort = port ? `${host.includes(':') ? `[${host}]` : host}:${port}` : host;
    const path = p.httpGet.path ? (p.httpGet.path.startsWith('/') ? p.httpGet.path : `/${p.httpGet.path}`) : '';
    return `http-get ${(p.httpGet.scheme ?? '').toLowerCase()}://${hostPort}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${String(p.tcpSocket.port ?? '')} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeContainerProbe: the Liveness/Readiness/Startup lines after the resources. */
export function containerProbes(l: Lines, c: Container): void {
  for (const [title, probe] of [['Liveness', c.livenessProbe], ['Readiness', c.readinessProbe], ['Startup', c.startupProbe]] as const) {
    if (probe) l.w(2, `${title}:\t${describeProbe(probe)}`);
  }
}

function container(l: Lines, c: Container, st: ContainerStatus | undefined): void {
  l.w(1, `${c.name}:`);
  if (st) l.w(2, `Container ID:\t${st.containerID ?? ''}`);
  l.w(2, `Image:\t${c.image ?? ''}`);
  if (st) l.w(2, `Image ID:\t${st.imageID ?? ''}`);
  containerPortsAndCommand(l, c);
  state(l, 'State', st?.state);
  if (st?.lastState?.terminated) state(l, 'Last State', st.lastState);
  l.w(2, `Ready:\t${st?.ready ? 'True' : 'False'}`);
  l.w(2, `Restart Count:\t${st?.restartCount ?? 0}`);
  containerResources(l, c);
  containerProbes(l, c);
  const env = c.env ?? [];
  if (env.length === 0) l.w(2, 'Environment:\t<none>');
  else { l.w(2, 'Environment:'); for (const e of env) l.w(3, `${e.name}:\t${e.value ?? ''}`); }
  const mounts = c.volumeMounts ?? [];
  if (mounts.length === 0) l.w(2, 'Mounts:\t<none>');
  else { l.w(2, 'Mounts:'); for (const m of mounts) l.w(3, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`); }
}

function volumes(l: Lines, pod: Pod): void {
  const vols = pod.spec?.volumes ?? [];
  if (vols.length === 0) { l.w(0, 'Volumes:\t<none>'); return; }
  l.w(0, 'Volumes:');
  for (const v of vols) {
    l.w(1, `${v.name}:`);
    if (v.projected) {
      l.w(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)');
      for (const s of v.projected.sources ?? []) {
        if (s.serviceAccountToken) l.w(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}`);
        if (s.configMap) { l.w(2, `ConfigMapName:\t${s.configMap.name}`); l.w(2, `Optional:\t${s.configMap.optional ?? false}`); }
        if (s.downwardAPI) l.w(2, 'DownwardAPI:\ttrue');
      }
    } else if (v.emptyDir) {
      l.w(2, 'Type:\tEmptyDir (a temporary directory that shares a pod\'s lifetime)');
      l.w(2, `Medium:\t${v.emptyDir.medium ?? ''}`);
      l.w(2, `SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}`);
    } else if (v.persistentVolumeClaim) {
      l.w(2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)');
      l.w(2, `ClaimName:\t${v.persistentVolumeClaim.claimName}`);
      l.w(2, `ReadOnly:\t${v.persistentVolumeClaim.readOnly ?? false}`);
    } else {
      l.w(2, `Type:\t${Object.keys(v).find((k) => k !== 'name') ?? '<unknown>'}`);
    }
  }
}

/** describe.go PodDescriber.Describe / describePod, line for line. */
export function describePod(pod: Pod, events: Event[], now: number): string {
  const l = new Lines();
  const m = pod.metadata ?? {};
  const st = pod.status ?? {};
  l.w(0, `Name:\t${m.name}`);
  l.w(0, `Namespace:\t${m.namespace}`);
  l.w(0, `Priority:\t${pod.spec?.priority ?? 0}`);
  if (pod.spec?.priorityClassName) l.w(0, `Priority Class Name:\t${pod.spec.priorityClassName}`);
  l.w(0, `Service Account:\t${pod.spec?.serviceAccountName ?? ''}`);
  l.w(0, `Node:\t${pod.spec?.nodeName ? `${pod.spec.nodeName}/${st.hostIP ?? ''}` : '<none>'}`);
  if (st.startTime) l.w(0, `Start Time:\t${describeTime(st.startTime)}`);
  const kv = (o: Record<string, string> | undefined) => Object.keys(o ?? {}).sort().map((k) => `${k}=${o![k]}`);
  multiline(l, 0, 'Labels', kv(m.labels));
  multiline(l, 0, 'Annotations', Object.keys(m.annotations ?? {}).sort().map((k) => `${k}: ${m.annotations![k]}`));
  if (m.deletionTimestamp) {
    l.w(0, `Status:\tTerminating (lasts ${since(m.deletionTimestamp, now)})`);
    l.w(0, `Termination Grace Period:\t${m.deletionGracePeriodSeconds}s`);
  } else {
    l.w(0, `Status:\t${st.phase ?? ''}`);
  }
  if (st.reason) l.w(0, `Reason:\t${st.reason}`);
  if (st.message) l.w(0, `Message:\t${st.message}`);
  l.w(0, `IP:\t${st.podIP ?? ''}`);
  if (st.podIPs?.length) { l.w(0, 'IPs:'); for (const ip of st.podIPs) l.w(1, `IP:\t${ip.ip}`); } else l.w(0, 'IPs:\t<none>');
  const owner = m.ownerReferences?.find((o) => o.controller);
  if (owner) l.w(0, `Controlled By:\t${owner.kind}/${owner.name}`);
  if (pod.spec?.initContainers?.length) {
    l.w(0, 'Init Containers:');
    for (const c of pod.spec.initContainers) container(l, c, st.initContainerStatuses?.find((s) => s.name === c.name));
  }
  l.w(0, 'Containers:');
  for (const c of pod.spec?.containers ?? []) container(l, c, st.containerStatuses?.find((s) => s.name === c.name));
  if (st.conditions?.length) {
    l.w(0, 'Conditions:');
    l.w(1, 'Type\tStatus');
    for (const c of st.conditions) l.w(1, `${c.type} \t${c.status} `);
  }
  volumes(l, pod);
  l.w(0, `QoS Class:\t${st.qosClass ?? ''}`);
  multiline(l, 0, 'Node-Selectors', kv(pod.spec?.nodeSelector));
  multiline(l, 0, 'Tolerations', (pod.spec?.tolerations ?? []).map((t) => {
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += `${s ? ' ' : ''}op=Exists`;
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    return s;
  }));
  describeEvents(l, events, now);
  return l.out.map((x) => `${x}\n`).join('');
}

export function describeEvents(l: Lines, events: Event[], now: number): void {
  if (events.length === 0) { l.w(0, 'Events:\t<none>'); return; }
  const at = (e: Event) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '') || 0;
  const sorted = [...events].sort((a, b) => at(a) - at(b));
  l.w(0, 'Events:');
  l.w(1, 'Type\tReason\tAge\tFrom\tMessage');
  l.w(1, '----\t------\t----\t----\t-------');
  for (const e of sorted) {
    const first = e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now);
    const age = (e.count ?? 1) > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    l.w(1, `${e.type}\t${e.reason}\t${age}\t${e.source?.component || e.reportingComponent || ''}\t${(e.message ?? '').trim()}`);
  }
}
