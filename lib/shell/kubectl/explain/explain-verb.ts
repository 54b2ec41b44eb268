/**
 * `kubectl explain`, after staging/src/k8s.io/kubectl/pkg/cmd/explain/explain.go and
 * pkg/explain/explain.go (SplitAndParseResourceRequest[WithMatchingPrefix]) rendering the
 * OpenAPI v3 "plaintext" template (render.ts). The documentation is the JSDoc of the
 * kubernetes-types package, extracted by scripts/gen-explain.ts into api-docs.json and
 * loaded on first use only (server side; never part of a browser bundle).
 */
import { servedVersions, type KubeObject, type ResourceInfo } from '../../../cluster';
import type { Kubectl, VerbSpec } from '../context';
import { KubectlError, NotSimulated } from '../errors';
import { withCrd } from './crd-docs';
import { renderPlaintext, type ApiDocs } from './render';

let docsPromise: Promise<ApiDocs> | undefined;
let loaded: ApiDocs | undefined;
export function loadApiDocs(): Promise<ApiDocs> {
  docsPromise ??= import('./api-docs.json').then((m) => (loaded = (m.default ?? m) as unknown as ApiDocs));
  return docsPromise;
}

/** The docs if already loaded (Tab completion is synchronous); starts loading them otherwise. */
export function peekApiDocs(): ApiDocs | undefined {
  if (!loaded) void loadApiDocs().catch(() => undefined);
  return loaded;
}

/** Longest dotted prefix that names a resource (`cronjobs.batch.spec` → cronjobs.batch + [spec]). */
function splitResource(k: Kubectl, input: string, matchPrefix: boolean): { res: ResourceInfo; path: string[] } {
  const parts = input.split('.');
  for (let i = matchPrefix ? parts.length : 1; i > 0; i--) {
    const res = k.cluster.resolveResource(parts.slice(0, i).join('.'));
    if (res) return { res, path: parts.slice(i) };
  }
  throw new KubectlError(`error: the server doesn't have a resource type "${parts[0]}"`);
}

function parseGroupVersion(gv: string): { group: string; version: string } {
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  throw new KubectlError(`error: unexpected GroupVersion string: ${gv}`);
}

async function runExplain(k: Kubectl): Promise<number> {
  if (k.args.length === 0) {
    throw new KubectlError('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  if (k.args.length > 1) throw new KubectlError('error: We accept only this format: explain RESOURCE');
  const format = k.str('output') || 'plaintext';
  const apiVersion = k.str('api-version');
  const { res, path } = splitResource(k, k.args[0], !apiVersion);
  if (format === 'plaintext-openapiv2') throw new NotSimulated('"kubectl explain --output=plaintext-openapiv2" (the OpenAPI v2 printer)');
  if (format !== 'plaintext') throw new KubectlError(`error: unrecognized format: ${format}`);
  const gv = apiVersion ? parseGroupVersion(apiVersion) : { group: res.group, version: res.version };
  const gvr = `${gv.group}/${gv.version}, Resource=${res.plural}`;
  const docs = await loadApiDocs();
  if (res.crd) {
    // A custom resource: its documentation is the CRD's published schema.
    const crd = k.cluster.get<KubeObject>('CustomResourceDefinition', undefined, res.crd);
    const version = (crd?.spec?.versions as { name: string; served?: boolean; schema?: { openAPIV3Schema?: object } }[] | undefined)
      ?.find((v) => v.name === gv.version && v.served !== false);
    if (gv.group !== res.group || !version) throw new KubectlError(`error: couldn't find resource for "${gvr}"`);
    const schema = version.schema?.openAPIV3Schema;
    if (!schema) throw new KubectlError(`error: GVR (${gvr}) not found in OpenAPI schema`);
    const withSchema = withCrd(docs, res.crd, res.kind, schema);
    const { out, error } = renderPlaintext(withSchema.docs, { group: gv.group, version: gv.version, kind: res.kind, typeKey: withSchema.typeKey },
      path, k.bool('recursive'));
    k.out(out);
    if (error) throw new KubectlError(error);
    return 0;
  }
  const prefix = `${gv.group ? `${gv.group}/` : ''}${gv.version}/`;
  if (gv.group === res.group && !servedVersions(res).includes(gv.version)) throw new KubectlError(`error: couldn't find resource for "${gvr}"`);
  if (!Object.keys(docs.kinds).some((key) => key.startsWith(prefix)) && gv.group !== res.group) {
    throw new KubectlError(`error: couldn't find resource for "${gvr}"`);
  }
  const typeKey = gv.group === res.group ? docs.kinds[`${prefix}${res.kind}`] : undefined;
  if (!typeKey) throw new KubectlError(`error: GVR (${gvr}) not found in OpenAPI schema`);
  const { out, error } = renderPlaintext(docs, { group: gv.group, version: gv.version, kind: res.kind, typeKey }, path, k.bool('recursive'));
  k.out(out);
  if (error) throw new KubectlError(error);
  return 0;
}

export const explainVerb: VerbSpec = {
  name: 'explain', short: 'Get documentation for a resource',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [--output=plaintext|plaintext-openapiv2]',
  // --output has no -o shorthand here (explain.go registers it without one).
  flags: [{ name: 'recursive', type: 'bool' }, { name: 'api-version', type: 'string' }, { name: 'output', type: 'string', default: 'plaintext' }],
  run: runExplain,
};
