import type { Container, EnvVar, EnvVarSource } from 'kubernetes-types/core/v1';
import { isStatusError, type KubeObject, type ResourceInfo } from '../../cluster';
import type { Kubectl } from './context';
import { formatError, KubectlError } from './errors';
import { resourceName, toJson, toYaml } from './printers/output';
import { resolveArgs } from './resource-args';

type PodSpecLike = { containers?: Container[]; initContainers?: Container[] };

/** The pod spec inside each kind (polymorphichelpers/updatepodspec.go). */
export function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  switch (obj.kind) {
    case 'Pod': return obj.spec;
    case 'CronJob': return obj.spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment': case 'ReplicaSet': case 'StatefulSet': case 'DaemonSet': case 'Job': case 'ReplicationController':
      return obj.spec?.template?.spec;
    default: return undefined;
  }
}

/** set.go selectContainers: shell-glob match of container names (`*` by default). */
function selectContainers(list: Container[] | undefined, pattern: string): Container[] {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return (list ?? []).filter((c) => re.test(c.name));
}

/** The objects named by `TYPE NAME`, `TYPE/NAME`, `TYPE --all` or `-l`. */
function targets(k: Kubectl, resources: string[], help: string): { res: ResourceInfo; name: string; obj?: KubeObject }[] {
  if (resources.length === 0) throw new KubectlError(`error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee '${help}' for help and examples`);
  const out: { res: ResourceInfo; name: string; obj?: KubeObject }[] = [];
  for (const { res, names } of resolveArgs(k, resources)) {
    if (names.length) { for (const n of names) out.push({ res, name: n, obj: k.cluster.get<KubeObject>(res.kind, k.namespace, n) }); continue; }
    if (!k.bool('all') && !k.str('selector')) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const sel = Object.fromEntries((k.str('selector') ?? '').split(',').filter(Boolean).map((p) => p.split('=') as [string, string]));
    for (const o of k.cluster.list<KubeObject>(res.kind, k.namespace)) {
      if (Object.entries(sel).every(([a, b]) => o.metadata?.labels?.[a] === b)) out.push({ res, name: o.metadata!.name!, obj: o });
    }
  }
  return out;
}

