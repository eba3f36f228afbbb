// The body on one frame: keypoint names per side, legs and torso in px, body lengths for normalising (distances are
// divided by a length measured on the same frame, so camera distance and image resolution do not matter), the
// standing test and the hip height used for hip-drop depth, and which side a side-on camera sees.
import { distance, jointAngleDeg, midpoint, type Point } from '../../core/geometry';
import type { KeypointName, PoseFrame, Side } from '../../core/pose-frame';
import { visiblePx, type VisibilityOptions } from './visibility';

export interface SideJoints {
  shoulder: KeypointName; elbow: KeypointName; wrist: KeypointName;
  hip: KeypointName; knee: KeypointName; ankle: KeypointName;
}

/** Keypoint names per side, precomputed (no string building per frame). */
export const SIDE_JOINTS: Readonly<Record<Side, Readonly<SideJoints>>> = Object.freeze({
  left: Object.freeze({ shoulder: 'left_shoulder', elbow: 'left_elbow', wrist: 'left_wrist', hip: 'left_hip', knee: 'left_knee', ankle: 'left_ankle' }),
  right: Object.freeze({ shoulder: 'right_shoulder', elbow: 'right_elbow', wrist: 'right_wrist', hip: 'right_hip', knee: 'right_knee', ankle: 'right_ankle' }),
}) as Readonly<Record<Side, Readonly<SideJoints>>>;

/** Shoulders, hips, knees and ankles of both sides: what a standing front-view exercise needs. */
export const FULL_BODY: readonly KeypointName[] = Object.freeze([
  'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
] as KeypointName[]);

export interface LegPoints { hip: Point; knee: Point; ankle: Point }

/** One leg in px, or null if any of its joints is not visible. */
export function legPx(frame: PoseFrame, side: Side, opts: VisibilityOptions): LegPoints | null {
  const j = SIDE_JOINTS[side];
  const hip = visiblePx(frame, j.hip, opts);
  const knee = hip && visiblePx(frame, j.knee, opts);
  const ankle = knee && visiblePx(frame, j.ankle, opts);
  return hip && knee && ankle ? { hip, knee, ankle } : null;
}

export interface TorsoPoints { ls: Point; rs: Point; lh: Point; rh: Point; midShoulder: Point; midHip: Point; lengthPx: number }

/** Shoulders and hips in px plus the torso length, or null if any is not visible or the torso has no length. */
export function torsoPx(frame: PoseFrame, opts: VisibilityOptions): TorsoPoints | null {
  const ls = visiblePx(frame, 'left_shoulder', opts), rs = visiblePx(frame, 'right_shoulder', opts);
  const lh = visiblePx(frame, 'left_hip', opts), rh = visiblePx(frame, 'right_hip', opts);
  if (!ls || !rs || !lh || !rh) return null;
  const midShoulder = midpoint(ls, rs), midHip = midpoint(lh, rh);
  const lengthPx = distance(midShoulder, midHip);
  return lengthPx > 0 ? { ls, rs, lh, rh, midShoulder, midHip, lengthPx } : null;
}

/** Hip-knee + knee-ankle length, px (segment lengths, so a bent knee does not shorten it). */
export const legLengthPx = (leg: LegPoints): number => distance(leg.hip, leg.knee) + distance(leg.knee, leg.ankle);

/** Which side of the leg's hip-ankle line `p` is on (2D cross product: its sign), times the line's length. */
const acrossHipAnkle = ({ hip, ankle }: LegPoints, p: Point): number => (ankle.x - hip.x) * (p.y - hip.y) - (ankle.y - hip.y) * (p.x - hip.x);

/** The sign of the medial side of the hip-ankle line: the side the other hip is on. */
const medialSide = (leg: LegPoints, otherHip: Point): number => Math.sign(acrossHipAnkle(leg, otherHip)) || 1;

/**
 * FPPA of one knee (docs/biomechanics.md#knee-valgus-fppa) with the medial direction taken from the body: toward the
 * other hip, so a knee or ankle crossing the image midline (a transverse lunge, a crossover stance) still reads right.
 * 180 - hip-knee-ankle angle, + = knee medial to the hip-ankle line (valgus).
 */
export function fppaBodyDeg(leg: LegPoints, otherHip: Point): number {
  const hka = jointAngleDeg(leg.hip, leg.knee, leg.ankle);
  if (Number.isNaN(hka)) return Number.NaN;
  const kneeSide = Math.sign(acrossHipAnkle(leg, leg.knee));
  return kneeSide === 0 ? 0 : (180 - hka) * (kneeSide === medialSide(leg, otherHip) ? 1 : -1);
}

