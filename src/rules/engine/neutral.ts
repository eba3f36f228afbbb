// The person's own neutral (docs/biomechanics.md#neutral-calibration): while they stand still on two legs, the
// image angles of their pelvic line and trunk line are collected and their median taken. A camera rolled by r adds r
// to both lines, a body turned to the camera or a detector that places one hip a little higher adds its own constant;
// the same constants are in the neutral, so "pelvic drop" and "trunk lean" measured against it are free of them.
// A median over a time window (never one frame) is the reference; a rolling interquartile mean of the measured angle
// is what thresholds and peaks see (a keypoint jitter of a few px moves a 40 px hip line by several degrees on one
// frame; the mean of the middle half is as robust to a stray frame as the median and less noisy).
import { z } from 'zod';
import { midpoint, type Point } from '../../core/geometry';

const DOC = 'docs/biomechanics.md#neutral-calibration';

export const neutralShape = {
  neutralWindowMs: z.number().min(100).max(60_000).default(3000)
    .describe(`The person's neutral is the median of their two-leg stance over the last this many ms (pelvic line, trunk line). Ours (${DOC}): a few seconds of standing, long enough to out-vote jitter, short enough to follow a camera that was moved.`),
  neutralMinMs: z.number().min(0).max(10_000).default(300)
    .describe(`A neutral needs two-leg stance frames spanning at least this long (ms, and 3 frames); before that the image level is used. Ours (${DOC}): no single frame may set a reference.`),
  medianWindowMs: z.number().min(0).max(5000).default(2000)
    .describe(`Pelvic drop is the rolling interquartile mean of the last this many ms before thresholds. Ours (${DOC}): the drop of a weak hip is held for seconds; 2 s cuts the jitter of a 40 px hip line to ~1 deg at 10 fps (1.5 s still let low-frame-rate noise cue clean holds) and ignores one-frame keypoint errors.`),
  dropMinFrames: z.number().int().min(3).max(100).default(20)
    .describe(`The pelvic-drop rolling window holds at least this many frames: at a low frame rate it reaches further back than medianWindowMs, and no value is given (nor cued) before it holds them. Ours (${DOC}): 2 s holds 10 frames at 5 fps, whose interquartile mean of a +/-5 deg hip-line jitter still crossed 5 deg on a clean hold; 20 is the 2 s window at 10 fps (no change from 10 fps up).`),
  trunkWindowMs: z.number().min(0).max(5000).default(400)
    .describe(`Trunk lean is the rolling interquartile mean of the last this many ms. Ours (${DOC}): the mid-hip -> mid-shoulder line is 2-3x longer than the hip line, so the same keypoint jitter tilts it 2-3x less and a quarter of the hip line's window gives it about the same noise with less lag.`),
};
export type NeutralConfig = { neutralWindowMs: number; neutralMinMs: number; medianWindowMs: number; trunkWindowMs: number };

// ---------------------------------------------------------------- time windows of samples

export interface Sample { readonly tMs: number; readonly v: number }
/** Samples of the last few seconds, oldest first. */
export type SampleWindow = readonly Sample[];
export const EMPTY_WINDOW: SampleWindow = Object.freeze([]) as SampleWindow;

/**
 * Adds a finite sample and drops the ones older than `windowMs` before it, except that the last `minFrames`
 * (counting the new one) are kept: at a low frame rate the window reaches back further rather than hold too few.
 */
export function pushSample(w: SampleWindow, tMs: number, v: number, windowMs: number, minFrames = 1): SampleWindow {
  if (!Number.isFinite(v)) return w;
  return [...w.filter((s) => s.tMs <= tMs), { tMs, v }].filter((s, i, all) => tMs - s.tMs <= windowMs || i >= all.length - minFrames);
}

/** The samples of the last `windowMs` before `tMs`, or the last `minFrames` of them when that is more. */
export function lastSamples(w: SampleWindow, tMs: number, windowMs: number, minFrames = 1): SampleWindow {
  return w.filter((s, i) => tMs - s.tMs <= windowMs || i >= w.length - minFrames);
}

/** Median of the samples (NaN when empty). */
export function windowMedian(w: SampleWindow): number {
  if (w.length === 0) return Number.NaN;
  const xs = w.map((s) => s.v).sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
}

