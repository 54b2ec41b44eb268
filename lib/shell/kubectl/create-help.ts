/**
 * `kubectl create [SUBCOMMAND] -h`: the root help with its Available Commands, and the
 * generators' own help (staging/src/k8s.io/kubectl/pkg/cmd/create/create*.go: Long, Aliases,
 * Examples, the generator's flags, Usage), in cobra's layout as help.ts prints the other verbs.
 */

interface SubHelp { long: string; aliases?: string[]; examples: string[]; flags: [string, string][]; usage: string; commands?: [string, string][] }

const COMMANDS: [string, string][] = [
  ['clusterrole', 'Create a cluster role'], ['clusterrolebinding', 'Create a cluster role binding for a particular cluster role'],
  ['configmap', 'Create a config map from a local file, directory or literal value'], ['cronjob', 'Create a cron job with the specified name'],
  ['deployment', 'Create a deployment with the specified name'], ['ingress', 'Create an ingress with the specified name'],
  ['job', 'Create a job with the specified name'], ['namespace', 'Create a namespace with the specified name'],
  ['poddisruptionbudget', 'Create a pod disruption budget with the specified name'], ['priorityclass', 'Create a priority class with the specified name'],
  ['quota', 'Create a quota with the specified name'], ['role', 'Create a role with single rule'],
  ['rolebinding', 'Create a role binding for a particular role or cluster role'], ['secret', 'Create a secret using a specified subcommand'],
  ['service', 'Create a service using a specified subcommand'], ['serviceaccount', 'Create a service account with the specified name'],
  ['token', 'Request a service account token'],
];

