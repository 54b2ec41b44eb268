import type { Probe } from 'kubernetes-types/core/v1';
import type { Container, Pod } from '../k8s';
import { randomSuffix, type Prng } from '../prng';

/**
 * Image pull policy default, pkg/apis/core/v1/defaults.go SetDefaults_Container:
 * Always for `:latest` or an untagged image, IfNotPresent otherwise (digests count as tagged).
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

export function defaultContainer(c: Container): void {
  if (c.image && !c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
}

/** SetDefaults_Probe, SetDefaults_HTTPGetAction and SetDefaults_GRPCAction (pkg/apis/core/v1/defaults.go). */
function defaultProbe(p: Probe): void {
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.path ||= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
  if (p.grpc) p.grpc.service ??= '';
}

/**
 * What the API server adds to a new Pod before it is stored:
 * - scheme defaults: pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, SetDefaults_Container)
 * - ServiceAccount admission: plugin/pkg/admission/serviceaccount/admission.go (token volume + mounts)
 * - DefaultTolerationSeconds admission: plugin/pkg/admission/defaulttolerationseconds
 * - Priority admission: plugin/pkg/admission/priority (priority 0, PreemptLowerPriority)
 */
export function defaultPod(pod: Pod, prng: Prng): void {
  const spec = (pod.spec ??= { containers: [] });
  defaultPodSpecScheme(spec);
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount = spec.serviceAccountName;

  spec.tolerations ??= [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!spec.tolerations.some((t) => t.key === key)) {
      spec.tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
    }
  }

  if (spec.automountServiceAccountToken !== false && spec.containers.length > 0) {
    const volumeName = `kube-api-access-${randomSuffix(prng, 5)}`;
    spec.volumes ??= [];
    spec.volumes.push({
      name: volumeName,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    });
    for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
      c.volumeMounts ??= [];
      c.volumeMounts.push({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volumeName, readOnly: true });
    }
  }
}

/** Scheme defaults of a PodSpec alone (SetDefaults_PodSpec), also applied to workload templates. */
export function defaultPodSpecScheme(spec: NonNullable<Pod['spec']>): void {
  spec.containers ??= [];
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.containers.forEach(defaultContainer);
  spec.initContainers?.forEach(defaultContainer);
}
