import { INGRESS_NGINX_V151 } from './ingress-nginx';
import { LONGHORN_V133, LONGHORN_V150 } from './longhorn';
import { METRICS_SERVER_COMPONENTS } from './metrics-server';

/**
 * The add-on manifests the course notes install from the internet, bundled so
 * `kubectl apply -f <url>` works in the offline lab. Keys are the exact URLs people type.
 */
const BUNDLED: Record<string, string> = {
  'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.5.1/deploy/static/provider/cloud/deploy.yaml': INGRESS_NGINX_V151,
  'https://raw.githubusercontent.com/kubetm/kubetm.github.io/master/yamls/longhorn/longhorn-1.5.0.yaml': LONGHORN_V150,
  'https://raw.githubusercontent.com/kubetm/kubetm.github.io/master/yamls/longhorn/longhorn-1.3.3.yaml': LONGHORN_V133,
  'https://raw.githubusercontent.com/longhorn/longhorn/v1.5.0/deploy/longhorn.yaml': LONGHORN_V150,
  'https://raw.githubusercontent.com/longhorn/longhorn/v1.3.3/deploy/longhorn.yaml': LONGHORN_V133,
  'https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml': METRICS_SERVER_COMPONENTS,
  'https://github.com/kubernetes-sigs/metrics-server/releases/download/v0.8.0/components.yaml': METRICS_SERVER_COMPONENTS,
};

/** The bundled manifest text for a URL (`http://` accepted too), or undefined. */
export function bundledManifest(url: string): string | undefined {
  const u = url.trim().replace(/^http:\/\//, 'https://');
  return BUNDLED[u];
}

export const BUNDLED_URLS: readonly string[] = Object.keys(BUNDLED);
