// Shared measurements for the programme's standing, front-view, one-leg exercises (single-leg squat, lateral
// step-up, standing hip abduction, hip hitch, circumduction, wall clamshell). Sign conventions: core/geometry.ts.
//
// Depth without a sagittal view: facing the camera, knee flexion points the thigh toward the lens, so the 2D knee
// angle barely changes. What does change is the leg's vertical extent (ankle y - hip y). We divide it by the
// longest extent seen so far in the set over BOTH legs (a straight standing leg; robust to one-frame spikes), so
// `compression` = 1 - extent / max is 0 standing tall and grows as the leg bends (~0.13 at 60 deg of knee flexion,
// ~0.29 at 90 deg, for equal thigh and shank). Limitation: the user must stay at the same distance from the camera.
import { z } from 'zod';
import { fppaDeg, midpoint, pelvicObliquityDeg, trunkLeanDeg, type Point } from '../../core/geometry';
import { stepRobustMax, type RobustMax } from './programme-kit';

/** Vertical extent of a leg, px (ankle below hip is positive). */
export const legExtentPx = (hip: Point, ankle: Point): number => ankle.y - hip.y;

/** Update the set's reference leg extent with whichever legs are visible this frame. */
export function stepLegReference(ref: RobustMax, legs: Array<{ hip: Point | null; ankle: Point | null }>): RobustMax {
  let best = Number.NaN;
  for (const l of legs) if (l.hip && l.ankle) { const e = legExtentPx(l.hip, l.ankle); if (!(e <= best)) best = e; }
  return stepRobustMax(ref, best);
}

/** 1 - extent / reference; 0 = straight, NaN until a reference exists. */
export function legCompression(ref: RobustMax, hip: Point, ankle: Point): number {
  return ref.max > 0 ? 1 - legExtentPx(hip, ankle) / ref.max : Number.NaN;
}

export interface StanceMeasures { fppaDeg: number; pelvicDropDeg: number; trunkLeanDeg: number }

/**
 * FPPA of the stance knee (+ valgus), pelvic obliquity (+ when the free side hip is lower) and trunk lean (+ toward
 * the stance side) for a person facing the camera.
 */
export function stanceMeasures(p: { stanceHip: Point; stanceKnee: Point; stanceAnkle: Point; freeHip: Point; ls: Point; rs: Point }): StanceMeasures {
  const midHip = midpoint(p.stanceHip, p.freeHip);
  return {
    fppaDeg: fppaDeg(p.stanceHip, p.stanceKnee, p.stanceAnkle, midHip.x),
    pelvicDropDeg: pelvicObliquityDeg(p.stanceHip, p.freeHip),
    trunkLeanDeg: trunkLeanDeg(midHip, midpoint(p.ls, p.rs), p.stanceHip.x),
  };
}

// ---------------------------------------------------------------- shared thresholds (NOTES.md)

export const kneeValgusShape = {
  valgusFppaDeg: z.number().min(0).max(45).default(17)
    .describe('KNEE_VALGUS when the knee FPPA reaches this, deg (positive = knee medial). NOTES.md: single-leg squat FPPA in healthy women 8.4 +/- 5.1 deg, men ~7, patellofemoral pain 16.8 +/- 5.4; 17 sits at the pain-group mean and ~1.7 SD above the healthy mean. Measurement error ~3 deg, smallest detectable difference ~8 deg.'),
  valgusClearFppaDeg: z.number().min(0).max(45).default(12)
    .describe('KNEE_VALGUS clears below this FPPA, deg. Our default: 5 deg under the fault level, above the 3 deg measurement error.'),
};

export const pelvicDropShape = {
  pelvicDropDeg: z.number().min(0).max(30).default(5)
    .describe('PELVIC_DROP when the free-side hip is lower than the stance hip by this angle, deg. Our default: NOTES.md says no validated 2D cut-off exists (hip keypoints are joint centres); 5 deg is ~2x keypoint noise on a 0.35-torso hip line.'),
  pelvicDropClearDeg: z.number().min(0).max(30).default(3)
    .describe('PELVIC_DROP clears below this, deg. Our default.'),
};

export const trunkLeanShape = {
  trunkLeanDeg: z.number().min(0).max(45).default(10)
    .describe('TRUNK_LEAN when the mid-hip -> mid-shoulder line leans toward the stance side by this, deg (NOTES.md: the compensation to flag). Our default: no published 2D number; 10 deg is clearly visible and above noise.'),
  trunkLeanClearDeg: z.number().min(0).max(45).default(6)
    .describe('TRUNK_LEAN clears below this, deg. Our default, as the single-leg stand test.'),
};
