/**
 * Which home files (`/root/...`) a command created, changed or removed, given the shell's file
 * maps before and after it (content strings are shared, so comparing them is cheap); sorted.
 */
export function changedHomeFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  const changed: string[] = [];
  for (const [path, content] of Object.entries(after)) if (before[path] !== content) changed.push(path);
  for (const path of Object.keys(before)) if (!(path in after)) changed.push(path);
  return changed.filter((p) => p.startsWith('/root/')).sort();
}
