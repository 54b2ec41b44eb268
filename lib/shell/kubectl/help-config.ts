/**
 * `kubectl config SUBCOMMAND -h` texts for the subcommands we simulate, from
 * staging/src/k8s.io/kubectl/pkg/cmd/config/{view.go, current_context.go, get_contexts.go,
 * get_clusters.go, get_users.go, use_context.go, set_context.go}. (`kubectl config -h` itself
 * is config-verb.ts configHelp.)
 */
import { PRINT, type HelpText } from './help-flags';

const contextFlag = (name: string) => [name, '', "''", `${name} for the context entry in kubeconfig`] as [string, string, string, string];

export const CONFIG_TEXTS: Record<string, HelpText> = {
  'config view': {
    long: ['Display merged kubeconfig settings or a specified kubeconfig file.',
      'You can use --output jsonpath={...} to extract specific values using a jsonpath expression.'],
    examples: ['# Show merged kubeconfig settings', 'kubectl config view', '', '# Show merged kubeconfig settings and raw certificate data', 'kubectl config view --raw', '',
      '# Get the password for the e2e user', 'kubectl config view -o jsonpath=\'{.users[?(@.name == "e2e")].user.password}\''],
    // PrintFlags WithDefaultOutput("yaml").
    flags: [PRINT[0], ['output', 'o', "'yaml'", PRINT[1][3]], PRINT[2], PRINT[3],
      ['flatten', '', 'false', 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)'],
      ['merge', '', 'true', 'Merge the full hierarchy of kubeconfig files'],
      ['minify', '', 'false', 'Remove all information not used by current-context from the output'],
      ['raw', '', 'false', 'Display raw byte data']],
    usage: 'kubectl config view [flags]',
  },
  'config current-context': {
    long: ['Display the current-context.'], examples: ['# Display the current-context', 'kubectl config current-context'],
    flags: [], usage: 'kubectl config current-context [flags]',
  },
  'config get-contexts': {
    long: ['Display one or many contexts from the kubeconfig file.'],
    examples: ['# List all the contexts in your kubeconfig file', 'kubectl config get-contexts', '', '# Describe one context in your kubeconfig file.', 'kubectl config get-contexts my-context'],
    flags: [['no-headers', '', 'false', "When using the default or custom-column output format, don't print headers (default print headers)."],
      ['output', 'o', "''", 'Output format. One of: name']],
    usage: 'kubectl config get-contexts [(-o|--output=)name)]',
  },
  'config get-clusters': {
    long: ['Display clusters defined in the kubeconfig.'], examples: ['# List the clusters that kubectl knows about', 'kubectl config get-clusters'],
    flags: [], usage: 'kubectl config get-clusters [flags]',
  },
  'config get-users': {
    long: ['Display users defined in the kubeconfig.'], examples: ['# List the users that kubectl knows about', 'kubectl config get-users'],
    flags: [], usage: 'kubectl config get-users [flags]',
  },
  'config use-context': {
    long: ['Set the current-context in a kubeconfig file.'], aliases: ['use'],
    examples: ['# Use the context for the minikube cluster', 'kubectl config use-context minikube'],
    flags: [], usage: 'kubectl config use-context CONTEXT_NAME',
  },
  'config set-context': {
    long: ['Set a context entry in kubeconfig.', 'Specifying a name that already exists will merge new fields on top of existing values for those fields.'],
    examples: ['# Set the user field on the gce context entry without touching other values', 'kubectl config set-context gce --user=cluster-admin'],
    flags: [contextFlag('cluster'), ['current', '', 'false', 'Modify the current context'], contextFlag('namespace'), contextFlag('user')],
    usage: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  },
};
