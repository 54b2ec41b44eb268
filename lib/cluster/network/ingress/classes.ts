import type { Pod } from '../../k8s';
import { imageFamily } from '../../runtime/http-apps';
import type { KubeObject } from '../../types';
import type { NetView } from '../dns';
import { netList, netGet } from '../view-cache';

/** What an ingress-nginx controller pod was started with (its container args). */
export interface ControllerConfig {
  pod: Pod;
  namespace: string;
  /** `--ingress-class` (default `nginx`). */
  ingressClass: string;
  /** `--controller-class` (default `k8s.io/ingress-nginx`). */
  controllerClass: string;
  /** `--publish-service` as `ns/name`, if set. */
  publishService?: string;
  watchWithoutClass: boolean;
}

const ANNOTATION_CLASS = 'kubernetes.io/ingress.class';

export const isControllerPod = (pod: Pod): boolean =>
  (pod.spec?.containers ?? []).some((c) => !!c.image && imageFamily(c.image) === 'ingress-nginx');

const running = (p: Pod) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp &&
  (p.status.containerStatuses ?? []).some((s) => !!s.state?.running);

const configs = new WeakMap<Pod, ControllerConfig>();

/** Parses the controller container's flags (cmd/nginx/flags.go in kubernetes/ingress-nginx); once per pod object. */
export function controllerConfig(pod: Pod): ControllerConfig {
  let cfg = configs.get(pod);
  if (!cfg) configs.set(pod, (cfg = parseConfig(pod)));
  return cfg;
}

function parseConfig(pod: Pod): ControllerConfig {
  const c = (pod.spec?.containers ?? []).find((x) => !!x.image && imageFamily(x.image) === 'ingress-nginx');
  const ns = pod.metadata?.namespace ?? 'default';
  const args = [...(c?.command ?? []), ...(c?.args ?? [])].map((a) => a.replace(/\$\(POD_NAMESPACE\)/g, ns));
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return {
    pod, namespace: ns,
    ingressClass: flag('ingress-class') ?? 'nginx',
    controllerClass: flag('controller-class') ?? 'k8s.io/ingress-nginx',
    publishService: flag('publish-service'),
    watchWithoutClass: flag('watch-ingress-without-class') === 'true',
  };
}

/** Running controller pods, oldest first (the leader writes status). */
export function runningControllers(view: NetView): ControllerConfig[] {
  return netList<Pod>(view, 'Pod').filter((p) => isControllerPod(p) && running(p))
    .sort((a, b) => String(a.metadata?.creationTimestamp).localeCompare(String(b.metadata?.creationTimestamp)))
    .map(controllerConfig);
}

/**
 * Whether a controller handles an Ingress (internal/ingress/controller/store: IsValid +
 * ingressclass matching): spec.ingressClassName naming an IngressClass whose controller is
 * ours, or the deprecated `kubernetes.io/ingress.class` annotation equal to --ingress-class.
 */
export function handles(view: NetView, cfg: ControllerConfig, ing: KubeObject): boolean {
  const annotation = ing.metadata?.annotations?.[ANNOTATION_CLASS];
  if (annotation !== undefined) return annotation === cfg.ingressClass;
  const className = ing.spec?.ingressClassName as string | undefined;
  if (!className) return cfg.watchWithoutClass;
  const cls = netGet<KubeObject>(view, 'IngressClass', undefined, className);
  return !!cls && cls.spec?.controller === cfg.controllerClass;
}

/** Per cached Ingress list (one store revision) and controller: the Ingresses it serves. */
const handledCache = new WeakMap<object, Map<string, KubeObject[]>>();

export function handledIngresses(view: NetView, cfg: ControllerConfig): KubeObject[] {
  const all = netList<KubeObject>(view, 'Ingress');
  let byController = handledCache.get(all);
  if (!byController) handledCache.set(all, (byController = new Map()));
  const key = `${cfg.pod.metadata?.uid}/${cfg.ingressClass}/${cfg.controllerClass}/${cfg.watchWithoutClass}`;
  let out = byController.get(key);
  if (!out) byController.set(key, (out = all.filter((i) => !i.metadata?.deletionTimestamp && handles(view, cfg, i))));
  return out;
}
