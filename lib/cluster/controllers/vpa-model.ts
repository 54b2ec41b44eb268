/**
 * The VPA recommender's model, after kubernetes/autoscaler vertical-pod-autoscaler:
 * - pkg/recommender/util/histogram.go + decaying_histogram.go: exponential buckets (CPU: first
 *   bucket 0.01 core, ratio 1.05, max 1000 cores; memory: first 1e7 bytes, max 1e12), sample
 *   weights decaying with a 24 h half-life, Percentile() = the end of the bucket that reaches it;
 * - pkg/recommender/model/aggregate_container_state.go: CPU samples weighted by the container's
 *   request (at least 0.1 core); memory enters as one peak per container per 24 h window;
 * - pkg/recommender/logic/recommender.go + estimator.go: target = p90, lowerBound = p50,
 *   upperBound = p95, each + 15 % safety margin; bounds scaled by the confidence multipliers
 *   (1 + 1/conf)^1 and (1 + 0.001/conf)^-2, conf = min(history days, samples/1440); at least
 *   25m CPU and 250Mi memory per pod, spread over its containers.
 * Plain JSON so the model survives snapshots (it travels in the recommender's state object).
 */
const HOUR = 3_600_000;
const HALF_LIFE_MS = 24 * HOUR;
const MEMORY_WINDOW_MS = 24 * HOUR;
const MIN_SAMPLE_WEIGHT = 0.1;
const EPSILON = 1e-4;
/** model.MaxResourceAmount (1e14 in millicores / bytes). */
const MAX_AMOUNT = 1e14;

interface HistogramOptions { first: number; ratio: number; max: number; buckets: number }
const options = (max: number, first: number, ratio = 1.05): HistogramOptions =>
  ({ first, ratio, max, buckets: Math.ceil(Math.log((max * (ratio - 1)) / first + 1) / Math.log(ratio)) + 1 });
const CPU = options(1000, 0.01);
const MEMORY = options(1e12, 1e7);

const bucketOf = (o: HistogramOptions, v: number): number => {
  if (v < o.first) return 0;
  const b = Math.floor(Math.log((v * (o.ratio - 1)) / o.first + 1) / Math.log(o.ratio));
  return Math.min(b, o.buckets - 1);
};
const bucketStart = (o: HistogramOptions, b: number): number => (b === 0 ? 0 : (o.first * (o.ratio ** b - 1)) / (o.ratio - 1));

/** A decaying histogram: bucket → weight, with the reference time of the decay. */
export interface Histogram { ref: number; weights: Record<string, number>; total: number }

const emptyHistogram = (): Histogram => ({ ref: 0, weights: {}, total: 0 });

function addSample(h: Histogram, o: HistogramOptions, value: number, weight: number, at: number): void {
  if (!h.ref) h.ref = Math.floor(at / HOUR) * HOUR;
  const w = weight * 2 ** ((at - h.ref) / HALF_LIFE_MS);
  const b = String(bucketOf(o, value));
  h.weights[b] = (h.weights[b] ?? 0) + w;
  h.total += w;
}

function subtractSample(h: Histogram, o: HistogramOptions, value: number, weight: number, at: number): void {
  const w = weight * 2 ** ((at - h.ref) / HALF_LIFE_MS);
  const b = String(bucketOf(o, value));
  h.weights[b] = Math.max(0, (h.weights[b] ?? 0) - w);
  h.total = Math.max(0, h.total - w);
  if (h.weights[b] < EPSILON) delete h.weights[b];
}

/** histogram.go Percentile: the start of the bucket after the one where the cumulative weight reaches p. */
export function percentile(h: Histogram, o: HistogramOptions, p: number): number {
  const keys = Object.keys(h.weights).map(Number).sort((a, b) => a - b);
  if (!keys.length || h.total <= 0) return 0;
  const threshold = p * h.total;
  let sum = 0, bucket = keys[keys.length - 1];
  for (const k of keys) {
    sum += h.weights[String(k)];
    if (sum >= threshold) { bucket = k; break; }
  }
  return bucket < o.buckets - 1 ? bucketStart(o, bucket + 1) : bucketStart(o, bucket);
}

