// Side-lying hip abduction and the clamshell: what both see of a body lying on its side, camera facing its front (or
// back). The body lies across the image and the pelvis' left-right axis points up at the ceiling: the top hip is
// ABOVE the bottom hip by the hip-joint separation (~0.35 torso lengths). The trunk frame (lying.ts) runs from the
// mid-shoulder to the mid-hip: the midline, not the top side's shoulder-hip line (shoulders are wider than hips, so
// the one-sided line is tilted ~10 deg to the body); both shoulders are therefore required.
// Pelvis rolling back is hard for a front camera (docs/biomechanics.md#lying-exercises): on the real side-lying clip
// MoveNet's across-body hip separation varied 0-2.4x its start value with the pelvis visibly stacked (its hip point
// follows the thigh), so PELVIS_ROLL from the hip line is OFF by default (`pelvisRollCheck`; Thunder is steadier but
// a raised leg still widens the line by ~15-30 %). What the camera does see is where the leg goes (LEG_OUT_OF_PLANE).
import { z } from 'zod';
import { midpoint, type Point } from '../../core/geometry';
import { otherSide, type KeypointName, type Side } from '../../core/pose-frame';
import { calibrated, EMPTY_CALIBRATION, stepCalibration } from '../engine/baseline';
import { SIDE_JOINTS, type SideJoints } from '../engine/body';
import type { FaultCheck } from '../engine/persistence';
import { stepSideVote } from '../engine/side-vote';
import type { MeasureOut } from '../engine/rep-exercise';
import type { Stat } from '../engine/stats';
import { acrossBody, lyingFrame, trunkFromHorizontalDeg, type BodyFrame } from './lying';

const DOC = 'docs/biomechanics.md#lying-exercises';

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
    .describe(`Judge PELVIS_ROLL from the hip line shortening. Off by default (${DOC}): on the real side-lying clip MoveNet's hip separation varied 0-2.4x with the pelvis stacked.`),
  pelvisRollFaultRatio: z.number().min(0.3).max(1).default(0.8)
    .describe(`PELVIS_ROLL when the hip separation across the body falls to this fraction of its start-position value (cos of the roll: 0.80 ~ 37 deg). Ours (${DOC}): a 20 deg roll (0.94) is within MoveNet hip noise.`),
  pelvisRollClearRatio: z.number().min(0.3).max(1).default(0.88)
    .describe(`PELVIS_ROLL clears above this fraction. Ours (${DOC}): hysteresis band 0.80-0.88.`),
  maxTrunkFromHorizontalDeg: z.number().min(0).max(90).default(45)
    .describe(`The trunk must lie within this angle of horizontal, or the person is not side-lying and nothing is measured. Ours (${DOC}): half-way between lying and sitting up.`),
  sideMismatchTorso: z.number().min(0).max(1).default(0.08)
    .describe(`SIDE_MISMATCH (info) when the picked working hip is LOWER than the other hip by this many torso lengths: the user lies on the wrong side (or the model swapped left/right). Ours (${DOC}): ~1/4 of the hip separation.`),
};
export interface SideLyingConfig {
  side: Side; pelvisRollCheck: boolean; pelvisRollFaultRatio: number; pelvisRollClearRatio: number; maxTrunkFromHorizontalDeg: number; sideMismatchTorso: number;
}

export interface SideLyingAux {
  /** Hip separation across the body (torso lengths) in the start position during setup (engine/baseline.ts). */
  hipSepBaseline: Stat;
  /**
   * Which way the picked top hip usually sits across the body (+ above the other, - below: the wrong side picked),
   * a vote over the frames with a clear hip separation (engine/side-vote.ts).
   */
  topVote: number;
}
export const INITIAL_SIDE_LYING_AUX: SideLyingAux = Object.freeze({ hipSepBaseline: EMPTY_CALIBRATION, topVote: 0 });

/** The lying body on this frame, or null when the trunk is not within maxTrunkFromHorizontalDeg of horizontal. */
export interface SideLyingBody { top: SideJoints; bottom: SideJoints; hip: Point; otherHip: Point; f: BodyFrame; hipSep: number; topVote: number }

/**
 * `topVote` (SideLyingAux): MoveNet swaps left and right on a lying body for 1-5 frames; such a frame shows the top
 * hip clearly below the other against the usual order, and is read with the sides exchanged (null when the joints
 * that then play the top leg's part are not visible: an unknown frame, bridged).
 */
export function sideLyingBody(pt: (name: KeypointName) => Point | null, c: SideLyingConfig, topVote = 0, distal?: 'knee' | 'ankle'): SideLyingBody | null {
  const picked = SIDE_JOINTS[c.side], other = SIDE_JOINTS[otherSide(c.side)];
  const hipP = pt(picked.hip)!, hipO = pt(other.hip)!;
  const f = lyingFrame(midpoint(pt(picked.shoulder)!, pt(other.shoulder)!), midpoint(hipP, hipO));
  if (!f || trunkFromHorizontalDeg(f) > c.maxTrunkFromHorizontalDeg) return null;
  const sep = acrossBody(f, hipP, hipO);
  const clear = Math.abs(sep) >= c.sideMismatchTorso;
  const vote = clear ? stepSideVote(topVote, sep) : topVote;
  const swapped = clear && topVote !== 0 && Math.sign(sep) !== Math.sign(topVote);
  const top = swapped ? other : picked, bottom = swapped ? picked : other;
  if (swapped && distal && !pt(top[distal])) return null;
  const hip = swapped ? hipO : hipP, otherHip = swapped ? hipP : hipO;
  return { top, bottom, hip, otherHip, f, hipSep: swapped ? -sep : sep, topVote: vote };
}

/**
 * The pelvis checks both exercises share: SIDE_MISMATCH (info) and, if switched on, PELVIS_ROLL against the hip
 * separation learned in the start position during setup (`inStartSetup`).
 */
export function sideLyingPelvis(b: SideLyingBody, aux: SideLyingAux, c: SideLyingConfig, inStartSetup: boolean): {
  hipSepBaseline: Stat; faults: FaultCheck[]; measures: MeasureOut[]; samples: Record<string, number>;
} {
  const hipSepBaseline = stepCalibration(aux.hipSepBaseline, b.hipSep, inStartSetup && b.hipSep > 0);
  const joints = [b.top.hip, b.bottom.hip];
  const faults: FaultCheck[] = [{ code: 'SIDE_MISMATCH', side: c.side, severity: 'info', value: b.hipSep, faultAt: -c.sideMismatchTorso, clearAt: c.sideMismatchTorso, joints }];
  if (!c.pelvisRollCheck) return { hipSepBaseline, faults, measures: [], samples: {} };
  // Current hip separation over the start value (1 = as in the start position, smaller = pelvis rolled).
  const base = calibrated(hipSepBaseline);
  const roll = base > 0 ? b.hipSep / base : Number.NaN;
  faults.push({ code: 'PELVIS_ROLL', side: c.side, severity: 'warning', value: roll, faultAt: c.pelvisRollFaultRatio, clearAt: c.pelvisRollClearRatio, joints });
  return { hipSepBaseline, faults, measures: [{ code: 'PELVIS_ROLL_RATIO', side: c.side, value: roll, unit: 'ratio' }], samples: { roll } };
}
