// A split stance seen from the front (lunge; any exercise that steps one foot away and back;
// docs/biomechanics.md#lunge-depth-and-front-leg). Each ankle's standing place is learned at the top; during the
// step the foot that moved farther from its place is the stepping foot and the other is planted: the hip height is
// measured above the planted foot (a stepping foot moves in the picture and would read as depth). While the places
// are not known (a recording that begins mid-step), the shank with the larger vertical knee-to-ankle extent is the
// front one (the back shank points away from the camera and is foreshortened). The view is not judged while the feet
// are split (the body may turn by design) unless the body is clearly side-on; the pelvis turn is read from the hip
// width against its standing value.
import { z } from 'zod';
import type { Point } from '../../core/geometry';
import type { PoseFrame, Side } from '../../core/pose-frame';
import { stepFollowedRef } from './baseline';
import type { LegPoints } from './body';
import { shoulderWidthRatio } from './view-check';
import { visiblePx, type VisibilityOptions } from './visibility';

const DOC = 'docs/biomechanics.md';

export const splitStanceShape = {
  sideOnMaxShoulderRatio: z.number().min(0).max(1).default(0.25)
    .describe(`Shoulder width / torso below this = the body is side-on to the camera (turned ~70 deg or more): the view is judged even in a split stance, where it is otherwise not (a transverse lunge turns the body by design, <= ~45 deg, reading >= ~0.33 for the narrowest adult). Ours (docs/biomechanics.md#view-check).`),
  frontLegMinDiffTorso: z.number().min(0).default(0.15)
    .describe(`Front leg: the feet's travel from their standing places (or, before those are known, the legs' vertical knee-ankle extents) must differ by at least this many torso lengths. Ours (${DOC}#lunge-depth-and-front-leg).`),
};
export interface SplitStanceConfig extends VisibilityOptions { sideOnMaxShoulderRatio: number; frontLegMinDiffTorso: number; topDropFrac: number }

/** Each ankle's standing place (px); NaN until seen. */
export interface FootPlaces { lx: number; ly: number; rx: number; ry: number }
export const UNKNOWN_FOOT_PLACES: FootPlaces = Object.freeze({ lx: Number.NaN, ly: Number.NaN, rx: Number.NaN, ry: Number.NaN });

/** Follow the feet's standing places while `atTop` (engine/baseline.ts stepFollowedRef), keep them otherwise. */
export const followFootPlaces = (p: FootPlaces, L: LegPoints, R: LegPoints, atTop: boolean): FootPlaces => ({
  lx: stepFollowedRef(p.lx, L.ankle.x, atTop), ly: stepFollowedRef(p.ly, L.ankle.y, atTop),
  rx: stepFollowedRef(p.rx, R.ankle.x, atTop), ry: stepFollowedRef(p.ry, R.ankle.y, atTop),
});

/** How far an ankle is from its standing place (px); NaN when either is unknown. */
export const footTravelPx = (p: FootPlaces, side: Side, ankle: Point | null): number =>
  (ankle ? (side === 'left' ? Math.hypot(ankle.x - p.lx, ankle.y - p.ly) : Math.hypot(ankle.x - p.rx, ankle.y - p.ry)) : Number.NaN);

/**
 * Image y of the planted foot: the one nearer its standing place. Before the places are known: the back foot (higher
 * in the picture) when the stepping foot goes forward, else the front one (lower).
 */
export function plantedGroundYPx(p: FootPlaces, L: LegPoints, R: LegPoints, steppingForward: boolean): number {
  const dl = footTravelPx(p, 'left', L.ankle), dr = footTravelPx(p, 'right', R.ankle);
  if (Number.isNaN(dl) || Number.isNaN(dr)) return steppingForward ? Math.min(L.ankle.y, R.ankle.y) : Math.max(L.ankle.y, R.ankle.y);
  return dl <= dr ? L.ankle.y : R.ankle.y;
}

/** The side whose score is clearly larger: `diff` = left score - right score, at least `minDiff` either way; else null. */
export const clearSide = (diff: number, minDiff: number): Side | null => (diff >= minDiff ? 'left' : diff <= -minDiff ? 'right' : null);

/** Left minus right ankle travel from the standing places (torso lengths; > 0 = the left foot stepped); NaN until known. */
export const stepTravelDiff = (p: FootPlaces, L: LegPoints, R: LegPoints, torsoPx: number): number =>
  (footTravelPx(p, 'left', L.ankle) - footTravelPx(p, 'right', R.ankle)) / torsoPx;

/** Left minus right vertical knee-to-ankle extent (torso lengths; > 0 = the left shank is the vertical, front one). */
export const shankExtentDiff = (L: LegPoints, R: LegPoints, torsoPx: number): number =>
  ((L.ankle.y - L.knee.y) - (R.ankle.y - R.knee.y)) / torsoPx;

/**
 * Whether the view can be judged on this frame (before the legs are measured): not while a foot is away from its
 * standing place or the feet are at different heights in the picture (one stepped forward or back; the body may be
 * turning into a transverse lunge), unless the body is clearly side-on (no lunge turns the body that far).
 * `torsoPx`: the smoothed torso length (NaN before any).
 */
export function splitStanceViewJudged(frame: PoseFrame, p: FootPlaces, torsoPx: number, cfg: SplitStanceConfig): boolean {
  const la = visiblePx(frame, 'left_ankle', cfg), ra = visiblePx(frame, 'right_ankle', cfg);
  const stepping = Math.max(footTravelPx(p, 'left', la), footTravelPx(p, 'right', ra)) >= cfg.frontLegMinDiffTorso * torsoPx;
  const lh = visiblePx(frame, 'left_hip', cfg), rh = visiblePx(frame, 'right_hip', cfg);
  const hipY = lh && rh ? (lh.y + rh.y) / 2 : Number.NaN;
  const split = la && ra ? Math.abs(la.y - ra.y) > cfg.topDropFrac * (Math.max(la.y, ra.y) - hipY) : false;
  const ls = visiblePx(frame, 'left_shoulder', cfg), rs = visiblePx(frame, 'right_shoulder', cfg);
  const sideOn = ls && rs && lh && rh ? shoulderWidthRatio(ls, rs, lh, rh) < cfg.sideOnMaxShoulderRatio : false;
  return sideOn || (!stepping && !split);
}

/**
 * The pelvis turned less than `maxTurnDeg` from standing: hip width / torso against its standing value (scale-free;
 * a camera's constant yaw is in the standing value), narrower than cos(turn) x standing or (a camera yaw turned back
 * toward square) wider than standing / cos(turn) is turned. While the standing value is not known (NaN): square.
 */
export function pelvisSquare(hipWidthTorso: number, standHipWidthTorso: number, maxTurnDeg: number): boolean {
  const turnCos = Math.cos(maxTurnDeg * Math.PI / 180), widthVsStanding = hipWidthTorso / standHipWidthTorso;
  return !(widthVsStanding < turnCos || widthVsStanding > 1 / turnCos);
}
