import type { ResourceInfo } from '../../cluster';
import type { Kubectl } from './context';
import { KubectlError } from './errors';

export interface ResourceRequest {
  res: ResourceInfo;
  names: string[];
}

/**
 * Turns `TYPE[,TYPE] [NAME...]` or `TYPE/NAME ...` into typed requests, the way
 * cli-runtime's resource.Builder does (ResourceTypeOrNameArgs).
 */
export function resolveArgs(k: Kubectl, args: string[]): ResourceRequest[] {
  const resolve = (typed: string): ResourceInfo => {
    const res = k.cluster.resolveResource(typed);
    if (!res) throw new KubectlError(`error: the server doesn't have a resource type "${typed}"`);
    return res;
  };
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) {
      throw new KubectlError("error: there is no need to specify a resource type as a separate argument when passing " +
        "arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource " +
        "resource/<resource_name>'");
    }
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const [type, name] = [a.slice(0, a.indexOf('/')), a.slice(a.indexOf('/') + 1)];
      if (!name) throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const res = resolve(type);
      const prev = out.find((r) => r.res === res);
      if (prev) prev.names.push(name); else out.push({ res, names: [name] });
    }
    return out;
  }
  const types = args[0].split(',').filter(Boolean);
  const names = args.slice(1);
  if (types.length > 1 && names.length) {
    throw new KubectlError('error: you may only specify a single resource type');
  }
  const out: ResourceRequest[] = [];
  for (const t of types) {
    const expanded = t.toLowerCase() === 'all' ? ALL_CATEGORY.map((x) => k.cluster.resolveResource(x)!).filter(Boolean) : [resolve(t)];
    for (const res of expanded) if (!out.some((r) => r.res === res)) out.push({ res, names });
  }
  return out;
}

/** The `all` category of a 1.34 server's discovery, in kubectl's order. */
const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'services', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps',
  'statefulsets.apps', 'horizontalpodautoscalers.autoscaling', 'cronjobs.batch', 'jobs.batch'];

export function isAllCategory(args: string[]): boolean {
  return args.length > 0 && args[0].split(',').some((t) => t.toLowerCase() === 'all');
}
