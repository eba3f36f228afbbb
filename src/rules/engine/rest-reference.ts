// A rep metric measured from the person's own rest position when that position can only be learned by seeing it
// (the closed clam, the hips on the floor, the thigh resting, the straight leg): rest = a robust running extreme of
// the raw value (engine/baseline.ts), excursion = raw - rest in the movement's direction. From any start
// (docs/biomechanics.md#start-rule): a recording that begins at the target shows its first frames as the rest, so
// the excursion is not reported (null: the rep counter waits) until the range seen so far reaches the target
// excursion; on that frame the excursion of the most extreme frame so far is reported (the rep counter takes the
// target as reached, unseen start), and the current excursion from then on. A first rep begun before the recording
// is then counted when the person comes back to rest, and one begun at rest when it is completed, as any other.
import { calibrated, EMPTY_CALIBRATION, EMPTY_ROBUST_MAX, stepCalibration, stepRobustMax, type RobustMax } from './baseline';
import type { Stat } from './stats';
import { INITIAL_EMA, stepEma, type EmaState } from './ema';

export interface RestReference {
  /** Robust running maximum of -(dir x raw): its negation is the rest in the movement's direction. */
  readonly rest: RobustMax;
  /** Robust running maximum of dir x raw (until the range is known). */
  readonly peak: RobustMax;
  /** The range seen has reached the target once: the rest is known. */
  readonly known: boolean;
  /** The raw value smoothed (the extremes are taken on it: a running extreme of raw frames drifts with the noise). */
  readonly ema: EmaState;
}
export const EMPTY_REST_REFERENCE: RestReference = Object.freeze({ rest: EMPTY_ROBUST_MAX, peak: EMPTY_ROBUST_MAX, known: false, ema: INITIAL_EMA });

export interface RestReferenceOpts {
  /** +1: the movement raises the raw value above rest (rest = running minimum); -1: lowers it (running maximum). */
  dir: 1 | -1;
  /** Excursion of the rep's target, in the excursion's unit (the rep counter's target threshold). */
  targetExcursion: number;
  /** Divide the excursion by |rest| (a fraction of the rest value, e.g. leg compression). */
  relative?: boolean;
  /**
   * Where the rep's target is: 'excursion' (default: away from rest, e.g. the open clam) or 'rest' (the rest is the
   * target and the excursion the start, e.g. the straight leg at the top of a step-up). On the frame the rest becomes
   * known, the value reported is the target's (the range seen, or 0), so a rep begun before the recording counts once
   * the person is back in the start posture.
   */
  targetAt?: 'excursion' | 'rest';
  /**
   * Smoothing of the raw value before its extremes are taken (engine/ema.ts; the exercise's signalSmoothingMs and
   * dropoutHoldMs): the running minimum of a noisy value sits ~2 noise SDs below the true rest. Omitted = raw.
   */
  smoothing?: { timestampMs: number; tauMs: number; resetGapMs: number };
}

export interface RestStep {
  state: RestReference;
  /** Excursion from rest (>= 0 up to noise), or null while the rest is not known yet or the value is not finite. */
  excursion: number | null;
  /** The rest value (raw units), NaN until three values were seen. */
  rest: number;
}

export function stepRestReference(s: RestReference, raw: number, o: RestReferenceOpts): RestStep {
  const restOf = (r: RobustMax) => (Number.isNaN(r.max) ? Number.NaN : -o.dir * r.max);
  if (!Number.isFinite(raw)) return { state: s, excursion: null, rest: restOf(s.rest) };
  const v = o.dir * raw;
  const ema = o.smoothing ? stepEma(s.ema, v, o.smoothing.timestampMs, o.smoothing.tauMs, o.smoothing.resetGapMs) : s.ema;
  const vs = o.smoothing ? ema.value : v;
  const restM = stepRobustMax(s.rest, -vs);
  const rest = restOf(restM);
  if (s.known) {
    const scale = o.relative ? Math.abs(rest) : 1;
    return { state: { ...s, rest: restM, ema }, excursion: scale > 0 ? (v + restM.max) / scale : null, rest };
  }
  const peak = stepRobustMax(s.peak, v); // raw: a short top is not flattened by the rest's smoothing
  const scale = o.relative ? Math.abs(rest) : 1;
  if (Number.isNaN(rest) || !(scale > 0)) return { state: { rest: restM, peak, known: false, ema }, excursion: null, rest };
  const range = Number.isNaN(peak.max) ? Number.NaN : (peak.max + restM.max) / scale;
  if (range >= o.targetExcursion) return { state: { rest: restM, peak, known: true, ema }, excursion: o.targetAt === 'rest' ? 0 : range, rest };
  return { state: { rest: restM, peak, known: false, ema }, excursion: null, rest };
}

