import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import { imageFamily } from '../../../cluster';
import type { Vfs } from '../../vfs';
import type { Kubectl, VerbSpec } from '../context';
import { KubectlError } from '../errors';
import { WATCH_TIMEOUT_MS } from '../get-watch';
import { loadContainerFs, saveContainerFs } from './container-fs';
import { findPod } from './exec-verb';

interface RemoteSpec { namespace?: string; pod: string; path: string }

/** `[namespace/]pod:path` (kubectl cp's extractFileSpec); undefined for a local path. */
function remoteSpec(arg: string): RemoteSpec | undefined {
  const m = /^(?:([^:/]+)\/)?([^:/]+):(.*)$/.exec(arg);
  return m ? { namespace: m[1], pod: m[2], path: m[3] } : undefined;
}

const baseName = (p: string) => p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1);

/** Copies a file or a directory tree from one Vfs to another (`dest` is the final path). */
function copyTree(from: Vfs, src: string, to: Vfs, dest: string): void {
  const parent = dest.slice(0, dest.lastIndexOf('/')) || '/';
  if (!to.isDir(parent)) to.mkdir(parent, true);
  if (from.isFile(src)) { to.write(dest, from.read(src)); return; }
  if (!to.isDir(dest)) to.mkdir(dest, true);
  const { files, dirs } = from.toJSON();
  for (const d of dirs) if (d.startsWith(`${src}/`)) { const t = dest + d.slice(src.length); if (!to.isDir(t)) to.mkdir(t, true); }
  for (const f of Object.keys(files)) if (f.startsWith(`${src}/`)) copyTree(from, f, to, dest + f.slice(src.length));
}

function containerOf(k: Kubectl, pod: Pod): Container {
  const containers = pod.spec?.containers ?? [];
  const name = k.str('container') ?? pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? containers[0]?.name;
  if (!k.str('container') && containers.length > 1) k.err(`Defaulted container "${name}" out of: ${containers.map((c) => c.name).join(', ')}\n`);
  const index = containers.findIndex((c) => c.name === name);
  if (index < 0) throw new KubectlError(`Error from server (BadRequest): container ${name} is not valid for pod ${pod.metadata?.name}`);
  if (!pod.status?.containerStatuses?.[index]?.state?.running) throw new KubectlError(`error: unable to upgrade connection: container not found ("${name}")`);
  return containers[index];
}

/**
 * kubectl cp (pkg/cmd/cp/cp.go): between the master's filesystem and a container's, in either
 * direction (kubectl runs tar in the container; the simulated images all have it).
 */
function runCp(k: Kubectl): number {
  if (k.args.length !== 2) throw new KubectlError("error: source and destination are required\nSee 'kubectl cp -h' for help and examples");
  const [src, dest] = k.args.map(remoteSpec);
  if (src && dest) throw new KubectlError('error: one of src or dest must be a local file specification');
  if (!src && !dest) throw new KubectlError('error: one of src or dest must be a remote file specification');
  const remote = (src ?? dest)!;
  if (remote.path === '') throw new KubectlError('error: filepath can not be empty');
  const local = k.env.resolve(src ? k.args[1] : k.args[0]);
  if (dest && !k.env.vfs.exists(local)) throw new KubectlError(`error: ${k.args[0]} doesn't exist in local filesystem`);
  k.settle();
  const ns = remote.namespace ?? k.namespace;
  const pod = k.cluster.get<Pod>('Pod', ns, remote.pod);
  if (!pod) throw new KubectlError(`Error from server (NotFound): pods "${remote.pod}" not found`);
  const container = containerOf(k, pod);
  const fs = loadContainerFs(k.cluster, pod, container);
  const rpath = remote.path.startsWith('/') ? remote.path.replace(/\/+$/, '') || '/' : `/${remote.path}`;
  if (dest) {
    copyTree(k.env.vfs, local, fs, fs.isDir(rpath) ? `${rpath}/${baseName(local)}` : rpath);
    saveContainerFs(k.cluster, pod, container, fs);
    return 0;
  }
  const busybox = container.image ? imageFamily(container.image) === 'busybox' : false;
  if (remote.path.startsWith('/')) k.err(busybox ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n");
  if (!fs.exists(rpath)) {
    k.err(busybox ? `tar: ${remote.path}: No such file or directory\n`
      : `tar: ${remote.path.replace(/^\//, '')}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`);
    return 1;
  }
  copyTree(fs, rpath, k.env.vfs, k.env.vfs.isDir(local) ? `${local}/${baseName(rpath)}` : local);
  return 0;
}

export const cpVerb: VerbSpec = {
  name: 'cp',
  short: 'Copy files and directories to and from containers',
  usage: 'kubectl cp <file-spec-src> <file-spec-dest> [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'no-preserve', type: 'bool' },
    { name: 'retries', type: 'string' },
  ],
  run: runCp,
};

