import { Document, isScalar, Scalar, visit } from 'yaml';
import { goYamlStyle } from './yaml-style';
import type { KubeObject, ResourceInfo } from '../../../cluster';

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => [k, sortKeys(o[k])]));
  }
  return v;
}

/**
 * `-o yaml`: objects go through JSON then sigs.k8s.io/yaml (go-yaml v2), so keys are
 * sorted, sequences are not indented under their key, and strings that would read as
 * another type (`"true"`, `"80"`, timestamps) are quoted — YAML 1.1 rules.
 */
export function toYaml(obj: unknown): string {
  const doc = new Document(sortKeys(obj), { version: '1.1' });
  // Each string scalar in the style go-yaml v2 picks (yaml-style.ts): plain, 'single', "double", |.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string') pair.key.type = Scalar[goYamlStyle(pair.key.value, true)];
    },
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string') node.type = Scalar[goYamlStyle(node.value)];
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 80, minContentWidth: 0 });
}

/** `-o json`: json.MarshalIndent with four spaces, map keys sorted. */
export function toJson(obj: unknown): string {
  return `${JSON.stringify(sortKeys(obj), null, 4)}\n`;
}

/** `pod/web`, `deployment.apps/web` — the name printer's `kind[.group]/name`. */
export function resourceName(res: ResourceInfo, name: string): string {
  return `${res.kind.toLowerCase()}${res.group ? `.${res.group}` : ''}/${name}`;
}

/** The `kind: List` wrapper kubectl prints for several objects. */
export function asList(items: KubeObject[]): KubeObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
