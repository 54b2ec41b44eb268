/**
 * The files a container sees, without a shell: what the image and the kubelet put there
 * (resolv.conf, hosts, hostname, nginx's web root), what was written in the container
 * (`cluster.files` under `pod/<uid>/<container>`), then each volume mount on top (a PV's files
 * under `pv/<name>`, other volumes under `pod/<uid>/vol/<name>`). Pure: the terminal's in-pod
 * shell (lib/shell) builds its Vfs from it, and HTTP servers (curl in the terminal, the grader's
 * clone) serve from it, so `kubectl exec POD -- sh -c 'echo hi > /usr/share/nginx/html/index.html'`
 * changes what both see.
 */
import type { Container, Pod } from '../k8s';
import { resolvConf } from '../network/dns';
import { imageFamily, NGINX_WELCOME_PAGE, type FileLookup } from './http-apps';
import type { FileTree } from './volume-files';

/** What container-files needs of a Cluster: objects (for PVC → PV) and the written files. */
export interface ContainerFilesView {
  get<T>(kind: string, namespace: string | undefined, name: string): T | undefined;
  readonly files: { read(key: string): FileTree };
}

/** A volume mount of a container and the `cluster.files` key its files live under. */
export interface ContainerMount { path: string; key: string }

const WEB_ROOT = '/usr/share/nginx/html';
const NGINX_50X = '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n';

/** Where each mount of a container keeps its files: a PV (`pv/<name>`) or the pod itself; longest path first. */
export function containerMounts(view: Pick<ContainerFilesView, 'get'>, pod: Pod, container: Container): ContainerMount[] {
  const uid = pod.metadata?.uid ?? '';
  return (container.volumeMounts ?? []).map((m) => {
    const vol = pod.spec?.volumes?.find((v) => v.name === m.name);
    const claim = vol?.persistentVolumeClaim?.claimName;
    const pv = claim ? view.get<{ spec?: { volumeName?: string } }>('PersistentVolumeClaim', pod.metadata?.namespace, claim)?.spec?.volumeName : undefined;
    return { path: m.mountPath.replace(/\/+$/, '') || '/', key: pv ? `pv/${pv}` : `pod/${uid}/vol/${m.name}` };
  }).sort((a, b) => b.path.length - a.path.length);
}

/** The `cluster.files` key of what was written to the container's own filesystem. */
export const containerRootKey = (pod: Pod, container: Container) => `pod/${pod.metadata?.uid}/${container.name}`;

/** What the image and the kubelet put in every container (resolv.conf, hosts, hostname, web root). */
export function containerBaseFiles(pod: Pod, container: Container, mounts: readonly ContainerMount[]): FileTree {
  const hostname = pod.spec?.hostname ?? pod.metadata?.name ?? '';
  const ns = pod.metadata?.namespace ?? 'default';
  const ip = pod.status?.podIP ?? '';
  const fqdn = pod.spec?.subdomain ? `${hostname}.${pod.spec.subdomain}.${ns}.svc.cluster.local\t${hostname}` : hostname;
  const files: FileTree = {
    '/etc/resolv.conf': resolvConf(pod as never),
    '/etc/hostname': `${hostname}\n`,
    '/etc/hosts': '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
      'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' + (ip ? `${ip}\t${fqdn}\n` : ''),
  };
  const family = container.image ? imageFamily(container.image) : undefined;
  if ((family === 'nginx' || family === 'nginx-slim') && !mounts.some((m) => m.path === WEB_ROOT)) {
    files[`${WEB_ROOT}/index.html`] = NGINX_WELCOME_PAGE;
    files[`${WEB_ROOT}/50x.html`] = NGINX_50X;
  }
  return files;
}

/** Every file of the container by absolute path: base files, its own writes, then each mount (deepest last). */
export function containerFiles(view: ContainerFilesView, pod: Pod, container: Container,
  mounts: readonly ContainerMount[] = containerMounts(view, pod, container)): FileTree {
  const files: FileTree = { ...containerBaseFiles(pod, container, mounts), ...view.files.read(containerRootKey(pod, container)) };
  for (const m of [...mounts].reverse()) {
    for (const [rel, text] of Object.entries(view.files.read(m.key))) files[`${m.path === '/' ? '' : m.path}${rel}`] = text;
  }
  return files;
}

/** A lookup of the files a container serves (for nginx: its web root, written in the pod or on a volume). */
export function containerFileLookup(view: ContainerFilesView, pod: Pod, index: number): FileLookup {
  const container = pod.spec?.containers?.[index];
  if (!container) return () => undefined;
  let files: FileTree | undefined;
  return (path) => {
    files ??= containerFiles(view, pod, container);
    return Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined;
  };
}
