// Running statistics of a metric (per rep, per hold): min, max, mean. Pure; NaN samples are ignored.
export interface Stat { readonly min: number; readonly max: number; readonly sum: number; readonly n: number }

export const EMPTY_STAT: Stat = Object.freeze({ min: Infinity, max: -Infinity, sum: 0, n: 0 });

export function addSample(s: Stat, v: number): Stat {
  if (!Number.isFinite(v)) return s;
  return { min: v < s.min ? v : s.min, max: v > s.max ? v : s.max, sum: s.sum + v, n: s.n + 1 };
}

/** NaN when empty. */
export const statMean = (s: Stat): number => (s.n === 0 ? Number.NaN : s.sum / s.n);
export const statMax = (s: Stat): number => (s.n === 0 ? Number.NaN : s.max);

/**
 * Metrics object for a finding: drops NaN entries (a metric never measured in this rep is absent, not a fake 0).
 */
export function finiteMetrics(entries: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k in entries) {
    const v = entries[k]!;
    if (Number.isFinite(v)) out[k] = v;
  }
  return out;
}
