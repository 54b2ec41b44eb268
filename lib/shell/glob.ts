import type { Vfs } from './vfs';
import { normalizePath } from './vfs';

/** Pathname expansion for `*` and `?` in the last path segment (e.g. `*.yaml`, `dir/*.yml`). */
export function globPaths(vfs: Vfs, cwd: string, pattern: string): string[] | undefined {
  const slash = pattern.lastIndexOf('/');
  const dirPart = slash >= 0 ? pattern.slice(0, slash + 1) : '';
  const namePart = slash >= 0 ? pattern.slice(slash + 1) : pattern;
  if (/[*?]/.test(dirPart)) return undefined;
  const dir = normalizePath(dirPart || '.', cwd, '/root');
  if (!vfs.isDir(dir)) return undefined;
  const re = new RegExp(`^${namePart.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  const matches = vfs.list(dir).filter((n) => re.test(n) && (!n.startsWith('.') || namePart.startsWith('.')));
  return matches.length ? matches.map((n) => dirPart + n) : undefined;
}
