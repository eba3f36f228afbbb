// The one smoothing filter of the rules: an exponential moving average in time (not in frames), for the signals that
// keypoint jitter dominates (pelvic obliquity over a ~40 px hip width moves +/-3 deg with 1.5 px of jitter; FPPA over
// a short projected thigh likewise). weight = 1 - exp(-dt / tau): frame-rate independent. See docs/biomechanics.md#smoothing.
// Restarts (nothing stale survives):
//  - the first sample, or a sample more than `resetGapMs` after the previous one (joints lost for longer than a
//    short dropout), starts from the new value;
//  - a non-finite sample (the measure is not defined on this judged frame, e.g. out of its valid range) resets the
//    filter, so the next valid sample starts afresh instead of being pulled toward an older moment.
// Frames the checker could not judge do not step the filter at all (a short dropout is bridged).
export interface EmaState { readonly value: number; readonly lastMs: number | null }

export const INITIAL_EMA: EmaState = Object.freeze({ value: Number.NaN, lastMs: null });

export function stepEma(s: EmaState, x: number, timestampMs: number, tauMs: number, resetGapMs: number): EmaState {
  if (!Number.isFinite(x)) return INITIAL_EMA;
  if (s.lastMs === null || Number.isNaN(s.value) || timestampMs - s.lastMs > resetGapMs || tauMs <= 0) {
    return { value: x, lastMs: timestampMs };
  }
  const w = 1 - Math.exp(-(timestampMs - s.lastMs) / tauMs);
  return { value: s.value + w * (x - s.value), lastMs: timestampMs };
}

/** Smoothing timing every checker reads from its config (engine/config.ts). */
export interface SmoothingConfig { signalSmoothingMs: number; dropoutHoldMs: number }

/** One EMA per named signal. */
export type SignalBank = Readonly<Record<string, EmaState>>;
export const EMPTY_SIGNALS: SignalBank = Object.freeze({});

/**
 * Steps every named signal of this judged frame and returns the smoothed values (NaN where the input is not finite).
 * Signals absent from `values` are dropped from the bank: a signal measured only in part of a movement (e.g. while
 * the knee is bent) restarts when it is measured again.
 */
export function stepSignals<K extends string>(
  bank: SignalBank, values: Readonly<Partial<Record<K, number>>>, timestampMs: number, cfg: SmoothingConfig,
): { bank: SignalBank; values: Record<K, number> } {
  const next: Record<string, EmaState> = {};
  const out = {} as Record<K, number>;
  for (const key in values) {
    const e = stepEma(bank[key] ?? INITIAL_EMA, values[key]!, timestampMs, cfg.signalSmoothingMs, cfg.dropoutHoldMs);
    if (e.lastMs !== null) next[key] = e;
    out[key] = e.value;
  }
  return { bank: next, values: out };
}
