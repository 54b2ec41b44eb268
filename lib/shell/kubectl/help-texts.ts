/**
 * `kubectl VERB [SUB...] -h` for every simulated command: the tables of help-*.ts (long text,
 * examples, flags with defaults and usages, Use line) rendered as kubectl 1.34 does on a
 * 120-column terminal (staging/src/k8s.io/kubectl/pkg/util/templates: LongDesc paragraphs, the
 * Examples block, HelpFlagPrinter wrapping flag usages at width - 10, `[options]` on the usage
 * line; component-base/term ResponsiveWriter wrapping the rest at 120).
 */

import { ADMIN_TEXTS } from './help-admin';
import { BASIC_TEXTS } from './help-basic';
import { CONFIG_TEXTS } from './help-config';
import { CREATE_TEXTS } from './help-create';
import { MORE_TEXTS } from './help-more';
import { DRY_RUN, FILENAME, KUSTOMIZE, PRINT, RECURSIVE, SELECTOR, wordWrap, type HelpText } from './help-flags';
import { WORKLOAD_TEXTS } from './help-workload';

const OWN_TEXTS: Record<string, HelpText> = {
  // staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go
  scale: {
    long: ['Set a new size for a deployment, replica set, replication controller, or stateful set.',
      'Scale also allows users to specify one or more preconditions for the scale action.',
      'If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.'],
    examples: ["# Scale a replica set named 'foo' to 3", 'kubectl scale --replicas=3 rs/foo', '',
      '# Scale a resource identified by type and name specified in "foo.yaml" to 3', 'kubectl scale --replicas=3 -f foo.yaml', '',
      "# If the deployment named mysql's current size is 2, scale mysql to 3", 'kubectl scale --current-replicas=2 --replicas=3 deployment/mysql', '',
      '# Scale multiple replication controllers', 'kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3', '',
      "# Scale stateful set named 'web' to 3", 'kubectl scale --replicas=3 statefulset/web'],
    flags: [['all', '', 'false', 'Select all resources in the namespace of the specified resource types'], ...PRINT,
      ['current-replicas', '', '-1', 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.'],
      DRY_RUN, FILENAME('identifying the resource to set a new size'), KUSTOMIZE, RECURSIVE,
      ['replicas', '', '0', 'The new desired number of replicas. Required.'],
      ['resource-version', '', "''", 'Precondition for resource version. Requires that the current resource version match this value in order to scale.'],
      SELECTOR,
      ['timeout', '', '0s', "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)."]],
    usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  },
  // staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout.go
  rollout: {
    // The list comes through LongDesc's markdown renderer, which leaves an indented blank line after the first paragraph.
    long: ['Manage the rollout of one or many resources.\n        \n Valid resource types include:', '  *  deployments\n  *  daemonsets\n  *  statefulsets'],
    examples: ['# Rollback to the previous deployment', 'kubectl rollout undo deployment/abc', '',
      '# Check the rollout status of a daemonset', 'kubectl rollout status daemonset/foo', '',
      '# Restart a deployment', 'kubectl rollout restart deployment/abc', '',
      "# Restart deployments with the 'app=nginx' label", 'kubectl rollout restart deployment --selector=app=nginx'],
    commands: [['history', 'View rollout history'], ['pause', 'Mark the provided resource as paused'], ['restart', 'Restart a resource'],
      ['resume', 'Resume a paused resource'], ['status', 'Show the status of the rollout'], ['undo', 'Undo a previous rollout']],
    flags: [],
    usage: 'kubectl rollout SUBCOMMAND',
  },
  // staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go
  'rollout status': {
    long: ['Show the status of the rollout.',
      "By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for."],
    examples: ['# Watch the rollout status of a deployment', 'kubectl rollout status deployment/nginx'],
    flags: [FILENAME('identifying the resource to get from a server.'), KUSTOMIZE, RECURSIVE,
      ['revision', '', '0', 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).'], SELECTOR,
      ['timeout', '', '0s', 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).'],
      ['watch', 'w', 'true', "Watch the status of the rollout until it's done."]],
    usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME)',
  },
  // staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go
  'rollout history': {
    long: ['View previous rollout revisions and configurations.'],
    examples: ['# View the rollout history of a deployment', 'kubectl rollout history deployment/abc', '',
      '# View the details of daemonset revision 3', 'kubectl rollout history daemonset/abc --revision=3'],
    flags: [...PRINT, FILENAME('identifying the resource to get from a server.'), KUSTOMIZE, RECURSIVE,
      ['revision', '', '0', 'See the details, including podTemplate of the revision specified']],
    usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME)',
  },
  // staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_undo.go
  'rollout undo': {
    long: ['Roll back to a previous rollout.'],
    examples: ['# Roll back to the previous deployment', 'kubectl rollout undo deployment/abc', '',
      '# Roll back to daemonset revision 3', 'kubectl rollout undo daemonset/abc --to-revision=3', '',
      '# Roll back to the previous deployment with dry-run', 'kubectl rollout undo --dry-run=server deployment/abc'],
    flags: [...PRINT, DRY_RUN, FILENAME('identifying the resource to get from a server.'), KUSTOMIZE, RECURSIVE, SELECTOR,
      ['to-revision', '', '0', 'The revision to rollback to. Default to 0 (last revision).']],
    usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME)',
  },
  // staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go
  'port-forward': {
    long: ['Forward one or more local ports to a pod.',
      "Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.",
      'If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.'],
    examples: ['# Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod', 'kubectl port-forward pod/mypod 5000 6000', '',
      '# Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment', 'kubectl port-forward deployment/mydeployment 5000 6000', '',
      '# Listen on port 8443 locally, forwarding to the targetPort of the service\'s port named "https" in a pod selected by the service', 'kubectl port-forward service/myservice 8443:https', '',
      '# Listen on port 8888 locally, forwarding to 5000 in the pod', 'kubectl port-forward pod/mypod 8888:5000', '',
      '# Listen on port 8888 on all addresses, forwarding to 5000 in the pod', 'kubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000', '',
      '# Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod', 'kubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000', '',
      '# Listen on a random port locally, forwarding to 5000 in the pod', 'kubectl port-forward pod/mypod :5000'],
    flags: [['address', '', '[localhost]', 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.'],
      ['pod-running-timeout', '', '1m0s', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running']],
    usage: 'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  },
};


const TEXTS: Record<string, HelpText> = { ...OWN_TEXTS, ...BASIC_TEXTS, ...ADMIN_TEXTS, ...MORE_TEXTS, ...CONFIG_TEXTS, ...CREATE_TEXTS, ...WORKLOAD_TEXTS };

/**
 * The command path `-h` asks about, as cobra's Find walks it: each operand that names a
 * subcommand (or one of its aliases) descends; the first one that does not stops the walk.
 */
function commandPath(verb: string, args: string[]): string {
  let path = verb;
  for (const arg of args) {
    const next = Object.keys(TEXTS).find((k) => {
      if (!k.startsWith(`${path} `) || k.slice(path.length + 1).includes(' ')) return false;
      const name = k.slice(path.length + 1);
      return name === arg || TEXTS[k].aliases?.includes(arg);
    });
    if (!next) break;
    path = next;
  }
  return path;
}

/**
 * LongDesc through the markdown renderer: the first paragraph flush left, the others after one
 * space; paragraphs given already indented (lists, code blocks) keep their indent.
 */
function renderLong(paragraphs: string[]): string {
  return paragraphs.map((p, i) => wordWrap(i === 0 || p.startsWith(' ') ? p : ` ${p}`, 120)).join('\n\n');
}

/** The help of `kubectl VERB [SUB...]` when a full text is known here. */
export function fullHelp(verb: string, args: string[]): string | undefined {
  const key = commandPath(verb, args);
  const h = TEXTS[key];
  if (!h) return undefined;
  const out = [renderLong(h.long), ''];
  if (h.suggestAPIResources) out.push('Use "kubectl api-resources" for a complete list of supported resources.', '');
  if (h.aliases) out.push('Aliases:', [key.split(' ').pop(), ...h.aliases].join(', '), '');
  if (h.examples.length) out.push('Examples:', ...h.examples.map((e) => `  ${e}`), '');
  if (h.commands) {
    const w = Math.max(...h.commands.map(([n]) => n.length)) + 3;
    out.push('Available Commands:', ...h.commands.map(([n, d]) => `  ${n.padEnd(w)}${d}`), '');
  }
  if (h.flags.length) {
    out.push('Options:');
    for (const [name, short, def, usage] of [...h.flags].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      out.push(`    ${short ? `-${short}, ` : ''}--${name}=${def}:`, ...wordWrap(usage, 110).split('\n').map((l) => `\t${l}`), '');
    }
  }
  // templater.go usageLine: `[options]` unless the Use line already has it.
  out.push('Usage:', `  ${h.usage.includes('[options]') ? h.usage : `${h.usage} [options]`}`, '');
  if (h.commands) out.push(`Use "kubectl ${key} <command> --help" for more information about a given command.`);
  out.push('Use "kubectl options" for a list of global command-line options (applies to all commands).', '');
  return out.join('\n');
}

/** Every command path with a full help text ("get", "create secret generic", ...). */
export function helpPaths(): string[] {
  return Object.keys(TEXTS);
}
