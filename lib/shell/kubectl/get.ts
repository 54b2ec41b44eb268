import { runGetRaw } from './get-raw';
import type { KubeObject, ResourceInfo } from '../../cluster';

import type { Kubectl, VerbSpec } from './context';
import { KubectlError } from './errors';
import { asList, resourceName, toJson, toYaml } from './printers/output';
import { printerFor } from './printers/registry';
import { tabulate } from './printers/tabwriter';
import { filterByFields, sortObjects } from './get-output';
import { isTemplateOutput, outputFormat, printTemplate } from './template-output';
import { runWatch } from './get-watch';
import { isAllCategory, resolveArgs, type ResourceRequest } from './resource-args';
import { matchesSelector, parseSelector } from './selector';

const OUTPUTS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

interface Found { res: ResourceInfo; objects: KubeObject[] }

export function badOutput(format: string): KubectlError {
  return new KubectlError(`error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${OUTPUTS}`);
}

/** Fetches what the arguments name; NotFound errors are returned, not thrown. */
function fetch(k: Kubectl, requests: ResourceRequest[]): { found: Found[]; errors: string[] } {
  const allNs = k.bool('all-namespaces');
  const selector = k.str('selector') ? parseSelector(k.str('selector')!) : undefined;
  const found: Found[] = [];
  const errors: string[] = [];
  for (const { res, names } of requests) {
    const ns = res.namespaced ? (allNs && names.length === 0 ? undefined : k.namespace) : undefined;
    let objects: KubeObject[];
    if (names.length) {
      objects = [];
      for (const name of names) {
        const o = k.cluster.get(res.kind, ns, name);
        if (o) objects.push(o);
        else errors.push(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${name}" not found\n`);
      }
    } else {
      objects = k.cluster.list(res.kind, ns);
    }
    if (selector) objects = objects.filter((o) => matchesSelector(o.metadata?.labels, selector));
    if (k.str('field-selector')) objects = filterByFields(res, objects, k.str('field-selector')!, k.str('selector') ?? '');
    if (k.str('sort-by')) objects = sortObjects(objects, k.str('sort-by')!);
    found.push({ res, objects });
  }
  return { found, errors };
}

function printTables(k: Kubectl, found: Found[], withKind: boolean): void {
  const wide = k.str('output') === 'wide';
  const allNs = k.bool('all-namespaces');
  const blocks: string[] = [];
  for (const { res, objects } of found) {
    if (objects.length === 0) continue;
    const p = printerFor(res.kind);
    const nsCol = allNs && res.namespaced;
    // -L: one column per label key, headed by its last path segment in capitals (formatLabelHeaders).
    const labelCols = ((k.flags['label-columns'] as string[] | undefined) ?? []).flatMap((l) => l.split(',')).map((l) => l.trim()).filter(Boolean);
    const header = [...(nsCol ? ['NAMESPACE'] : []), ...p.columns, ...(wide ? p.wideColumns : []),
      ...labelCols.map((l) => l.split('/').pop()!.toUpperCase()), ...(k.bool('show-labels') ? ['LABELS'] : [])];
    const rows = objects.map((o) => {
      const cells = p.row(o, { wide, now: k.cluster.now() });
      if (withKind) cells[0] = resourceName(res, cells[0]);
      if (nsCol) cells.unshift(o.metadata?.namespace ?? '');
      for (const l of labelCols) cells.push(o.metadata?.labels?.[l] ?? '');
      if (k.bool('show-labels')) {
        const labels = Object.entries(o.metadata?.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, b]) => `${a}=${b}`);
        cells.push(labels.join(',') || '<none>');
      }
      return cells;
    });
    blocks.push(tabulate(k.bool('no-headers') ? rows : [header, ...rows]));
  }
  k.out(blocks.join('\n'));
}

async function runGet(k: Kubectl): Promise<number> {
  if (k.changed.has('raw')) return runGetRaw(k, k.str('raw') ?? '');
  const output = outputFormat(k);
  if (!['', 'wide', 'yaml', 'json', 'name'].includes(output) && !isTemplateOutput(output)) throw badOutput(output);
  if (k.args.length === 0) {
    throw new KubectlError('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of ' +
      'supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed ' +
      "description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples");
  }
  const requests = resolveArgs(k, k.args);
  if (k.bool('watch') || k.bool('watch-only')) return runWatch(k, requests);
  // The apiserver's deprecation warning header (KEP-4974), printed by kubectl on stderr.
  if (requests.some((r) => r.res.kind === 'Endpoints')) k.err('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
  const { found, errors } = fetch(k, requests);
  const objects = found.flatMap((f) => f.objects);
  const named = requests.some((r) => r.names.length > 0);
  if (output === 'yaml' || output === 'json') {
    if (objects.length > 0 || !named) {
      const doc = named && objects.length === 1 && requests.length === 1 && requests[0].names.length === 1 ? objects[0] : asList(objects);
      if (objects.length > 0 || !named) k.out(output === 'yaml' ? toYaml(doc) : toJson(doc));
    }
  } else if (isTemplateOutput(output)) {
    const single = named && objects.length === 1 && requests.length === 1 && requests[0].names.length === 1;
    if (objects.length > 0 || !named) printTemplate(k, objects, single);
  } else if (output === 'name') {
    for (const f of found) for (const o of f.objects) k.out(`${resourceName(f.res, o.metadata?.name ?? '')}\n`);
  } else {
    const kinds = new Set(found.filter((f) => f.objects.length).map((f) => f.res.kind));
    printTables(k, found, requests.length > 1 || kinds.size > 1 || isAllCategory(k.args));
  }
  for (const e of errors) k.err(e);
  if (objects.length === 0 && errors.length === 0 && output !== 'yaml' && output !== 'json' && !isTemplateOutput(output)) {
    const scoped = requests.every((r) => r.res.namespaced) && !k.bool('all-namespaces');
    k.err(scoped ? `No resources found in ${k.namespace} namespace.\n` : 'No resources found\n');
  }
  return errors.length ? 1 : 0;
}

export const getVerb: VerbSpec = {
  name: 'get',
  short: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    // Objects here carry no managedFields, so there is nothing to hide or show.
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'show-labels', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'raw', type: 'string' },
    { name: 'watch-only', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'sort-by', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'label-columns', short: 'L', type: 'stringArray' },
    { name: 'chunk-size', type: 'int' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run: runGet,
};

