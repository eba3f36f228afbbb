// References learned from the person, not from population constants (docs/biomechanics.md#calibration): a
// checker judges a measure against the value the same person showed in a known posture (standing tall, legs
// straight, hips on the floor, leg down). Each reference is a small pure block; a checker picks the one that fits.
// The running maximum takes the median of 3 frames and the calibrations average many frames, so one bad frame cannot
// set them; the standing reference for hip-drop depth still keeps the highest raw frame at the top (one outlier
// frame there raises it for the set: a known limitation, to be replaced by a robust reference).
import { addSample, EMPTY_STAT, statMean, type Stat } from './stats';

/** Running maximum that ignores a single-frame spike: max over the median of the last 3 values. */
export interface RobustMax { readonly recent: readonly number[]; readonly max: number }
export const EMPTY_ROBUST_MAX: RobustMax = Object.freeze({ recent: [], max: Number.NaN });

export function stepRobustMax(s: RobustMax, v: number): RobustMax {
  if (!Number.isFinite(v)) return s;
  const recent = [...s.recent.slice(-2), v];
  if (recent.length < 3) return { recent, max: s.max };
  const med = [...recent].sort((a, b) => a - b)[1]!;
  return { recent, max: Number.isNaN(s.max) || med > s.max ? med : s.max };
}

/** Mean of the samples taken while `collecting` (e.g. in the start position during setup); frozen otherwise. */
export const stepCalibration = (s: Stat, v: number, collecting: boolean): Stat => (collecting ? addSample(s, v) : s);
export const calibrated = (s: Stat): number => statMean(s);
export const EMPTY_CALIBRATION: Stat = EMPTY_STAT;

/**
 * A reference that follows a slowly settling value while `collecting` (first sample as is, then 80/20 exponential
 * weighting per frame); kept otherwise. NaN samples are skipped.
 */
export function stepFollowedRef(ref: number, v: number, collecting: boolean): number {
  if (!collecting || Number.isNaN(v)) return ref;
  return Number.isNaN(ref) ? v : 0.8 * ref + 0.2 * v;
}

/**
 * Standing reference for a depth measured as a drop from standing: follows the person while they set up (only while
 * `standing`), then keeps the highest value seen at the top between reps; frozen during a rep.
 * `phase` is the rep counter's phase BEFORE this frame's step.
 */
export function nextStandingRef(phase: 'setup' | 'start' | 'moving' | 'target', standing: boolean, ref: number, heightNow: number): number {
  if (phase === 'setup') return standing ? heightNow : Number.NaN;
  if (phase === 'start') return Number.isNaN(ref) ? heightNow : Math.max(ref, heightNow);
  return ref;
}
