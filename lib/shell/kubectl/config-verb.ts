/**
 * `kubectl config view|current-context|get-contexts|use-context|set-context` after
 * staging/src/k8s.io/kubectl/pkg/cmd/config/{view,current_context,get_contexts,use_context,set_context}.go.
 */
import type { KubeObject } from '../../cluster';
import type { Kubectl, VerbSpec } from './context';
import { KubectlError, NotSimulated } from './errors';
import { currentContext, loadKubeconfig, saveKubeconfig, shortenKubeconfig, type KubeConfig } from './kubeconfig';
import { toJson, toYaml } from './printers/output';
import { tabulate } from './printers/tabwriter';
import { isTemplateOutput, outputFormat, printTemplate } from './template-output';

const SUBCOMMANDS: [string, string][] = [
  ['current-context', 'Display the current-context'],
  ['delete-cluster', 'Delete the specified cluster from the kubeconfig'],
  ['delete-context', 'Delete the specified context from the kubeconfig'],
  ['delete-user', 'Delete the specified user from the kubeconfig'],
  ['get-clusters', 'Display clusters defined in the kubeconfig'],
  ['get-contexts', 'Describe one or many contexts'],
  ['get-users', 'Display users defined in the kubeconfig'],
  ['rename-context', 'Rename a context from the kubeconfig file'],
  ['set', 'Set an individual value in a kubeconfig file'],
  ['set-cluster', 'Set a cluster entry in kubeconfig'],
  ['set-context', 'Set a context entry in kubeconfig'],
  ['set-credentials', 'Set a user entry in kubeconfig'],
  ['unset', 'Unset an individual value in a kubeconfig file'],
  ['use-context', 'Set the current-context in a kubeconfig file'],
  ['view', 'Display merged kubeconfig settings or a specified kubeconfig file'],
];

export function configHelp(): string {
  const w = Math.max(...SUBCOMMANDS.map(([n]) => n.length)) + 2;
  return ['Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".', '',
    ' The loading order follows these rules:', '',
    '  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.',
    '  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.',
    '  3.  Otherwise, ${HOME}/.kube/config is used and no merging takes place.', '',
    'Available Commands:', ...SUBCOMMANDS.map(([n, d]) => `  ${n.padEnd(w)}${d}`), '',
    'Usage:', '  kubectl config SUBCOMMAND [options]', '',
    'Use "kubectl config <command> --help" for more information about a given command.',
    'Use "kubectl options" for a list of global command-line options (applies to all commands).', ''].join('\n');
}

function view(k: Kubectl, cfg: KubeConfig): void {
  let shown = k.bool('raw') ? cfg : shortenKubeconfig(cfg);
  if (k.bool('minify')) {
    const ctx = currentContext(cfg);
    if (!ctx) throw new KubectlError('error: current-context must exist in order to minify');
    shown = { ...shown, contexts: [ctx], clusters: shown.clusters.filter((c) => c.name === ctx.context.cluster),
      users: shown.users.filter((u) => u.name === ctx.context.user) };
  }
  const out = outputFormat(k) || 'yaml';
  if (out === 'json') k.out(toJson(shown));
  else if (out === 'yaml') k.out(toYaml(shown));
  else if (isTemplateOutput(out) && !out.startsWith('custom-columns')) printTemplate(k, [shown as unknown as KubeObject], true);
  else throw new NotSimulated(`"kubectl config view -o ${out}"`);
}

function getContexts(k: Kubectl, cfg: KubeConfig): void {
  const names = k.args.slice(1);
  for (const n of names) if (!cfg.contexts.some((c) => c.name === n)) throw new KubectlError(`error: context ${n} not found`);
  const list = cfg.contexts.filter((c) => names.length === 0 || names.includes(c.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (k.str('output') === 'name') { for (const c of list) k.out(`${c.name}\n`); return; }
  const rows = list.map((c) => [c.name === cfg['current-context'] ? '*' : '', c.name, c.context.cluster, c.context.user, c.context.namespace ?? '']);
  k.out(tabulate(k.bool('no-headers') ? rows : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]));
}

function setContext(k: Kubectl, cfg: KubeConfig): void {
  let name = k.args[1];
  if (k.bool('current')) {
    if (name) throw new KubectlError('error: you cannot specify a context name and --current');
    name = cfg['current-context'];
    if (!name) throw new KubectlError('error: no current context is set');
  }
  if (!name) throw new KubectlError('error: you must specify a non-empty context name or --current');
  let ctx = cfg.contexts.find((c) => c.name === name);
  const created = !ctx;
  if (!ctx) { ctx = { name, context: { cluster: '', user: '' } }; cfg.contexts.push(ctx); }
  if (k.changed.has('namespace')) ctx.context.namespace = k.str('namespace') || undefined;
  if (k.changed.has('cluster')) ctx.context.cluster = k.str('cluster') ?? '';
  if (k.changed.has('user')) ctx.context.user = k.str('user') ?? '';
  if (!ctx.context.namespace) delete ctx.context.namespace;
  saveKubeconfig(k.env, cfg);
  k.out(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
}

async function runConfig(k: Kubectl): Promise<number> {
  const sub = k.args[0];
  const cfg = loadKubeconfig(k.env);
  switch (sub) {
    case undefined: k.out(configHelp()); return 0;
    case 'view': view(k, cfg); return 0;
    case 'current-context':
      if (!cfg['current-context']) throw new KubectlError('error: current-context is not set');
      k.out(`${cfg['current-context']}\n`);
      return 0;
    case 'get-contexts': getContexts(k, cfg); return 0;
    case 'get-clusters': k.out(['NAME', ...cfg.clusters.map((c) => c.name)].join('\n') + '\n'); return 0;
    case 'get-users': k.out(['NAME', ...cfg.users.map((u) => u.name)].join('\n') + '\n'); return 0;
    case 'use-context': case 'use': {
      const name = k.args[1];
      if (!name) throw new KubectlError("error: Unexpected args: []\nSee 'kubectl config use-context -h' for help and examples");
      if (!cfg.contexts.some((c) => c.name === name)) throw new KubectlError(`error: no context exists with the name: "${name}"`);
      cfg['current-context'] = name;
      saveKubeconfig(k.env, cfg);
      k.out(`Switched to context "${name}".\n`);
      return 0;
    }
    case 'set-context': setContext(k, cfg); return 0;
    default:
      if (SUBCOMMANDS.some(([n]) => n === sub)) throw new NotSimulated(`"kubectl config ${sub}"`);
      throw new KubectlError(`error: unknown command "${sub}" for "kubectl config"`);
  }
}

export const configVerb: VerbSpec = {
  name: 'config',
  short: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string' }, { name: 'template', type: 'string' },
    { name: 'minify', type: 'bool' },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'current', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
  ],
  run: runConfig,
};
