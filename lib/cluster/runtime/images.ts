import type { Container } from '../k8s';
import { fullName, parseImageRef, repositoryOf } from './image-ref';

/**
 * What a container's main process does, decided by the image's entrypoint or the
 * pod's command/args. `stopMs` is how long it takes to exit after SIGTERM;
 * `undefined` means it ignores SIGTERM (PID 1 without a handler) and is killed
 * when the grace period ends.
 */
export interface ProcessModel {
  /** ms after start when the process exits on its own; undefined = runs until stopped. */
  exitAfterMs?: number;
  exitCode: number;
  stopMs?: number;
}

export interface ImageSpec {
  /** Base pull time in ms (jitter is added by the kubelet from the seeded PRNG). */
  pullMs: number;
  sizeBytes: number;
  entrypoint: ProcessModel;
  /** The entrypoint exits 1 at once unless one of these env vars is set (mysql's root password). */
  needsEnv?: string[];
  /** Binaries that run the image's long-lived daemon when given as `command` (longhorn-manager). */
  daemons?: string[];
  /** The image's default command is a shell (busybox `sh`, bash `bash`). */
  shell?: boolean;
}

const server = (stopMs: number): ProcessModel => ({ exitCode: 0, stopMs });
const exits = (code: number): ProcessModel => ({ exitAfterMs: 50, exitCode: code });