const DRY_RUN = ['dry-run', 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without\nsending it. If server strategy, submit server-side request without persisting the resource.'];
const OUTPUT = ['output', 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath,\njsonpath-as-json, jsonpath-file).'];
const TCP = ['tcp', 'Port pairs can be specified as \'<port>:<targetPort>\'.'];
const service = (type: string, long: string, examples: string[], extra: [string, string][], usage: string): SubHelp =>
  ({ long, examples, flags: [...extra, DRY_RUN as [string, string], OUTPUT as [string, string]], usage: `kubectl create service ${type} ${usage} [--dry-run=server|client|none] [options]` });

const SUBS: Record<string, SubHelp> = {
  // create.go
  '': { long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
    examples: ['# Create a pod using the data in pod.json', 'kubectl create -f ./pod.json', '', '# Create a pod based on the JSON passed into stdin',
      'cat pod.json | kubectl create -f -', '', '# Edit the data in registry.yaml in JSON then create the resource using the edited data',
      'kubectl create -f registry.yaml --edit -o json'],
    commands: COMMANDS, flags: [DRY_RUN as [string, string], ['filename', 'Filename, directory, or URL to files to use to create the resource'], OUTPUT as [string, string]],
    usage: 'kubectl create -f FILENAME [options]' },
  // create_deployment.go
  deployment: { long: 'Create a deployment with the specified name.', aliases: ['deployment', 'deploy'],
    examples: ['# Create a deployment named my-dep that runs the busybox image', 'kubectl create deployment my-dep --image=busybox', '',
      '# Create a deployment with a command', 'kubectl create deployment my-dep --image=busybox -- date', '',
      '# Create a deployment named my-dep that runs the nginx image with 3 replicas', 'kubectl create deployment my-dep --image=nginx --replicas=3', '',
      '# Create a deployment named my-dep that runs the busybox image and expose port 5701', 'kubectl create deployment my-dep --image=busybox --port=5701', '',
      '# Create a deployment named my-dep that runs multiple containers', 'kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx'],
    flags: [DRY_RUN as [string, string], ['image', 'Image names to run. A deployment can have multiple images set for multi-container pod.'], OUTPUT as [string, string],
      ['port', 'The containerPort that this deployment exposes.'], ['replicas', 'Number of replicas to create. Default is 1.']],
    usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]' },
  // create_namespace.go
  namespace: { long: 'Create a namespace with the specified name.', aliases: ['namespace', 'ns'],
    examples: ['# Create a new namespace named my-namespace', 'kubectl create namespace my-namespace'],
    flags: [DRY_RUN as [string, string], OUTPUT as [string, string]], usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]' },
  // create_service.go
  service: { long: 'Create a service using a specified subcommand.', aliases: ['service', 'svc'], examples: [],
    commands: [['clusterip', 'Create a ClusterIP service'], ['externalname', 'Create an ExternalName service'],
      ['loadbalancer', 'Create a LoadBalancer service'], ['nodeport', 'Create a NodePort service']],
    flags: [], usage: 'kubectl create service [flags] [options]' },
  'service clusterip': service('clusterip', 'Create a ClusterIP service with the specified name.',
    ['# Create a new ClusterIP service named my-cs', 'kubectl create service clusterip my-cs --tcp=5678:8080', '',
      '# Create a new ClusterIP service named my-cs (in headless mode)', 'kubectl create service clusterip my-cs --clusterip="None"'],
    [['clusterip', 'Assign your own ClusterIP or set to \'None\' for a \'headless\' service (no loadbalancing).'], TCP as [string, string]],
    'NAME [--tcp=<port>:<targetPort>]'),
  'service nodeport': service('nodeport', 'Create a NodePort service with the specified name.',
    ['# Create a new NodePort service named my-ns', 'kubectl create service nodeport my-ns --tcp=5678:8080'],
    [['node-port', 'Port used to expose the service on each node in a cluster.'], TCP as [string, string]], 'NAME [--tcp=port:targetPort]'),
  'service loadbalancer': service('loadbalancer', 'Create a LoadBalancer service with the specified name.',
    ['# Create a new LoadBalancer service named my-lbs', 'kubectl create service loadbalancer my-lbs --tcp=5678:8080'],
    [TCP as [string, string]], 'NAME [--tcp=port:targetPort]'),
  'service externalname': service('externalname', 'Create an ExternalName service with the specified name.\n\n ExternalName service references to an ' +
    'external DNS address instead of only pods, which will allow application authors to reference services that exist\noff platform, on other ' +
    'clusters, or locally.', ['# Create a new ExternalName service named my-ns', 'kubectl create service externalname my-ns --external-name bar.com'],
  [['external-name', 'External name of service'], TCP as [string, string]], 'NAME --external-name external.name'),
};

const ALIASES: Record<string, string> = { deploy: 'deployment', ns: 'namespace', svc: 'service' };

/** Help for `kubectl create`, `create SUB` or `create service TYPE`. */
export function createHelp(positional: string[]): string {
  const sub = ALIASES[positional[0]] ?? positional[0] ?? '';
  const key = sub === 'service' && positional[1] && SUBS[`service ${positional[1]}`] ? `service ${positional[1]}` : sub;
  // Generators without their own text here (configmap, secret, job, ...) show the create command's help.
  const h = SUBS[key] ?? SUBS[''];
  const out = [h.long, ''];
  if (h.aliases) out.push('Aliases:', h.aliases.join(', '), '');
  if (h.examples.length) out.push('Examples:', ...h.examples.map((e) => (e ? `  ${e}` : '  ')), '');
  if (h.commands) {
    const w = Math.max(...h.commands.map(([n]) => n.length)) + 3;
    out.push('Available Commands:', ...h.commands.map(([n, d]) => `  ${n.padEnd(w)}${d}`), '');
  }
  if (h.flags.length) {
    out.push('Options:');
    for (const [name, text] of [...h.flags].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const value = name === 'dry-run' ? "'none'" : name === 'replicas' ? '1' : name === 'port' ? '-1' : name === 'node-port' ? '0' :
        ['image', 'tcp', 'filename'].includes(name) ? '[]' : "''";
      out.push(`    ${name === 'output' ? '-o, ' : name === 'filename' ? '-f, ' : name === 'replicas' ? '-r, ' : ''}--${name}=${value}:`, ...text.split('\n').map((l) => `\t${l}`), '');
    }
  }
  out.push('Usage:', `  ${h.usage}`, '');
  if (h.commands) out.push(`Use "kubectl ${h === SUBS[''] ? 'create' : `create ${key}`} <command> --help" for more information about a given command.`);
  out.push('Use "kubectl options" for a list of global command-line options (applies to all commands).', '');
  return out.join('\n');
}
