import type { Pod } from '../k8s';
import { resolveHost, type NetView } from '../network/dns';
import { SERVICE_NAME_LABEL } from '../network/endpoints-controller';
import type { KubeObject } from '../types';
import { costPerRequestMs } from './profiles';
import { netGet, netList } from '../network/view-cache';
import { netStateOf } from '../network/net-state';
import { controllerConfig, handledIngresses, isControllerPod } from '../network/ingress/classes';
import { annotation, route } from '../network/ingress/router';

/**
 * Load generators: a Running pod whose command is an endless wget/curl loop sends requests
 * continuously in simulated time (shell loops typed at a prompt run to completion instead).
 * Supported shapes (sh -c text):
 *   while true; do wget -q -O- URL; done        while :; do curl -s URL; sleep 0.5; done
 *   while sleep 0.01; do wget -q -O- URL; done   while true; do wget -q -O- URL; sleep 1; done
 * One iteration lasts the sleeps plus the server's CPU time per request (at least 2 ms).
 */
export interface LoadLoop { url: string; sleepS: number; host?: string }

export function parseLoadLoop(text: string): LoadLoop | undefined {
  const m = /while\s+(true|:|sleep\s+([\d.]+))\s*;?\s*do\s+([\s\S]*?)\s*;?\s*done/.exec(text);
  if (!m) return undefined;
  const body = m[3];
  const tool = /\b(wget|curl)\b([^;&|]*)/.exec(body);
  if (!tool) return undefined;
  const host = /(?:-H|--header)\s+(['"]?)host:\s*([^'"\s]+)\1/i.exec(tool[2])?.[2];
  const url = tool[2].replace(/(?:-H|--header)\s+(['"])[^'"]*\1/g, ' ').trim().split(/\s+/)
    .filter((t) => t && !t.startsWith('-') && t !== '/dev/null').pop();
  if (!url) return undefined;
  let sleepS = m[2] ? Number(m[2]) : 0;
  for (const s of body.matchAll(/\bsleep\s+([\d.]+)/g)) sleepS += Number(s[1]);
  return { url: url.replace(/^['"]|['"]$/g, ''), sleepS, ...(host && { host }) };
}

const running = (p: Pod) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp;

interface Target { pod: Pod; share: number }

function endpointPods(view: NetView, svc: KubeObject): Pod[] {
  const ips = new Set<string>();
  for (const slice of netList<KubeObject>(view, 'EndpointSlice', svc.metadata?.namespace)) {
    if (slice.metadata?.labels?.[SERVICE_NAME_LABEL] !== svc.metadata?.name) continue;
    for (const e of (slice.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[]) {
      if (e.conditions?.ready !== false) for (const a of e.addresses) ips.add(a);
    }
  }
  return netList<Pod>(view, 'Pod').filter((p) => running(p) && !p.spec?.hostNetwork && ips.has(p.status?.podIP ?? ''));
}

const spread = (pods: Pod[], share: number): Target[] => pods.map((pod) => ({ pod, share: share / pods.length }));

/**
 * Where an ingress-nginx controller sends a loop's requests: the rule for the Host and path,
 * split between the main and a weighted canary backend by the canary weight (the expected
 * share of the draws); without a rule, nowhere (nginx answers 404 itself).
 */
function throughIngress(view: NetView, controller: Pod, host: string, path: string): Target[] {
  const { route: r } = route(handledIngresses(view, controllerConfig(controller)), host.toLowerCase(), path);
  if (!r) return [];
  const ns = r.location.ingress.metadata?.namespace;
  const podsOf = (name: string | undefined) => {
    const svc = name ? netGet<KubeObject>(view, 'Service', ns, name) : undefined;
    return svc ? endpointPods(view, svc) : [];
  };
  const canary = r.canaries[0];
  const weight = canary ? Math.min(1, Number(annotation(canary.ingress, 'canary-weight') ?? 0) /
    (Number(annotation(canary.ingress, 'canary-weight-total') ?? 100) || 100)) : 0;
  return [...spread(podsOf(r.location.backend?.service?.name), 1 - weight),
    ...(weight > 0 ? spread(podsOf(canary.backend?.service?.name), weight) : [])];
}

/**
 * Pods a loop's requests to `url` from `from` land on, with the share of the requests each gets:
 * kube-proxy spreads a Service VIP or a node's NodePort uniformly over the ready endpoints; when
 * those are ingress-nginx controllers, the controller (which also works for every request) passes
 * them on by its Ingress rules, so load sent through an Ingress reaches the backend pods.
 */
function backends(view: NetView, from: Pod, loop: LoadLoop): { targets: Target[]; via: Target[] } {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/[^\s]*)?/.exec(loop.url);
  const none = { targets: [], via: [] };
  if (!m) return none;
  const port = m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80;
  const answer = resolveHost(view, m[2], from);
  if (!answer.ok || !answer.addresses.length) return none;
  const ip = answer.addresses[0];
  const services = netList<KubeObject>(view, 'Service');
  const isNode = netList<KubeObject>(view, 'Node').some((n) => (n.status?.addresses ?? []).some((a: { address: string }) => a.address === ip));
  const svc = services.find((s) => (isNode
    ? (s.spec?.ports ?? []).some((p: { nodePort?: number }) => p.nodePort === port)
    : s.spec?.clusterIP === ip));
  if (!svc) return { targets: spread(netList<Pod>(view, 'Pod').filter((p) => running(p) && !p.spec?.hostNetwork && p.status?.podIP === ip), 1), via: [] };
  const pods = endpointPods(view, svc);
  const controllers = pods.filter(isControllerPod);
  if (!controllers.length) return { targets: spread(pods, 1), via: [] };
  return { targets: throughIngress(view, controllers[0], loop.host ?? m[2], m[4] ?? '/'), via: spread(controllers, 1) };
}

/**
 * Requests per second each pod (by uid) receives from the running load-generator pods;
 * `sent` (optional) collects what each generator pod sends.
 */
export function generatorRates(view: NetView, sent?: Map<string, number>): Map<string, number> {
  const rates = new Map<string, number>();
  const add = (uid: string, r: number) => rates.set(uid, (rates.get(uid) ?? 0) + r);
  for (const gen of netList<Pod>(view, 'Pod')) {
    if (!running(gen)) continue;
    for (const c of gen.spec?.containers ?? []) {
      const loop = parseLoadLoop([...(c.command ?? []), ...(c.args ?? [])].join(' '));
      if (!loop) continue;
      const { targets, via } = backends(view, gen, loop);
      const all = [...targets, ...via];
      if (!all.length) continue;
      // Every request passes the controllers (if any) and reaches the targets; their average cost sets the loop's pace.
      const cost = targets.reduce((a, t) => a + t.share * costPerRequestMs(t.pod), 0) + via.reduce((a, t) => a + t.share * costPerRequestMs(t.pod), 0);
      const rate = 1 / Math.max(0.002, loop.sleepS + cost / 1000);
      const own = gen.metadata?.uid ?? '';
      sent?.set(own, (sent.get(own) ?? 0) + rate);
      for (const t of all) add(t.pod.metadata?.uid ?? '', rate * t.share);
    }
  }
  return rates;
}

/** Individual requests (curl/wget typed once), counted per pod uid by the network layer. */
const logs = new WeakMap<object, Map<string, number[]>>();

/** In-memory log for views without a NetState (the lab's own requests live in network/net-state.ts). */
export function recordRequest(view: object, podUid: string, at: number): void {
  let log = logs.get(view);
  if (!log) logs.set(view, (log = new Map()));
  const list = log.get(podUid) ?? [];
  list.push(at);
  if (list.length > 10_000) list.splice(0, list.length - 10_000);
  log.set(podUid, list);
}

/** Requests per second over (now - windowMs, now]; old entries are dropped. */
export function recentRates(view: object, now: number, windowMs: number): Map<string, number> {
  const st = netStateOf(view as NetView);
  if (st) return st.recentRates(now, windowMs);
  const out = new Map<string, number>();
  const log = logs.get(view);
  if (!log) return out;
  for (const [uid, list] of log) {
    const kept = list.filter((t) => t > now - windowMs && t <= now);
    if (kept.length) { log.set(uid, kept); out.set(uid, kept.length / (windowMs / 1000)); } else log.delete(uid);
  }
  return out;
}
