/**
 * `kubectl wait --for=condition=X[=value] | delete | jsonpath='{...}'=value` after
 * staging/src/k8s.io/kubectl/pkg/cmd/wait/{wait,condition,delete,json}.go: polls in simulated
 * time (through the session's sleep) until every object matches or --timeout (default 30s).
 */
import type { KubeObject } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError } from './errors';
import { evalPath, parsePath, printValue } from './jsonpath';
import { resourceName } from './printers/output';
import { resolveArgs } from './resource-args';
import { matchesSelector, parseSelector } from './selector';

/** Go's time.ParseDuration for the usual `60s`, `5m`, `1h30m`, `500ms`. */
export function parseGoDuration(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s) === 0 ? 0 : undefined;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0, used = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms']!;
    used += m[0].length;
  }
  return used === s.length && used > 0 ? total : undefined;
}

type Check = (o: KubeObject | undefined) => boolean;

function parseFor(forArg: string): { check: Check; isDelete: boolean; what: string } {
  if (forArg === 'delete') return { check: (o) => !o, isDelete: true, what: 'delete' };
  if (forArg.startsWith('condition=')) {
    const body = forArg.slice('condition='.length);
    const [type, value = 'true'] = body.split('=');
    return {
      isDelete: false, what: `condition=${type}`,
      check: (o) => !!o && (o.status?.conditions ?? []).some((c: { type: string; status: string }) =>
        c.type.toLowerCase() === type.toLowerCase() && c.status.toLowerCase() === value.toLowerCase()),
    };
  }
  if (forArg.startsWith('jsonpath=')) {
    const body = forArg.slice('jsonpath='.length);
    const close = body.lastIndexOf('}');
    const expr = close >= 0 ? body.slice(0, close + 1) : body;
    const rest = body.slice(expr.length);
    const want = rest.startsWith('=') ? rest.slice(1) : undefined;
    let steps;
    try { steps = parsePath(expr.replace(/^\{|\}$/g, '')); } catch (e) { throw new KubectlError(`error: ${(e as Error).message}`); }
    return {
      isDelete: false, what: `jsonpath=${expr}`,
      check: (o) => {
        if (!o) return false;
        const vals = evalPath(o, steps);
        return want === undefined ? vals.length > 0 : vals.length > 0 && vals.every((v) => printValue(v) === want);
      },
    };
  }
  if (forArg.startsWith('create')) return { check: (o) => !!o, isDelete: false, what: 'create' };
  throw new KubectlError(`error: unrecognized condition: "${forArg}"`);
}

async function runWait(k: Kubectl): Promise<number> {
  const forArg = k.str('for');
  if (!forArg) throw new KubectlError('error: --for must be specified');
  const { check, isDelete } = parseFor(forArg);
  const timeout = parseGoDuration(k.str('timeout') ?? '30s');
  if (timeout === undefined) throw new KubectlError(`error: invalid argument "${k.str('timeout')}" for "--timeout" flag: time: invalid duration "${k.str('timeout')}"`);
  if (k.args.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const sel = k.str('selector') ? parseSelector(k.str('selector')!) : undefined;
  const targets: { res: ReturnType<typeof resolveArgs>[number]['res']; ns?: string; name: string }[] = [];
  k.settle();
  for (const { res, names } of resolveArgs(k, k.args)) {
    const ns = res.namespaced ? k.namespace : undefined;
    if (names.length === 0) {
      if (!k.bool('all') && !sel) throw new KubectlError('error: resource(s) were provided, but no name was specified');
      for (const o of k.cluster.list<KubeObject>(res.kind, ns)) if (!sel || matchesSelector(o.metadata?.labels, sel)) targets.push({ res, ns, name: o.metadata?.name ?? '' });
    }
    for (const name of names) {
      if (!k.cluster.get(res.kind, ns, name)) {
        if (isDelete) { k.out(`${resourceName(res, name)} condition met\n`); continue; }
        throw new KubectlError(`Error from server (NotFound): ${res.plural}${res.group ? `.${res.group}` : ''} "${name}" not found`);
      }
      targets.push({ res, ns, name });
    }
  }
  if (targets.length === 0 && k.args.length && !k.args.some((a) => a.includes('/')) && k.args.length === 1) {
    throw new KubectlError('error: no matching resources found');
  }
  const deadline = k.cluster.now() + timeout;
  let status = 0;
  for (const t of targets) {
    const get = () => k.cluster.get<KubeObject>(t.res.kind, t.ns, t.name);
    while (!check(get()) && !k.signal?.aborted && k.cluster.now() < deadline) {
      const due = k.cluster.nextDueAt();
      const step = Math.max(1, Math.min(1000, (due ?? k.cluster.now() + 1000) - k.cluster.now(), deadline - k.cluster.now()));
      await k.wait(step);
      k.settle();
    }
    if (k.signal?.aborted) return 130;
    if (check(get())) k.out(`${resourceName(t.res, t.name)} condition met\n`);
    else {
      k.err(`error: timed out waiting for the condition on ${t.res.plural}${t.res.group ? `.${t.res.group}` : ''}/${t.name}\n`);
      status = 1;
    }
  }
  return status;
}

export const waitVerb: VerbSpec = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'string', default: '30s' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'local', type: 'bool' },
  ],
  run: runWait,
};
