import { describe, expect, it } from 'vitest';
import { addUsage, emptyModel, recommend } from './vpa-model';

const MIN = 60_000;
const Mi = 1024 * 1024;

/** A container sampled once a minute for `minutes` at a constant usage. */
function steady(minutes: number, cpuCores: number, memoryBytes: number) {
  const m = emptyModel();
  for (let i = 0; i <= minutes; i++) addUsage(m, 'p', Date.UTC(2025, 0, 1) + i * MIN, cpuCores, memoryBytes, 0.5);
  return m;
}

describe('VPA recommender model (recommender.go / estimator.go)', () => {
  it('keeps the pod minimums 25m / 250Mi, spread over the containers', () => {
    const r = recommend(steady(10, 0.001, 1 * Mi), 1);
    expect(r.target).toEqual({ cpu: 25, memory: 250 * Mi });
    expect(recommend(steady(10, 0.001, 1 * Mi), 2).target).toEqual({ cpu: 12, memory: 125 * Mi });
  });

  it('targets the end of the p90 bucket plus the 15 % margin', () => {
    const r = recommend(steady(60, 0.5, 600 * Mi), 1);
    // Bucket b spans first·r^b from first·(r^b − 1)/(r − 1): 0.5 core sits in [0.477, 0.511),
    // 600Mi in a bucket about 6.6 % wide; the margin adds 15 %.
    expect(r.target.cpu).toBe(511 + Math.trunc(511 * 0.15));
    expect(r.target.memory).toBeGreaterThan(600 * Mi * 1.15);
    expect(r.target.memory).toBeLessThanOrEqual(600 * Mi * 1.067 * 1.15);
  });

  it('widens the bounds by the confidence multipliers documented upstream', () => {
    // "No history: *INF" and "*0" — the upper bound is MaxResourceAmount, the lower one the minimum.
    const none = recommend(steady(0, 0.5, 600 * Mi), 1);
    expect(none.upperBound).toEqual({ cpu: 1e14, memory: 1e14 });
    expect(none.lowerBound).toEqual({ cpu: 25, memory: 250 * Mi });
    // "12h history: *3", "24h history: *2"; "60m history: *0.95".
    const base = recommend(steady(7 * 24 * 60, 0.5, 600 * Mi), 1);
    const ratio = (m: ReturnType<typeof steady>) => recommend(m, 1).upperBound.cpu / (base.upperBound.cpu / (1 + 1 / 7));
    expect(ratio(steady(12 * 60, 0.5, 600 * Mi))).toBeCloseTo(3, 1);
    expect(ratio(steady(24 * 60, 0.5, 600 * Mi))).toBeCloseTo(2, 1);
    const hour = recommend(steady(60, 0.5, 600 * Mi), 1);
    expect(hour.lowerBound.cpu / recommend(steady(7 * 24 * 60, 0.5, 600 * Mi), 1).lowerBound.cpu).toBeCloseTo(0.95, 2);
  });

  it('keeps one memory peak per pod per 24 h window', () => {
    const m = emptyModel();
    const t0 = Date.UTC(2025, 0, 1);
    addUsage(m, 'p', t0, 0.1, 100 * Mi, 0.1);
    addUsage(m, 'p', t0 + MIN, 0.1, 300 * Mi, 0.1);
    addUsage(m, 'p', t0 + 2 * MIN, 0.1, 200 * Mi, 0.1);
    expect(Object.values(m.memory.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(m.memory.total, 6);
    expect(Object.keys(m.memory.weights)).toHaveLength(1);
    expect(recommend(m, 1).target.memory).toBeGreaterThan(300 * Mi * 1.15);
  });
});
