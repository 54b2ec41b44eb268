import type { NodeSelectorRequirement } from 'kubernetes-types/core/v1';
import type { Node, Pod } from '../k8s';

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In': return has && values.includes(value);
    case 'NotIn': return !has || !values.includes(value);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt': return has && Number(value) > Number(values[0]);
    case 'Lt': return has && Number(value) < Number(values[0]);
    default: return false;
  }
}

/**
 * The NodeAffinity filter (pkg/scheduler/framework/plugins/nodeaffinity, component-helpers
 * nodeaffinity.go): spec.nodeSelector AND any one of the required node selector terms, each term
 * being matchExpressions on labels AND matchFields on `metadata.name`.
 */
export function podMatchesNode(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  if (Object.entries(pod.spec?.nodeSelector ?? {}).some(([k, v]) => labels[k] !== v)) return false;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((t) => (t.matchExpressions?.length || t.matchFields?.length) &&
    (t.matchExpressions ?? []).every((r) => requirementMatches(r, labels[r.key])) &&
    (t.matchFields ?? []).every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata?.name)));
}
