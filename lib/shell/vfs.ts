/**
 * The learner's small in-memory filesystem (home /root). Paths are absolute and
 * normalised; directories are explicit entries so `mkdir` and `ls` behave.
 */
export interface VfsState {
  files: Record<string, string>;
  dirs: string[];
}

export class VfsError extends Error {
  constructor(readonly path: string, readonly why: 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY') {
    super(why);
  }
}

export const VFS_MESSAGES: Record<VfsError['why'], string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
};

export function normalizePath(path: string, cwd: string, home: string): string {
  let p = path;
  if (p === '~' || p.startsWith('~/')) p = home + p.slice(1);
  if (!p.startsWith('/')) p = `${cwd}/${p}`;
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

const parentOf = (p: string) => (p.lastIndexOf('/') <= 0 ? '/' : p.slice(0, p.lastIndexOf('/')));

export class Vfs {
  private files: Map<string, string>;
  private dirs: Set<string>;

  constructor(state?: VfsState) {
    this.files = new Map(Object.entries(state?.files ?? {}));
    this.dirs = new Set(['/', '/root', '/tmp', '/etc', ...(state?.dirs ?? [])]);
  }

  isDir(p: string): boolean { return this.dirs.has(p); }
  isFile(p: string): boolean { return this.files.has(p); }
  exists(p: string): boolean { return this.isDir(p) || this.isFile(p); }

  read(p: string): string {
    if (this.dirs.has(p)) throw new VfsError(p, 'EISDIR');
    const f = this.files.get(p);
    if (f === undefined) throw new VfsError(p, 'ENOENT');
    return f;
  }

  write(p: string, content: string, append = false): void {
    if (this.dirs.has(p)) throw new VfsError(p, 'EISDIR');
    const parent = parentOf(p);
    if (!this.dirs.has(parent)) throw new VfsError(p, this.files.has(parent) ? 'ENOTDIR' : 'ENOENT');
    this.files.set(p, append ? (this.files.get(p) ?? '') + content : content);
  }

  mkdir(p: string, parents = false): void {
    if (this.exists(p)) {
      if (parents && this.dirs.has(p)) return;
      throw new VfsError(p, 'EEXIST');
    }
    const parent = parentOf(p);
    if (!this.dirs.has(parent)) {
      if (!parents || this.files.has(parent)) throw new VfsError(p, this.files.has(parent) ? 'ENOTDIR' : 'ENOENT');
      this.mkdir(parent, true);
    }
    this.dirs.add(p);
  }

  /** Children names of a directory, sorted like `ls` (C locale). */
  list(p: string): string[] {
    if (!this.dirs.has(p)) throw new VfsError(p, this.files.has(p) ? 'ENOTDIR' : 'ENOENT');
    const prefix = p === '/' ? '/' : `${p}/`;
    const names = new Set<string>();
    for (const key of [...this.files.keys(), ...this.dirs]) {
      if (key !== p && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) names.add(key.slice(prefix.length));
    }
    return [...names].sort();
  }

  remove(p: string, recursive = false): void {
    if (this.files.delete(p)) return;
    if (!this.dirs.has(p)) throw new VfsError(p, 'ENOENT');
    if (!recursive) throw new VfsError(p, 'EISDIR');
    const prefix = `${p}/`;
    for (const k of [...this.files.keys()]) if (k.startsWith(prefix)) this.files.delete(k);
    for (const d of [...this.dirs]) if (d === p || d.startsWith(prefix)) this.dirs.delete(d);
  }

  size(p: string): number {
    return new TextEncoder().encode(this.files.get(p) ?? '').length;
  }

  toJSON(): VfsState {
    const base = new Set(['/', '/root', '/tmp', '/etc']);
    return { files: Object.fromEntries([...this.files].sort(([a], [b]) => (a < b ? -1 : 1))),
      dirs: [...this.dirs].filter((d) => !base.has(d)).sort() };
  }
}
