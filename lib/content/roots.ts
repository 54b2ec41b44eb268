import path from 'node:path';

let override: string[] | undefined;

/**
 * Content roots, searched in order. Default: `<cwd>/content`, plus any folders listed in
 * KUBELAB_CONTENT_DIRS (path.delimiter-separated, e.g. a hidden e2e fixture course).
 * Tests call `setContentRoots([...])`; `setContentRoots(undefined)` restores the default.
 */
export function setContentRoots(roots: readonly string[] | undefined): void {
  override = roots ? roots.map((r) => path.resolve(r)) : undefined;
}

export function getContentRoots(): string[] {
  if (override) return override;
  const extra = (process.env.KUBELAB_CONTENT_DIRS ?? '')
    .split(path.delimiter)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((r) => path.resolve(r));
  return [path.resolve(process.cwd(), 'content'), ...extra];
}
