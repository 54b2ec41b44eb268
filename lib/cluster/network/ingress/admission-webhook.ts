import { badRequest, StatusError } from '../../errors';
import type { Pod } from '../../k8s';
import type { StoredObject } from '../../types';
import { isControllerPod } from './classes';
import { isCanary } from './router';

const WEBHOOK = 'validate.nginx.ingress.kubernetes.io';

/**
 * The ingress-nginx ValidatingWebhookConfiguration (installed with the controller): every
 * Ingress create/update is sent to the controller's admission Service. With no running
 * controller behind it the API server fails the call (failurePolicy: Fail); otherwise the
 * controller rejects a host + path another Ingress of its class already defines
 * (internal/ingress/controller/controller.go CheckIngress; canaries are exempt).
 */
export function ingressWebhook(obj: StoredObject, list: (kind: string, ns?: string) => StoredObject[]): StatusError | undefined {
  const hook = list('ValidatingWebhookConfiguration').find((w) => (w.webhooks ?? []).some((h: { name?: string }) => h.name === WEBHOOK));
  if (!hook) return undefined;
  const cfg = (hook.webhooks as { name?: string; clientConfig?: { service?: { name: string; namespace: string; path?: string } } }[]).find((h) => h.name === WEBHOOK)!.clientConfig?.service;
  if (!cfg) return undefined;
  const svc = list('Service', cfg.namespace).find((s) => s.metadata.name === cfg.name);
  const running = list('Pod', cfg.namespace).some((p) => isControllerPod(p as Pod) && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
  const url = `https://${cfg.name}.${cfg.namespace}.svc:443${cfg.path ?? ''}?timeout=10s`;
  if (!svc) {
    return new StatusError('InternalError', 500, `Internal error occurred: failed calling webhook "${WEBHOOK}": failed to call webhook: Post "${url}": service "${cfg.name}" not found`);
  }
  if (!running) {
    return new StatusError('InternalError', 500, `Internal error occurred: failed calling webhook "${WEBHOOK}": failed to call webhook: Post "${url}": dial tcp ${svc.spec?.clusterIP}:443: connect: connection refused`);
  }
  if (isCanary(obj) || obj.spec?.ingressClassName !== 'nginx') return undefined;
  for (const other of list('Ingress')) {
    if (other.metadata.uid === obj.metadata.uid || (other.metadata.name === obj.metadata.name && other.metadata.namespace === obj.metadata.namespace)) continue;
    if (isCanary(other) || other.spec?.ingressClassName !== obj.spec?.ingressClassName) continue;
    for (const rule of (obj.spec?.rules ?? []) as { host?: string; http?: { paths?: { path?: string }[] } }[]) {
      for (const p of rule.http?.paths ?? []) {
        const clash = ((other.spec?.rules ?? []) as typeof rule[]).some((r) => (r.host ?? '') === (rule.host ?? '') && (r.http?.paths ?? []).some((q) => (q.path ?? '/') === (p.path ?? '/')));
        if (clash) {
          return badRequest(`admission webhook "${WEBHOOK}" denied the request: host "${rule.host ?? ''}" and path "${p.path ?? '/'}" is already defined in ingress ${other.metadata.namespace}/${other.metadata.name}`);
        }
      }
    }
  }
  return undefined;
}
