// Exponential moving average in time (not in frames), for the small-angle signals that keypoint jitter dominates:
// pelvic obliquity over a ~40 px hip width moves +/-3 deg with 1.5 px of jitter; FPPA over a short projected thigh
// likewise. weight = 1 - exp(-dt / tau): frame-rate independent. A gap longer than `resetGapMs` (or a first sample)
// restarts from the new value, so nothing stale survives a dropout. Pure; NaN samples leave the state unchanged.
export interface EmaState { readonly value: number; readonly lastMs: number | null }

export const INITIAL_EMA: EmaState = Object.freeze({ value: Number.NaN, lastMs: null });

export function stepEma(s: EmaState, x: number, timestampMs: number, tauMs: number, resetGapMs: number): EmaState {
  if (!Number.isFinite(x)) return s;
  if (s.lastMs === null || Number.isNaN(s.value) || timestampMs - s.lastMs > resetGapMs || tauMs <= 0) {
    return { value: x, lastMs: timestampMs };
  }
  const w = 1 - Math.exp(-(timestampMs - s.lastMs) / tauMs);
  return { value: s.value + w * (x - s.value), lastMs: timestampMs };
}
