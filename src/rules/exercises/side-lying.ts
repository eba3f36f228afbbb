// Side-lying geometry shared by side-lying hip abduction and the clamshell (issue 7).
//
// Camera: facing the front (or the back) of a person lying on their side, so the body lies across the image and
// the pelvis' left-right axis points up at the ceiling: the top hip is ABOVE the bottom hip in the image by the
// hip-joint separation (~0.35 torso lengths). Frame of reference on every frame:
//   u = unit vector along the trunk, mid-shoulder -> mid-hip (toward the feet). The midline, not the top side's
//       shoulder-hip line: shoulders are wider than hips, so the one-sided line is tilted ~10 deg to the body. Both
//       shoulders are therefore required (the bottom one is usually visible from the front: arm under the head);
////   n = unit normal of u pointing up in the image (toward the ceiling).
// Abduction of the top leg moves its knee/ankle along +n; a clamshell opening lifts the top knee along +n.
//
// Pelvis rolling back (the main fault of both exercises) is hard for a front camera. In theory the hip-to-hip
// vector tilts out of the image plane and its projection on n shrinks by cos(roll). On a real clip
// (fixtures/real/lateral-leg-raise.json, MoveNet lightning) that signal is noise: with the pelvis visibly stacked the
// across-body hip separation was 38-62 px in the start position, 62-72 px with the leg up and 2-35 px while lying
// still between reps (ratio 0.0-2.4 with no roll; p5/p50/p95 0.14/2.19/2.58). MoveNet's hip point follows the
// thigh. Thunder on the same clip is far steadier (p5/p50/p95 0.95/1.15/1.31, min 0.73, no false cue) but the
// raised leg still widens the line by ~15-30 %, which would hide a real roll. So the hip-line check (PELVIS_ROLL)
// is OFF by default (`pelvisRollCheck`; worth trying with Thunder). What the camera does see is where the
// leg goes: rolling the pelvis back carries the top leg behind the body, and drifting forward (hip flexion) carries
// it in front; both shorten the leg in the image (LEG_OUT_OF_PLANE in side-lying-hip-abduction.ts).
import { z } from 'zod';
import { distance, type Point } from '../../core/geometry';
import type { KeypointName, Side } from '../../core/pose-frame';
import { otherSide } from '../../core/pose-frame';
import { SIDE_JOINTS } from '../engine/body';
import { addSample, EMPTY_STAT, statMean, type Stat } from '../engine/stats';

const DEG = 180 / Math.PI;

export interface BodyFrame {
  /** Unit vector along the trunk, shoulders -> hips. */
  u: Point;
  /** Unit normal pointing up in the image (ceiling). */
  n: Point;
  torsoLengthPx: number;
}

const dot = (a: Point, b: Point): number => a.x * b.x + a.y * b.y;
const sub = (a: Point, b: Point): Point => ({ x: a.x - b.x, y: a.y - b.y });

/** Trunk frame from the mid-shoulder and mid-hip points; null if they coincide. */
export function sideLyingFrame(midShoulder: Point, midHip: Point): BodyFrame | null {
  const len = distance(midShoulder, midHip);
  if (!(len > 0)) return null;
  const u = { x: (midHip.x - midShoulder.x) / len, y: (midHip.y - midShoulder.y) / len };
  let n = { x: u.y, y: -u.x };
  if (n.y > 0 || (n.y === 0 && n.x < 0)) n = { x: -n.x, y: -n.y };
  return { u, n, torsoLengthPx: len };
}

/** Angle of the trunk axis from horizontal, deg 0..90 (0 = lying flat across the image). */
export function trunkFromHorizontalDeg(f: BodyFrame): number {
  return Math.atan2(Math.abs(f.u.y), Math.abs(f.u.x)) * DEG;
}

/**
 * Leg abduction in the image plane, deg: angle of hip -> distal (ankle or knee) against the trunk axis continued
 * past the hips; 0 = leg in line with the trunk, POSITIVE toward the ceiling (+n).
 */