/** AggregateContainerState of one VPA container name, plus the per-pod memory peak windows. */
export interface ContainerModel {
  cpu: Histogram;
  memory: Histogram;
  first: number;
  last: number;
  samples: number;
  /** pod name → the current 24 h memory window (its end and the peak already in the histogram). */
  peaks: Record<string, { end: number; peak: number }>;
}

export const emptyModel = (): ContainerModel => ({ cpu: emptyHistogram(), memory: emptyHistogram(), first: 0, last: 0, samples: 0, peaks: {} });

/** One metrics sample of one container: CPU in cores, memory working set in bytes, its CPU request in cores. */
export function addUsage(m: ContainerModel, pod: string, at: number, cpuCores: number, memoryBytes: number, requestCores: number): void {
  addSample(m.cpu, CPU, cpuCores, Math.max(requestCores, MIN_SAMPLE_WEIGHT), at);
  m.first = m.first || at;
  m.last = Math.max(m.last, at);
  m.samples++;
  const win = m.peaks[pod];
  if (!win || at >= win.end) {
    m.peaks[pod] = { end: at + MEMORY_WINDOW_MS, peak: memoryBytes };
    addSample(m.memory, MEMORY, memoryBytes, 1, at);
  } else if (memoryBytes > win.peak) {
    subtractSample(m.memory, MEMORY, win.peak, 1, at);
    addSample(m.memory, MEMORY, memoryBytes, 1, at);
    win.peak = memoryBytes;
  }
}

/** Forgets the windows of pods that are gone (their peaks stay in the histogram, as upstream). */
export function prunePeaks(m: ContainerModel, alive: Set<string>): void {
  for (const pod of Object.keys(m.peaks)) if (!alive.has(pod)) delete m.peaks[pod];
}

// resourceAmountFromFloat; NaN (0 × ∞ with no history) converts to a negative int64 in Go, i.e. below any minimum.
const clampAmount = (v: number) => (!(v >= 0) ? 0 : v > MAX_AMOUNT ? MAX_AMOUNT : v);
const confidence = (m: ContainerModel) => Math.min((m.last - m.first) / (24 * HOUR), m.samples / (60 * 24));

/** CPU in millicores and memory in bytes, as model.ResourceAmount (integers). */
export interface Amounts { cpu: number; memory: number }
export interface Recommendation { target: Amounts; lowerBound: Amounts; upperBound: Amounts }

/** GetRecommendedPodResources for one container; `containersPerPod` spreads the pod minimums. */
export function recommend(m: ContainerModel, containersPerPod: number): Recommendation {
  const conf = confidence(m);
  const minCpu = Math.trunc(25 / containersPerPod);
  const minMem = Math.trunc((250 * 1024 * 1024) / containersPerPod);
  const cpu = (p: number, mult?: [number, number]) => {
    let v = Math.trunc(percentile(m.cpu, CPU, p) * 1000);
    v = Math.trunc(clampAmount(v + v * 0.15));
    if (mult) v = Math.trunc(clampAmount(v * (1 + mult[0] / conf) ** mult[1]));
    return Math.max(v, minCpu);
  };
  const mem = (p: number, mult?: [number, number]) => {
    let v = Math.trunc(percentile(m.memory, MEMORY, p));
    v = Math.trunc(clampAmount(v + v * 0.15));
    if (mult) v = Math.trunc(clampAmount(v * (1 + mult[0] / conf) ** mult[1]));
    return Math.max(v, minMem);
  };
  return {
    target: { cpu: cpu(0.9), memory: mem(0.9) },
    lowerBound: { cpu: cpu(0.5, [0.001, -2]), memory: mem(0.5, [0.001, -2]) },
    upperBound: { cpu: cpu(0.95, [1, 1]), memory: mem(0.95, [1, 1]) },
  };
}
