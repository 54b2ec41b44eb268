import type { Controller, ControllerContext } from './controller';
import type { StoredObject } from '../types';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

function fnv(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A uid derived from the namespace's, so publishing does not draw from the lab's PRNG. */
function derivedUid(seed: string): string {
  const hex = [0, 1, 2, 3].map((i) => fnv(`${seed}/${i}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The cluster CA as kubeadm would make it: a PEM block (deterministic bytes, not a real certificate). */
function caPem(): string {
  let h = 0x6b756265;
  let bin = '0\x82\x03\x06';
  while (bin.length < 777) { h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0; bin += String.fromCharCode(h & 0xff); }
  return `-----BEGIN CERTIFICATE-----\n${btoa(bin).match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * pkg/controller/certificates/rootcacertpublisher: every namespace gets the ConfigMap
 * `kube-root-ca.crt` with the cluster CA (`ca.crt`), recreated if deleted.
 */
export class RootCaPublisher implements Controller {
  readonly name = 'root-ca-cert-publisher';
  readonly handlers = {};
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {}

  start(): void {
    for (const ns of this.ctx.store.list('Namespace')) this.publish(ns);
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      if (ev.type !== 'DELETED') this.publish(ev.object as StoredObject);
    }, { kind: 'Namespace' }));
    this.unsubscribe.push(this.ctx.store.subscribe((ev) => {
      const cm = ev.object as StoredObject;
      if (ev.type !== 'DELETED' || cm.metadata.name !== ROOT_CA_CONFIGMAP) return;
      const ns = this.ctx.store.get('Namespace', undefined, cm.metadata.namespace ?? '');
      if (ns) this.publish(ns);
    }, { kind: 'ConfigMap' }));
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
  }

  private publish(ns: StoredObject): void {
    const name = ns.metadata.name;
    if (ns.metadata.deletionTimestamp || this.ctx.store.has('ConfigMap', name, ROOT_CA_CONFIGMAP)) return;
    this.ctx.api.createInternal({
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: ROOT_CA_CONFIGMAP, namespace: name, uid: derivedUid(`${ns.metadata.uid}/${this.ctx.now()}`),
        annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
      data: { 'ca.crt': caPem() },
    });
  }
}
