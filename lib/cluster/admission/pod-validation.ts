import type { Probe } from 'kubernetes-types/core/v1';
import type { Container, Pod } from '../k8s';
import { fieldError, type StatusCause } from '../errors';
import { isDNS1123Label } from './names';
import { validateObjectMeta } from './object-meta';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateContainer(c: Container, path: string, seen: Set<string>): StatusCause[] {
  const errs: StatusCause[] = [];
  if (!c.name) errs.push(fieldError.required(`${path}.name`));
  else {
    for (const d of isDNS1123Label(c.name)) errs.push(fieldError.invalid(`${path}.name`, c.name, d));
    if (seen.has(c.name)) errs.push(fieldError.duplicate(`${path}.name`, c.name));
    seen.add(c.name);
  }
  // Upstream validateContainerCommon: image is required for regular and init containers.
  if (!c.image || !c.image.trim()) errs.push(fieldError.required(`${path}.image`));
  (c.ports ?? []).forEach((p, i) => {
    const pp = `${path}.ports[${i}]`;
    if (!p.containerPort) errs.push(fieldError.required(`${pp}.containerPort`));
    else if (p.containerPort < 1 || p.containerPort > 65535) {
      errs.push(fieldError.invalid(`${pp}.containerPort`, p.containerPort, 'must be between 1 and 65535, inclusive'));
    }
    if (p.protocol && !PROTOCOLS.includes(p.protocol)) errs.push(fieldError.notSupported(`${pp}.protocol`, p.protocol, PROTOCOLS));
    if (p.name) for (const d of isDNS1123Label(p.name)) errs.push(fieldError.invalid(`${pp}.name`, p.name, d));
  });
  if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    errs.push(fieldError.notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }
  // validateInitContainers / validateContainers: only init containers take a restartPolicy, and only Always (sidecars).
  if (c.restartPolicy !== undefined) {
    if (!path.startsWith('spec.initContainers')) errs.push(fieldError.forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
    else if (c.restartPolicy !== 'Always') errs.push(fieldError.notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
  }
  const init = path.startsWith('spec.initContainers') && c.restartPolicy !== 'Always';
  for (const [field, probe] of [['livenessProbe', c.livenessProbe], ['readinessProbe', c.readinessProbe], ['startupProbe', c.startupProbe]] as const) {
    if (!probe) continue;
    // validateInitContainers: only sidecars (restartPolicy: Always) may have probes.
    if (init) {
      errs.push(fieldError.forbidden(`${path}.${field}`, 'may not be set for init containers without restartPolicy=Always'));
      continue;
    }
    errs.push(...validateProbe(probe, `${path}.${field}`, field !== 'readinessProbe'));
  }
  return errs;
}

/** validateProbe / validateHandler / validateLivenessProbe (pkg/apis/core/validation/validation.go). */
function validateProbe(p: Probe, path: string, mustSucceedOnce: boolean): StatusCause[] {
  const errs: StatusCause[] = [];
  const handlers = (['exec', 'httpGet', 'tcpSocket', 'grpc'] as const).filter((h) => p[h]);
  if (handlers.length === 0) errs.push(fieldError.required(path, 'must specify a handler type'));
  else if (handlers.length > 1) errs.push(fieldError.forbidden(`${path}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  if (p.httpGet || p.tcpSocket) {
    const port = (p.httpGet ?? p.tcpSocket)!.port as number | string | undefined;
    const pp = `${path}.${p.httpGet ? 'httpGet' : 'tcpSocket'}.port`;
    if (typeof port === 'number' && (port < 1 || port > 65535)) errs.push(fieldError.invalid(pp, port, 'must be between 1 and 65535, inclusive'));
    if (port === undefined || port === '') errs.push(fieldError.required(pp));
  }
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    if ((p[f] ?? 0) < 0) errs.push(fieldError.invalid(`${path}.${f}`, p[f], 'must be greater than or equal to 0'));
  }
  if (mustSucceedOnce && p.successThreshold !== undefined && p.successThreshold !== 1) {
    errs.push(fieldError.invalid(`${path}.successThreshold`, p.successThreshold, 'must be 1'));
  }
  return errs;
}

/**
 * ValidatePodCreate, after pkg/apis/core/validation/validation.go (ValidatePodSpec and
 * validateContainers): the subset of rules that learners hit, in upstream order.
 */
export function validatePod(pod: Pod): StatusCause[] {
  const errs = validateObjectMeta(pod.metadata, 'subdomain');
  const spec = pod.spec;
  const seen = new Set<string>();
  (spec?.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `spec.initContainers[${i}]`, seen)));
  if (!spec?.containers || spec.containers.length === 0) errs.push(fieldError.required('spec.containers'));
  else spec.containers.forEach((c, i) => errs.push(...validateContainer(c, `spec.containers[${i}]`, seen)));
  if (spec?.restartPolicy && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.push(fieldError.notSupported('spec.restartPolicy', spec.restartPolicy, RESTART_POLICIES));
  }
  if (spec?.dnsPolicy && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    errs.push(fieldError.notSupported('spec.dnsPolicy', spec.dnsPolicy, DNS_POLICIES));
  }
  const grace = spec?.terminationGracePeriodSeconds;
  if (grace !== undefined && grace < 0) {
    errs.push(fieldError.invalid('spec.terminationGracePeriodSeconds', grace, 'must be greater than or equal to 0'));
  }
  return errs;
}

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,' +
  '`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** ValidatePodUpdate: only images, activeDeadlineSeconds and added tolerations may change. */
export function validatePodUpdate(next: Pod, prev: Pod): StatusCause[] {
  const errs = validatePod(next);
  if (errs.length) return errs;
  const comparable = structuredClone(next.spec!);
  const old = prev.spec!;
  comparable.containers.forEach((c, i) => { if (old.containers[i]) c.image = old.containers[i].image; });
  comparable.initContainers?.forEach((c, i) => { if (old.initContainers?.[i]) c.image = old.initContainers[i].image; });
  comparable.activeDeadlineSeconds = old.activeDeadlineSeconds;
  comparable.tolerations = old.tolerations;
  if (JSON.stringify(sortKeys(comparable)) !== JSON.stringify(sortKeys(old))) {
    errs.push(fieldError.forbidden('spec', POD_UPDATE_FORBIDDEN));
  }
  return errs;
}

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}
