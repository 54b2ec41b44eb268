import type { Container, Pod } from 'kubernetes-types/core/v1';
import { containerBaseFiles, containerFiles, containerMounts, containerRootKey, type Cluster } from '../../../cluster';
import { Vfs } from '../../vfs';

const BASE_DIRS = ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/var', '/var/log'];

const parents = (p: string): string[] => {
  const out: string[] = [];
  for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) out.push(p.slice(0, i));
  return out;
};

/** The container's filesystem as a Vfs: image + kubelet files, its own writes, then each mount. */
export function loadContainerFs(cluster: Cluster, pod: Pod, container: Container): Vfs {
  const mounts = containerMounts(cluster, pod, container);
  const files = containerFiles(cluster, pod, container, mounts);
  const dirs = new Set(['/', ...BASE_DIRS]);
  for (const p of [...Object.keys(files), ...mounts.map((m) => `${m.path}/x`)]) for (const d of parents(p)) dirs.add(d);
  return new Vfs({ files, dirs: [...dirs] });
}

/** Writes what changed back to the backing stores (PV files outlive the pod). */
export function saveContainerFs(cluster: Cluster, pod: Pod, container: Container, vfs: Vfs): void {
  const mounts = containerMounts(cluster, pod, container);
  const base = containerBaseFiles(pod, container, mounts);
  const trees = new Map<string, Record<string, string>>([[containerRootKey(pod, container), {}], ...mounts.map((m) => [m.key, {}] as [string, Record<string, string>])]);
  for (const [path, text] of Object.entries(vfs.toJSON().files)) {
    const m = mounts.find((x) => x.path === '/' || path.startsWith(`${x.path}/`));
    if (m) trees.get(m.key)![m.path === '/' ? path : path.slice(m.path.length)] = text;
    else if (base[path] !== text) trees.get(containerRootKey(pod, container))![path] = text;
  }
  for (const [key, tree] of trees) cluster.files.write(key, tree);
  const pods = new Set(cluster.list<Pod>('Pod').map((p) => p.metadata?.uid));
  const pvs = new Set(cluster.list<{ metadata?: { name?: string } }>('PersistentVolume').map((p) => p.metadata?.name));
  cluster.files.prune((key) => (key.startsWith('pv/') ? pvs.has(key.slice(3)) : pods.has(key.split('/')[1])));
}
