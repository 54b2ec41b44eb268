import type { Pod } from '../../k8s';
import type { KubeObject } from '../../types';
import type { NetView } from '../dns';
import { controllerConfig, handledIngresses } from './classes';
import { tlsFor } from './proxy';
import { netGet } from '../view-cache';

export interface ServedCertificate {
  /** `secret` when an Ingress's tls Secret is usable, else the controller's fake certificate. */
  source: 'secret' | 'fake';
  secret?: string;
  subject: string;
}

const decode = (b64: string | undefined): string => {
  try { return b64 ? atob(b64) : ''; } catch { return ''; }
};

/** The certificate's commonName: the DER attribute 2.5.4.3 (string tag, length, UTF-8 value). */
function commonName(der: string): string | undefined {
  const at = der.indexOf('\x06\x03\x55\x04\x03');
  if (at >= 0) {
    const len = der.charCodeAt(at + 6);
    if (len > 0 && len < 128) {
      const bytes = Uint8Array.from(der.slice(at + 7, at + 7 + len), (ch) => ch.charCodeAt(0));
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      if (/^[^\x00-\x1f]+$/.test(text)) return text;
    }
  }
  // Certificates made before the attribute was encoded: `CN=` followed by printable text.
  return /CN=([\x20-\x7e]+?)(?=[^\x20-\x7e]|$)/.exec(der)?.[1];
}

/** A `kubernetes.io/tls` Secret's PEM blocks look right (ingress-nginx's ssl.CreateSSLCert parses them). */
export function usableTlsSecret(secret: KubeObject | undefined): boolean {
  if (!secret || secret.type !== 'kubernetes.io/tls') return false;
  const crt = decode(secret.data?.['tls.crt']);
  const key = decode(secret.data?.['tls.key']);
  return /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(crt) &&
    /-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (RSA |EC )?PRIVATE KEY-----/.test(key);
}

/**
 * The certificate the controller presents for an SNI name: the Ingress's Secret when it is a
 * usable TLS Secret, otherwise "Kubernetes Ingress Controller Fake Certificate"
 * (internal/net/ssl/ssl.go GetFakeSSLCert). Both are self-signed as far as curl is concerned.
 */
export function servedCertificate(view: NetView, pod: Pod, host: string): ServedCertificate {
  const ingresses = handledIngresses(view, controllerConfig(pod));
  const tls = tlsFor(ingresses, host.toLowerCase());
  const secret = tls?.secretName ? netGet<KubeObject>(view, 'Secret', tls.namespace, tls.secretName) : undefined;
  if (tls?.secretName && usableTlsSecret(secret)) {
    const body = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END/.exec(decode(secret!.data['tls.crt']))?.[1].replace(/\s/g, '');
    const cn = commonName(decode(body));
    return { source: 'secret', secret: `${tls.namespace}/${tls.secretName}`, subject: cn ? `CN=${cn}` : `CN=${host}` };
  }
  return { source: 'fake', subject: 'O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate' };
}
