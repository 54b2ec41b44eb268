import type { Pod } from '../k8s';
import { resolveHost, type NetView } from '../network/dns';
import { SERVICE_NAME_LABEL } from '../network/endpoints-controller';
import type { KubeObject } from '../types';
import { costPerRequestMs } from './profiles';

/**
 * Load generators: a Running pod whose command is an endless wget/curl loop sends requests
 * continuously in simulated time (shell loops typed at a prompt run to completion instead).
 * Supported shapes (sh -c text):
 *   while true; do wget -q -O- URL; done        while :; do curl -s URL; sleep 0.5; done
 *   while sleep 0.01; do wget -q -O- URL; done   while true; do wget -q -O- URL; sleep 1; done
 * One iteration lasts the sleeps plus the server's CPU time per request (at least 2 ms).
 */
export interface LoadLoop { url: string; sleepS: number }

export function parseLoadLoop(text: string): LoadLoop | undefined {
  const m = /while\s+(true|:|sleep\s+([\d.]+))\s*;?\s*do\s+([\s\S]*?)\s*;?\s*done/.exec(text);
  if (!m) return undefined;
  const body = m[3];
  const tool = /\b(wget|curl)\b([^;&|]*)/.exec(body);
  if (!tool) return undefined;
  const url = tool[2].trim().split(/\s+/).filter((t) => t && !t.startsWith('-') && t !== '/dev/null').pop();
  if (!url) return undefined;
  let sleepS = m[2] ? Number(m[2]) : 0;
  for (const s of body.matchAll(/\bsleep\s+([\d.]+)/g)) sleepS += Number(s[1]);
  return { url: url.replace(/^['"]|['"]$/g, ''), sleepS };
}

const running = (p: Pod) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp;

/** Pods a request to `url` from `from` spreads over (kube-proxy picks uniformly among ready endpoints). */
function backends(view: NetView, from: Pod, url: string): { pod: Pod }[] {
  const m = /^(?:https?:\/\/)?([^/:]+)/.exec(url);
  if (!m) return [];
  const answer = resolveHost(view, m[1], from);
  if (!answer.ok || !answer.addresses.length) return [];
  const ip = answer.addresses[0];
  const pods = view.list<Pod>('Pod').filter(running);
  const svc = view.list<KubeObject>('Service').find((s) => s.spec?.clusterIP === ip);
  if (!svc) return pods.filter((p) => p.status?.podIP === ip).map((pod) => ({ pod }));
  const ips = new Set<string>();
  for (const slice of view.list<KubeObject>('EndpointSlice', svc.metadata?.namespace)) {
    if (slice.metadata?.labels?.[SERVICE_NAME_LABEL] !== svc.metadata?.name) continue;
    for (const e of (slice.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[]) {
      if (e.conditions?.ready !== false) for (const a of e.addresses) ips.add(a);
    }
  }
  return pods.filter((p) => ips.has(p.status?.podIP ?? '')).map((pod) => ({ pod }));
}

/**
 * Requests per second each pod (by uid) receives from the running load-generator pods;
 * `sent` (optional) collects what each generator pod sends.
 */
export function generatorRates(view: NetView, sent?: Map<string, number>): Map<string, number> {
  const rates = new Map<string, number>();
  for (const gen of view.list<Pod>('Pod')) {
    if (!running(gen)) continue;
    for (const c of gen.spec?.containers ?? []) {
      const loop = parseLoadLoop([...(c.command ?? []), ...(c.args ?? [])].join(' '));
      if (!loop) continue;
      const targets = backends(view, gen, loop.url);
      if (!targets.length) continue;
      // Every request reaches one of the targets; their average cost sets the loop's pace.
      const avgCost = targets.reduce((a, t) => a + costPerRequestMs(t.pod), 0) / targets.length;
      const rate = 1 / Math.max(0.002, loop.sleepS + avgCost / 1000);
      const own = gen.metadata?.uid ?? '';
      sent?.set(own, (sent.get(own) ?? 0) + rate);
      for (const t of targets) {
        const uid = t.pod.metadata?.uid ?? '';
        rates.set(uid, (rates.get(uid) ?? 0) + rate / targets.length);
      }
    }
  }
  return rates;
}

/** Individual requests (curl/wget typed once), counted per pod uid by the network layer. */
const logs = new WeakMap<object, Map<string, number[]>>();

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
  const out = new Map<string, number>();
  const log = logs.get(view);
  if (!log) return out;
  for (const [uid, list] of log) {
    const kept = list.filter((t) => t > now - windowMs && t <= now);
    if (kept.length) { log.set(uid, kept); out.set(uid, kept.length / (windowMs / 1000)); } else log.delete(uid);
  }
  return out;
}