/**
 * The smoothing every exercise gives its rest reference: 3 x signalSmoothingMs (450 ms by default). A rest lasts
 * ~1 s between reps, so the smoothed value settles there, and its running extreme no longer follows the noise (a
 * minimum of 150 ms-smoothed thigh angles sat 3-4 deg below the true rest, past the 4 deg "down" threshold).
 */
export const REST_SMOOTHING_FACTOR = 3;
export const restSmoothing = (c: { signalSmoothingMs: number; dropoutHoldMs: number }, timestampMs: number): NonNullable<RestReferenceOpts['smoothing']> =>
  ({ timestampMs, tauMs: REST_SMOOTHING_FACTOR * c.signalSmoothingMs, resetGapMs: c.dropoutHoldMs });

/**
 * A measure against the person's own neutral (docs/biomechanics.md#calibration): the mean of the measure over the
 * frames at rest (e.g. the leg down between raises). A camera rolled by r deg adds r to every image-horizontal
 * angle (pelvic line, trunk lean) and the person's own posture adds its own offset: both cancel. NaN until
 * `REST_MEAN_MIN_FRAMES` frames at rest were seen (nothing is judged before). The kit's other neutral, engine/neutral.ts,
 * is for a two-leg stance that may drift (a windowed median of both body lines); this one is for a single measure at
 * an exercise's own rest position, kept for the whole set.
 */
export const REST_MEAN_MIN_FRAMES = 3;
export const stepRestMean = (s: Stat, v: number, atRest: boolean): Stat => stepCalibration(s, v, atRest && Number.isFinite(v));
export const fromRestMean = (s: Stat, v: number): number => (s.n >= REST_MEAN_MIN_FRAMES ? v - calibrated(s) : Number.NaN);
export { EMPTY_CALIBRATION as EMPTY_REST_MEAN };

/**
 * Neutrals learned at the rest of a rest reference (the straight leg, the level pelvis): on frames within `band` of
 * the rest (the excursion's unit). Before the rest is known the frames near the rest seen so far are kept apart: a
 * recording that begins at rest shows its true rest there, one that begins at the target (or mid-movement) does not.
 * When the rest becomes known they are kept only if the rest seen then was within `band` of the real one; otherwise
 * dropped (a bent knee or a dropped pelvis must not become the person's neutral).
 */
export interface RestNeutrals {
  readonly stats: Readonly<Record<string, Stat>>;
  readonly pending: Readonly<Record<string, Stat>>;
  /** The rest (raw units) when the first pending frame was taken; NaN if none. */
  readonly pendingRest: number;
  readonly known: boolean;
}
export const EMPTY_REST_NEUTRALS: RestNeutrals = Object.freeze({ stats: {}, pending: {}, pendingRest: Number.NaN, known: false });

const addAll = (s: Readonly<Record<string, Stat>>, values: Record<string, number>): Record<string, Stat> => {
  const out: Record<string, Stat> = { ...s };
  for (const k in values) out[k] = stepCalibration(s[k] ?? EMPTY_CALIBRATION, values[k]!, Number.isFinite(values[k]!));
  return out;
};

export function stepRestNeutrals(s: RestNeutrals, values: Record<string, number>, ref: RestStep, raw: number, o: Pick<RestReferenceOpts, 'dir' | 'relative'> & { band: number }): RestNeutrals {
  const from = (restRaw: number, x: number) => (o.dir * (x - restRaw)) / (o.relative ? Math.abs(restRaw) : 1);
  if (ref.excursion !== null) {
    let stats = s.stats;
    // First frame with the rest known: the pending frames count if the rest seen then was the real one.
    if (!s.known) stats = Number.isFinite(s.pendingRest) && from(ref.rest, s.pendingRest) <= o.band ? s.pending : {};
    const atRest = ref.excursion <= o.band;
    return { stats: atRest ? addAll(stats, values) : stats, pending: {}, pendingRest: Number.NaN, known: true };
  }
  if (!Number.isFinite(ref.rest) || !Number.isFinite(raw) || !(from(ref.rest, raw) <= o.band)) return s;
  return { ...s, pending: addAll(s.pending, values), pendingRest: Number.isFinite(s.pendingRest) ? s.pendingRest : ref.rest };
}

/** `v` minus the neutral of `key`: NaN until `REST_MEAN_MIN_FRAMES` frames at rest were seen. */
export const fromRestNeutral = (s: RestNeutrals, key: string, v: number): number =>
  fromRestMean(s.known ? s.stats[key] ?? EMPTY_CALIBRATION : EMPTY_CALIBRATION, v);
