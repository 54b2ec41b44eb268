import type { ApiServer } from '../api/api-server';
import { rfc3339 } from '../api/time';
import { randomUid, type Prng } from '../prng';
import type { ObjectStore } from '../store';
import { syncServiceEndpoints } from './endpoints-controller';

export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const DNS_SERVICE_IP = '10.96.0.10';
const API_SERVER = { ip: '192.168.0.30', port: 6443 };

/**
 * The Services every kubeadm cluster starts with: `default/kubernetes` (kept by the
 * apiserver's endpoint reconciler, pkg/controlplane/reconcilers) and CoreDNS's
 * `kube-system/kube-dns` at the tenth address of the range (kubeadm's DNS service IP).
 * A PRNG derived from the seed is used so adding them leaves the lab's other random picks alone.
 */
export function seedNetwork(api: ApiServer, store: ObjectStore, prng: Prng): void {
  const born = Date.parse(store.get('Namespace', undefined, 'default')?.metadata.creationTimestamp ?? '') || 0;
  const ts = rfc3339(born);
  const meta = (name: string, namespace: string, labels: Record<string, string>) =>
    ({ name, namespace, labels, uid: randomUid(prng), creationTimestamp: ts });
  const common = { ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None', type: 'ClusterIP' };
  const apiLabels = { component: 'apiserver', provider: 'kubernetes' };
  api.createInternal({
    apiVersion: 'v1', kind: 'Service', metadata: meta('kubernetes', 'default', apiLabels),
    spec: { ...common, clusterIP: KUBERNETES_SERVICE_IP, clusterIPs: [KUBERNETES_SERVICE_IP],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    status: { loadBalancer: {} },
  });
  api.createInternal({
    apiVersion: 'v1', kind: 'Endpoints', metadata: { ...meta('kubernetes', 'default', { 'endpointslice.kubernetes.io/skip-mirror': 'true' }) },
    subsets: [{ addresses: [{ ip: API_SERVER.ip }], ports: [{ name: 'https', port: API_SERVER.port, protocol: 'TCP' }] }],
  });
  api.createInternal({
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { ...meta('kubernetes', 'default', { 'kubernetes.io/service-name': 'kubernetes' }), generation: 1 },
    addressType: 'IPv4',
    endpoints: [{ addresses: [API_SERVER.ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: API_SERVER.port, protocol: 'TCP' }],
  });
  api.createInternal({
    apiVersion: 'v1', kind: 'Service',
    metadata: { ...meta('kube-dns', 'kube-system', { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }),
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
    spec: { ...common, clusterIP: DNS_SERVICE_IP, clusterIPs: [DNS_SERVICE_IP], selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ] },
    status: { loadBalancer: {} },
  });
  syncServiceEndpoints(store, api, prng, 'kube-system', 'kube-dns', born + 60_000);
}
