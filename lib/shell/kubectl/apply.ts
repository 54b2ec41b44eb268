import { isStatusError, servedVersions, strictDecodingError, unknownFields, type KubeObject, type ResourceInfo } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { CREATE_SUB_FLAGS, runCreateSubcommand } from './create-subcommands';
import { formatError, KubectlError, NotSimulated } from './errors';
import { parseSource, readSources, validateObject } from './manifest';
import { canonicalJson, mergeMaps } from './merge';
import { resourceName } from './printers/output';
import { checkMadeObjectOutput, outputFormat, printMadeObject } from './template-output';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface ResolvedObject {
  obj: KubeObject;
  res: ResourceInfo;
  namespace: string | undefined;
  source: string;
}

/** Maps a manifest object to its resource and namespace (resource.Builder + RESTMapper). */
export function resolveObject(k: Kubectl, obj: KubeObject, source: string): ResolvedObject {
  validateObject(obj, source);
  const [group, version] = obj.apiVersion!.includes('/') ? obj.apiVersion!.split('/') : ['', obj.apiVersion!];
  const res = k.cluster.resourceForKind(obj.kind!, obj.apiVersion);
  if (!res || !servedVersions(res).includes(version) || res.group !== group) {
    throw new MappingError(`error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: ` +
      `"${obj.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\n` +
      'ensure CRDs are installed first');
  }
  if (!res.simulated) throw new NotSimulated(`creating ${res.kind} objects`);
  let namespace: string | undefined;
  if (res.namespaced) {
    const own = obj.metadata?.namespace;
    if (own && k.explicitNamespace && own !== k.namespace) {
      throw new KubectlError(`error: the namespace from the provided object "${own}" does not match the namespace ` +
        `"${k.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
    }
    namespace = own || k.namespace;
  }
  return { obj, res, namespace, source };
}

/** A kind/version the server does not serve; the builder goes on with the other objects (ContinueOnError). */
export class MappingError extends KubectlError {}

/**
 * Reads every `-f` source and resolves its objects, stopping at the first broken document;
 * objects whose kind is not served are skipped and reported together at the end, as the
 * resource builder's aggregated visitor errors are (e.g. Longhorn 1.3.3's PodSecurityPolicy).
 */
export function* manifestObjects(k: Kubectl): Generator<ResolvedObject> {
  const files = (k.flags.filename as string[] | undefined) ?? [];
  if (files.length === 0) throw new KubectlError("error: must specify one of -f and -k");
  const unmapped: string[] = [];
  for (const src of readSources(k, files)) {
    for (const obj of parseSource(src)) {
      let r: ResolvedObject;
      try {
        r = resolveObject(k, obj, src.name);
      } catch (e) {
        if (!(e instanceof MappingError)) throw e;
        unmapped.push(e.message);
        continue;
      }
      yield r;
    }
  }
  if (unmapped.length) throw new MappingError(unmapped.join('\n'));
}

interface Outcome { msg: string; obj: KubeObject }

function dryRunSuffix(k: Kubectl): string {
  const d = k.str('dry-run');
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/** The last-applied annotation value: the manifest with namespace set, as compact JSON + newline. */
function lastApplied(r: ResolvedObject): string {
  const copy = structuredClone(r.obj);
  copy.metadata ??= {};
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  if (r.namespace) copy.metadata.namespace = r.namespace;
  return `${canonicalJson(copy)}\n`;
}

function applyOne(k: Kubectl, r: ResolvedObject): Outcome {
  const name = r.obj.metadata?.name;
  if (!name) {
    throw new KubectlError(`error: error when retrieving current configuration of:\nResource: "${r.res.group}/${r.res.version}, ` +
      `Resource=${r.res.plural}", GroupVersionKind: "${r.res.group}/${r.res.version}, Kind=${r.res.kind}"\nName: "", ` +
      `Namespace: "${r.namespace ?? ''}"\nfrom server for: "${r.source}": resource name may not be empty`);
  }
  const dryRun = !!k.str('dry-run') && k.str('dry-run') !== 'none';
  const { live, planned } = planApply(k, r);
  if (!live) {
    const made = k.str('dry-run') !== 'client' ? k.cluster.create(planned, { dryRun }) : planned;
    return { msg: `${resourceName(r.res, name)} created${dryRunSuffix(k)}\n`, obj: made };
  }
  if (live.metadata?.annotations?.[LAST_APPLIED] === undefined) {
    k.err(`Warning: resource ${r.res.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by ` +
      'kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create ' +
      '--save-config or kubectl apply. The missing annotation will be patched automatically.\n');
  }
  if (canonicalJson(planned) === canonicalJson(live)) return { msg: `${resourceName(r.res, name)} unchanged${dryRunSuffix(k)}\n`, obj: live };
  const updated = k.str('dry-run') !== 'client' ? k.cluster.update(planned, { dryRun }) : planned;
  return { msg: `${resourceName(r.res, name)} configured${dryRunSuffix(k)}\n`, obj: updated };
}

/**
 * What `apply` sends for one manifest object (also what `kubectl diff` previews): the object to
 * create with its last-applied annotation, or the three-way merge of live, last-applied and desired.
 */
export function planApply(k: Kubectl, r: ResolvedObject): { live?: KubeObject; planned: KubeObject } {
  const desired = structuredClone(r.obj);
  desired.metadata = { ...desired.metadata, namespace: r.namespace, annotations: { ...desired.metadata?.annotations, [LAST_APPLIED]: lastApplied(r) } };
  const live = k.cluster.get<KubeObject>(r.res.kind, r.namespace, r.obj.metadata?.name ?? '');
  if (!live) return { planned: desired };
  const previous = live.metadata?.annotations?.[LAST_APPLIED];
  let original: Record<string, unknown> | undefined;
  try { original = previous ? JSON.parse(previous) : undefined; } catch { original = undefined; }
  return { live, planned: mergeMaps(live, original, desired) as KubeObject };
}

function createOne(k: Kubectl, r: ResolvedObject): Outcome {
  const dryRun = !!k.str('dry-run') && k.str('dry-run') !== 'none';
  const obj = structuredClone(r.obj);
  if (r.namespace) obj.metadata = { ...obj.metadata, namespace: r.namespace };
  if (k.bool('save-config')) obj.metadata = { ...obj.metadata, annotations: { ...obj.metadata?.annotations, [LAST_APPLIED]: lastApplied(r) } };
  const made = k.str('dry-run') !== 'client' ? k.cluster.create(obj, { dryRun }) : obj;
  return { msg: `${resourceName(r.res, obj.metadata?.name ?? '')} created${dryRunSuffix(k)}\n`, obj: made };
}

/** `--validate=strict` (default): the server rejects unknown fields; `warn` prints them; `false|ignore` skips. */
function checkFields(k: Kubectl, obj: KubeObject): void {
  const mode = k.str('validate') ?? 'strict';
  if (mode === 'warn') for (const f of unknownFields(obj)) k.err(`Warning: unknown field "${f}"\n`);
  // Type errors fail even with validation off: the body does not decode.
  const err = strictDecodingError(obj, !['false', 'ignore', 'none', 'warn'].includes(mode));
  if (err) throw err;
}

/** Shared by `apply -f` and `create -f`: API errors are collected and printed after the rest. */
export function runManifestVerb(k: Kubectl, mode: 'apply' | 'create'): number {
  const errors: string[] = [];
  checkMadeObjectOutput(k);
  let printed = 0;
  try {
    for (const r of manifestObjects(k)) {
      try {
        checkFields(k, r.obj);
        const { msg, obj } = mode === 'apply' ? applyOne(k, r) : createOne(k, r);
        // With -o the object is printed instead of the message (YAML documents separated by ---).
        if (!outputFormat(k)) k.out(msg);
        else { if (printed++ && outputFormat(k) === 'yaml') k.out('---\n'); printMadeObject(k, obj, obj.metadata?.name ?? ''); }
        k.settle();
      } catch (e) {
        if (!isStatusError(e)) throw e;
        const verb = mode === 'create' || !k.cluster.get(r.res.kind, r.namespace, r.obj.metadata?.name ?? '') ? 'creating' : 'patching';
        errors.push(formatError(e, { verb, name: r.source }));
      }
    }
  } finally {
    for (const e of errors) k.err(e);
  }
  return errors.length ? 1 : 0;
}

const manifestFlags = [
  { name: 'filename', short: 'f', type: 'stringArray' as const },
  { name: 'dry-run', type: 'string' as const, noOptDefault: 'unchanged' },
  { name: 'output', short: 'o', type: 'string' as const },
  { name: 'template', type: 'string' as const },
  { name: 'show-managed-fields', type: 'bool' as const },
  { name: 'validate', type: 'string' as const, noOptDefault: 'strict' },
  { name: 'recursive', short: 'R', type: 'bool' as const },
  { name: 'selector', short: 'l', type: 'string' as const },
  { name: 'field-manager', type: 'string' as const },
];

export const applyVerb: VerbSpec = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [...manifestFlags, { name: 'server-side', type: 'bool' }, { name: 'force', type: 'bool' }, { name: 'prune', type: 'bool' }],
  run: (k) => {
    if (k.bool('server-side')) throw new NotSimulated('"kubectl apply --server-side"');
    return runManifestVerb(k, 'apply');
  },
};

export const createVerb: VerbSpec = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [...manifestFlags, { name: 'save-config', type: 'bool' }, { name: 'edit', type: 'bool' }, ...CREATE_SUB_FLAGS],
  run: (k) => {
    if (k.args.length > 0) return runCreateSubcommand(k);
    return runManifestVerb(k, 'create');
  },
};