// The images the course notes use (DESIGN.md §3). k8s.gcr.io is an alias of registry.k8s.io.
const CATALOGUE: Record<string, ImageSpec> = {
  'docker.io/library/nginx': { pullMs: 3200, sizeBytes: 72_223_946, entrypoint: server(300) },
  'docker.io/kubetm/app': { pullMs: 4100, sizeBytes: 338_735_722, entrypoint: server(500) },
  'docker.io/kubetm/init': { pullMs: 4300, sizeBytes: 338_736_011, entrypoint: server(500) },
  'docker.io/library/busybox': { pullMs: 1600, sizeBytes: 2_156_510, entrypoint: exits(0), shell: true },
  'docker.io/curlimages/curl': { pullMs: 2200, sizeBytes: 9_806_430, entrypoint: exits(2) },
  'registry.k8s.io/nginx-slim': { pullMs: 2600, sizeBytes: 20_413_224, entrypoint: server(300) },
  // The kubernetes.io task pages (probes, init containers) use the registry.k8s.io mirror of busybox.
  'registry.k8s.io/busybox': { pullMs: 1400, sizeBytes: 1_144_547, entrypoint: exits(0), shell: true },
  'registry.k8s.io/pause': { pullMs: 600, sizeBytes: 320_368, entrypoint: server(0) },
  'registry.k8s.io/kube-proxy': { pullMs: 2900, sizeBytes: 30_710_498, entrypoint: server(100) },
  // The usual tutorial images (kubernetes.io tasks: HPA walkthrough, Job pi example, StatefulSet/MySQL).
  'registry.k8s.io/hpa-example': { pullMs: 5200, sizeBytes: 181_420_515, entrypoint: server(200) },
  'docker.io/library/perl': { pullMs: 9800, sizeBytes: 354_962_137, entrypoint: exits(0) },
  // docker.io/library/bash:5 runs the kubernetes.io podFailurePolicy example.
  'docker.io/library/bash': { pullMs: 1900, sizeBytes: 6_203_942, entrypoint: exits(0), shell: true },
  'docker.io/library/httpd': { pullMs: 3900, sizeBytes: 58_031_129, entrypoint: server(300) },
  'docker.io/library/redis': { pullMs: 3600, sizeBytes: 49_434_036, entrypoint: server(300) },
  'docker.io/library/mysql': { pullMs: 11_200, sizeBytes: 233_918_493, entrypoint: server(2000),
    needsEnv: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'] },
  // Images of the bundled add-ons (lib/cluster/addons): ingress-nginx, Longhorn, metrics-server.
  'registry.k8s.io/ingress-nginx/controller': { pullMs: 6100, sizeBytes: 114_327_652, entrypoint: server(1000) },
  'registry.k8s.io/ingress-nginx/kube-webhook-certgen': { pullMs: 2400, sizeBytes: 20_193_744, entrypoint: exits(0) },
  'docker.io/longhornio/longhorn-manager': { pullMs: 9400, sizeBytes: 118_412_903, entrypoint: server(500), daemons: ['longhorn-manager'] },
  'docker.io/longhornio/longhorn-ui': { pullMs: 3100, sizeBytes: 74_102_311, entrypoint: server(300) },
  'registry.k8s.io/metrics-server/metrics-server': { pullMs: 2700, sizeBytes: 19_635_416, entrypoint: server(200) },
  // Autoscaling and load-balancer add-ons (lib/cluster/addons): prometheus-adapter, Cluster Autoscaler, VPA, MetalLB.
  'registry.k8s.io/prometheus-adapter/prometheus-adapter': { pullMs: 3300, sizeBytes: 30_866_590, entrypoint: server(200) },
  'registry.k8s.io/autoscaling/cluster-autoscaler': { pullMs: 3500, sizeBytes: 33_118_722, entrypoint: server(300),
    daemons: ['./cluster-autoscaler', '/cluster-autoscaler', 'cluster-autoscaler'] },
  'registry.k8s.io/autoscaling/vpa-recommender': { pullMs: 2900, sizeBytes: 23_496_108, entrypoint: server(200), daemons: ['/recommender'] },
  'registry.k8s.io/autoscaling/vpa-updater': { pullMs: 2900, sizeBytes: 23_109_436, entrypoint: server(200), daemons: ['/updater'] },
  'registry.k8s.io/autoscaling/vpa-admission-controller': { pullMs: 3000, sizeBytes: 24_090_775, entrypoint: server(200), daemons: ['/admission-controller'] },
  'quay.io/metallb/controller': { pullMs: 3200, sizeBytes: 30_402_346, entrypoint: server(200) },
  'quay.io/metallb/speaker': { pullMs: 4400, sizeBytes: 54_232_901, entrypoint: server(200) },
};

/**
 * Repositories whose tags are a closed, known list (pushed by tag only, no `latest`): other tags
 * do not resolve. registry.k8s.io/nginx-slim (the StatefulSet tutorial's image): 0.5 … 0.27.
 */
const KNOWN_TAGS: Record<string, Set<string>> = {
  'registry.k8s.io/nginx-slim': new Set(Array.from({ length: 23 }, (_, i) => `0.${i + 5}`)),
};

function canonicalRef(image: string) {
  const ref = parseImageRef(image);
  if (ref.registry === 'k8s.gcr.io') ref.registry = 'registry.k8s.io';
  return ref;
}

/** Why a pull of `image` fails: the repository is unknown, or it has no such tag; undefined when it pulls. */
export function pullProblem(image: string): 'repository' | 'tag' | undefined {
  const ref = canonicalRef(image);
  const repo = repositoryOf(ref);
  if (!CATALOGUE[repo]) return 'repository';
  const tags = KNOWN_TAGS[repo];
  return tags && !ref.digest && !tags.has(ref.tag) ? 'tag' : undefined;
}

export function lookupImage(image: string): ImageSpec | undefined {
  return pullProblem(image) ? undefined : CATALOGUE[repositoryOf(canonicalRef(image))];
}

/** `docker.io/library/nginx:latest` — the name containerd reports. */
export function normalizedImage(image: string): string {
  return fullName(parseImageRef(image));
}

const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', 'ash']);

/**
 * The process a container runs. Commands are read coarsely: anything that ends in a
 * `sleep N` / `sleep infinity` / endless loop keeps running and, being PID 1 under a shell
 * or sleep, ignores SIGTERM; other commands run to completion at once with exit 0.
 */
export function processFor(container: Container, spec: ImageSpec): ProcessModel {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (spec.needsEnv && !container.command && !(container.env ?? []).some((e) => spec.needsEnv!.includes(e.name))) {
    return { exitAfterMs: 900, exitCode: 1 };
  }
  // A shell reading a terminal: with stdin open (`kubectl run -it`, `stdin: true`) it waits for input
  // and, as PID 1, ignores SIGTERM; without stdin it reads EOF and exits 0 at once.
  const interactive = argv.length === 0 ? spec.shell : SHELLS.has(argv[0]) && argv.slice(1).every((a) => /^-[il]+$/.test(a));
  if (container.stdin && interactive) return { exitCode: 0 };
  if (argv.length === 0) return spec.entrypoint;
  if (spec.daemons?.includes(argv[0])) return spec.entrypoint;
  // perl -Mbignum=bpi -wle 'print bpi(2000)': computing digits takes a few seconds.
  const digits = /\bbpi\((\d+)\)/.exec(argv.join(' '));
  if (digits) return { exitAfterMs: 2000 + Math.min(Number(digits[1]), 100_000) * 2, exitCode: 0 };
  const text = argv.join(' ');
  if (/\bsleep\s+inf(inity)?\b/.test(text) || /while\s+(true|:|sleep\s+[\d.]+)\s*;?\s*do\b/.test(text) || /tail\s+-[fF]\b/.test(text)) {
    return { exitCode: 0 };
  }
  const sleeps = [...text.matchAll(/\bsleep\s+(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
  if (sleeps.length > 0) return { exitAfterMs: sleeps.reduce((a, b) => a + b, 0) * 1000, exitCode: exitCodeOf(text) };
  if (!container.command && spec.entrypoint.exitAfterMs === undefined && !SHELLS.has(argv[0])) return spec.entrypoint;
  return { exitAfterMs: 50, exitCode: exitCodeOf(text) };
}

function exitCodeOf(text: string): number {
  const m = /\bexit\s+(\d+)\s*$/.exec(text.trim());
  return m ? Number(m[1]) : 0;
}
