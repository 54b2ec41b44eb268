import { isReadyPod } from '../addons/components';
import { METALLB_NS } from '../addons/metallb';
import type { Pod } from '../k8s';
import type { StoredObject } from '../types';
import type { Controller, ControllerContext } from './controller';

const CONTROLLER = { component: 'metallb-controller' };
const SPEAKER = { component: 'metallb-speaker' };
const IP_ANNOTATIONS = ['metallb.io/loadBalancerIPs', 'metallb.universe.tf/loadBalancerIPs'];
const POOL_ANNOTATIONS = ['metallb.io/address-pool', 'metallb.universe.tf/address-pool'];

const toInt = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A pool's addresses (`a.b.c.d-e.f.g.h` ranges and `a.b.c.d/nn` CIDRs), capped at 4096 per entry. */
export function poolAddresses(pool: StoredObject): string[] {
  const out: string[] = [];
  for (const entry of (pool.spec?.addresses ?? []) as string[]) {
    const range = /^\s*([\d.]+)\s*-\s*([\d.]+)\s*$/.exec(entry);
    const cidr = /^\s*([\d.]+)\/(\d+)\s*$/.exec(entry);
    let lo: number, hi: number;
    if (range && IPV4.test(range[1]) && IPV4.test(range[2])) { lo = toInt(range[1]); hi = toInt(range[2]); }
    else if (cidr && IPV4.test(cidr[1]) && Number(cidr[2]) <= 32) {
      const size = 2 ** (32 - Number(cidr[2]));
      lo = Math.floor(toInt(cidr[1]) / size) * size; hi = lo + size - 1;
    } else continue;
    for (let n = lo; n <= hi && n - lo < 4096; n++) {
      if (pool.spec?.avoidBuggyIPs && (n % 256 === 0 || n % 256 === 255)) continue;
      out.push(toIp(n));
    }
  }
  return out;
}

/** Whether an L2Advertisement announces the pool (no pools and no selectors = every pool). */
export function announced(ads: readonly StoredObject[], pool: StoredObject): boolean {
  return ads.some((ad) => {
    const names: string[] | undefined = ad.spec?.ipAddressPools;
    const selectors: { matchLabels?: Record<string, string> }[] | undefined = ad.spec?.ipAddressPoolSelectors;
    if (!names?.length && !selectors?.length) return true;
    if (names?.includes(pool.metadata.name)) return true;
    return (selectors ?? []).some((s) => Object.entries(s.matchLabels ?? {}).every(([k, v]) => pool.metadata.labels?.[k] === v));
  });
}

/**
 * MetalLB in layer-2 mode (metallb controller/service.go + allocator, speaker/layer2_controller.go):
 * the controller gives each LoadBalancer Service an address from the IPAddressPools of
 * metallb-system (the requested one via `metallb.io/loadBalancerIPs` or spec.loadBalancerIP,
 * else the lowest free one of an autoAssign pool), writes status.loadBalancer.ingress and records
 * IPAllocated / AllocationFailed; a speaker announces it when an L2Advertisement covers the pool
 * (`nodeAssigned` event), which is what makes the address reachable (routing.ts).
 */
export class MetalLbController implements Controller {
  readonly name = 'metallb';
  readonly handlers = { 'metallb-sync': () => this.sync() };
  private unsubscribe: (() => void)[] = [];
  private pending = false;

  constructor(private ctx: ControllerContext) {}

