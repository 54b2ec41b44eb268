import type { Pod } from '../../k8s';
import type { Controller, ControllerContext } from '../../controllers/controller';
import { KeyedQueue } from '../../controllers/pod-util';
import { parseTime } from '../../api/time';
import type { Task } from '../../queue';
import type { StoredObject } from '../../types';
import type { NetView } from '../dns';
import { NODE_HOSTS } from '../dns';
import { handledIngresses, isControllerPod, runningControllers, type ControllerConfig } from './classes';

type LbIngress = { ip?: string; hostname?: string };

/** ingress-nginx's status sync period (internal/ingress/status/status.go updateInterval). */
const UPDATE_INTERVAL_MS = 60_000;
/** Leader election + first sync after the controller starts. */
const FIRST_SYNC_MS = 5_000;

/**
 * statusAddressFromService (internal/ingress/status/status.go): the published Service's
 * address — LoadBalancer ingress (+ externalIPs), externalIPs or the ClusterIP for
 * NodePort/ClusterIP, the name for ExternalName. Without --publish-service, the IPs of
 * the nodes running controller pods.
 */
export function publishedAddresses(view: NetView, cfg: ControllerConfig, all: ControllerConfig[]): LbIngress[] {
  if (!cfg.publishService) {
    const nodes = [...new Set(all.map((c) => c.pod.spec?.nodeName).filter(Boolean) as string[])].sort();
    return nodes.map((n) => ({ ip: NODE_HOSTS[n] ?? n }));
  }
  const [ns, name] = cfg.publishService.includes('/') ? cfg.publishService.split('/') : [cfg.namespace, cfg.publishService];
  const svc = view.get<StoredObject>('Service', ns, name);
  if (!svc) return [];
  const external = ((svc.spec?.externalIPs ?? []) as string[]).map((ip) => ({ ip }));
  switch (svc.spec?.type) {
    case 'ExternalName': return [{ hostname: svc.spec.externalName }];
    case 'LoadBalancer':
      return [...((svc.status?.loadBalancer?.ingress ?? []) as LbIngress[]).map((i) => (i.ip ? { ip: i.ip } : { hostname: i.hostname })), ...external];
    case 'NodePort': return external.length ? external : [{ ip: svc.spec.clusterIP }];
    default: return [{ ip: svc.spec?.clusterIP }];
  }
}

/**
 * The ingress-nginx controller's leader work: writes each handled Ingress's
 * status.loadBalancer on its periodic status sync. Like Docker Desktop's built-in load
 * balancer (the notes' setup), a LoadBalancer Service published by the controller gets the
 * `localhost` hostname, so `curl https://localhost` on the master reaches it.
 */
export class IngressStatusController implements Controller {
  readonly name = 'ingress-nginx-status';
  readonly handlers = { 'ingress-status': (t: Task) => this.sync(t) };
  private queue: KeyedQueue;
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {
    this.queue = new KeyedQueue(ctx, 'ingress-status');
  }

  start(): void {
    const view = this.view();
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      if (ev.type !== 'DELETED') this.announce(ev.object as StoredObject);
      this.schedule();
    }, { kind: 'Ingress' }));
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      if (isControllerPod(ev.object as Pod)) this.schedule();
    }, { kind: 'Pod' }));
    this.unsubscribe.push(this.ctx.store.subscribe(() => { if (runningControllers(view).length) this.schedule(); }, { kind: 'Service' }));
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
  }

  private view(): NetView {
    const store = this.ctx.store;
    return {
      seed: '', now: () => this.ctx.now(),
      get: (kind, ns, name) => store.get(kind, ns, name) as never,
      list: (kind, ns) => store.list(kind, ns) as never,
    };
  }

  /** Next sync: FIRST_SYNC_MS after the leader started, then every UPDATE_INTERVAL_MS. */
  private schedule(): void {
    const leader = runningControllers(this.view())[0];
    if (!leader) return;
    const running = (leader.pod.status?.containerStatuses ?? []).map((c) => c.state?.running?.startedAt).find(Boolean);
    const started = parseTime(running ?? leader.pod.status?.startTime) ?? this.ctx.now();
    const since = this.ctx.now() - started;
    const rem = (since - FIRST_SYNC_MS) % UPDATE_INTERVAL_MS;
    const delay = since < FIRST_SYNC_MS ? FIRST_SYNC_MS - since : rem === 0 ? 0 : UPDATE_INTERVAL_MS - rem;
    this.queue.add('', 'status', delay);
  }

  private sync(task: Task): void {
    this.queue.done(task.key);
    const view = this.view();
    const all = runningControllers(view);
    const leader = all[0];
    if (!leader) return;
    this.publishLocalhost(leader);
    const addresses = publishedAddresses(view, leader, all);
    for (const ing of handledIngresses(view, leader) as StoredObject[]) {
      this.announce(ing);
      const next = { loadBalancer: addresses.length ? { ingress: addresses } : {} };
      if (JSON.stringify(ing.status ?? {}) === JSON.stringify(next)) continue;
      this.ctx.api.write({ ...ing, status: next });
    }
  }

  /**
   * Every controller pod logs a `Sync` event ("Scheduled for sync") for each new generation
   * of an Ingress it handles (internal/ingress/controller/store/store.go). Counted from the
   * events already recorded, so a restored lab does not repeat them.
   */
  private announce(ing: StoredObject): void {
    const view = this.view();
    const controllers = runningControllers(view).filter((c) => handledIngresses(view, c).some((i) => i.metadata?.uid === ing.metadata.uid));
    if (!controllers.length) return;
    const recorded = this.ctx.store.peek('Event', ing.metadata.namespace).find((e) => e.involvedObject?.uid === ing.metadata.uid && e.reason === 'Sync');
    const due = (ing.metadata.generation ?? 1) * controllers.length - (recorded?.count ?? 0);
    for (let i = 0; i < due; i++) this.ctx.events.record(ing, 'Normal', 'Sync', 'Scheduled for sync', { component: 'nginx-ingress-controller' });
  }

  private publishLocalhost(cfg: ControllerConfig): void {
    if (!cfg.publishService) return;
    const [ns, name] = cfg.publishService.split('/');
    const svc = this.ctx.store.get('Service', ns, name);
    if (!svc || svc.spec?.type !== 'LoadBalancer' || svc.status?.loadBalancer?.ingress?.length) return;
    this.ctx.api.write({ ...svc, status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } } });
  }
}
