/**
 * `kubectl VERB --help` in kubectl 1.34's layout (cobra + kubectl's templates in
 * staging/src/k8s.io/kubectl/pkg/util/templates/templater.go): long description, Examples,
 * Options (`    -x, --name=default:` then the tab-indented text), Usage, footer.
 */
import type { VerbSpec } from './context';

interface HelpDoc { long: string; examples: string[]; /** This verb's own texts for flags whose meaning differs per verb. */ flags?: Record<string, string> }

const DOCS: Record<string, HelpDoc> = {
  get: { long: 'Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label\nselector and the --selector flag. If the desired resource type is namespaced you will only see results in the current\nnamespace if you don\'t specify any namespace.\n\n By specifying the output as \'template\' and providing a Go template as the value of the --template flag, you can filter\nthe attributes of the fetched resources.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
    examples: ['# List all pods in ps output format', 'kubectl get pods', '', '# List all pods in ps output format with more information (such as node name)', 'kubectl get pods -o wide', '', '# List a single pod in JSON output format', 'kubectl get -o json pod web-pod-13je7', '', '# Return only the phase value of the specified pod', 'kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}', '', '# List resource information in custom columns', 'kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image', '', '# List all replication controllers and services together in ps output format', 'kubectl get rc,services', '', '# List one or more resources by their type and names', 'kubectl get rc/web service/frontend pods/web-pod-13je7']},
  describe: { long: 'Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You\nmay select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n        $ kubectl describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for\nevery resource that has a name prefixed with NAME_PREFIX.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
    examples: ['# Describe a node', 'kubectl describe nodes kubernetes-node-emt8.c.myproject.internal', '', '# Describe a pod', 'kubectl describe pods/nginx', '', '# Describe a pod identified by type and name in "pod.json"', 'kubectl describe -f pod.json', '', '# Describe all pods', 'kubectl describe pods', '', '# Describe pods by label name=myLabel', 'kubectl describe pods -l name=myLabel', '', '# Describe all pods managed by the \'frontend\' replication controller', '# (rc-created pods get the name of the rc as a prefix in the pod name)', 'kubectl describe pods frontend']},
  apply: { long: 'Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be\ncreated if it doesn\'t exist yet. To use \'apply\', always create the resource initially with either \'apply\' or \'create\n--save-config\'.\n\n JSON and YAML formats are accepted.',
    examples: ['# Apply the configuration in pod.json to a pod', 'kubectl apply -f ./pod.json', '', '# Apply the JSON passed into stdin to a pod', 'cat pod.json | kubectl apply -f -', '', '# Apply the configuration from all files that end with \'.json\'', 'kubectl apply -f \'*.json\'']},
  delete: { long: 'Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or\nresources and label selector.',
    examples: ['# Delete a pod using the type and name specified in pod.json', 'kubectl delete -f ./pod.json', '', '# Delete pods and services with same names "baz" and "foo"', 'kubectl delete pod,service baz foo', '', '# Delete pods and services with label name=myLabel', 'kubectl delete pods,services -l name=myLabel', '', '# Delete a pod with minimal delay', 'kubectl delete pod foo --now', '', '# Force delete a pod on a dead node', 'kubectl delete pod foo --force', '', '# Delete all pods', 'kubectl delete pods --all']},
  logs: { long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is\noptional.',
    examples: ['# Return snapshot logs from pod nginx with only one container', 'kubectl logs nginx', '', '# Return snapshot of previous terminated ruby container logs from pod web-1', 'kubectl logs -p -c ruby web-1', '', '# Begin streaming the logs of the ruby container in pod web-1', 'kubectl logs -f -c ruby web-1', '', '# Display only the most recent 20 lines of output in pod nginx', 'kubectl logs --tail=20 nginx', '', '# Return snapshot logs from all containers in pods defined by label app=nginx', 'kubectl logs -l app=nginx --all-containers=true']},
  exec: { long: 'Execute a command in a container.',
    examples: ['# Get output from running the \'date\' command from pod mypod, using the first container by default', 'kubectl exec mypod -- date', '', '# Get output from running the \'date\' command in ruby-container from pod mypod', 'kubectl exec mypod -c ruby-container -- date', '', '# Switch to raw terminal mode; sends stdin to \'bash\' in ruby-container from pod mypod', '# and sends stdout/stderr from \'bash\' back to the client', 'kubectl exec mypod -c ruby-container -i -t -- bash -il']},
  label: { long: 'Update the labels on a resource.\n\n  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and\nunderscores, up to 63 characters each.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single \'/\', like example.com/my-app.\n  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will\nresult in an error.\n  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing\nresource-version will be used.',
    examples: ['# Update pod \'foo\' with the label \'unhealthy\' and the value \'true\'', 'kubectl label pods foo unhealthy=true', '', '# Update pod \'foo\' with the label \'status\' and the value \'unhealthy\', overwriting any existing value', 'kubectl label --overwrite pods foo status=unhealthy', '', '# Update all pods in the namespace', 'kubectl label pods --all status=unhealthy', '', '# Update pod \'foo\' by removing a label named \'bar\' if it exists', '# Does not require the --overwrite flag', 'kubectl label pods foo bar-']},
  annotate: { long: 'Update the annotations on one or more resources.\n\n All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are\nkey/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and\nsystem extensions may use annotations to store their own data.\n\n Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is\nspecified and does not match the current resource version on the server the command will fail.',
    examples: ['# Update pod \'foo\' with the annotation \'description\' and the value \'my frontend\'', '# If the same annotation is set multiple times, only the last value will be applied', 'kubectl annotate pods foo description=\'my frontend\'', '', '# Update pod \'foo\' with the annotation \'description\' and the value \'my frontend running nginx\', overwriting any existing value', 'kubectl annotate --overwrite pods foo description=\'my frontend running nginx\'', '', '# Update pod \'foo\' by removing an annotation named \'description\' if it exists', '# Does not require the --overwrite flag', 'kubectl annotate pods foo description-']},
  patch: { long: 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.\n\n JSON and YAML formats are accepted.',
    examples: ['# Partially update a node using a strategic merge patch, specifying the patch as JSON', 'kubectl patch node k8s-node-1 -p \'{"spec":{"unschedulable":true}}\'', '', '# Update a container\'s image; spec.containers[*].name is required because it\'s a merge key', 'kubectl patch pod valid-pod -p \'{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}\'', '', '# Update a container\'s image using a JSON patch with positional arrays', 'kubectl patch pod valid-pod --type=\'json\' -p=\'[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]\'']},
  wait: { long: 'Experimental: Wait for a specific condition on one or many resources.\n\n The command takes multiple resources and waits until the specified condition is seen in the Status field of every given\nresource.\n\n A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o\noption to change to output destination.',
    examples: ['# Wait for the pod "busybox1" to contain the status condition of type "Ready"', 'kubectl wait --for=condition=Ready pod/busybox1', '', '# Wait for the pod "busybox1" to contain the status phase to be "Running"', 'kubectl wait --for=jsonpath=\'{.status.phase}\'=Running pod/busybox1', '', '# Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command', 'kubectl delete pod/busybox1', 'kubectl wait --for=delete pod/busybox1 --timeout=60s']},
  cordon: { long: 'Mark node as unschedulable.', examples: ['# Mark node "foo" as unschedulable', 'kubectl cordon foo'] },
  uncordon: { long: 'Mark node as schedulable.', examples: ['# Mark node "foo" as schedulable', 'kubectl uncordon foo'] },
  drain: { long: 'Drain node in preparation for maintenance.\n\n The given node will be marked unschedulable to prevent new pods from arriving. \'drain\' evicts the pods if the API server\nsupports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction\nhttps://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the\npods. The \'drain\' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If\nthere are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete\nany daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which\nignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication\ncontroller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.\n--force will also allow deletion to proceed if the managing resource of one or more pods is missing.\n\n When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.',
    examples: ['# Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it', 'kubectl drain foo --force', '', '# As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes', 'kubectl drain foo --grace-period=900']},
  taint: { long: 'Update the taints on one or more nodes.\n\n  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.\n  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to\n253 characters.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single \'/\', like example.com/my-app.\n  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens,\ndots, and underscores, up to 63 characters.\n  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.\n  *  Currently taint can only apply to node.',
    examples: ['# Update node \'foo\' with a taint with key \'dedicated\' and value \'special-user\' and effect \'NoSchedule\'', '# If a taint with that key and effect already exists, its value is replaced as specified', 'kubectl taint nodes foo dedicated=special-user:NoSchedule', '', '# Remove from node \'foo\' the taint with key \'dedicated\' and effect \'NoSchedule\' if one exists', 'kubectl taint nodes foo dedicated:NoSchedule-', '', '# Remove from node \'foo\' all the taints with key \'dedicated\'', 'kubectl taint nodes foo dedicated-']},
  'api-resources': { long: 'Print the supported API resources on the server.', examples: ['# Print the supported API resources', 'kubectl api-resources', '', '# Print the supported API resources with more information', 'kubectl api-resources -o wide', '', '# Print the supported namespaced resources', 'kubectl api-resources --namespaced=true'] },
  'api-versions': { long: 'Print the supported API versions on the server, in the form of "group/version".', examples: ['# Print the supported API versions', 'kubectl api-versions'] },
  'cluster-info': { long: 'Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and\ndiagnose cluster problems, use \'kubectl cluster-info dump\'.', examples: ['# Print the address of the control plane and cluster services', 'kubectl cluster-info'] },
  config: { long: 'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".', examples: [] },
  // staging/src/k8s.io/kubectl/pkg/cmd/explain/explain.go
  explain: { long: 'Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple\nJSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n        \n Information about each field is retrieved from the server in OpenAPI format.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
    examples: ['# Get the documentation of the resource and its fields', 'kubectl explain pods', '', '# Get all the fields in the resource', 'kubectl explain pods --recursive', '', '# Get the explanation for deployment in supported api versions', 'kubectl explain deployments --api-version=apps/v1', '', '# Get the documentation of a specific field of a resource', 'kubectl explain pods.spec.containers', '', '# Get the documentation of resources in different format', 'kubectl explain deployment --output=plaintext-openapiv2'],
    flags: { 'api-version': 'Use given api-version (group/version) of the resource.', output: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).',
      recursive: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their\ndescription.' } },
};

const FLAG_DOCS: Record<string, string> = {
  'all-namespaces': 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even\nif specified with --namespace.',
  selector: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3\nin (value3)). Matching objects must satisfy all of the specified label constraints.',
  output: 'Output format.',
  'field-selector': 'Selector (field query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. --field-selector\nkey1=value1,key2=value2). The server only supports a limited number of field queries per type.',
  watch: 'After listing/getting the requested object, watch for changes.',
  'watch-only': 'Watch for changes to the requested object(s), without listing/getting first.',
  'show-labels': 'When printing, show all labels as the last column (default hide labels column)',
  'sort-by': 'If non-empty, sort list types using this field specification.  The field specification is expressed as a\nJSONPath expression (e.g. \'{.metadata.name}\'). The field in the API resource specified by this JSONPath expression\nmust be an integer or a string.',
  'no-headers': 'When using the default or custom-column output format, don\'t print headers (default print headers).',
  filename: 'Filename, directory, or URL to files identifying the resource.',
  'dry-run': 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without\nsending it. If server strategy, submit server-side request without persisting the resource.',
  overwrite: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.',
  all: 'Select all resources, in the namespace of the specified resource types',
  patch: 'The patch to be applied to the resource JSON file.',
  type: 'The type of patch being provided; one of [json merge strategic]',
  for: 'The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath=\'{JSONPath\nexpression}\'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode\nsimple case folding, which is a more general form of case-insensitivity.',
  timeout: 'The length of time to wait before giving up.  Zero means check once and don\'t wait, negative means wait for a\nweek.',
  'ignore-daemonsets': 'Ignore DaemonSet-managed pods.',
  force: 'Continue even if there are pods that do not declare a controller.',
  'delete-emptydir-data': 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
  'grace-period': 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in\nthe pod will be used.',
  container: 'Print the logs of this container',
  follow: 'Specify if the logs should be streamed.',
  previous: 'If true, print the logs for the previous instance of the container in a pod if it exists.',
  tail: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a\nselector is provided.',
  namespaced: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
  'api-group': 'Limit to resources in the specified API group.',
};

