import type { KubeObject } from '../../cluster';
import type { Kubectl } from './context';
import { KubectlError, NotSimulated } from './errors';
import type { FlagSpec } from './flags';
import { resourceName } from './printers/output';
import { checkMadeObjectOutput, printMadeObject } from './template-output';
import { commandFailed } from './run';
import { CONFIG_SUB_FLAGS, configmap, ingress, secret } from './create-config';
import { namespace, service, SERVICE_SUB_FLAGS } from './create-service';

/** Builds the object a `kubectl create <sub>` generator makes (staging/src/k8s.io/kubectl/pkg/cmd/create). */
export interface CreateSubcommand {
  names: string[];
  /** Variants typed before NAME (`create secret generic|tls NAME`). */
  nested?: string[];
  build(k: Kubectl, name: string): KubeObject;
}

/** Flags of the generator subcommands; `kubectl create` parses them all. */
export const CREATE_SUB_FLAGS: FlagSpec[] = [
  { name: 'image', type: 'stringArray' },
  { name: 'replicas', short: 'r', type: 'int', default: 1 },
  { name: 'port', type: 'int', default: -1 },
  { name: 'schedule', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'from', type: 'string' },
  ...CONFIG_SUB_FLAGS,
  ...SERVICE_SUB_FLAGS,
];

const meta = (k: Kubectl, name: string, extra: Record<string, unknown> = {}) =>
  ({ ...extra, name, ...(k.explicitNamespace && { namespace: k.namespace }) });

const required = (k: Kubectl, flag: string) => {
  if (!k.changed.has(flag)) throw new KubectlError(commandFailed(k.cluster.now(), `required flag(s) \\"${flag}\\" not set`));
};

const images = (k: Kubectl) => (k.flags.image as string[] | undefined) ?? [];

/** create_deployment.go buildPodSpec: container named after the image's last path element, tag/digest removed. */
function containerName(image: string, taken: string[]): string {
  let name = image.split('/').pop()!.split(':')[0].split('@')[0].replace(/_/g, '-');
  if (taken.includes(name)) name = `${name}-${taken.length}`;
  return name;
}

const deployment: CreateSubcommand = {
  names: ['deployment', 'deploy'],
  build(k, name) {
    required(k, 'image');
    const command = k.dashArgs ?? [];
    if (images(k).length > 1 && command.length) throw new KubectlError('error: cannot specify multiple --image options and command');
    const taken: string[] = [];
    const containers = images(k).map((image) => {
      const c: Record<string, unknown> = { name: containerName(image, taken), image, ...(command.length && { command }), resources: {} };
      taken.push(c.name as string);
      return c;
    });
    const port = k.flags.port as number;
    if (port >= 0 && containers.length) containers[0].ports = [{ containerPort: port }];
    const labels = { app: name };
    return {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(k, name, { labels }),
      spec: { replicas: k.flags.replicas as number, selector: { matchLabels: labels }, strategy: {},
        template: { metadata: { labels }, spec: { containers } } },
      status: {},
    };
  },
};

function podSpec(k: Kubectl, name: string, restartPolicy: string): Record<string, unknown> {
  const command = k.dashArgs ?? [];
  return { containers: [{ name, image: images(k)[0], ...(command.length && { command }), resources: {} }], restartPolicy };
}

const job: CreateSubcommand = {
  names: ['job'],
  build(k, name) {
    const from = k.str('from');
    if (!images(k).length && !from) throw new KubectlError('error: either --image or --from must be specified');
    if (images(k).length && from) throw new KubectlError('error: --image and --from are mutually exclusive');
    if (from) {
      if ((k.dashArgs ?? []).length) throw new KubectlError('error: cannot specify --from and command');
      const [type, cjName] = from.split('/');
      if (!cjName || k.cluster.resolveResource(type)?.kind !== 'CronJob') {
        throw new KubectlError(`error: from must be an existing cronjob: ${from}`);
      }
      const cj = k.cluster.get<KubeObject>('CronJob', k.namespace, cjName);
      if (!cj) throw new KubectlError(`Error from server (NotFound): cronjobs.batch "${cjName}" not found`);
      const tpl = cj.spec.jobTemplate;
      return {
        apiVersion: 'batch/v1', kind: 'Job',
        metadata: meta(k, name, {
          ...(tpl.metadata?.labels && { labels: tpl.metadata.labels }),
          annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...tpl.metadata?.annotations },
          ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cjName, uid: cj.metadata!.uid, controller: true }],
        }),
        spec: structuredClone(tpl.spec), status: {},
      };
    }
    return { apiVersion: 'batch/v1', kind: 'Job', metadata: meta(k, name),
      spec: { template: { metadata: {}, spec: podSpec(k, name, 'Never') } }, status: {} };
  },
};

const cronjob: CreateSubcommand = {
  names: ['cronjob', 'cj'],
  build(k, name) {
    required(k, 'image');
    required(k, 'schedule');
    const restart = k.str('restart') || 'OnFailure';
    return {
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta(k, name),
      spec: { jobTemplate: { metadata: { name }, spec: { template: { metadata: {}, spec: podSpec(k, name, restart) } } }, schedule: k.str('schedule') },
      status: {},
    };
  },
};

/** Generators by subcommand name. */
export const CREATE_SUBCOMMANDS: CreateSubcommand[] = [deployment, job, cronjob, configmap, secret, ingress, namespace, service];

/** `kubectl create <sub> NAME ...`: build, create (or dry-run), print like the real generators. */
export function runCreateSubcommand(k: Kubectl): number {
  const subName = k.args[0];
  const sub = CREATE_SUBCOMMANDS.find((s) => s.names.includes(subName));
  if (!sub) throw new NotSimulated(`"kubectl create ${subName}"`);
  if (sub.nested && !sub.nested.includes(k.args[1])) {
    if (k.args[1] === undefined) throw new KubectlError(`error: must specify one of ${sub.nested.join(', ')} for "kubectl create ${subName}"`);
    throw new NotSimulated(`"kubectl create ${subName} ${k.args[1]}"`);
  }
  const skip = sub.nested ? 1 : 0;
  const name = k.args[1 + skip];
  if (!name) throw new KubectlError(`error: exactly one NAME is required, got 0\nSee 'kubectl create ${subName} -h' for help and examples`);
  if (k.args.length > 2 + skip) throw new KubectlError(`error: exactly one NAME is required, got ${k.args.length - 1 - skip}\nSee 'kubectl create ${subName} -h' for help and examples`);
  checkMadeObjectOutput(k);
  const obj = sub.build(k, name);
  const dryRun = k.str('dry-run') ?? 'none';
  let shown = obj;
  if (dryRun !== 'client') {
    shown = k.cluster.create(obj, { dryRun: dryRun === 'server' });
    k.settle();
  }
  const res = k.cluster.resourceForKind(obj.kind!)!;
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  if (!printMadeObject(k, shown, name)) k.out(`${resourceName(res, name)} created${suffix}\n`);
  return 0;
}
