/**
 * resource.Quantity parsing (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go):
 * binary (Ki, Mi, Gi, Ti, Pi, Ei) and decimal (k, M, G, T, P, E, m) suffixes, exponents.
 * Returns the value in base units (bytes / cores), or undefined when malformed.
 */
const SUFFIX: Record<string, number> = {
  '': 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

export function parseQuantity(q: string | number | undefined): number | undefined {
  if (q === undefined || q === null) return undefined;
  if (typeof q === 'number') return q;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/.exec(q.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * SUFFIX[m[3] ?? ''];
}

export const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