/** Mean of the middle half of the samples (interquartile mean): as robust to a stray frame as the median, less noisy. */
export function windowMidMean(w: SampleWindow): number {
  if (w.length === 0) return Number.NaN;
  if (w.length < 4) return windowMedian(w);
  const xs = w.map((s) => s.v).sort((a, b) => a - b);
  const lo = Math.floor(xs.length / 4), hi = xs.length - lo;
  let sum = 0;
  for (let i = lo; i < hi; i++) sum += xs[i]!;
  return sum / (hi - lo);
}

export const windowSpanMs = (w: SampleWindow): number => (w.length ? w[w.length - 1]!.tMs - w[0]!.tMs : 0);

/**
 * The rolling interquartile mean once the window holds enough to out-vote one frame (`minFrames`, at least 3,
 * spanning half the window), else NaN: the first frames of a measurement are not a value.
 */
export function rollingMidMean(w: SampleWindow, windowMs: number, minFrames = 3): number {
  return w.length >= Math.max(3, minFrames) && windowSpanMs(w) >= windowMs / 2 ? windowMidMean(w) : Number.NaN;
}

// ---------------------------------------------------------------- the body lines and their neutral

/**
 * Image angles of the body lines of a person facing (or with their back to) the camera, in the person's frame:
 * `hipLeftLowDeg` = hip line against horizontal, + when the LEFT hip is lower; `trunkLeftDeg` = mid-hip -> mid-shoulder
 * against vertical, + when the shoulders are displaced toward the LEFT hip. Either side's drop / lean is +/- these.
 */
export interface BodyLines { hipLeftLowDeg: number; trunkLeftDeg: number }

export function bodyLines(lh: Point, rh: Point, ls: Point, rs: Point): BodyLines {
  const RAD = 180 / Math.PI;
  const dx = lh.x - rh.x;
  if (dx === 0 && lh.y === rh.y) return { hipLeftLowDeg: Number.NaN, trunkLeftDeg: Number.NaN };
  // Toward the left hip along the hip line: unit sign of dx (the left hip may be on either side of the picture).
  const dir = Math.sign(dx) || 1;
  const hipLeftLowDeg = Math.atan2(lh.y - rh.y, Math.abs(dx)) * RAD;
  const mh = midpoint(lh, rh), ms = midpoint(ls, rs);
  const up = mh.y - ms.y;
  const trunkLeftDeg = up === 0 && ms.x === mh.x ? Number.NaN : Math.atan2(dir * (ms.x - mh.x), up) * RAD;
  return { hipLeftLowDeg, trunkLeftDeg };
}

/** Pelvic drop (+ = the lifted side lower) and trunk lean (+ toward the stance side) for a stance side. */
export function stanceAngles(lines: BodyLines, stance: 'left' | 'right'): { dropDeg: number; leanDeg: number } {
  const s = stance === 'left' ? 1 : -1;
  // The lifted side is the other one: its hip lower = the LEFT hip lower when standing on the right.
  return { dropDeg: -s * lines.hipLeftLowDeg, leanDeg: s * lines.trunkLeftDeg };
}

export interface NeutralState {
  hip: SampleWindow;
  trunk: SampleWindow;
}
export const INITIAL_NEUTRAL: NeutralState = Object.freeze({ hip: EMPTY_WINDOW, trunk: EMPTY_WINDOW });

/** Adds one two-leg stance frame. */
export function stepNeutral(s: NeutralState, lines: BodyLines, tMs: number, cfg: NeutralConfig): NeutralState {
  return { hip: pushSample(s.hip, tMs, lines.hipLeftLowDeg, cfg.neutralWindowMs), trunk: pushSample(s.trunk, tMs, lines.trunkLeftDeg, cfg.neutralWindowMs) };
}

/** The learned neutral lines, or null until enough two-leg stance has been seen. */
export function neutralLines(s: NeutralState, cfg: NeutralConfig): BodyLines | null {
  if (s.hip.length < 3 || windowSpanMs(s.hip) < cfg.neutralMinMs) return null;
  return { hipLeftLowDeg: windowMedian(s.hip), trunkLeftDeg: s.trunk.length >= 3 ? windowMedian(s.trunk) : 0 };
}

/** The image level: what is assumed when no two-leg stance has been seen (a level camera and a level pelvis). */
export const LEVEL: BodyLines = Object.freeze({ hipLeftLowDeg: 0, trunkLeftDeg: 0 });

/** Lines relative to a neutral. */
export const relativeLines = (now: BodyLines, neutral: BodyLines): BodyLines =>
  ({ hipLeftLowDeg: now.hipLeftLowDeg - neutral.hipLeftLowDeg, trunkLeftDeg: now.trunkLeftDeg - neutral.trunkLeftDeg });
