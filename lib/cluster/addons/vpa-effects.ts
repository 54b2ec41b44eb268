import { VPA_WEBHOOK_CONFIG } from '../admission/vpa';
import type { Controller, ControllerContext } from '../controllers/controller';
import type { Pod } from '../k8s';
import { CUSTOM_RESOURCES } from '../resources';
import type { StoredObject } from '../types';
import { componentReady, isReadyPod } from './components';

const ADMISSION_APP = 'vpa-admission-controller';
const b64 = (s: string) => btoa(s);
const pem = (label: string, seed: string) => {
  let h = 0x9e3779b9;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let bin = '';
  while (bin.length < 480) { h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0; bin += String.fromCharCode(h & 0xff); }
  return `-----BEGIN ${label}-----\n${btoa(bin).match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
};

/**
 * What the VPA install does outside its manifests, and what custom resources do when their CRD goes:
 * - vpa-up.sh runs pkg/admission-controller/gencerts.sh: Secret `vpa-tls-certs` (caKey.pem,
 *   caCert.pem, serverKey.pem, serverCert.pem) in kube-system — made here when the
 *   admission-controller Deployment appears;
 * - vpa-admission-controller registers MutatingWebhookConfiguration `vpa-webhook-config`
 *   (pkg/admission-controller/config.go selfRegistration) once it runs;
 * - deleting a CustomResourceDefinition deletes all its custom resources (apiextensions-apiserver
 *   finalizer `customresourcecleanup.apiextensions.k8s.io`).
 */
export class VpaEffects implements Controller {
  readonly name = 'vpa-effects';
  readonly handlers = {};
  private unsubscribe: (() => void)[] = [];

  constructor(private ctx: ControllerContext) {}

  start(): void {
    const { store, api } = this.ctx;
    this.unsubscribe.push(store.subscribe((ev) => {
      const d = ev.object as StoredObject;
      if (ev.type !== 'ADDED' || d.metadata.name !== ADMISSION_APP || d.metadata.namespace !== 'kube-system') return;
      if (store.has('Secret', 'kube-system', 'vpa-tls-certs')) return;
      api.createInternal({
        apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'vpa-tls-certs', namespace: 'kube-system' },
        data: { 'caCert.pem': b64(pem('CERTIFICATE', 'vpa/ca')), 'caKey.pem': b64(pem('RSA PRIVATE KEY', 'vpa/ca-key')),
          'serverCert.pem': b64(pem('CERTIFICATE', 'vpa/server')), 'serverKey.pem': b64(pem('RSA PRIVATE KEY', 'vpa/server-key')) },
      });
    }, { kind: 'Deployment' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      const pod = ev.object as Pod;
      if (pod.metadata?.labels?.app !== ADMISSION_APP || pod.metadata?.namespace !== 'kube-system') return;
      const registered = store.has('MutatingWebhookConfiguration', undefined, VPA_WEBHOOK_CONFIG);
      if (ev.type !== 'DELETED' && isReadyPod(pod) && !registered) {
        api.createInternal({
          apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', metadata: { name: VPA_WEBHOOK_CONFIG },
          webhooks: [{
            name: 'vpa.k8s.io', admissionReviewVersions: ['v1'], sideEffects: 'None', failurePolicy: 'Ignore', timeoutSeconds: 30,
            clientConfig: { service: { name: 'vpa-webhook', namespace: 'kube-system', port: 443 }, caBundle: b64(pem('CERTIFICATE', 'vpa/ca')) },
            rules: [
              { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'], scope: '*' },
              { apiGroups: ['autoscaling.k8s.io'], apiVersions: ['*'], operations: ['CREATE', 'UPDATE'], resources: ['verticalpodautoscalers'], scope: '*' },
            ],
          }],
        });
      } else if (registered && !componentReady(store, ADMISSION_APP)) {
        // Deregistered on shutdown (--register-webhook); with failurePolicy Ignore nothing is mutated anyway.
        store.remove('MutatingWebhookConfiguration', undefined, VPA_WEBHOOK_CONFIG);
      }
    }, { kind: 'Pod' }));
    this.unsubscribe.push(store.subscribe((ev) => {
      if (ev.type !== 'DELETED') return;
      const crd = ev.object as StoredObject;
      for (const res of CUSTOM_RESOURCES) {
        if (res.crd !== crd.metadata.name) continue;
        for (const o of [...store.peek(res.kind)]) store.remove(res.kind, o.metadata.namespace, o.metadata.name);
      }
    }, { kind: 'CustomResourceDefinition' }));
  }

  stop(): void {
    for (const u of this.unsubscribe) u();
  }
}
