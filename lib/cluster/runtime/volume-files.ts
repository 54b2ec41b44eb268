/**
 * File contents written inside containers, by backing store: `pv/<name>` for a
 * PersistentVolume (so files outlive the pod, as on a real disk), `pod/<uid>/...` for a
 * container's own filesystem and emptyDir volumes (gone with the pod). Part of the snapshot.
 */
export type FileTree = Record<string, string>;

export class VolumeFiles {
  private data: Record<string, FileTree>;

  constructor(state?: Record<string, FileTree>) {
    this.data = structuredClone(state ?? {});
  }

  read(key: string): FileTree {
    return { ...(this.data[key] ?? {}) };
  }

  write(key: string, tree: FileTree): void {
    if (Object.keys(tree).length === 0) delete this.data[key];
    else this.data[key] = { ...tree };
  }

  /** Drops stores whose owner (pod uid or PV name) no longer exists. */
  prune(alive: (key: string) => boolean): void {
    for (const key of Object.keys(this.data)) if (!alive(key)) delete this.data[key];
  }

  toJSON(): Record<string, FileTree> {
    return structuredClone(this.data);
  }
}
