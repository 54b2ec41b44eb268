import type { Pod } from '../k8s';
import type { StoredObject } from '../types';

/** One backend address as both controllers see it. */
export interface EndpointAddress {
  ip: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
  hostname?: string;
  pod: { name: string; namespace: string; uid: string };
}

export interface EndpointPort { name: string; port: number; protocol: string }

interface ServicePort { name?: string; protocol?: string; port: number; targetPort?: number | string }

const podReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** podutil.FindPort: a numeric targetPort is used as is; a named one is looked up in the pod's container ports. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    for (const cp of c.ports ?? []) if (cp.name === target && (cp.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return cp.containerPort;
  }
  return undefined;
}

/**
 * What the endpointslice controller (pkg/controller/endpointslice/reconciler.go and
 * staging/src/k8s.io/endpointslice/utils.go) publishes for a Service: pods with an IP that are
 * not finished, `ready` from the Ready condition (or always, with publishNotReadyAddresses),
 * the hostname of pods whose subdomain names this Service, and ports resolved per pod.
 */
export function computeEndpoints(svc: StoredObject, pods: Pod[]): { addresses: EndpointAddress[]; ports: EndpointPort[] } {
  const addresses: EndpointAddress[] = [];
  let ports: EndpointPort[] = [];
  const publishNotReady = !!svc.spec?.publishNotReadyAddresses;
  for (const pod of pods) {
    const ip = pod.status?.podIP;
    if (!ip || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    const terminating = !!pod.metadata?.deletionTimestamp;
    if (terminating && !publishNotReady) continue;
    // getEndpointPorts: a port the pod does not have is left out for that pod.
    const resolved = ((svc.spec?.ports ?? []) as ServicePort[]).map((sp) => ({ sp, port: findPort(pod, sp) })).filter((r) => r.port !== undefined);
    if (resolved.length === 0 && (svc.spec?.ports ?? []).length > 0) continue;
    if (ports.length === 0) ports = resolved.map(({ sp, port }) => ({ name: sp.name ?? '', port: port!, protocol: sp.protocol ?? 'TCP' }));
    const ready = publishNotReady || podReady(pod);
    const hostname = pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name ? pod.spec.hostname : undefined;
    addresses.push({
      ip, ready, serving: ready, terminating, nodeName: pod.spec?.nodeName, ...(hostname && { hostname }),
      pod: { name: pod.metadata!.name!, namespace: pod.metadata!.namespace!, uid: pod.metadata!.uid! },
    });
  }
  addresses.sort((a, b) => a.pod.name.localeCompare(b.pod.name));
  return { addresses, ports };
}

const targetRef = (a: EndpointAddress) => ({ kind: 'Pod', name: a.pod.name, namespace: a.pod.namespace, uid: a.pod.uid });

/** The discovery.k8s.io/v1 EndpointSlice body (endpoints + ports). */
export function sliceBody(addresses: EndpointAddress[], ports: EndpointPort[]): Record<string, unknown> {
  return {
    addressType: 'IPv4',
    endpoints: addresses.map((a) => ({
      addresses: [a.ip],
      conditions: { ready: a.ready, serving: a.serving, terminating: a.terminating },
      ...(a.hostname && { hostname: a.hostname }),
      ...(a.nodeName && { nodeName: a.nodeName }),
      targetRef: targetRef(a),
    })),
    ports: addresses.length ? ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })) : [],
  };
}

/** The legacy v1 Endpoints subsets (pkg/controller/endpoint/endpoints_controller.go). */
export function endpointsSubsets(addresses: EndpointAddress[], ports: EndpointPort[]): unknown[] | undefined {
  if (addresses.length === 0) return undefined;
  const addr = (a: EndpointAddress) => ({ ip: a.ip, ...(a.hostname && { hostname: a.hostname }), ...(a.nodeName && { nodeName: a.nodeName }), targetRef: targetRef(a) });
  // endpoints.RepackSubsets sorts each address list by IP (LessEndpointAddress: byte-wise, then UID).
  const byIp = (a: { ip: string }, b: { ip: string }) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  const ready = addresses.filter((a) => a.ready).map(addr).sort(byIp);
  const notReady = addresses.filter((a) => !a.ready).map(addr).sort(byIp);
  return [{
    ...(ready.length && { addresses: ready }),
    ...(notReady.length && { notReadyAddresses: notReady }),
    ports: ports.map((p) => ({ ...(p.name && { name: p.name }), port: p.port, protocol: p.protocol })),
  }];
}
