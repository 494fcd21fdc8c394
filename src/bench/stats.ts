/** Small statistics helpers for the benchmark: nearest-rank percentiles and medians. */

/** Nearest-rank percentile (p in 0–100) of unsorted samples; NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** Rounds for display and JSON: 0.1 precision keeps tables readable. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Microseconds spent in `work`, by the monotonic clock. */
export function timeMicros(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1000;
}
