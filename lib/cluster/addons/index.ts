import { INGRESS_NGINX_V151 } from './ingress-nginx';
import { LONGHORN_V133, LONGHORN_V150 } from './longhorn';
import { CA_NOTE, CLUSTER_AUTOSCALER_ONE_ASG } from './cluster-autoscaler';
import { METALLB_NATIVE, METALLB_NOTE, METALLB_URL } from './metallb';
import { METRICS_SERVER_COMPONENTS } from './metrics-server';
import { ADAPTER_NOTE, PROMETHEUS_ADAPTER_FILES } from './prometheus-adapter';
import { VPA_ADMISSION, VPA_CRDS, VPA_NOTE, VPA_RBAC, VPA_RECOMMENDER, VPA_UPDATER } from './vpa';

const VPA_FILES: Record<string, string> = {
  'vpa-v1-crd-gen.yaml': VPA_CRDS, 'vpa-rbac.yaml': VPA_RBAC, 'updater-deployment.yaml': VPA_UPDATER,
  'recommender-deployment.yaml': VPA_RECOMMENDER, 'admission-controller-deployment.yaml': VPA_ADMISSION,
};
/** vpa-up.sh's files from a clone of kubernetes/autoscaler, as raw GitHub URLs (master and the release branch). */
const VPA_URLS = Object.fromEntries(['master', 'vpa-release-1.4'].flatMap((branch) => Object.entries(VPA_FILES).map(([file, text]) =>
  [`https://raw.githubusercontent.com/kubernetes/autoscaler/${branch}/vertical-pod-autoscaler/deploy/${file}`, text])));

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
  ...VPA_URLS,
  ...PROMETHEUS_ADAPTER_FILES,
  [METALLB_URL]: METALLB_NATIVE,
  'https://raw.githubusercontent.com/kubernetes/autoscaler/master/cluster-autoscaler/cloudprovider/aws/examples/cluster-autoscaler-one-asg.yaml': CLUSTER_AUTOSCALER_ONE_ASG,
};

/** What the lab does differently from the real install, printed when the URL is applied. */
const NOTES: [RegExp, string][] = [
  [/\/vertical-pod-autoscaler\/deploy\/(vpa-v1-crd-gen|admission-controller-deployment)\.yaml$/, VPA_NOTE],
  [/\/cluster-autoscaler-one-asg\.yaml$/, CA_NOTE],
  [/\/metallb-native\.yaml$/, METALLB_NOTE],
  [/\/prometheus-adapter\/v0\.8\.4\/deploy\/manifests\/custom-metrics-apiserver-deployment\.yaml$/, ADAPTER_NOTE],
];

/** The bundled manifest text for a URL (`http://` accepted too), or undefined. */
export function bundledManifest(url: string): string | undefined {
  const u = url.trim().replace(/^http:\/\//, 'https://');
  return BUNDLED[u];
}

export const BUNDLED_URLS: readonly string[] = Object.keys(BUNDLED);

/** A plain-words note about what the bundled add-on does not simulate, or undefined. */
export function bundledNote(url: string): string | undefined {
  const u = url.trim().replace(/^http:\/\//, 'https://');
  return BUNDLED[u] === undefined ? undefined : NOTES.find(([re]) => re.test(u))?.[1];
}

/** prometheus-adapter's deploy/manifests files (after `kubectl create namespace custom-metrics`). */
export const CUSTOM_METRICS_URLS: readonly string[] = Object.keys(PROMETHEUS_ADAPTER_FILES);

/** The files `./hack/vpa-up.sh` applies, as bundled URLs (for hints when someone tries to run the script). */
export const VPA_UP_URLS: readonly string[] = Object.keys(VPA_URLS).filter((u) => u.includes('/master/'));
