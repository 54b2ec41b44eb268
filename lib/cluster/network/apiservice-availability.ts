import { rfc3339 } from '../api/time';
import type { Controller, ControllerContext } from '../controllers/controller';
import { KeyedQueue } from '../controllers/pod-util';
import type { Task } from '../queue';
import type { StoredObject } from '../types';
import { SERVICE_NAME_LABEL, slicesOf } from './endpoints-controller';

const TASK = 'sync-apiservice';

interface ServiceRef { namespace?: string; name?: string; port?: number }
interface Condition { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }

/**
 * kube-aggregator's availability controllers (staging/src/k8s.io/kube-aggregator/pkg/controllers/
 * status: local_available_controller.go, remote/remote_available_controller.go): an APIService
 * without a service is served by the API server itself and always Available; one backed by a
 * Service (metrics-server's `v1beta1.metrics.k8s.io`, prometheus-adapter's custom metrics) is
 * Available once the Service exists, listens on the APIService's port and has a ready endpoint on
 * that port's name in its EndpointSlices, with upstream's reason and message otherwise. The
 * discovery call itself always succeeds here: a ready simulated metrics server answers it.
 * Synced when the APIService, its Service or an EndpointSlice of that Service changes.
 */
export class ApiServiceAvailability implements Controller {
  readonly name = 'apiservice-availability';
  readonly handlers: Record<string, (t: Task) => void>;
  private queue: KeyedQueue;
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {
    this.queue = new KeyedQueue(ctx, TASK);
    this.handlers = { [TASK]: (t) => { this.queue.done(t.key); this.sync(String(t.name)); } };
  }

  start(): void {
    const { store } = this.ctx;
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'DELETED') this.queue.add(undefined, (ev.object as StoredObject).metadata.name);
    }, { kind: 'APIService' }));
    const byService = (ns: string | undefined, name: string | undefined) => {
      for (const api of store.peek('APIService')) {
        const ref = api.spec?.service as ServiceRef | undefined;
        if (ref && ref.namespace === ns && ref.name === name) this.queue.add(undefined, api.metadata.name);
      }
    };
    this.unsubscribe.push(store.subscribe((ev) => {
      const { metadata } = ev.object as StoredObject;
      byService(metadata.namespace, metadata.name);
    }, { kind: 'Service' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      const { metadata } = ev.object as StoredObject;
      const svc = metadata.labels?.[SERVICE_NAME_LABEL];
      if (svc) byService(metadata.namespace, svc);
    }, { kind: 'EndpointSlice' }));
  }

  stop(): void {
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
  }

  private sync(name: string): void {
    const { store, api } = this.ctx;
    const cur = store.peekOne('APIService', undefined, name);
    if (!cur || cur.metadata.deletionTimestamp) return;
    const want = this.availability(cur);
    const conditions = (cur.status?.conditions ?? []) as Condition[];
    const prev = conditions.find((c) => c.type === 'Available');
    if (prev && prev.status === want.status && prev.reason === want.reason && prev.message === want.message) return;
    // SetAPIServiceCondition: the transition time moves only when the status does.
    const cond: Condition = { type: 'Available', status: want.status,
      lastTransitionTime: prev && prev.status === want.status ? prev.lastTransitionTime : rfc3339(this.ctx.now()), reason: want.reason, message: want.message };
    const next = [...conditions.filter((c) => c.type !== 'Available'), cond];
    api.writeOwned({ ...cur, metadata: { ...cur.metadata }, status: { ...cur.status, conditions: next } });
  }

  private availability(apiService: StoredObject): { status: string; reason: string; message: string } {
    const ref = apiService.spec?.service as ServiceRef | undefined;
    if (!ref) return { status: 'True', reason: 'Local', message: 'Local APIServices are always available' };
    const ns = ref.namespace ?? '';
    const svcName = ref.name ?? '';
    const svc = this.ctx.store.peekOne('Service', ns, svcName);
    const where = `service/${svcName} in "${ns}"`;
    if (!svc) return { status: 'False', reason: 'ServiceNotFound', message: `${where} is not present` };
    if ((svc.spec?.type ?? 'ClusterIP') === 'ClusterIP') {
      const port = ref.port ?? 443;
      const found = ((svc.spec?.ports ?? []) as { port?: number; name?: string }[]).find((p) => p.port === port);
      if (!found) return { status: 'False', reason: 'ServicePortError', message: `${where} is not listening on port ${port}` };
      const portName = found.name ?? '';
      const slices = slicesOf(this.ctx.store, ns, svcName);
      if (slices.length === 0) return { status: 'False', reason: 'EndpointsNotFound', message: `cannot find endpointslices for ${where}` };
      const ready = slices.some((s) => ((s.endpoints ?? []) as { conditions?: { ready?: boolean } }[]).some((e) => e.conditions?.ready !== false)
        && ((s.ports ?? []) as { name?: string; port?: number }[]).some((p) => (p.name ?? '') === portName && p.port !== undefined));
      if (!ready) {
        return { status: 'False', reason: 'MissingEndpoints', message: `endpointslices for ${where} have no addresses with port name "${portName}"` };
      }
    }
    return { status: 'True', reason: 'Passed', message: 'all checks passed' };
  }
}
