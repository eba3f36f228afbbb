// Shared measures, thresholds and fault checks of the standing, front-view exercises (squat, lunge, single-leg
// squat, lateral step-up, standing hip abduction, hip hitch, circumduction, wall clamshell, single-leg stand).
// Sign conventions: core/geometry.ts; definitions and sources: docs/biomechanics.md.
//
// Leg compression (docs/biomechanics.md#leg-compression): facing the camera, knee flexion points the thigh toward the
// lens, so the 2D knee angle barely changes; the leg's vertical extent (ankle y - hip y) does. Divided by the longest
// extent seen so far in the set over BOTH legs (a straight standing leg; robust to one-frame spikes),
// compression = 1 - extent / max is 0 standing tall and grows as the leg bends (~0.13 at 60 deg of knee flexion,
// ~0.29 at 90 deg, for equal thigh and shank). The user must stay at the same distance from the camera.
import { z } from 'zod';
import { midpoint, pelvicObliquityDeg, trunkLeanDeg, type Point } from '../../core/geometry';
import type { KeypointName, Side } from '../../core/pose-frame';
import { stepRobustMax, type RobustMax } from '../engine/baseline';
import { fppaBodyDeg, SIDE_JOINTS } from '../engine/body';
import type { FaultCheck } from '../engine/persistence';

const DOC = 'docs/biomechanics.md';

/** Vertical extent of a leg, px (ankle below hip is positive). */
const legExtentPx = (hip: Point, ankle: Point): number => ankle.y - hip.y;

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
 * FPPA of the stance knee (+ valgus; medial = toward the other hip, engine/body.ts), pelvic obliquity (+ when the free side hip is lower) and trunk lean (+ toward
 * the stance side) for a person facing the camera.
 */
function stanceMeasures(p: { stanceHip: Point; stanceKnee: Point; stanceAnkle: Point; freeHip: Point; ls: Point; rs: Point }): StanceMeasures {
  const midHip = midpoint(p.stanceHip, p.freeHip);
  return {
    fppaDeg: fppaBodyDeg({ hip: p.stanceHip, knee: p.stanceKnee, ankle: p.stanceAnkle }, p.freeHip),
    pelvicDropDeg: pelvicObliquityDeg(p.stanceHip, p.freeHip),
    trunkLeanDeg: trunkLeanDeg(midHip, midpoint(p.ls, p.rs), p.stanceHip.x),
  };
}

/** Shoulders, both hips, and the working leg's knee and ankle: what a one-leg front-view exercise needs. */
export function oneLegRequired(side: Side): KeypointName[] {
  const s = SIDE_JOINTS[side], o = SIDE_JOINTS[side === 'left' ? 'right' : 'left'];
  return [s.shoulder, o.shoulder, s.hip, o.hip, s.knee, s.ankle];
}

/** The working (stance) leg, the other hip and ankle (the ankle may be hidden) and the stance measures. */
export interface OneLeg { hip: Point; knee: Point; ankle: Point; otherHip: Point; otherAnkle: Point | null; m: StanceMeasures }

/** Reads a one-leg pose on a frame that passed the gate with `oneLegRequired(side)`. */
export function oneLeg(pt: (name: KeypointName) => Point | null, side: Side): OneLeg {
  const s = SIDE_JOINTS[side], o = SIDE_JOINTS[side === 'left' ? 'right' : 'left'];
  const hip = pt(s.hip)!, knee = pt(s.knee)!, ankle = pt(s.ankle)!, otherHip = pt(o.hip)!;
  const m = stanceMeasures({ stanceHip: hip, stanceKnee: knee, stanceAnkle: ankle, freeHip: otherHip, ls: pt('left_shoulder')!, rs: pt('right_shoulder')! });
  return { hip, knee, ankle, otherHip, otherAnkle: pt(o.ankle), m };
}

// ---------------------------------------------------------------- thresholds

/** KNEE_VALGUS thresholds; the default and its source differ per exercise. */
export const kneeValgusShape = (faultDeg: number, clearDeg: number, source: string) => ({
  valgusFppaDeg: z.number().min(0).max(90).default(faultDeg)
    .describe(`KNEE_VALGUS when the knee FPPA (+ = knee medial) reaches this, deg. ${source}`),
  valgusClearFppaDeg: z.number().min(0).max(90).default(clearDeg)
    .describe(`KNEE_VALGUS clears below this FPPA, deg. Ours (${DOC}#knee-valgus-fppa): hysteresis, ${faultDeg - clearDeg} deg under the fault level, above the ~3 deg measurement error.`),
});

/** The single-leg tasks' valgus threshold: at the patellofemoral-pain group mean. */
export const singleLegValgusShape = kneeValgusShape(17, 12,
  `${DOC}#knee-valgus-fppa: single-leg squat FPPA 8.4 +/- 5.1 deg in healthy women, 16.8 +/- 5.4 with patellofemoral pain (Herrington 2014); 17 sits at the pain-group mean, ~1.7 SD above the healthy mean.`);