function flagDefault(f: VerbSpec['flags'][number]): string {
  if (f.type === 'bool') return String(f.default ?? false);
  if (f.type === 'stringArray') return '[]';
  if (f.type === 'int') return String(f.default ?? 0);
  // pflag prints string defaults quoted ('strategic'), durations bare (30s).
  if (f.default === undefined) return "''";
  return /^\d+(ms|s|m|h)$/.test(String(f.default)) ? String(f.default) : `'${f.default}'`;
}

export function verbHelp(spec: VerbSpec): string {
  const doc = DOCS[spec.name];
  const out: string[] = [doc ? doc.long : `${spec.short}.`, ''];
  if (doc?.examples.length) out.push('Examples:', ...doc.examples.map((e) => (e ? `  ${e}` : '  ')), '');
  const text = (name: string) => doc?.flags?.[name] ?? FLAG_DOCS[name];
  const opts = spec.flags.filter((f) => text(f.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (opts.length) {
    out.push('Options:');
    for (const f of opts) {
      out.push(`    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${flagDefault(f)}:`);
      out.push(...text(f.name).split('\n').map((l) => `\t${l}`), '');
    }
  }
  out.push('Usage:', `  ${spec.usage}`, '', 'Use "kubectl options" for a list of global command-line options (applies to all commands).', '');
  return out.join('\n');
}
