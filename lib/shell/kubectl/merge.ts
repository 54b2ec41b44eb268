/**
 * The three-way merge `kubectl apply` computes (original = last-applied, modified = the
 * new manifest, current = live object), simplified from strategic merge patch
 * (staging/src/k8s.io/apimachinery/pkg/util/strategicpatch): maps merge recursively,
 * lists of objects merge by their patch merge key (`name`, or `containerPort` for ports),
 * other lists are replaced, fields dropped from the manifest are removed.
 */
type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

function mergeKey(items: Json[]): string | undefined {
  if (items.length === 0 || !items.every(isObj)) return undefined;
  for (const key of ['name', 'containerPort', 'mountPath', 'ip', 'devicePath']) {
    if (items.every((i) => (i as Obj)[key] !== undefined)) return key;
  }
  return undefined;
}

function mergeList(current: Json[], original: Json[] | undefined, modified: Json[]): Json[] {
  const key = mergeKey(modified);
  if (!key || !current.every(isObj)) return modified;
  const find = (list: Json[] | undefined, k: Json) => list?.find((i) => isObj(i) && i[key] === k) as Obj | undefined;
  const out: Json[] = modified.map((m) => {
    const mk = (m as Obj)[key];
    const c = find(current, mk);
    return c ? mergeMaps(c, find(original, mk), m as Obj) : m;
  });
  for (const c of current) {
    const ck = (c as Obj)[key];
    if (!find(modified, ck) && !find(original, ck)) out.push(c);
  }
  return out;
}

export function mergeMaps(current: Obj, original: Obj | undefined, modified: Obj): Obj {
  const out: Obj = { ...current };
  for (const [k, mv] of Object.entries(modified)) {
    const cv = current[k];
    const ov = original?.[k];
    if (isObj(mv) && isObj(cv)) out[k] = mergeMaps(cv, isObj(ov) ? ov : undefined, mv);
    else if (Array.isArray(mv) && Array.isArray(cv)) out[k] = mergeList(cv, Array.isArray(ov) ? ov : undefined, mv);
    else out[k] = mv;
  }
  for (const k of Object.keys(original ?? {})) if (!(k in modified)) delete out[k];
  return out;
}

/** Canonical JSON (sorted keys) for equality checks and the last-applied annotation. */
export function canonicalJson(v: Json): string {
  const sort = (x: Json): Json => Array.isArray(x) ? x.map(sort)
    : isObj(x) ? Object.fromEntries(Object.keys(x).sort().filter((k) => x[k] !== undefined).map((k) => [k, sort(x[k])])) : x;
  return JSON.stringify(sort(v));
}
