// Pelvic drop and trunk lean while standing on one leg (docs/biomechanics.md#neutral-calibration,
// #pelvic-drop-trendelenburg, #trunk-lean): this frame's pelvic and trunk lines against a neutral (engine/neutral.ts),
// seen from the stance side, kept in rolling windows while measuring; the values thresholds and cues see are their
// rolling interquartile means (the pelvic line's over medianWindowMs, with at least dropMinFrames frames; the trunk's
// over trunkWindowMs). One pelvic window also gives the longer-average value a trial reports its peak and mean of
// (`reportWindowMs`: the peak of a noisier value overstates the drop).
import type { Side } from '../../core/pose-frame';
import { EMPTY_WINDOW, lastSamples, pushSample, relativeLines, rollingMidMean, stanceAngles, type BodyLines, type SampleWindow } from './neutral';

export interface StanceLinesConfig { medianWindowMs: number; dropMinFrames: number; trunkWindowMs: number }

export interface StanceLinesState { readonly drop: SampleWindow; readonly lean: SampleWindow }
export const NO_STANCE_LINES: StanceLinesState = Object.freeze({ drop: EMPTY_WINDOW, lean: EMPTY_WINDOW });

export interface StanceLines {
  state: StanceLinesState;
  /** Pelvic drop (+ = the free side lower than in the neutral), deg: rolling over medianWindowMs; NaN before enough frames. */
  dropDeg: number;
  /** Trunk lean (+ = toward the stance side), deg: rolling over trunkWindowMs. */
  leanDeg: number;
  /** Pelvic drop rolling over `reportWindowMs`, for a trial's reported peak and mean. */
  reportDropDeg: number;
}

/** `measuring` false: the windows restart (and the values are those of empty windows). */
export function stepStanceLines(
  s: StanceLinesState, lines: BodyLines, neutral: BodyLines, stance: Side, t: number, measuring: boolean, reportWindowMs: number, cfg: StanceLinesConfig,
): StanceLines {
  const rel = stanceAngles(relativeLines(lines, neutral), stance);
  const drop = measuring ? pushSample(s.drop, t, rel.dropDeg, Math.max(cfg.medianWindowMs, reportWindowMs), cfg.dropMinFrames) : EMPTY_WINDOW;
  const lean = measuring ? pushSample(s.lean, t, rel.leanDeg, cfg.trunkWindowMs) : EMPTY_WINDOW;
  const lastMs = (ms: number) => lastSamples(drop, t, ms, cfg.dropMinFrames);
  return {
    state: { drop, lean },
    dropDeg: rollingMidMean(lastMs(cfg.medianWindowMs), cfg.medianWindowMs, cfg.dropMinFrames),
    leanDeg: rollingMidMean(lean, cfg.trunkWindowMs),
    reportDropDeg: rollingMidMean(lastMs(reportWindowMs), reportWindowMs),
  };
}