/** The container port behind a Service port (`targetPort`, by number or name). */
function servicePort(k: Kubectl, ref: string, pod: Pod, port: number): number {
  const slash = ref.indexOf('/');
  const res = slash > 0 ? k.cluster.resolveResource(ref.slice(0, slash)) : undefined;
  if (res?.kind !== 'Service') return port;
  const svc = k.cluster.get<Service>('Service', k.namespace, ref.slice(slash + 1));
  const sp = svc?.spec?.ports?.find((p) => p.port === port);
  if (!sp) throw new KubectlError(`error: Service ${svc?.metadata?.name} does not have a service port ${port}`);
  const target = sp.targetPort ?? port;
  if (typeof target === 'number' || /^\d+$/.test(String(target))) return Number(target);
  const named = pod.spec?.containers?.flatMap((c) => c.ports ?? []).find((p) => p.name === target);
  if (!named) throw new KubectlError(`error: Pod '${pod.metadata?.name}' does not have a named port '${target}'`);
  return named.containerPort;
}

/**
 * kubectl port-forward (pkg/cmd/portforward): while it runs, the master's localhost:LOCAL reaches
 * the pod's port (curl/wget on the master, http-client.ts). In the foreground it blocks until
 * Ctrl-C; `kubectl port-forward ... &` keeps it as a background job until `kill %N`.
 */
async function runPortForward(k: Kubectl): Promise<number> {
  if (k.args.length === 0) throw new KubectlError("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples");
  if (k.args.length < 2) throw new KubectlError("error: at least 1 PORT is required for port-forward\nSee 'kubectl port-forward -h' for help and examples");
  const addresses = (k.str('address') ?? 'localhost').split(',');
  k.settle();
  const pod = findPod(k, k.args[0]);
  if (pod.status?.phase !== 'Running') throw new KubectlError(`error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
  const pairs: [number, number][] = [];
  for (const spec of k.args.slice(1)) {
    const [l, r] = spec.includes(':') ? spec.split(':') : [spec, spec];
    const remote = Number(r);
    if (!/^\d+$/.test(r) || remote < 1 || remote > 65535) throw new KubectlError(`error: Error parsing remote port '${r}': strconv.ParseUint: parsing "${r}": invalid syntax`);
    const local = l === '' ? 30000 + ((remote * 7919) % 30000) : Number(l);
    if (!/^\d*$/.test(l) || local > 65535) throw new KubectlError(`error: Error parsing local port '${l}': strconv.ParseUint: parsing "${l}": invalid syntax`);
    pairs.push([local, servicePort(k, k.args[0], pod, remote)]);
  }
  const forwards = k.env.forwards ?? new Map();
  for (const [local, remote] of pairs) {
    if (forwards.has(local)) {
      throw new KubectlError(`Unable to listen on port ${local}: Listeners failed to create with the following errors: [unable to create listener: ` +
        `Error listen tcp4 127.0.0.1:${local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${local}: bind: address already in use]\n` +
        `error: unable to listen on any of the requested ports: [{${local} ${remote}}]`);
    }
  }
  const job = k.env.background ? Math.max(0, ...[...forwards.values()].map((f) => f.job ?? 0)) + 1 : undefined;
  if (job !== undefined) k.err(`[${job}] ${4300 + job}\n`);
  for (const [local, remote] of pairs) {
    forwards.set(local, { namespace: pod.metadata?.namespace ?? k.namespace, pod: pod.metadata!.name!, port: remote, job });
    for (const a of addresses) {
      if (a === 'localhost') k.out(`Forwarding from 127.0.0.1:${local} -> ${remote}\nForwarding from [::1]:${local} -> ${remote}\n`);
      else k.out(`Forwarding from ${a}:${local} -> ${remote}\n`);
    }
  }
  if (job !== undefined) return 0;
  // Foreground: forwards until Ctrl-C (commands run one at a time, so use `&` to curl meanwhile).
  const deadline = k.cluster.now() + WATCH_TIMEOUT_MS;
  try {
    while (!k.signal?.aborted && k.cluster.now() < deadline) await k.wait(1000);
  } finally {
    for (const [local] of pairs) forwards.delete(local);
  }
  return k.signal?.aborted ? 130 : 0;
}

export const portForwardVerb: VerbSpec = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  usage: 'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  flags: [
    { name: 'address', type: 'string' },
    { name: 'pod-running-timeout', type: 'string' },
  ],
  run: runPortForward,
};