/** Applies `change` to a copy of each object and writes it; prints `<kind>/<name> <verb>` like the set printers. */
function update(k: Kubectl, items: ReturnType<typeof targets>, verb: string, change: (spec: PodSpecLike, obj: KubeObject, res: ResourceInfo) => void): number {
  let failed = false;
  const dry = k.str('dry-run') ?? 'none';
  for (const { res, name, obj } of items) {
    try {
      if (!obj) throw new KubectlError(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${name}" not found`);
      const copy = structuredClone(obj);
      const spec = podSpecOf(copy);
      if (!spec) throw new KubectlError(`error: ${res.kind.toLowerCase()}/${name} does not have a pod template`);
      change(spec, copy, res);
      if (JSON.stringify(copy) === JSON.stringify(obj)) continue; // the patch is {}: nothing printed
      const written = dry === 'client' ? copy : k.cluster.update(copy, { dryRun: dry === 'server' });
      k.settle();
      const output = k.str('output');
      if (output === 'yaml') k.out(toYaml(written));
      else if (output === 'json') k.out(toJson(written));
      else k.out(`${resourceName(res, name)} ${verb}${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`);
    } catch (e) {
      if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
      k.err(formatError(e));
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

/** envutil.GetEnvVarRefString. */
function refString(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource field ${from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : ''}${from.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/**
 * kubectl set env (staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go): `KEY=VAL` sets, `KEY-`
 * removes, `--list` prints each container's environment, `--from=configmap/NAME` adds references.
 */
export function runSetEnv(k: Kubectl, args: string[]): number {
  const help = 'kubectl set env -h';
  const firstEnv = args.findIndex((a) => a.includes('=') || a.endsWith('-'));
  const resources = firstEnv < 0 ? args : args.slice(0, firstEnv);
  const envArgs = firstEnv < 0 ? [] : args.slice(firstEnv);
  if (envArgs.some((a) => !(a.includes('=') || a.endsWith('-')))) {
    throw new KubectlError(`error: all resources must be specified before environment changes: ${args.join(' ')}`);
  }
  if (k.bool('list') && k.str('output')) throw new KubectlError('error: --list and --output may not be specified together');
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const a of [...((k.flags.env as string[] | undefined) ?? []), ...envArgs]) {
    const eq = a.indexOf('=');
    if (eq < 0) { remove.push(a.slice(0, -1)); continue; }
    const name = a.slice(0, eq);
    if (!ENV_NAME.test(name)) throw new KubectlError(`error: invalid key name "${name}"`);
    env.push({ name, value: a.slice(eq + 1) });
  }
  const from = k.str('from');
  if (from) {
    const [kind, name] = from.split('/');
    const isCm = /^(configmaps?|cm)$/.test(kind);
    if (!isCm && !/^secrets?$/.test(kind)) throw new KubectlError('error: unsupported resource specified in --from');
    const src = k.cluster.get<KubeObject>(isCm ? 'ConfigMap' : 'Secret', k.namespace, name ?? '');
    if (!src) throw new KubectlError(`Error from server (NotFound): ${isCm ? 'configmaps' : 'secrets'} "${name}" not found`);
    const keys = (k.flags.keys as string[] | undefined) ?? [];
    for (const key of Object.keys((src as { data?: Record<string, string> }).data ?? {}).sort()) {
      if (keys.length && !keys.includes(key)) continue;
      const ref = { name, key };
      env.push({ name: key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase(), valueFrom: isCm ? { configMapKeyRef: ref } : { secretKeyRef: ref } });
    }
  }
  if (k.str('prefix')) for (const e of env) e.name = `${k.str('prefix')}${e.name}`;
  const items = targets(k, resources, help);
  if (!k.bool('list') && env.length === 0 && remove.length === 0) {
    throw new KubectlError('error: at least one environment variable must be provided');
  }
  const pattern = k.str('containers') ?? '*';
  const overwrite = k.changed.has('overwrite') ? k.bool('overwrite') : true;
  if (k.bool('list')) {
    for (const { res, name, obj } of items) {
      if (!obj) { k.err(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${name}" not found\n`); return 1; }
      const spec = podSpecOf(obj) ?? {};
      for (const c of [...selectContainers(spec.containers, pattern), ...selectContainers(spec.initContainers, pattern)]) {
        k.out(`# ${obj.kind} ${name}, container ${c.name}\n`);
        for (const e of c.env ?? []) k.out(e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`);
      }
    }
    return 0;
  }
  return update(k, items, 'env updated', (spec, obj, res) => {
    const containers = [...selectContainers(spec.containers, pattern), ...selectContainers(spec.initContainers, pattern)];
    if (containers.length === 0) k.err(`warning: ${obj.kind}/${obj.metadata?.name} does not have any containers matching "${pattern}"\n`);
    for (const c of containers) {
      if (!overwrite) {
        for (const e of env) {
          const cur = c.env?.find((x) => x.name === e.name);
          if (cur && cur.value !== e.value) {
            throw new KubectlError(`error: ${res.plural}${res.group ? `.${res.group}` : ''}/${obj.metadata?.name} '${cur.name}' already has a value (${cur.value}), and --overwrite is false`);
          }
        }
      }
      // set_env.go updateEnv: replace in place or append, then drop the removed names.
      const list = [...(c.env ?? [])];
      for (const e of env) {
        const i = list.findIndex((x) => x.name === e.name);
        if (i >= 0) list[i] = e; else list.push(e);
      }
      const kept = list.filter((x) => !remove.includes(x.name));
      if (kept.length) c.env = kept; else delete c.env;
    }
  });
}

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

function parseResourceList(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const stmt of spec.split(',')) {
    const parts = stmt.split('=');
    if (parts.length !== 2) throw new KubectlError(`error: Invalid argument syntax ${stmt}, expected <resource>=<value>`);
    if (!QUANTITY.test(parts[1]) || !/^[+-]?[0-9.]+(([KMGTPE]i?)|[numk]|[eE][-+]?[0-9]+)?$/.test(parts[1])) {
      throw new KubectlError("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }
    out[parts[0]] = parts[1];
  }
  return out;
}

/**
 * kubectl set resources (staging/src/k8s.io/kubectl/pkg/cmd/set/set_resources.go): merges
 * `--requests`/`--limits` into the selected containers (`-c`, `*` by default).
 */
export function runSetResources(k: Kubectl, args: string[]): number {
  const limits = k.str('limits') ? parseResourceList(k.str('limits')!) : {};
  const requests = k.str('requests') ? parseResourceList(k.str('requests')!) : {};
  if (!Object.keys(limits).length && !Object.keys(requests).length) {
    throw new KubectlError('error: you must specify an update to requests or limits (in the form of --requests/--limits)');
  }
  const items = targets(k, args, 'kubectl set resources -h');
  const pattern = k.str('containers') ?? '*';
  return update(k, items, 'resource requirements updated', (spec, obj) => {
    const containers = [...selectContainers(spec.initContainers, pattern), ...selectContainers(spec.containers, pattern)];
    if (containers.length === 0) k.err(`warning: ${(obj.kind ?? "").toLowerCase()}/${obj.metadata?.name} does not have any containers matching "${pattern}"\n`);
    for (const c of containers) {
      const r = (c.resources ??= {});
      if (Object.keys(limits).length) r.limits = { ...(r.limits ?? {}), ...limits };
      if (Object.keys(requests).length) r.requests = { ...(r.requests ?? {}), ...requests };
    }
  });
}
