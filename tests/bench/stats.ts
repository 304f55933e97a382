/**
 * Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank ⌈p/100 · n⌉
 * (1-based), so it is always one of the measured values, never an interpolation. p50 of an even count is
 * therefore the lower middle value; `median` is p50 by this definition, so every "median" in the bench
 * table is a value that was actually measured.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of an empty list');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export const max = (values: readonly number[]): number => (values.length ? Math.max(...values) : 0);

/** Round to `digits` decimals for the table and the JSON lines. */
export const round = (n: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
