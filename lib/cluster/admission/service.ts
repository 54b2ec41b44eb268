import { fieldError, type StatusCause } from '../errors';
import {
  allocateClusterIP, allocateNodePort, inServiceRange, isIPv4, NODE_PORT_MAX, NODE_PORT_MIN, SERVICE_CIDR, usedClusterIPs, usedNodePorts,
} from '../network/allocators';
import type { StoredObject } from '../types';
import { validateObjectMeta } from './object-meta';
import type { KindStrategy, StrategyContext } from './strategies';

interface ServicePort { name?: string; protocol?: string; port?: number; targetPort?: number | string; nodePort?: number; appProtocol?: string }

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const portRange = 'must be between 1 and 65535, inclusive';

/** Allocation failures found while preparing, reported after validation like the registry does. */
const allocationErrors = new WeakMap<object, StatusCause[]>();

const portsOf = (svc: StoredObject): ServicePort[] => (svc.spec?.ports ?? []) as ServicePort[];
const isHeadless = (svc: StoredObject) => svc.spec?.clusterIP === 'None';
const wantsNodePorts = (svc: StoredObject) =>
  svc.spec?.type === 'NodePort' || (svc.spec?.type === 'LoadBalancer' && svc.spec?.allocateLoadBalancerNodePorts !== false);

/** SetDefaults_Service (pkg/apis/core/v1/defaults.go). */
function defaultService(svc: StoredObject): void {
  const spec = (svc.spec ??= {});
  spec.type ??= 'ClusterIP';
  if (spec.type === 'ExternalName') return;
  spec.sessionAffinity ??= 'None';
  for (const p of portsOf(svc)) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  spec.internalTrafficPolicy ??= 'Cluster';
}

/** The registry's allocation step (pkg/registry/core/service/storage/alloc.go). */
function allocate(svc: StoredObject, ctx: StrategyContext, prev?: StoredObject): void {
  const spec = svc.spec!;
  const errs: StatusCause[] = [];
  const others = ctx.list('Service').filter((s) => !(prev && s.metadata.uid === prev.metadata.uid));
  if (spec.type !== 'ExternalName') {
    if (spec.clusterIP === undefined || spec.clusterIP === '') {
      const ip = allocateClusterIP(ctx.prng, usedClusterIPs(others));
      if (ip) spec.clusterIP = ip;
    } else if (spec.clusterIP !== 'None' && !(prev && prev.spec?.clusterIP === spec.clusterIP)) {
      const ip = spec.clusterIP as string;
      const why = !inServiceRange(ip) ? `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`
        : usedClusterIPs(others).has(ip) ? 'provided IP is already allocated' : '';
      if (why && isIPv4(ip)) {
        errs.push({ field: 'spec.clusterIPs', reason: 'FieldValueInvalid', message: `Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: ${why}` });
      }
    }
    if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }
  if (wantsNodePorts(svc)) {
    const used = usedNodePorts(others);
    portsOf(svc).forEach((p, i) => {
      if (!p.nodePort) return;
      const was = prev && portsOf(prev).some((q) => q.nodePort === p.nodePort);
      if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        errs.push(fieldError.invalid(`spec.ports[${i}].nodePort`, p.nodePort,
          `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
      } else if (!was && used.has(p.nodePort)) {
        errs.push(fieldError.invalid(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated'));
      }
      used.add(p.nodePort);
    });
    for (const p of portsOf(svc)) {
      if (!p.nodePort) {
        const port = allocateNodePort(ctx.prng, used);
        if (port) { p.nodePort = port; used.add(port); }
      }
    }
  }
  if (errs.length) allocationErrors.set(svc, errs);
}

/** ValidateService (pkg/apis/core/validation/validation.go), the parts a learner can hit. */
export function validateService(svc: StoredObject): StatusCause[] {
  const errs = validateObjectMeta(svc.metadata, 'label');
  const spec = svc.spec ?? {};
  const type = spec.type as string;
  if (!TYPES.includes(type)) errs.push(fieldError.notSupported('spec.type', type, TYPES));
  if (type === 'ExternalName') {
    if (!spec.externalName) errs.push(fieldError.required('spec.externalName'));
  } else if (portsOf(svc).length === 0 && !isHeadless(svc)) {
    errs.push(fieldError.required('spec.ports'));
  }
  if ((type === 'NodePort' || type === 'LoadBalancer') && isHeadless(svc)) {
    errs.push(fieldError.invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  }
  if (spec.clusterIP && spec.clusterIP !== 'None' && !isIPv4(spec.clusterIP)) {
    errs.push(fieldError.invalid('spec.clusterIPs[0]', spec.clusterIP, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  }
  const names = new Set<string>();
  const ports = portsOf(svc);
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push(fieldError.required(`${at}.name`));
    else if (p.name && names.has(p.name)) errs.push(fieldError.duplicate(`${at}.name`, p.name));
    if (p.name) names.add(p.name);
    if (!Number.isInteger(p.port) || p.port! < 1 || p.port! > 65535) errs.push(fieldError.invalid(`${at}.port`, p.port ?? 0, portRange));
    if (!PROTOCOLS.includes(p.protocol ?? '')) errs.push(fieldError.notSupported(`${at}.protocol`, p.protocol, PROTOCOLS));
    if (typeof p.targetPort === 'number' && (p.targetPort < 1 || p.targetPort > 65535)) {
      errs.push(fieldError.invalid(`${at}.targetPort`, p.targetPort, portRange));
    }
    if (typeof p.targetPort === 'string' && !/^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/.test(p.targetPort)) {
      errs.push(fieldError.invalid(`${at}.targetPort`, p.targetPort, 'must contain only lowercase alphanumeric characters and \'-\' (at most 15)'));
    }
    if (p.nodePort && type === 'ClusterIP') errs.push(fieldError.forbidden(`${at}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
  });
  if (errs.length) return errs;
  return allocationErrors.get(svc) ?? [];
}

export const serviceStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj, ctx) {
    defaultService(obj);
    obj.status = { loadBalancer: {} };
    allocate(obj, ctx);
  },
  validate: validateService,
  prepareForUpdate(next, prev, ctx) {
    next.status = prev.status;
    const spec = (next.spec ??= {});
    // kubectl apply does not send allocated values: keep them (patchAllocatedValues in storage.go).
    if (!spec.clusterIP && prev.spec?.clusterIP && spec.type !== 'ExternalName') spec.clusterIP = prev.spec.clusterIP;
    for (const p of portsOf(next)) {
      const old = portsOf(prev).find((q) => q.port === p.port && (q.name ?? '') === (p.name ?? ''));
      if (!p.nodePort && old?.nodePort && wantsNodePorts(next)) p.nodePort = old.nodePort;
    }
    defaultService(next);
    if (!wantsNodePorts(next)) for (const p of portsOf(next)) if (next.spec?.type === 'ClusterIP') delete p.nodePort;
    if (ctx) allocate(next, ctx, prev);
  },
  validateUpdate(next, prev) {
    const errs = validateService(next);
    const was = prev.spec?.clusterIP, now = next.spec?.clusterIP;
    if (was && now && was !== now && prev.spec?.type !== 'ExternalName' && next.spec?.type !== 'ExternalName') {
      errs.unshift(fieldError.invalid('spec.clusterIPs[0]', now, 'may not change once set'));
    }
    return errs;
  },
};
