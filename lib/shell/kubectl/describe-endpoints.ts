import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../cluster';
import { describeEvents, Lines, multiline } from './describe-pod';

/** staging/src/k8s.io/kubectl/pkg/describe/describe.go describeEndpoints and describeEndpointSliceV1. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = Record<string, any>;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function header(l: Lines, o: KubeObject): void {
  const meta = o.metadata ?? {};
  l.w(0, `Name:\t${meta.name ?? ''}`);
  l.w(0, `Namespace:\t${meta.namespace ?? ''}`);
  multiline(l, 0, 'Labels', Object.keys(meta.labels ?? {}).sort().map((k) => `${k}=${meta.labels![k]}`));
  multiline(l, 0, 'Annotations', Object.keys(meta.annotations ?? {}).filter((k) => k !== LAST_APPLIED).sort().map((k) => `${k}: ${meta.annotations![k]}`));
}

export function describeEndpoints(ep: KubeObject, events: Event[], now: number): string {
  const l = new Lines();
  header(l, ep);
  l.w(0, 'Subsets:');
  for (const s of (ep.subsets ?? []) as Any[]) {
    const ips = (list: Any[] | undefined) => (list ?? []).map((a) => a.ip).join(',') || '<none>';
    l.w(1, `Addresses:\t${ips(s.addresses)}`);
    l.w(1, `NotReadyAddresses:\t${ips(s.notReadyAddresses)}`);
    if ((s.ports ?? []).length) {
      l.w(1, 'Ports:');
      l.w(2, 'Name\tPort\tProtocol');
      l.w(2, '----\t----\t--------');
      for (const p of s.ports as Any[]) l.w(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}`);
    }
    l.w(0, '');
  }
  describeEvents(l, events, now);
  return l.out.map((x) => `${x}\n`).join('');
}

export function describeEndpointSlice(eps: KubeObject, events: Event[], now: number): string {
  const l = new Lines();
  header(l, eps);
  l.w(0, `AddressType:\t${eps.addressType ?? ''}`);
  const ports = (eps.ports ?? []) as Any[];
  if (!ports.length) l.w(0, 'Ports: <unset>');
  else {
    l.w(0, 'Ports:');
    l.w(1, 'Name\tPort\tProtocol');
    l.w(1, '----\t----\t--------');
    for (const p of ports) l.w(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}`);
  }
  const endpoints = (eps.endpoints ?? []) as Any[];
  if (!endpoints.length) l.w(0, 'Endpoints: <none>');
  else {
    l.w(0, 'Endpoints:');
    for (const e of endpoints) {
      l.w(1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}`);
      l.w(2, 'Conditions:');
      l.w(3, `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}`);
      l.w(2, `Hostname:\t${e.hostname ?? '<unset>'}`);
      if (e.targetRef) l.w(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}`);
      l.w(2, `NodeName:\t${e.nodeName ?? '<unset>'}`);
      l.w(2, `Zone:\t${e.zone ?? '<unset>'}`);
    }
  }
  describeEvents(l, events, now);
  return l.out.map((x) => `${x}\n`).join('');
}
