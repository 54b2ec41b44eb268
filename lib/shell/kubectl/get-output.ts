/**
 * `get` extras: `-o custom-columns=...`, `--sort-by`, `--field-selector` (template printers: template-output.ts).
 * After staging/src/k8s.io/kubectl/pkg/cmd/get/{customcolumn.go,sorter.go,get.go} and
 * cli-runtime printers/jsonpath.go; field labels per kind from pkg/registry/<kind>/strategy.go
 * (GetAttrs / ToSelectableFields).
 */
import type { KubeObject, ResourceInfo } from '../../cluster';
import { KubectlError } from './errors';
import { evalPath, parsePath, printValue, relaxed } from './jsonpath';
import { tabulate } from './printers/tabwriter';

/** customcolumn.go: `HEADER:.json.path,...`; several results join with ",", none → `<none>`. */
export function customColumns(spec: string, objects: KubeObject[], noHeaders: boolean): string {
  if (!spec) throw new KubectlError('error: custom-columns format specified but no custom columns given');
  const cols = spec.split(',').map((c) => {
    const i = c.indexOf(':');
    if (i < 0) throw new KubectlError(`error: unexpected custom-columns spec: ${c}, expected <header>:<json-path-expr>`);
    let steps;
    try { steps = parsePath(relaxed(c.slice(i + 1)).slice(1, -1)); } catch (e) {
      throw new KubectlError(`error: ${(e as Error).message}`);
    }
    return { header: c.slice(0, i), steps };
  });
  const rows = objects.map((o) => cols.map(({ steps }) => {
    const vals = evalPath(o, steps).filter((v) => v !== undefined && v !== null);
    return vals.length ? vals.map(printValue).join(',') : '<none>';
  }));
  return tabulate(noHeaders ? rows : [cols.map((c) => c.header), ...rows]);
}

/** sorter.go: compares the values of a JSONPath field; numbers numerically, else as strings. */
export function sortObjects(objects: KubeObject[], by: string): KubeObject[] {
  let steps;
  try { steps = parsePath(relaxed(by).slice(1, -1)); } catch (e) { throw new KubectlError(`error: ${(e as Error).message}`); }
  const key = (o: KubeObject) => evalPath(o, steps)[0];
  return [...objects].sort((a, b) => {
    const x = key(a), y = key(b);
    if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : -1) : 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const sx = printValue(x), sy = printValue(y);
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  });
}

const COMMON_FIELDS = ['metadata.name', 'metadata.namespace'];
const FIELDS: Record<string, string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork',
    'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  Secret: ['type'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
    'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
  PersistentVolumeClaim: [],
};

interface FieldReq { field: string; op: '=' | '!='; value: string }

export function parseFieldSelector(text: string): FieldReq[] {
  return text.split(',').filter(Boolean).map((part) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part.trim());
    if (!m) throw new KubectlError(`error: invalid field selector: '${part}'`);
    return { field: m[1].trim(), op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() };
  });
}

function fieldValue(o: KubeObject, field: string): string {
  if (field === 'metadata.namespace') return o.metadata?.namespace ?? '';
  if (field === 'spec.unschedulable' || field === 'spec.hostNetwork') return String(!!evalPath(o, parsePath(field))[0]);
  if (field === 'source') return o.source?.component ?? o.reportingComponent ?? '';
  const v = evalPath(o, parsePath(field))[0];
  return v === undefined || v === null ? '' : String(v);
}

/** Filters as the apiserver's field selector would; unknown fields get the server's BadRequest. */
export function filterByFields(res: ResourceInfo, objects: KubeObject[], text: string, selector = ''): KubeObject[] {
  const reqs = parseFieldSelector(text);
  const allowed = [...COMMON_FIELDS, ...(FIELDS[res.kind] ?? [])];
  for (const r of reqs) {
    if (!allowed.includes(r.field)) {
      const gvr = `${res.group}/${res.version}, Resource=${res.plural}`;
      throw new KubectlError(`Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${selector}", ` +
        `field selector "${text}": field label not supported: ${r.field}`);
    }
  }
  return objects.filter((o) => reqs.every((r) => (fieldValue(o, r.field) === r.value) === (r.op === '=')));
}
