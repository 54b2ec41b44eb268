/**
 * File contents written inside containers, by backing store: `pv/<name>` for a
 * PersistentVolume (so files outlive the pod, as on a real disk), `pod/<uid>/...` for a
 * container's own filesystem and emptyDir volumes (gone with the pod). Part of the snapshot.
 */
export type FileTree = Record<string, string>;

function sameTree(a: FileTree | undefined, b: FileTree): boolean {
  const keys = Object.keys(b);
  if (!a) return keys.length === 0;
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((k) => a[k] === b[k]);
}

export class VolumeFiles {
  private data: Record<string, FileTree>;
  private changes = 0;
  private listeners: ((key: string) => void)[] = [];

  constructor(state?: Record<string, FileTree>) {
    this.data = structuredClone(state ?? {});
  }

  read(key: string): FileTree {
    return { ...(this.data[key] ?? {}) };
  }

  /** Called with the store's key after its files changed (e.g. the kubelet re-runs probes). */
  onChange(listener: (key: string) => void): void {
    this.listeners.push(listener);
  }

  /** Bumps whenever a file's content changes (not persisted: compare it within one run). */
  get version(): number {
    return this.changes;
  }

  write(key: string, tree: FileTree): void {
    if (sameTree(this.data[key], tree)) return;
    if (Object.keys(tree).length === 0) delete this.data[key];
    else this.data[key] = { ...tree };
    this.changes++;
    for (const l of this.listeners) l(key);
  }

  /** Drops stores whose owner (pod uid or PV name) no longer exists. */
  prune(alive: (key: string) => boolean): void {
    for (const key of Object.keys(this.data)) {
      if (!alive(key)) {
        delete this.data[key];
        this.changes++;
      }
    }
  }

  toJSON(): Record<string, FileTree> {
    return structuredClone(this.data);
  }
}
