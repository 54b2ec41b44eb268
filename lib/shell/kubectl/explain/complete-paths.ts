/**
 * Tab completion of `kubectl explain TYPE.field.sub...`: the field names at the typed depth, from
 * the same documentation explain prints (loaded on first use; until then nothing is offered).
 */
import type { Cluster } from '../../../cluster';
import { peekApiDocs } from './explain-verb';

export function explainPathCandidates(cluster: Cluster, typed: string): string[] {
  const docs = peekApiDocs();
  if (!docs) return [];
  const parts = typed.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const res = cluster.resolveResource(parts.slice(0, i).join('.'));
    if (!res) continue;
    let code = `#${docs.kinds[`${res.group ? `${res.group}/` : ''}${res.version}/${res.kind}`] ?? ''}`;
    for (const field of parts.slice(i, -1)) {
      const key = code.replace(/^[[{]+/, '').slice(1);
      const next = docs.types[key]?.f?.[field];
      if (!next) return [];
      code = next[0];
    }
    const fields = docs.types[code.replace(/^[[{]+/, '').slice(1)]?.f ?? {};
    const head = parts.slice(0, -1).join('.');
    return Object.keys(fields).map((f) => `${head}.${f}`);
  }
  return [];
}
