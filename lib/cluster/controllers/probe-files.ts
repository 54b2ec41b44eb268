import type { Container, Pod } from '../k8s';
import type { ObjectStore } from '../store';
import type { VolumeFiles } from '../runtime/volume-files';
import { imageFamily } from '../runtime/http-apps';

/**
 * A container's filesystem as the kubelet sees it for exec probes and for the files a
 * container's own script writes: the image's files, the container's writable layer
 * (`pod/<uid>/<container>`, lost on restart) and its volumes (`pod/<uid>/vol/<name>`
 * for emptyDir, `pv/<name>` for claims). Same layout as lib/shell's container-fs.
 */
interface Mount { path: string; key: string }

const BASE_DIRS = ['/', '/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/var', '/var/log'];
const WEB_ROOT = '/usr/share/nginx/html';

export const rootKey = (pod: Pod, container: Container) => `pod/${pod.metadata?.uid}/${container.name}`;

function mountsOf(store: ObjectStore, pod: Pod, container: Container): Mount[] {
  const uid = pod.metadata?.uid ?? '';
  return (container.volumeMounts ?? []).map((m) => {
    const vol = pod.spec?.volumes?.find((v) => v.name === m.name);
    const claim = vol?.persistentVolumeClaim?.claimName;
    const pvc = claim ? store.get('PersistentVolumeClaim', pod.metadata?.namespace, claim) : undefined;
    const pv = (pvc?.spec as { volumeName?: string } | undefined)?.volumeName;
    return { path: m.mountPath.replace(/\/+$/, '') || '/', key: pv ? `pv/${pv}` : `pod/${uid}/vol/${m.name}` };
  }).sort((a, b) => b.path.length - a.path.length);
}

export class ContainerFiles {
  private files: Record<string, string>;
  private dirs: Set<string>;
  private mounts: Mount[];

  constructor(private store: VolumeFiles, objects: ObjectStore, private pod: Pod, private container: Container) {
    this.mounts = mountsOf(objects, pod, container);
    const hostname = pod.spec?.hostname ?? pod.metadata?.name ?? '';
    this.files = { '/etc/hostname': `${hostname}\n`, '/etc/hosts': '', '/etc/resolv.conf': '' };
    const family = container.image ? imageFamily(container.image) : undefined;
    if ((family === 'nginx' || family === 'nginx-slim') && !this.mounts.some((m) => m.path === WEB_ROOT)) {
      this.files[`${WEB_ROOT}/index.html`] = '';
      this.files[`${WEB_ROOT}/50x.html`] = '';
    }
    Object.assign(this.files, store.read(rootKey(pod, container)));
    for (const m of [...this.mounts].reverse()) {
      for (const [rel, text] of Object.entries(store.read(m.key))) this.files[`${m.path === '/' ? '' : m.path}${rel}`] = text;
    }
    this.dirs = new Set(BASE_DIRS);
    for (const p of [...Object.keys(this.files), ...this.mounts.map((m) => `${m.path}/x`)]) {
      for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) this.dirs.add(p.slice(0, i));
    }
  }

  read(path: string): string | undefined { return this.files[normalize(path)]; }
  isFile(path: string): boolean { return normalize(path) in this.files; }
  isDir(path: string): boolean { return this.dirs.has(normalize(path)); }
  exists(path: string): boolean { return this.isFile(path) || this.isDir(path); }

  /** Applies a write (`text`) or a removal (undefined) to the backing store that holds `path`. */
  set(path: string, text: string | undefined): void {
    const p = normalize(path);
    const m = this.mounts.find((x) => x.path === '/' || p.startsWith(`${x.path}/`));
    const key = m ? m.key : rootKey(this.pod, this.container);
    const rel = m ? (m.path === '/' ? p : p.slice(m.path.length)) : p;
    const tree = this.store.read(key);
    if (text === undefined) delete tree[rel];
    else tree[rel] = text;
    this.store.write(key, tree);
    if (text === undefined) delete this.files[p];
    else this.files[p] = text;
  }
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}