  start(): void {
    const kick = () => {
      if (this.pending || !this.running('controller')) return;
      this.pending = true;
      this.ctx.enqueue(0, { type: 'metallb-sync' });
    };
    for (const kind of ['Service', 'IPAddressPool', 'L2Advertisement', 'Pod']) {
      this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
        if (kind === 'Pod' && (ev.object as Pod).metadata?.namespace !== METALLB_NS) return;
        kick();
      }, { kind }));
    }
  }

  stop(): void { for (const u of this.unsubscribe) u(); }

  private running(component: string): boolean {
    return (this.ctx.store.peek('Pod', METALLB_NS) as Pod[]).some((p) => p.metadata?.labels?.component === component && isReadyPod(p));
  }

  private sync(): void {
    this.pending = false;
    if (!this.running('controller')) return;
    const pools = [...this.ctx.store.peek('IPAddressPool', METALLB_NS)] as StoredObject[];
    const ads = this.ctx.store.peek('L2Advertisement', METALLB_NS) as StoredObject[];
    const services = this.ctx.store.peek('Service') as StoredObject[];
    const used = new Set<string>(services.flatMap((s) => ((s.status?.loadBalancer?.ingress ?? []) as { ip?: string }[]).flatMap((i) => (i.ip ? [i.ip] : []))));
    for (const svc of services) {
      if (svc.spec?.type !== 'LoadBalancer' || svc.spec?.loadBalancerClass) continue;
      const current = (svc.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[];
      if (current.length) {
        this.announce(svc, current[0].ip, pools, ads);
        continue;
      }
      const ip = this.allocate(svc, pools, used);
      const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
      if (!ip) {
        this.ctx.events.record(svc, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${key}": no available IPs`, CONTROLLER);
        continue;
      }
      used.add(ip);
      const written = this.ctx.api.write({ ...svc, status: { ...svc.status, loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } });
      this.ctx.events.record(written, 'Normal', 'IPAllocated', `Assigned IP ["${ip}"]`, CONTROLLER);
      this.announce(written, ip, pools, ads);
    }
  }

  private allocate(svc: StoredObject, pools: StoredObject[], used: Set<string>): string | undefined {
    const ann = svc.metadata.annotations ?? {};
    const wanted = (IP_ANNOTATIONS.map((a) => ann[a]).find(Boolean) ?? svc.spec?.loadBalancerIP ?? '').split(',').map((s: string) => s.trim()).filter(Boolean);
    const poolName = POOL_ANNOTATIONS.map((a) => ann[a]).find(Boolean);
    const candidates = pools.filter((p) => (poolName ? p.metadata.name === poolName : wanted.length || p.spec?.autoAssign !== false))
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    for (const pool of candidates) {
      const addrs = poolAddresses(pool);
      const pick = wanted.length ? wanted.find((w: string) => addrs.includes(w) && !used.has(w)) : addrs.find((a) => !used.has(a));
      if (pick) return pick;
    }
    return undefined;
  }

  /** The speaker on the first ready node (memberlist's choice) announces the address once. */
  private announce(svc: StoredObject, ip: string | undefined, pools: StoredObject[], ads: readonly StoredObject[]): void {
    if (!ip || !this.running('speaker')) return;
    const pool = pools.find((p) => poolAddresses(p).includes(ip));
    if (!pool || !announced(ads, pool)) return;
    const speakers = (this.ctx.store.peek('Pod', METALLB_NS) as Pod[])
      .filter((p) => p.metadata?.labels?.component === 'speaker' && isReadyPod(p) && p.spec?.nodeName !== 'k8s-master')
      .map((p) => p.spec!.nodeName!).sort();
    const node = speakers[0];
    if (!node) return;
    const uid = svc.metadata.uid;
    if (this.ctx.store.peek('Event', svc.metadata.namespace).some((e) => e.involvedObject?.uid === uid && e.reason === 'nodeAssigned')) return;
    this.ctx.events.record(svc, 'Normal', 'nodeAssigned', `announcing from node "${node}" with protocol "layer2"`, SPEAKER);
  }
}

/** Whether `ip` is a MetalLB address announced for a Service (routing.ts lets traffic in then). */
export function isAnnouncedLoadBalancerIp(list: (kind: string, ns?: string) => readonly StoredObject[], svc: StoredObject, ip: string): boolean {
  if (!((svc.status?.loadBalancer?.ingress ?? []) as { ip?: string }[]).some((i) => i.ip === ip)) return false;
  const pool = list('IPAddressPool', METALLB_NS).find((p) => poolAddresses(p).includes(ip));
  return !!pool && announced(list('L2Advertisement', METALLB_NS), pool);
}
