/**
 * `kubectl create [GENERATOR] -h` texts, from staging/src/k8s.io/kubectl/pkg/cmd/create/
 * (create.go, create_deployment.go, create_namespace.go, create_configmap.go, create_secret.go,
 * create_secret_tls.go, create_job.go, create_cronjob.go, create_ingress.go, create_service.go).
 */
import { DRY_RUN, FIELD_MANAGER, FILES, GENERATOR, PRINT, SAVE_CONFIG, SELECTOR, VALIDATE, type Flag, type HelpText } from './help-flags';

const TCP: Flag = ['tcp', '', '[]', "Port pairs can be specified as '<port>:<targetPort>'."];

function service(type: string, long: string[], examples: string[], flags: Flag[], use: string): HelpText {
  return { long, examples, flags: [...GENERATOR, ...flags], usage: `kubectl create service ${type} ${use} [--dry-run=server|client|none]` };
}

export const CREATE_TEXTS: Record<string, HelpText> = {
  // create.go
  create: {
    long: ['Create a resource from a file or from stdin.', 'JSON and YAML formats are accepted.'],
    examples: ['# Create a pod using the data in pod.json', 'kubectl create -f ./pod.json', '',
      '# Create a pod based on the JSON passed into stdin', 'cat pod.json | kubectl create -f -', '',
      '# Edit the data in registry.yaml in JSON then create the resource using the edited data', 'kubectl create -f registry.yaml --edit -o json'],
    commands: [
      ['clusterrole', 'Create a cluster role'], ['clusterrolebinding', 'Create a cluster role binding for a particular cluster role'],
      ['configmap', 'Create a config map from a local file, directory or literal value'], ['cronjob', 'Create a cron job with the specified name'],
      ['deployment', 'Create a deployment with the specified name'], ['ingress', 'Create an ingress with the specified name'],
      ['job', 'Create a job with the specified name'], ['namespace', 'Create a namespace with the specified name'],
      ['poddisruptionbudget', 'Create a pod disruption budget with the specified name'], ['priorityclass', 'Create a priority class with the specified name'],
      ['quota', 'Create a quota with the specified name'], ['role', 'Create a role with single rule'],
      ['rolebinding', 'Create a role binding for a particular role or cluster role'], ['secret', 'Create a secret using a specified subcommand'],
      ['service', 'Create a service using a specified subcommand'], ['serviceaccount', 'Create a service account with the specified name'],
      ['token', 'Request a service account token'],
    ],
    flags: [...PRINT, DRY_RUN, ['edit', '', 'false', 'Edit the API resource before creating'], FIELD_MANAGER('kubectl-create'),
      ...FILES('to use to create the resource'), ['raw', '', "''", 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.'],
      SAVE_CONFIG, SELECTOR, VALIDATE, ['windows-line-endings', '', 'false', 'Only relevant if --edit=true. Defaults to the line ending native to your platform.']],
    usage: 'kubectl create -f FILENAME',
  },
  'create deployment': {
    long: ['Create a deployment with the specified name.'], aliases: ['deploy'],
    examples: ['# Create a deployment named my-dep that runs the busybox image', 'kubectl create deployment my-dep --image=busybox', '',
      '# Create a deployment with a command', 'kubectl create deployment my-dep --image=busybox -- date', '',
      '# Create a deployment named my-dep that runs the nginx image with 3 replicas', 'kubectl create deployment my-dep --image=nginx --replicas=3', '',
      '# Create a deployment named my-dep that runs the busybox image and expose port 5701', 'kubectl create deployment my-dep --image=busybox --port=5701', '',
      '# Create a deployment named my-dep that runs multiple containers', 'kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx'],
    flags: [...GENERATOR, ['image', '', '[]', 'Image names to run. A deployment can have multiple images set for multi-container pod.'],
      ['port', '', '-1', 'The containerPort that this deployment exposes.'], ['replicas', 'r', '1', 'Number of replicas to create. Default is 1.']],
    usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...]',
  },
  'create namespace': {
    long: ['Create a namespace with the specified name.'], aliases: ['ns'],
    examples: ['# Create a new namespace named my-namespace', 'kubectl create namespace my-namespace'],
    flags: GENERATOR, usage: 'kubectl create namespace NAME [--dry-run=server|client|none]',
  },
  'create configmap': {
    long: ['Create a config map based on a file, directory, or specified literal value.',
      'A single config map may package one or more key/value pairs.',
      'When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.',
      'When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).'],
    aliases: ['cm'],
    examples: ['# Create a new config map named my-config based on folder bar', 'kubectl create configmap my-config --from-file=path/to/bar', '',
      '# Create a new config map named my-config with specified keys instead of file basenames on disk', 'kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt', '',
      '# Create a new config map named my-config with key1=config1 and key2=config2', 'kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2', '',
      '# Create a new config map named my-config from the key=value pairs in the file', 'kubectl create configmap my-config --from-file=path/to/bar', '',
      '# Create a new config map named my-config from an env file', 'kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env'],
    flags: [...GENERATOR, ['append-hash', '', 'false', 'Append a hash of the configmap to its name.'],
      ['from-env-file', '', '[]', 'Specify the path to a file to read lines of key=val pairs to create a configmap (i.e. a Docker .env file).'],
      ['from-file', '', '[]', 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.'],
      ['from-literal', '', '[]', 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)']],
    usage: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  },
  // create_secret.go
  'create secret': {
    long: ['Create a secret with specified type.', 'A docker-registry type secret is for accessing a container registry.',
      'A generic type secret indicate an Opaque secret type.', 'A tls type secret holds TLS certificate and its associated key.'],
    examples: [],
    commands: [['docker-registry', 'Create a secret for use with a Docker registry'], ['generic', 'Create a secret from a local file, directory, or literal value'], ['tls', 'Create a TLS secret']],
    flags: [], usage: 'kubectl create secret (docker-registry | generic | tls)',
  },
  'create secret generic': {
    long: ['Create a secret based on a file, directory, or specified literal value.', 'A single secret may package one or more key/value pairs.',
      'When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.',
      'When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).'],
    examples: ['# Create a new secret named my-secret with keys for each file in folder bar', 'kubectl create secret generic my-secret --from-file=path/to/bar', '',
      '# Create a new secret named my-secret with specified keys instead of names on disk', 'kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub', '',
      '# Create a new secret named my-secret with key1=supersecret and key2=topsecret', 'kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret', '',
      '# Create a new secret named my-secret using a combination of a file and a literal', 'kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret', '',
      '# Create a new secret named my-secret from env files', 'kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env'],
    flags: [...GENERATOR, ['append-hash', '', 'false', 'Append a hash of the secret to its name.'],
      ['from-env-file', '', '[]', 'Specify the path to a file to read lines of key=val pairs to create a secret.'],
      ['from-file', '', '[]', 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.'],
      ['from-literal', '', '[]', 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)'],
      ['type', '', "''", 'The type of secret to create']],
    usage: 'kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  },
  // create_secret_tls.go
  'create secret tls': {
    long: ['Create a TLS secret from the given public/private key pair.',
      'The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.'],
    examples: ['# Create a new TLS secret named tls-secret with the given key pair', 'kubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key'],
    flags: [...GENERATOR, ['append-hash', '', 'false', 'Append a hash of the secret to its name.'],
      ['cert', '', "''", 'Path to PEM encoded public key certificate.'], ['key', '', "''", 'Path to private key associated with given certificate.']],
    usage: 'kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
  },
  'create job': {
    long: ['Create a job with the specified name.'],
    examples: ['# Create a job', 'kubectl create job my-job --image=busybox', '', '# Create a job with a command', 'kubectl create job my-job --image=busybox -- date', '',
      '# Create a job from a cron job named "a-cronjob"', 'kubectl create job test-job --from=cronjob/a-cronjob'],
    flags: [...GENERATOR, ['from', '', "''", 'The name of the resource to create a Job from (only CronJob is supported).'], ['image', '', "''", 'Image name to run.']],
    usage: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  },
  // create_cronjob.go: DisableFlagsInUseLine is false, so cobra adds [flags] to the Use line.
  'create cronjob': {
    long: ['Create a cron job with the specified name.'], aliases: ['cj'],
    examples: ['# Create a cron job', 'kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"', '',
      '# Create a cron job with a command', 'kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date'],
    flags: [...GENERATOR, ['image', '', "''", 'Image name to run.'], ['restart', '', "''", "job's restart policy. supported values: OnFailure, Never"],
      ['schedule', '', "''", 'A schedule in the Cron format the job should be run with.']],
    usage: "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags]",
  },
  // create_ingress.go (its Use line ends with a space, hence the two before [options]).
  'create ingress': {
    long: ['Create an ingress with the specified name.'], aliases: ['ing'],
    examples: ["# Create a single ingress called 'simple' that directs requests to foo.com/bar to svc", '# svc1:8080 with a TLS secret "my-cert"',
      'kubectl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"', '',
      '# Create a catch all ingress of "/path" pointing to service svc:port and Ingress Class as "otheringress"',
      'kubectl create ingress catch-all --class=otheringress --rule="/path=svc:port"', '',
      '# Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2',
      'kubectl create ingress annotated --class=default --rule="foo.com/bar=svc:port" \\', '--annotation ingress.annotation1=foo \\', '--annotation ingress.annotation2=bla', '',
      '# Create an ingress with the same host and multiple paths', 'kubectl create ingress multipath --class=default \\', '--rule="foo.com/=svc:port" \\', '--rule="foo.com/admin/=svcadmin:portadmin"', '',
      '# Create an ingress with multiple hosts and the pathType as Prefix', 'kubectl create ingress ingress1 --class=default \\', '--rule="foo.com/path*=svc:8080" \\', '--rule="bar.com/admin*=svc2:http"', '',
      '# Create an ingress with TLS enabled using the default ingress certificate and different path types', 'kubectl create ingress ingtls --class=default \\', '--rule="foo.com/=svc:https,tls" \\', '--rule="foo.com/path/subpath*=othersvc:8080"', '',
      '# Create an ingress with TLS enabled using a specific secret and pathType as Prefix', 'kubectl create ingress ingsecret --class=default \\', '--rule="foo.com/*=svc:8080,tls=secret1"', '',
      '# Create an ingress with a default backend', 'kubectl create ingress ingdefault --class=default \\', '--default-backend=defaultsvc:http \\', '--rule="foo.com/*=svc:8080,tls=secret1"'],
    flags: [...GENERATOR, ['annotation', '', '[]', 'Annotation to insert in the ingress object, in the format annotation=value'],
      ['class', '', "''", 'Ingress Class to be used'], ['default-backend', '', "''", 'Default service for backend, in format of svcname:port'],
      ['rule', '', '[]', "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional."]],
    usage: 'kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]] ',
  },
  // create_service.go
  'create service': {
    long: ['Create a service using a specified subcommand.'], aliases: ['svc'], examples: [],
    commands: [['clusterip', 'Create a ClusterIP service'], ['externalname', 'Create an ExternalName service'],
      ['loadbalancer', 'Create a LoadBalancer service'], ['nodeport', 'Create a NodePort service']],
    flags: [], usage: 'kubectl create service [flags]',
  },
  'create service clusterip': service('clusterip', ['Create a ClusterIP service with the specified name.'],
    ['# Create a new ClusterIP service named my-cs', 'kubectl create service clusterip my-cs --tcp=5678:8080', '',
      '# Create a new ClusterIP service named my-cs (in headless mode)', 'kubectl create service clusterip my-cs --clusterip="None"'],
    [['clusterip', '', "''", "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)."], TCP], 'NAME [--tcp=<port>:<targetPort>]'),
  'create service nodeport': service('nodeport', ['Create a NodePort service with the specified name.'],
    ['# Create a new NodePort service named my-ns', 'kubectl create service nodeport my-ns --tcp=5678:8080'],
    [['node-port', '', '0', 'Port used to expose the service on each node in a cluster.'], TCP], 'NAME [--tcp=port:targetPort]'),
  'create service loadbalancer': service('loadbalancer', ['Create a LoadBalancer service with the specified name.'],
    ['# Create a new LoadBalancer service named my-lbs', 'kubectl create service loadbalancer my-lbs --tcp=5678:8080'], [TCP], 'NAME [--tcp=port:targetPort]'),
  'create service externalname': service('externalname', ['Create an ExternalName service with the specified name.',
    'ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.'],
  ['# Create a new ExternalName service named my-ns', 'kubectl create service externalname my-ns --external-name bar.com'],
  [['external-name', '', "''", 'External name of service'], TCP], 'NAME --external-name external.name'),
};
