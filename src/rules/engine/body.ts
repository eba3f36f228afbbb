// Left/right handling and body-size normalisation shared by the exercise rules.
// Distances are divided by a body length measured on the same frame (torso or leg length, px) so that camera
// distance and image resolution do not matter.
import { distance, midpoint, type Point } from '../../core/geometry';
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

/** Both legs' keypoint names (hip, knee, ankle x2). */
export const LEG_KEYPOINTS: readonly KeypointName[] = Object.freeze([
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
] as KeypointName[]);
export const TORSO_KEYPOINTS: readonly KeypointName[] = Object.freeze([
  'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip',
] as KeypointName[]);

/** Required keypoints for one side's leg (+ optional extras), deduplicated, in a stable order. */
export function legKeypoints(side: Side): KeypointName[] {
  const j = SIDE_JOINTS[side];
  return [j.hip, j.knee, j.ankle];
}

export const SIDES_LR: readonly Side[] = Object.freeze(['left', 'right'] as Side[]);

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

/** A length in body units (e.g. torso lengths). NaN if the scale is not positive. */
export const normalised = (lengthPx: number, scalePx: number): number => (scalePx > 0 ? lengthPx / scalePx : Number.NaN);

/** Per-side record built by calling `fn` for left then right. */
export function perSide<T>(fn: (side: Side) => T): Record<Side, T> {
  return { left: fn('left'), right: fn('right') };
}

/**
 * Stillness detector for setup ("stable start posture"): an anchor point that resets whenever the point moves more
 * than `tolerance` from it (per axis). Pass positions in px and a tolerance in px scaled by a body length on the
 * same frame (e.g. 0.08 x torso px); do NOT divide absolute positions by the body length (a 1% change of the
 * torso would then move x/torso by several percent of a torso and the person would never look still).
 */
export interface StillnessState { anchorX: number; anchorY: number; sinceMs: number | null }
export const INITIAL_STILLNESS: StillnessState = Object.freeze({ anchorX: Number.NaN, anchorY: Number.NaN, sinceMs: null }) as StillnessState;

export function stepStillness(s: StillnessState, x: number, y: number, tolerance: number, timestampMs: number): StillnessState {
  if (Number.isNaN(x) || Number.isNaN(y)) return INITIAL_STILLNESS;
  if (s.sinceMs !== null && Math.abs(x - s.anchorX) <= tolerance && Math.abs(y - s.anchorY) <= tolerance) return s;
  return { anchorX: x, anchorY: y, sinceMs: timestampMs };
}
export const stillForMs = (s: StillnessState, timestampMs: number): number => (s.sinceMs === null ? 0 : timestampMs - s.sinceMs);

/**
 * Height of the mid-hip above the lower ankle, px (image y down, so "lower" = larger y). Used as squat/lunge depth:
 * depth fraction = 1 - height / standing height. 0 = standing, ~0.35 = thighs about parallel (two-segment leg).
 */
export function hipHeightAboveAnklePx(midHip: Point, leftAnkle: Point, rightAnkle: Point): number {
  return Math.max(leftAnkle.y, rightAnkle.y) - midHip.y;
}

/** 1 - height / reference; NaN if the reference is not positive. */
export const dropFrac = (heightPx: number, refHeightPx: number): number =>
  refHeightPx > 0 ? 1 - heightPx / refHeightPx : Number.NaN;

/**
 * Standing reference for hip-drop depth: follows the person while they set up (only while `standing`), then keeps
 * the highest hip seen at the top between reps; frozen during a rep.
 * `phase` is the rep counter's phase BEFORE this frame's step.
 */
export function nextStandingRef(phase: 'setup' | 'start' | 'moving' | 'target', standing: boolean, ref: number, heightNow: number): number {
  if (phase === 'setup') return standing ? heightNow : Number.NaN;
  if (phase === 'start') return Number.isNaN(ref) ? heightNow : Math.max(ref, heightNow);
  return ref;
}
