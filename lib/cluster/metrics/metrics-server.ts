import type { Controller, ControllerContext } from '../controllers/controller';
import type { Pod } from '../k8s';
import type { NetView } from '../network/dns';
import { parseQuantity } from '../quantity';
import type { StoredObject } from '../types';
import { generatorRates, recentRates } from './load';
import { profileOf } from './profiles';

/** Resolution of metrics-server (`--metric-resolution=15s` in components.yaml). */
export const SCRAPE_MS = 15_000;
export const METRICS_KIND = 'KubelabMetrics';

export interface ContainerUsage { name: string; nanoCores: number; memoryBytes: number }
export interface PodUsage { namespace: string; name: string; uid: string; node?: string; containers: ContainerUsage[] }
export interface MetricsState {
  kind: string;
  metadata: { name: string; namespace: string };
  /** When the next scrape is due; metrics below are from the last one (absent before the first). */
  nextScrape: number;
  timestamp?: number;
  pods?: PodUsage[];
  nodes?: { name: string; nanoCores: number; memoryBytes: number }[];
}

const Mi = 1024 * 1024;
/** kubelet, containerd and the OS (not in any pod), as metrics-server reports a node's usage. */
const NODE_OVERHEAD = { master: { nanoCores: 95e6, memoryBytes: 1150 * Mi }, worker: { nanoCores: 35e6, memoryBytes: 610 * Mi } };

export function isMetricsServerPod(p: Pod): boolean {
  return p.metadata?.namespace === 'kube-system' && p.metadata?.labels?.['k8s-app'] === 'metrics-server';
}

const isReady = (p: Pod) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp &&
  !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

/**
 * metrics-server (kubernetes-sigs/metrics-server pkg/scraper + pkg/storage): every resolution it
 * scrapes each kubelet's /metrics/resource and keeps the latest CPU rate and memory working set
 * per container; a container needs two samples, so pods appear one resolution after they start.
 * Usage here = image idle CPU + requests/s × CPU per request (load generators and requests the
 * network layer counted), capped at the container's CPU limit (CFS throttling).
 */
export class MetricsServer implements Controller {
  readonly name = 'metrics-server';
  readonly handlers = { 'metrics-scrape': () => this.scrape() };
  private unsubscribe?: () => void;

  constructor(private ctx: ControllerContext, private view: NetView) {}

  start(): void {
    this.unsubscribe = this.ctx.store.subscribe((ev) => {
      const pod = ev.object as Pod;
      if (ev.type === 'DELETED' || !isMetricsServerPod(pod) || !isReady(pod)) return;
      const state = this.state();
      if (state && state.nextScrape > this.ctx.now()) return;
      this.write({ ...(state ?? this.empty()), nextScrape: this.ctx.now() + SCRAPE_MS });
      this.ctx.enqueue(SCRAPE_MS, { type: 'metrics-scrape' });
    }, { kind: 'Pod' });
  }

  stop(): void { this.unsubscribe?.(); }

  private empty(): MetricsState {
    return { kind: METRICS_KIND, metadata: { name: 'metrics-server', namespace: 'kube-system' }, nextScrape: 0 };
  }

  private state(): MetricsState | undefined {
    return this.ctx.store.get(METRICS_KIND, 'kube-system', 'metrics-server') as unknown as MetricsState | undefined;
  }

  private write(s: MetricsState): void { this.ctx.store.put(s as unknown as StoredObject); }

  private scrape(): void {
    const now = this.ctx.now();
    if (!this.ctx.store.list('Pod', 'kube-system').some((p) => isMetricsServerPod(p as Pod) && isReady(p as Pod))) {
      this.ctx.store.remove(METRICS_KIND, 'kube-system', 'metrics-server');
      return;
    }
    const sent = new Map<string, number>();
    const rates = generatorRates(this.view, sent);
    for (const [uid, r] of recentRates(this.view, now, SCRAPE_MS)) rates.set(uid, (rates.get(uid) ?? 0) + r);
    const pods: PodUsage[] = [];
    const nodes = new Map<string, { nanoCores: number; memoryBytes: number }>();
    for (const n of this.ctx.store.list('Node')) {
      const master = n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
      nodes.set(n.metadata.name, { ...NODE_OVERHEAD[master ? 'master' : 'worker'] });
    }
    for (const p of this.ctx.store.list('Pod') as Pod[]) {
      if (p.status?.phase !== 'Running' || p.metadata?.deletionTimestamp) continue;
      const started = Date.parse(p.status?.startTime ?? '');
      const containers: ContainerUsage[] = [];
      (p.spec?.containers ?? []).forEach((c, i) => {
        if (!p.status?.containerStatuses?.[i]?.state?.running) return;
        const prof = profileOf(c);
        const rps = i === 0 ? rates.get(p.metadata?.uid ?? '') ?? 0 : 0;
        let milli = prof.idleMilli + rps * prof.costMs + (i === 0 ? (sent.get(p.metadata?.uid ?? '') ?? 0) * (prof.clientMs ?? 0) : 0);
        const limit = parseQuantity(c.resources?.limits?.cpu as string | undefined);
        if (limit !== undefined) milli = Math.min(milli, limit * 1000);
        containers.push({ name: c.name, nanoCores: Math.round(milli * 1e6), memoryBytes: Math.round(prof.memoryBytes) });
      });
      const node = p.spec?.nodeName ? nodes.get(p.spec.nodeName) : undefined;
      for (const c of containers) if (node) { node.nanoCores += c.nanoCores; node.memoryBytes += c.memoryBytes; }
      // Two samples are needed for a CPU rate: a pod shows up one resolution after it started.
      if (!containers.length || !(started <= now - SCRAPE_MS)) continue;
      pods.push({ namespace: p.metadata!.namespace!, name: p.metadata!.name!, uid: p.metadata!.uid!, node: p.spec?.nodeName, containers });
    }
    this.write({ ...this.empty(), nextScrape: now + SCRAPE_MS, timestamp: now, pods,
      nodes: [...nodes].map(([name, u]) => ({ name, ...u })) });
    this.ctx.enqueue(SCRAPE_MS, { type: 'metrics-scrape' });
  }
}

/** The metrics API as clients see it (`kubectl top`, the HPA's resource metrics client). */
export type MetricsApi =
  | { ok: true; state: MetricsState }
  | { ok: false; reason: 'no-api' | 'unavailable' | 'not-yet' };

export function readMetrics(view: Pick<NetView, 'get' | 'list'>): MetricsApi {
  if (!view.get('APIService', undefined, 'v1beta1.metrics.k8s.io')) return { ok: false, reason: 'no-api' };
  if (!view.list<Pod>('Pod', 'kube-system').some((p) => isMetricsServerPod(p) && isReady(p))) return { ok: false, reason: 'unavailable' };
  const state = view.list<MetricsState>(METRICS_KIND, 'kube-system')[0];
  if (!state?.timestamp) return { ok: false, reason: 'not-yet' };
  return { ok: true, state };
}
