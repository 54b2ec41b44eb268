import { applyVerb, createVerb } from './apply';
import type { VerbSpec } from './context';
import { deleteVerb } from './delete';
import { describeVerb } from './describe';
import { EVERYDAY_VERBS } from './everyday-verbs';
import { editVerb } from './edit';
import { execVerb } from './exec/exec-verb';
import { cpVerb, portForwardVerb } from './exec/cp-forward';
import { exposeVerb } from './expose';
import { getVerb } from './get';
import { logsVerb } from './logs';
import { rolloutVerb } from './rollout';
import { setVerb } from './set-image';
import { runVerb } from './run';
import { scaleVerb } from './scale';
import { autoscaleVerb } from './autoscale';
import { versionVerb } from './version';
import { attachVerb, authVerb } from './auth-attach';

/** Simulated verbs. Add a VerbSpec here to grow kubectl. */
export const VERBS: Record<string, VerbSpec> = Object.fromEntries(
  [getVerb, runVerb, applyVerb, createVerb, deleteVerb, describeVerb, versionVerb, scaleVerb, autoscaleVerb, execVerb, exposeVerb, logsVerb, rolloutVerb, setVerb, editVerb, cpVerb, portForwardVerb, authVerb, attachVerb, ...EVERYDAY_VERBS].map((v) => [v.name, v]),
);

/** Real kubectl commands (1.34 `kubectl --help`) that are not simulated yet. */
export const KNOWN_VERBS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate',
  'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward',
  'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label',
  'annotate', 'completion', 'api-resources', 'api-versions', 'config', 'plugin', 'version', 'options', 'alpha', 'help',
];

/** Sections of `kubectl --help`, in kubectl's order. */
export const HELP_GROUPS: [string, string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands', ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  ['Troubleshooting and Debugging Commands', ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']],
  ['Advanced Commands', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands', ['label', 'annotate', 'completion']],
  ['Subcommands provided by plugins', []],
  ['Other Commands', ['api-resources', 'api-versions', 'config', 'plugin', 'version']],
];

export const SHORT_HELP: Record<string, string> = {
  create: 'Create a resource from a file or from stdin', expose: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  run: 'Run a particular image on the cluster', set: 'Set specific features on objects',
  explain: 'Get documentation for a resource', get: 'Display one or many resources',
  edit: 'Edit a resource on the server', delete: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  rollout: 'Manage the rollout of a resource', scale: 'Set a new size for a deployment, replica set, or replication controller',
  autoscale: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  certificate: 'Modify certificate resources', 'cluster-info': 'Display cluster information',
  top: 'Display resource (CPU/memory) usage', cordon: 'Mark node as unschedulable', uncordon: 'Mark node as schedulable',
  drain: 'Drain node in preparation for maintenance', taint: 'Update the taints on one or more nodes',
  describe: 'Show details of a specific resource or group of resources', logs: 'Print the logs for a container in a pod',
  attach: 'Attach to a running container', exec: 'Execute a command in a container',
  'port-forward': 'Forward one or more local ports to a pod', proxy: 'Run a proxy to the Kubernetes API server',
  cp: 'Copy files and directories to and from containers', auth: 'Inspect authorization',
  debug: 'Create debugging sessions for troubleshooting workloads and nodes', events: 'List events',
  diff: 'Diff the live version against a would-be applied version', apply: 'Apply a configuration to a resource by file name or stdin',
  patch: 'Update fields of a resource', replace: 'Replace a resource by file name or stdin',
  wait: 'Experimental: Wait for a specific condition on one or many resources', kustomize: 'Build a kustomization target from a directory or URL',
  label: 'Update the labels on a resource', annotate: 'Update the annotations on a resource',
  completion: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  'api-resources': 'Print the supported API resources on the server', 'api-versions': 'Print the supported API versions on the server, in the form of "group/version"',
  config: 'Modify kubeconfig files', plugin: 'Provides utilities for interacting with plugins', version: 'Print the client and server version information',
};