export function legAbductionDeg(f: BodyFrame, hip: Point, distal: Point): number {
  const v = sub(distal, hip);
  if (v.x === 0 && v.y === 0) return Number.NaN;
  return Math.atan2(dot(v, f.n), dot(v, f.u)) * DEG;
}

/** Separation of two points across the body (projection on n), in torso lengths; positive when `top` is higher. */
export function acrossBody(f: BodyFrame, top: Point, bottom: Point): number {
  return dot(sub(top, bottom), f.n) / f.torsoLengthPx;
}

/** Keypoints a side-lying exercise needs when `top` is the working (upper) leg. */
export function sideLyingRequired(top: Side, distal: 'knee' | 'ankle' | 'both-knees'): KeypointName[] {
  const tj = SIDE_JOINTS[top], bj = SIDE_JOINTS[otherSide(top)];
  const base: KeypointName[] = [tj.shoulder, bj.shoulder, tj.hip, bj.hip];
  if (distal === 'both-knees') return [...base, tj.knee, bj.knee];
  return [...base, distal === 'knee' ? tj.knee : tj.ankle];
}

// ---------------------------------------------------------------- shared config + pelvis roll tracking


export const sideLyingShape = {
  pelvisRollCheck: z.boolean().default(false)
    .describe('Judge PELVIS_ROLL from the hip line shortening. Off by default: on the real side-lying clip the MoveNet hip separation varied 0-2.4x with the pelvis stacked (see side-lying.ts).'),
  pelvisRollFaultRatio: z.number().min(0.3).max(1).default(0.8)
    .describe('PELVIS_ROLL when the hip-to-hip separation across the body falls to this fraction of its start-position value (cos of the roll: 0.80 ~ 37 deg). Our default: no 2D literature number; a 20 deg roll (0.94) is within MoveNet hip noise, so only a clear roll is flagged.'),
  pelvisRollClearRatio: z.number().min(0.3).max(1).default(0.88)
    .describe('PELVIS_ROLL clears above this fraction (hysteresis band 0.80-0.88). Our default.'),
  maxTrunkFromHorizontalDeg: z.number().min(0).max(90).default(45)
    .describe('The trunk must lie within this angle of horizontal in the image, or the person is not side-lying and nothing is measured. Our default: half-way between lying and sitting up.'),
  sideMismatchTorso: z.number().min(0).max(1).default(0.08)
    .describe('SIDE_MISMATCH (info) when the picked working hip is LOWER than the other hip by this many torso lengths: the user lies on the wrong side (or the model swapped left/right). Our default: ~1/4 of the hip separation.'),
};
export type SideLyingConfig = { pelvisRollFaultRatio: number; pelvisRollClearRatio: number; maxTrunkFromHorizontalDeg: number; sideMismatchTorso: number };

export interface SideLyingAux {
  /** Hip separation across the body (torso lengths) while holding the start position. */
  hipSepBaseline: Stat;
}
export const INITIAL_SIDE_LYING_AUX: SideLyingAux = Object.freeze({ hipSepBaseline: EMPTY_STAT });

/** Start-position hip separation (torso lengths), NaN until the first setup frame. */
export const hipSepBaseline = (aux: SideLyingAux): number => statMean(aux.hipSepBaseline);

/** Collect the baseline only while in setup AND in the start position (leg down / knees closed). */
export function stepHipSepBaseline(aux: SideLyingAux, hipSep: number, inSetup: boolean, inStart: boolean): SideLyingAux {
  if (!inSetup || !inStart || !(hipSep > 0)) return aux;
  return { ...aux, hipSepBaseline: addSample(aux.hipSepBaseline, hipSep) };
}

/** Current hip separation over the baseline (1 = as in the start position, smaller = pelvis rolled). */
export function pelvisRollRatio(aux: SideLyingAux, hipSep: number): number {
  const b = hipSepBaseline(aux);
  return b > 0 ? hipSep / b : Number.NaN;
}
