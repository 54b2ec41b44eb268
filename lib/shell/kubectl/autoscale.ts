import { apiVersionOf, isStatusError, StatusError, type KubeObject, type ResourceInfo } from '../../cluster';
import { manifestObjects } from './apply';
import type { Kubectl, VerbSpec } from './context';
import { formatError, KubectlError } from './errors';
import { resolveArgs } from './resource-args';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/**
 * kubectl autoscale (staging/src/k8s.io/kubectl/pkg/cmd/autoscale/autoscale.go): an autoscaling/v2
 * HPA named after the target (or --name), MaxReplicas from --max, MinReplicas only when --min > 0,
 * a cpu Utilization metric only when --cpu-percent >= 0 (the server defaults the rest).
 */
async function runAutoscale(k: Kubectl): Promise<number> {
  if (!k.changed.has('max')) throw new KubectlError('error: required flag(s) "max" not set');
  const min = k.flags.min as number, max = k.flags.max as number, cpu = k.flags['cpu-percent'] as number;
  if (max < 1) throw new KubectlError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new KubectlError(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const targets: { res: ResourceInfo; ns: string; name: string }[] = [];
  if (((k.flags.filename as string[] | undefined) ?? []).length) {
    for (const r of manifestObjects(k)) targets.push({ res: r.res, ns: r.namespace ?? k.namespace, name: r.obj.metadata?.name ?? '' });
  } else {
    if (k.args.length === 0) throw new KubectlError('error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
    for (const { res, names } of resolveArgs(k, k.args)) {
      if (!names.length) throw new KubectlError('error: resource(s) were provided, but no name was specified');
      for (const name of names) targets.push({ res, ns: k.namespace, name });
    }
  }
  const dry = k.str('dry-run');
  let failed = false, count = 0;
  for (const t of targets) {
    try {
      if (!k.cluster.get(t.res.kind, t.ns, t.name)) throw new StatusError('NotFound', 404, `${t.res.plural}${t.res.group ? `.${t.res.group}` : ''} "${t.name}" not found`);
      if (!SCALABLE.has(t.res.kind)) {
        throw new KubectlError(`error: cannot autoscale a ${t.res.kind}: could not find scale subresource for ${t.res.group}/${t.res.version}, Resource=${t.res.plural} in discovery information`);
      }
      const hpa: KubeObject = {
        apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
        metadata: { name: k.str('name') || t.name, namespace: t.ns },
        spec: {
          scaleTargetRef: { apiVersion: apiVersionOf(t.res), kind: t.res.kind, name: t.name },
          ...(min > 0 && { minReplicas: min }), maxReplicas: max,
          ...(cpu >= 0 && { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }] }),
        },
      };
      if (dry === 'client') { k.out(`horizontalpodautoscaler.autoscaling/${hpa.metadata!.name} created (dry run)\n`); count++; continue; }
      k.cluster.create(hpa, { dryRun: dry === 'server' });
      k.out(`horizontalpodautoscaler.autoscaling/${hpa.metadata!.name} autoscaled${dry === 'server' ? ' (server dry run)' : ''}\n`);
      count++;
      k.settle();
    } catch (e) {
      if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
      k.err(formatError(e));
      failed = true;
    }
  }
  if (!count && !failed) throw new KubectlError('error: no objects passed to autoscale');
  return failed ? 1 : 0;
}

export const autoscaleVerb: VerbSpec = {
  name: 'autoscale',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  usage: 'kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]',
  flags: [
    { name: 'min', type: 'int', default: -1 },
    { name: 'max', type: 'int', default: -1 },
    { name: 'cpu-percent', type: 'int', default: -1 },
    { name: 'name', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
    { name: 'save-config', type: 'bool' },
    { name: 'field-manager', type: 'string' },
    { name: 'record', type: 'bool' },
  ],
  run: runAutoscale,
};