/**
 * Medial displacement of the knee from the hip-ankle line, as a fraction of `legLengthPx` (the person's standing leg
 * length): + = medial (toward the other hip), - = lateral (docs/biomechanics.md#knee-medial-displacement). A distance,
 * not an angle, so it keeps its meaning when the thigh points at the lens and 2D FPPA does not.
 */
export function kneeMedialFrac(leg: LegPoints, otherHip: Point, legLengthPx: number): number {
  const len = distance(leg.hip, leg.ankle);
  if (!(len > 0) || !(legLengthPx > 0)) return Number.NaN;
  return ((acrossHipAnkle(leg, leg.knee) / len) * medialSide(leg, otherHip)) / legLengthPx;
}

/** 1 - height / reference; NaN if the reference is not positive. */
export const dropFrac = (heightPx: number, refHeightPx: number): number =>
  refHeightPx > 0 ? 1 - heightPx / refHeightPx : Number.NaN;

export interface StandingThresholds { standingMinKneeAngleDeg: number }

/**
 * Upright on two legs: both 2D knee angles at least `standingMinKneeAngleDeg` (docs/biomechanics.md#squat-depth). No
 * body proportion: hip height over torso reads 1.1-1.8 on real standing adults (camera height, body shape), so
 * "standing tall" is judged against the person's own standing height, not here.
 */
export function kneesStraight(L: LegPoints, R: LegPoints, th: StandingThresholds): boolean {
  return jointAngleDeg(L.hip, L.knee, L.ankle) >= th.standingMinKneeAngleDeg
    && jointAngleDeg(R.hip, R.knee, R.ankle) >= th.standingMinKneeAngleDeg;
}

// ------------------------------------------------------------------ side view: the side the camera sees

export type SideJointName = 'shoulder' | 'hip' | 'knee' | 'ankle' | 'elbow' | 'wrist';

/**
 * In a side view one side is near the camera and the other hidden behind the body. The side whose `joints` are
 * all visible with the higher minimum score, or null if neither side is complete.
 */
export function nearSide(frame: PoseFrame, joints: readonly SideJointName[], vis: VisibilityOptions): Side | null {
  let best: Side | null = null, bestScore = -1;
  for (const side of ['left', 'right'] as const) {
    let min = Infinity;
    for (const j of joints) {
      const name = SIDE_JOINTS[side][j];
      if (!visiblePx(frame, name, vis)) { min = -1; break; }
      min = Math.min(min, frame.keypoints![name].score);
    }
    if (min > bestScore) { bestScore = min; best = min >= 0 ? side : best; }
  }
  return best;
}

/** Keypoint names of `joints` on `side`. */
export const sideNames = (side: Side, joints: readonly SideJointName[]): KeypointName[] => joints.map((j) => SIDE_JOINTS[side][j]);

// ------------------------------------------------------------------ a stacked left/right pair (body across the image)

/** Last seen left -> right offset of a pair (px) and when. */
export interface PairOffset { readonly dx: number; readonly dy: number; readonly atMs: number }

/**
 * Midpoint of a left/right pair that the camera sees stacked (e.g. the shoulders of a side plank facing the camera):
 * both visible -> their midpoint (and a fresh offset); one visible -> that point shifted by half the offset seen
 * within `memoryMs` (jumping from the midpoint to the remaining point would bend a body line by more than its
 * tolerance), else the single point; none -> null. The offset is body shape, not an angle.
 */
export function stackedPairPoint(
  frame: PoseFrame, l: KeypointName, r: KeypointName, last: PairOffset | null, timestampMs: number, memoryMs: number, vis: VisibilityOptions,
): { point: Point | null; offset: PairOffset | null } {
  const pl = visiblePx(frame, l, vis), pr = visiblePx(frame, r, vis);
  if (pl && pr) return { point: { x: (pl.x + pr.x) / 2, y: (pl.y + pr.y) / 2 }, offset: { dx: pr.x - pl.x, dy: pr.y - pl.y, atMs: timestampMs } };
  const fresh = last && timestampMs - last.atMs <= memoryMs ? last : null;
  if (pl) return { point: fresh ? { x: pl.x + fresh.dx / 2, y: pl.y + fresh.dy / 2 } : pl, offset: last };
  if (pr) return { point: fresh ? { x: pr.x - fresh.dx / 2, y: pr.y - fresh.dy / 2 } : pr, offset: last };
  return { point: null, offset: last };
}