/**
 * KNEE_VALGUS as the knee's medial displacement from its hip-ankle line (engine/body.ts `kneeMedialFrac`), a fraction
 * of the straight leg's length, against the person's own value standing tall (the single-leg tasks).
 */
export const kneeMedialShape = {
  valgusMedialFrac: z.number().min(0).max(1).default(0.06)
    .describe(`KNEE_VALGUS when the bent knee lies medial to its hip-ankle line by this fraction of the straight leg's length more than with the leg straight. Ours (${DOC}#knee-medial-displacement): 6 % (~5 cm) is what FPPA 17 deg (the patellofemoral-pain mean, Herrington 2014) is at 60 deg of knee flexion; a distance keeps that meaning at any depth.`),
  valgusClearMedialFrac: z.number().min(0).max(1).default(0.04)
    .describe(`KNEE_VALGUS clears below this medial displacement (fraction of the straight leg's length, from the straight leg). Ours (${DOC}#knee-medial-displacement): hysteresis, above ~2 % of keypoint noise.`),
  fppaMaxCompression: z.number().min(0).max(1).default(0.2)
    .describe(`FPPA is shown and summarised only while the leg is bent and compressed by at most this (~75 deg of knee flexion): deeper, the thigh points at the lens and 2D FPPA has no meaning. Ours (${DOC}#knee-valgus-fppa).`),
};

export const pelvicDropShape = {
  pelvicDropDeg: z.number().min(0).max(30).default(5)
    .describe(`PELVIC_DROP when the free-side hip is lower than the stance hip by this angle, deg. Ours (${DOC}#pelvic-drop-trendelenburg): no validated 2D cut-off exists; 5 deg is beyond the ~3 deg 2D measurement error.`),
  pelvicDropClearDeg: z.number().min(0).max(30).default(3)
    .describe(`PELVIC_DROP clears below this, deg. Ours (${DOC}#pelvic-drop-trendelenburg): hysteresis.`),
};

export const trunkLeanShape = {
  trunkLeanDeg: z.number().min(0).max(45).default(10)
    .describe(`TRUNK_LEAN when the mid-hip -> mid-shoulder line leans toward the stance side by this, deg. Ours (${DOC}#trunk-lean): no published 2D number; clearly visible and above noise.`),
  trunkLeanClearDeg: z.number().min(0).max(45).default(6)
    .describe(`TRUNK_LEAN clears below this, deg. Ours (${DOC}#trunk-lean): hysteresis.`),
};

// ---------------------------------------------------------------- fault checks (engine/persistence.ts)

/** Hip, knee and ankle of one leg (the joints a knee cue highlights). */
export const legJoints = (side: Side): KeypointName[] => [SIDE_JOINTS[side].hip, SIDE_JOINTS[side].knee, SIDE_JOINTS[side].ankle];
type Judging = Pick<FaultCheck, 'window' | 'hold'>;

export const kneeValgusCheck = (side: Side, fppa: number, c: { valgusFppaDeg: number; valgusClearFppaDeg: number }, j: Judging = {}): FaultCheck =>
  ({ code: 'KNEE_VALGUS', side, severity: 'warning', value: fppa, faultAt: c.valgusFppaDeg, clearAt: c.valgusClearFppaDeg, joints: legJoints(side), ...j });

/** KNEE_VALGUS on the medial displacement from standing (`kneeMedialShape`). */
export const kneeMedialCheck = (side: Side, medialFrac: number, c: { valgusMedialFrac: number; valgusClearMedialFrac: number }, j: Judging = {}): FaultCheck =>
  ({ code: 'KNEE_VALGUS', side, severity: 'warning', value: medialFrac, faultAt: c.valgusMedialFrac, clearAt: c.valgusClearMedialFrac, joints: legJoints(side), ...j });

/** PELVIC_DROP of the stance leg `side`; the highlighted joints are the hips, `firstHip`'s first. */
export const pelvicDropCheck = (side: Side, dropDeg: number, c: { pelvicDropDeg: number; pelvicDropClearDeg: number }, firstHip: Side = side): FaultCheck =>
  ({ code: 'PELVIC_DROP', side, severity: 'warning', value: dropDeg, faultAt: c.pelvicDropDeg, clearAt: c.pelvicDropClearDeg, joints: [SIDE_JOINTS[firstHip].hip, SIDE_JOINTS[firstHip === 'left' ? 'right' : 'left'].hip] });

/** TRUNK_LEAN reported on `side` (the standing leg); the highlighted joints are the shoulders and the hips, `firstHip`'s first. */
export const trunkLeanCheck = (side: Side, leanDeg: number, c: { trunkLeanDeg: number; trunkLeanClearDeg: number }, firstHip: Side = side): FaultCheck =>
  ({ code: 'TRUNK_LEAN', side, severity: 'warning', value: leanDeg, faultAt: c.trunkLeanDeg, clearAt: c.trunkLeanClearDeg, joints: ['left_shoulder', 'right_shoulder', SIDE_JOINTS[firstHip].hip, SIDE_JOINTS[firstHip === 'left' ? 'right' : 'left'].hip] });
