import { matchesLabelSelector } from '../api/label-selector';
import type { Controller, ControllerContext } from '../controllers/controller';
import { KeyedQueue } from '../controllers/pod-util';
import type { Pod } from '../k8s';
import { randomSuffix, randomUid, type Prng } from '../prng';
import { rfc3339 } from '../api/time';
import type { Task } from '../queue';
import type { ObjectStore } from '../store';
import type { StoredObject } from '../types';
import type { ApiServer } from '../api/api-server';
import { computeEndpoints, endpointsSubsets, sliceBody } from './endpoint-sets';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';

const selects = (svc: StoredObject, labels: Record<string, string> | undefined) =>
  !!svc.spec?.selector && Object.keys(svc.spec.selector).length > 0 && matchesLabelSelector({ matchLabels: svc.spec.selector }, labels);

/** EndpointSlices the controller manages for a Service. */
export function slicesOf(store: ObjectStore, ns: string, name: string): StoredObject[] {
  return store.filter((o) => o.kind === 'EndpointSlice' && o.metadata.namespace === ns && o.metadata.labels?.[SERVICE_NAME_LABEL] === name, 'EndpointSlice');
}

/**
 * Writes the EndpointSlice and the Endpoints of one selector-based Service; only changed
 * objects are written. Service types without a selector (and ExternalName) are not managed.
 */
export function syncServiceEndpoints(store: ObjectStore, api: ApiServer, prng: Prng, ns: string, name: string, createdAt?: number): void {
  const created = (extra: object) => ({ uid: randomUid(prng), ...(createdAt !== undefined && { creationTimestamp: rfc3339(createdAt) }), ...extra });
  const svc = store.get('Service', ns, name);
  const slices = slicesOf(store, ns, name).filter((s) => s.metadata.labels?.[MANAGED_BY] === CONTROLLER_NAME);
  if (!svc || !svc.spec?.selector || svc.spec.type === 'ExternalName' || svc.metadata.deletionTimestamp) {
    for (const s of slices) api.remove('EndpointSlice', ns, s.metadata.name);
    if (!svc && store.has('Endpoints', ns, name)) api.remove('Endpoints', ns, name);
    return;
  }
  // Read only: the stored pods themselves (in list order), not copies.
  const pods = store.peek('Pod', ns).filter((o) => selects(svc, o.metadata.labels)) as Pod[];
  const { addresses, ports } = computeEndpoints(svc, pods);
  const labels = { ...svc.metadata.labels, [MANAGED_BY]: CONTROLLER_NAME, [SERVICE_NAME_LABEL]: name };
  const body = sliceBody(addresses, ports);
  const [slice, ...extra] = slices;
  for (const s of extra) api.remove('EndpointSlice', ns, s.metadata.name);
  if (!slice) {
    api.createInternal({
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: created({
        name: `${name}-${randomSuffix(prng)}`, generateName: `${name}-`, namespace: ns, labels, generation: 1,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      }),
      ...body,
    });
  } else if (JSON.stringify({ ...slice, metadata: undefined, apiVersion: undefined, kind: undefined }) !==
    JSON.stringify({ ...body, metadata: undefined, apiVersion: undefined, kind: undefined }) ||
    JSON.stringify(slice.metadata.labels) !== JSON.stringify(labels)) {
    const { addressType: _a, endpoints: _e, ports: _p, ...rest } = slice;
    api.write({ ...rest, ...body, metadata: { ...slice.metadata, labels, generation: (slice.metadata.generation ?? 1) + 1 } });
  }
  const subsets = endpointsSubsets(addresses, ports);
  const prev = store.get('Endpoints', ns, name);
  if (!prev) {
    api.createInternal({
      apiVersion: 'v1', kind: 'Endpoints',
      metadata: created({ name, namespace: ns, ...(svc.metadata.labels && { labels: { ...svc.metadata.labels } }) }),
      ...(subsets && { subsets }),
    });
  } else if (JSON.stringify(prev.subsets) !== JSON.stringify(subsets)) {
    const next = { ...prev };
    if (subsets) next.subsets = subsets; else delete next.subsets;
    api.write(next);
  }
}

/**
 * The EndpointSlice controller and the legacy Endpoints controller as one: every change
 * to a Service or to a Pod it selects (labels, IP, readiness, deletion) resyncs that
 * Service (pkg/controller/endpointslice/endpointslice_controller.go onPodUpdate/onServiceUpdate).
 */
export class EndpointsController implements Controller {
  readonly name = 'endpointslice-controller';
  readonly handlers = { endpoints: (t: Task) => this.sync(t) };
  private queue: KeyedQueue;
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {
    this.queue = new KeyedQueue(ctx, 'endpoints');
  }

  start(): void {
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      const svc = ev.object as StoredObject;
      this.queue.add(svc.metadata.namespace, svc.metadata.name);
    }, { kind: 'Service' }));
    const lastLabels = new Map<string, Record<string, string> | undefined>();
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      const pod = ev.object as StoredObject;
      const key = pod.metadata.uid ?? '';
      const before = lastLabels.get(key);
      if (ev.type === 'DELETED') lastLabels.delete(key); else lastLabels.set(key, pod.metadata.labels);
      // Read only, in list (name) order: the stored Services, not copies (this runs on every pod write).
      const services = [...this.ctx.store.peek('Service', pod.metadata.namespace)].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
      for (const svc of services) {
        if (selects(svc, pod.metadata.labels) || selects(svc, before) || ev.type === 'DELETED') {
          this.queue.add(svc.metadata.namespace, svc.metadata.name);
        }
      }
    }, { kind: 'Pod' }));
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
  }

  private sync(task: Task): void {
    this.queue.done(task.key);
    syncServiceEndpoints(this.ctx.store, this.ctx.api, this.ctx.prng, String(task.ns), String(task.name));
  }
}
