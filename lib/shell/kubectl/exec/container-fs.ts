import type { Container, Pod } from 'kubernetes-types/core/v1';
import { imageFamily, NGINX_WELCOME_PAGE, resolvConf, type Cluster } from '../../../cluster';
import { Vfs } from '../../vfs';

interface Mount { path: string; key: string }

const BASE_DIRS = ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/var', '/var/log'];

/** Where each mount of a container keeps its files: a PV (`pv/<name>`) or the pod itself. */
export function mountsOf(cluster: Cluster, pod: Pod, container: Container): Mount[] {
  const uid = pod.metadata?.uid ?? '';
  return (container.volumeMounts ?? []).map((m) => {
    const vol = pod.spec?.volumes?.find((v) => v.name === m.name);
    const claim = vol?.persistentVolumeClaim?.claimName;
    const pv = claim ? cluster.get<{ spec?: { volumeName?: string } }>('PersistentVolumeClaim', pod.metadata?.namespace, claim)?.spec?.volumeName : undefined;
    return { path: m.mountPath.replace(/\/+$/, '') || '/', key: pv ? `pv/${pv}` : `pod/${uid}/vol/${m.name}` };
  }).sort((a, b) => b.path.length - a.path.length);
}

const rootKey = (pod: Pod, container: Container) => `pod/${pod.metadata?.uid}/${container.name}`;

/** What the image and the kubelet put in every container (resolv.conf, hosts, hostname, web root). */
function baseFiles(pod: Pod, container: Container, mounts: Mount[]): Record<string, string> {
  const hostname = pod.spec?.hostname ?? pod.metadata?.name ?? '';
  const ns = pod.metadata?.namespace ?? 'default';
  const ip = pod.status?.podIP ?? '';
  const fqdn = pod.spec?.subdomain ? `${hostname}.${pod.spec.subdomain}.${ns}.svc.cluster.local\t${hostname}` : hostname;
  const files: Record<string, string> = {
    '/etc/resolv.conf': resolvConf(pod as never),
    '/etc/hostname': `${hostname}\n`,
    '/etc/hosts': '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
      'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' + (ip ? `${ip}\t${fqdn}\n` : ''),
  };
  const family = container.image ? imageFamily(container.image) : undefined;
  const webRoot = '/usr/share/nginx/html';
  if ((family === 'nginx' || family === 'nginx-slim') && !mounts.some((m) => m.path === webRoot)) {
    files[`${webRoot}/index.html`] = NGINX_WELCOME_PAGE;
    files[`${webRoot}/50x.html`] = '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n';
  }
  return files;
}

const parents = (p: string): string[] => {
  const out: string[] = [];
  for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) out.push(p.slice(0, i));
  return out;
};

/** The container's filesystem as a Vfs: image + kubelet files, its own writes, then each mount. */
export function loadContainerFs(cluster: Cluster, pod: Pod, container: Container): Vfs {
  const mounts = mountsOf(cluster, pod, container);
  const files: Record<string, string> = { ...baseFiles(pod, container, mounts), ...cluster.files.read(rootKey(pod, container)) };
  for (const m of [...mounts].reverse()) {
    for (const [rel, text] of Object.entries(cluster.files.read(m.key))) files[`${m.path === '/' ? '' : m.path}${rel}`] = text;
  }
  const dirs = new Set(['/', ...BASE_DIRS]);
  for (const p of [...Object.keys(files), ...mounts.map((m) => `${m.path}/x`)]) for (const d of parents(p)) dirs.add(d);
  return new Vfs({ files, dirs: [...dirs] });
}

/** Writes what changed back to the backing stores (PV files outlive the pod). */
export function saveContainerFs(cluster: Cluster, pod: Pod, container: Container, vfs: Vfs): void {
  const mounts = mountsOf(cluster, pod, container);
  const base = baseFiles(pod, container, mounts);
  const trees = new Map<string, Record<string, string>>([[rootKey(pod, container), {}], ...mounts.map((m) => [m.key, {}] as [string, Record<string, string>])]);
  for (const [path, text] of Object.entries(vfs.toJSON().files)) {
    const m = mounts.find((x) => x.path === '/' || path.startsWith(`${x.path}/`));
    if (m) trees.get(m.key)![m.path === '/' ? path : path.slice(m.path.length)] = text;
    else if (base[path] !== text) trees.get(rootKey(pod, container))![path] = text;
  }
  for (const [key, tree] of trees) cluster.files.write(key, tree);
  const pods = new Set(cluster.list<Pod>('Pod').map((p) => p.metadata?.uid));
  const pvs = new Set(cluster.list<{ metadata?: { name?: string } }>('PersistentVolume').map((p) => p.metadata?.name));
  cluster.files.prune((key) => (key.startsWith('pv/') ? pvs.has(key.slice(3)) : pods.has(key.split('/')[1])));
}

/** A lookup of the files a container serves (its web root on a volume, for nginx). */
export function containerFileLookup(cluster: Cluster, pod: Pod, index: number): (path: string) => string | undefined {
  const container = pod.spec?.containers?.[index];
  if (!container) return () => undefined;
  const vfs = loadContainerFs(cluster, pod, container);
  return (path) => (vfs.isFile(path) ? vfs.read(path) : undefined);
}
