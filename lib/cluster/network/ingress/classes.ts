import type { Pod } from '../../k8s';
import { imageFamily } from '../../runtime/http-apps';
import type { KubeObject } from '../../types';
import type { NetView } from '../dns';

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

/** Parses the controller container's flags (cmd/nginx/flags.go in kubernetes/ingress-nginx). */
export function controllerConfig(pod: Pod): ControllerConfig {
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
  return view.list<Pod>('Pod').filter((p) => isControllerPod(p) && running(p))
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
  const cls = view.get<KubeObject>('IngressClass', undefined, className);
  return !!cls && cls.spec?.controller === cfg.controllerClass;
}

export function handledIngresses(view: NetView, cfg: ControllerConfig): KubeObject[] {
  return view.list<KubeObject>('Ingress').filter((i) => !i.metadata?.deletionTimestamp && handles(view, cfg, i));
}
