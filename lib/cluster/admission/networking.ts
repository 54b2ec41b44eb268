import { fieldError, type StatusCause } from '../errors';
import type { StoredObject } from '../types';
import { isDNS1123Subdomain } from './names';
import { validateObjectMeta } from './object-meta';
import type { KindStrategy } from './strategies';
import { ingressWebhook } from '../network/ingress/admission-webhook';

interface Backend { service?: { name?: string; port?: { name?: string; number?: number } }; resource?: unknown }
interface IngressPath { path?: string; pathType?: string; backend?: Backend }
interface IngressRule { host?: string; http?: { paths?: IngressPath[] } }

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const isIP = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || s.includes(':');

/** validateIngressBackend (pkg/apis/networking/validation/validation.go). */
function validateBackend(b: Backend | undefined, field: string): StatusCause[] {
  const errs: StatusCause[] = [];
  if (!b || (!b.service && !b.resource)) return [fieldError.invalid(field, '', 'one backend (`service` or `resource`) must be specified')];
  if (b.service && b.resource) return [fieldError.invalid(field, '', 'cannot set both `service` and `resource` backends')];
  if (!b.service) return errs;
  const svc = b.service;
  if (!svc.name) errs.push(fieldError.required(`${field}.service.name`));
  else for (const d of isDNS1123Subdomain(svc.name)) errs.push(fieldError.invalid(`${field}.service.name`, svc.name, d));
  const port = svc.port;
  if (!port || (port.name === undefined && port.number === undefined)) {
    errs.push(fieldError.required(`${field}.service.port`, 'port name or number is required'));
  } else if (port.name !== undefined && port.number !== undefined) {
    errs.push(fieldError.invalid(`${field}.service.port`, port, 'cannot set both port name & port number'));
  } else if (port.number !== undefined && (port.number < 1 || port.number > 65535)) {
    errs.push(fieldError.invalid(`${field}.service.port.number`, port.number, 'must be between 1 and 65535, inclusive'));
  }
  return errs;
}

/** validateIngressRuleValue / validateHTTPIngressPath: pathType required, absolute path for Exact/Prefix. */
function validatePath(p: IngressPath, field: string): StatusCause[] {
  const errs: StatusCause[] = [];
  if (!p.pathType) errs.push(fieldError.required(`${field}.pathType`, 'pathType must be specified'));
  else if (!PATH_TYPES.includes(p.pathType)) errs.push(fieldError.notSupported(`${field}.pathType`, p.pathType, PATH_TYPES));
  const path = p.path ?? '';
  if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
    if (!path.startsWith('/')) errs.push(fieldError.invalid(`${field}.path`, path, 'must be an absolute path'));
    else for (const bad of ['//', '/./', '/../', '%2f', '%2F']) {
      if (path.includes(bad)) errs.push(fieldError.invalid(`${field}.path`, path, `must not contain '${bad}'`));
    }
  } else if (p.pathType === 'ImplementationSpecific' && path && !path.startsWith('/')) {
    errs.push(fieldError.invalid(`${field}.path`, path, 'must be an absolute path'));
  }
  errs.push(...validateBackend(p.backend, `${field}.backend`));
  return errs;
}

function validateHost(host: string, field: string): StatusCause[] {
  if (isIP(host)) return [fieldError.invalid(field, host, 'must be a DNS name, not an IP address')];
  const name = host.startsWith('*.') ? host.slice(2) : host;
  return isDNS1123Subdomain(name).map((d) => fieldError.invalid(field, host,
    host.startsWith('*.') ? d.replace('a lowercase RFC 1123 subdomain', 'a wildcard DNS-1123 subdomain') : d));
}

/** ValidateIngressCreate (networking.k8s.io/v1) over what the simulator reads. */
export function validateIngress(obj: StoredObject): StatusCause[] {
  const errs = validateObjectMeta(obj.metadata, 'subdomain');
  const spec = obj.spec ?? {};
  const rules = (spec.rules ?? []) as IngressRule[];
  if (!spec.defaultBackend && rules.length === 0) {
    errs.push(fieldError.invalid('spec', spec, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((r, i) => {
    if (r.host) errs.push(...validateHost(r.host, `spec.rules[${i}].host`));
    (r.http?.paths ?? []).forEach((p, j) => errs.push(...validatePath(p, `spec.rules[${i}].http.paths[${j}]`)));
    if (r.http && !(r.http.paths ?? []).length) errs.push(fieldError.required(`spec.rules[${i}].http.paths`));
  });
  ((spec.tls ?? []) as { hosts?: string[] }[]).forEach((t, i) =>
    (t.hosts ?? []).forEach((h, j) => errs.push(...validateHost(h, `spec.tls[${i}].hosts[${j}]`))));
  if (spec.ingressClassName !== undefined) {
    for (const d of isDNS1123Subdomain(String(spec.ingressClassName))) errs.push(fieldError.invalid('spec.ingressClassName', spec.ingressClassName, d));
  }
  return errs;
}

/**
 * Ingress REST strategy: the DefaultIngressClass admission plugin
 * (plugin/pkg/admission/network/defaultingressclass) sets ingressClassName from the
 * IngressClass annotated as default; status is a subresource written by the controller.
 */
export const ingressStrategy: KindStrategy = {
  hasStatus: true,
  prepareForCreate(obj, ctx) {
    obj.spec ??= {};
    if (obj.spec.ingressClassName === undefined && !obj.metadata.annotations?.['kubernetes.io/ingress.class']) {
      const defaults = ctx.list('IngressClass').filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
      if (defaults.length) obj.spec.ingressClassName = defaults.sort((a, b) => String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)))[0].metadata.name;
    }
    obj.status = { loadBalancer: {} };
  },
  validate: validateIngress,
  admit: (obj, ctx) => ingressWebhook(obj, ctx.list),
  prepareForUpdate(next, prev) { next.status = prev.status; },
};

/** IngressClass: spec.controller required, a domain-prefixed path (ValidateIngressClass). */
export const ingressClassStrategy: KindStrategy = {
  validate(obj) {
    const errs = validateObjectMeta(obj.metadata, 'subdomain');
    const c = obj.spec?.controller;
    if (!c) errs.push(fieldError.required('spec.controller'));
    else if (!/^[a-z0-9.-]+\/[^/]+/.test(String(c))) errs.push(fieldError.invalid('spec.controller', c, 'must be a domain-prefixed path (such as "acme.io/foo")'));
    return errs;
  },
};

/** RBAC objects: names are path segments (ValidateRBACName), so `system:metrics-server` is fine. */
export const rbacStrategy: KindStrategy = {
  validate(obj) {
    const name = obj.metadata?.name ?? '';
    const errs = validateObjectMeta({ ...obj.metadata, name: 'x' }, 'subdomain');
    if (!name) errs.push(fieldError.required('metadata.name', 'name or generateName is required'));
    else if (name === '.' || name === '..' || /[/%]/.test(name)) errs.push(fieldError.invalid('metadata.name', name, `may not contain '/'`));
    return errs;
  },
};
