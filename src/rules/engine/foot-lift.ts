// Which foot is off the floor, for standing exercises seen from the front (docs/biomechanics.md#single-leg-stance-and-foot-lift).
// Each ankle's height over the other, in stance-leg lengths (camera-distance free), is thresholded with hysteresis
// and debounced (onset / clear persistence). Against the person's own two-leg neutral when there is one: a staggered
// stance or the camera's view of the feet is in the neutral and cancels, so a small lift is seen; before any two-leg
// stance, a larger absolute raise is needed. The caller says which frames are two-leg stance (`learnFootNeutral`).
// Used by the single-leg stand (both feet) and the wall clamshell (the wall-side foot only, foot up kept absolute,
// debounced by its hold timer instead).
import { z } from 'zod';
import type { Side } from '../../core/pose-frame';
import { legLengthPx, type LegPoints } from './body';
import { EMPTY_WINDOW, pushSample, windowMedian, windowSpanMs, type SampleWindow } from './neutral';
import { INITIAL_PERSISTENCE, stepPersistence, thresholdSignal, type FaultSignal, type PersistenceState } from './persistence';

const DOC = 'docs/biomechanics.md#single-leg-stance-and-foot-lift';

export const footLiftShape = {
  liftOnFrac: z.number().min(0).max(1).default(0.15)
    .describe(`Foot up when its ankle is higher than the other by >= this fraction of the stance leg length. Ours (${DOC}): above the ~12 % a staggered stance shows, below a real lift.`),
  liftOffFrac: z.number().min(0).max(1).default(0.05).describe(`Foot down when the ankle height difference is < this fraction. Ours (${DOC}): hysteresis.`),
  liftOnNeutralFrac: z.number().min(0).max(1).default(0.08)
    .describe(`With a two-leg neutral: foot up when its ankle is higher than in the neutral (relative to the other ankle) by >= this fraction of the stance leg length. Ours (${DOC}): a staggered stance is in the neutral, so the threshold only has to clear the ~2 % jitter; a small lift (hip flexed 25 deg) reads 9-13 %.`),
  liftOnsetMs: z.number().min(0).default(300).describe(`Foot must stay up this long (ms) to start a trial (counted into it). Ours (${DOC}).`),
  footDownMs: z.number().min(0).default(300).describe(`Foot must stay down this long (ms) to end the trial. Ours (${DOC}).`),
};
export interface FootLiftConfig {
  liftOnFrac: number; liftOffFrac: number; liftOnNeutralFrac: number; liftOnsetMs: number; footDownMs: number;
  /** The two-leg neutral: kept this long, usable once it spans neutralMinMs (engine/neutral.ts). */
  neutralWindowMs: number; neutralMinMs: number;
  /**
   * Foot up stays the absolute liftOnFrac even with a neutral (only foot down is judged against it): for a lift that
   * reads small (a foot pressed into a wall, a high camera), whose margin a neutral-relative threshold would eat.
   */
  liftOnAbsolute?: boolean;
}

export interface FootLiftState {
  /** Debounced "this foot is up", per side. */
  left: PersistenceState;
  right: PersistenceState;
  /** Two-leg stance: each ankle's height over the other (stance-leg lengths). */
  neutralL: SampleWindow;
  neutralR: SampleWindow;
}
export const INITIAL_FOOT_LIFT: FootLiftState = Object.freeze({ left: INITIAL_PERSISTENCE, right: INITIAL_PERSISTENCE, neutralL: EMPTY_WINDOW, neutralR: EMPTY_WINDOW });

export interface FootLift {
  state: FootLiftState;
  /** Each ankle's raise over the other on this frame (stance-leg lengths). */
  raise: Record<Side, number>;
  /** This frame's thresholded signal ('fault' = up, 'clear' = down, 'between' = the hysteresis band). */
  signal: Record<Side, FaultSignal>;
  /** Debounced: the foot is up. */
  up: Record<Side, boolean>;
  /** The foot whose lift became active on this frame, and when that lift began (the onset counted in). */
  lifted: { side: Side; sinceMs: number } | null;
}

/** Each ankle's neutral height over the other (median of the two-leg stance), or null before enough stance. */
export function footNeutral(s: FootLiftState, cfg: Pick<FootLiftConfig, 'neutralMinMs'>): Record<Side, number> | null {
  const left = sideNeutral(s.neutralL, cfg), right = sideNeutral(s.neutralR, cfg);
  return Number.isNaN(left) && Number.isNaN(right) ? null : { left, right };
}
const sideNeutral = (w: SampleWindow, cfg: Pick<FootLiftConfig, 'neutralMinMs'>): number =>
  (w.length < 3 || windowSpanMs(w) < cfg.neutralMinMs ? Number.NaN : windowMedian(w));

/** `ankle`'s height over the stance leg's ankle, in stance-leg lengths (y grows downward: a raised ankle has the smaller y). */
export const ankleRaiseFrac = (ankle: { y: number }, stance: LegPoints): number => (stance.ankle.y - ankle.y) / legLengthPx(stance);

export function stepFootLift(s: FootLiftState, L: LegPoints, R: LegPoints, t: number, cfg: FootLiftConfig): FootLift {
  return stepFootRaise(s, { left: ankleRaiseFrac(L.ankle, R), right: ankleRaiseFrac(R.ankle, L) }, t, cfg);
}

/**
 * The same from each ankle's raise (`ankleRaiseFrac`). A side whose raise is NaN (e.g. an exercise that watches one
 * foot and does not require the other leg's knee) is never up and adds nothing to its neutral.
 */
export function stepFootRaise(s: FootLiftState, raise: Record<Side, number>, t: number, cfg: FootLiftConfig): FootLift {
  const n = footNeutral(s, cfg);
  // Each side against its own neutral once its two-leg stance spans neutralMinMs; the absolute threshold before.
  const sig = (side: Side): FaultSignal => {
    if (!n || Number.isNaN(n[side])) return thresholdSignal(raise[side], cfg.liftOnFrac, cfg.liftOffFrac);
    if (!cfg.liftOnAbsolute) return thresholdSignal(raise[side] - n[side], cfg.liftOnNeutralFrac, cfg.liftOffFrac);
    return raise[side] >= cfg.liftOnFrac ? 'fault' : raise[side] - n[side] < cfg.liftOffFrac ? 'clear' : 'between';
  };
  const signal = { left: sig('left'), right: sig('right') };
  const timing = { onsetMs: cfg.liftOnsetMs, clearMs: cfg.footDownMs };
  const left = stepPersistence(s.left, signal.left, t, timing), right = stepPersistence(s.right, signal.right, t, timing);
  const side: Side | null = left.active && !s.left.active ? 'left' : right.active && !s.right.active ? 'right' : null;
  const lifted = side ? { side, sinceMs: s[side].onsetStartMs ?? t } : null;
  return { state: { ...s, left, right }, raise, signal, up: { left: left.active, right: right.active }, lifted };
}

/** Both feet down and neither on its way up: a two-leg stance frame. */
export const bothFeetDown = (f: FootLift): boolean => !f.up.left && !f.up.right && f.signal.left !== 'fault' && f.signal.right !== 'fault';

/** Add a two-leg stance frame to the ankle neutral. */
export const learnFootNeutral = (f: FootLift, t: number, cfg: Pick<FootLiftConfig, 'neutralWindowMs'>): FootLiftState => ({
  ...f.state, neutralL: pushSample(f.state.neutralL, t, f.raise.left, cfg.neutralWindowMs), neutralR: pushSample(f.state.neutralR, t, f.raise.right, cfg.neutralWindowMs),
});
