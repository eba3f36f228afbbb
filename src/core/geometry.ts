// Pure 2D geometry in image pixels (x right, y DOWN). Angles in degrees. No state, no clock.
// Everything that measures a body angle goes through here so the sign conventions live in one place.
import type { KeypointName, PoseFrame } from './pose-frame';

export interface Point { x: number; y: number }

const RAD_TO_DEG = 180 / Math.PI;

/** Keypoint in pixels; null when there is no person. Scores are not checked here (see rules/engine/visibility). */
export function px(frame: PoseFrame, name: KeypointName): Point | null {
  const k = frame.keypoints?.[name];
  return k ? { x: k.x * frame.imageWidthPx, y: k.y * frame.imageHeightPx } : null;
}

export const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
export const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/** Interior angle at `b` of the path a-b-c, 0..180 deg (180 = straight). NaN if a segment has zero length. */
export function jointAngleDeg(a: Point, b: Point, c: Point): number {
  const v1x = a.x - b.x, v1y = a.y - b.y, v2x = c.x - b.x, v2y = c.y - b.y;
  const n = Math.hypot(v1x, v1y) * Math.hypot(v2x, v2y);
  if (n === 0) return Number.NaN;
  const cos = Math.min(1, Math.max(-1, (v1x * v2x + v1y * v2y) / n));
  return Math.acos(cos) * RAD_TO_DEG;
}

/**
 * Frontal plane projection angle (FPPA) of one knee, deg: 180 - hip-knee-ankle angle, signed POSITIVE when the
 * knee lies medial to the hip-ankle line (valgus), negative when lateral (varus).
 * `medialX` is any x on the body's midline (e.g. the mid-hip x): medial means toward it.
 */
export function fppaDeg(hip: Point, knee: Point, ankle: Point, medialX: number): number {
  const hka = jointAngleDeg(hip, knee, ankle);
  if (Number.isNaN(hka)) return Number.NaN;
  // x of the hip-ankle line at the knee's height: is the knee toward the midline from that line?
  const t = ankle.y === hip.y ? 0.5 : (knee.y - hip.y) / (ankle.y - hip.y);
  const lineX = hip.x + t * (ankle.x - hip.x);
  const medialSign = Math.sign(medialX - lineX) || 1;
  const kneeSign = Math.sign(knee.x - lineX);
  return (180 - hka) * (kneeSign === 0 ? 0 : kneeSign === medialSign ? 1 : -1);
}

/**
 * Pelvic obliquity, deg: angle of the hip-to-hip line against horizontal, POSITIVE when the lifted (swing) side
 * hip is lower in the image than the stance side hip (the Trendelenburg sign).
 */
export function pelvicObliquityDeg(stanceHip: Point, liftedHip: Point): number {
  const dx = Math.abs(liftedHip.x - stanceHip.x);
  if (dx === 0 && liftedHip.y === stanceHip.y) return Number.NaN;
  return Math.atan2(liftedHip.y - stanceHip.y, dx) * RAD_TO_DEG;
}

/**
 * Trunk lean, deg: angle of the mid-hip -> mid-shoulder line against vertical, POSITIVE when the shoulders are
 * displaced toward `towardX` (e.g. the stance hip's x) relative to the hips. 0 = upright.
 */
export function trunkLeanDeg(midHip: Point, midShoulder: Point, towardX: number): number {
  const dx = midShoulder.x - midHip.x;
  const dy = midHip.y - midShoulder.y; // up is positive
  if (dx === 0 && dy === 0) return Number.NaN;
  const lean = Math.atan2(Math.abs(dx), dy) * RAD_TO_DEG;
  const toward = Math.sign(towardX - midHip.x) || 1;
  if (lean === 0) return 0;
  return Math.sign(dx) === toward ? lean : -lean;
}

/** Angle of segment a->b against horizontal, deg, in (-90, 90]; positive when b is lower than a (y down). */
export function inclineFromHorizontalDeg(a: Point, b: Point): number {
  let deg = Math.atan2(b.y - a.y, b.x - a.x) * RAD_TO_DEG;
  if (deg > 90) deg -= 180;
  if (deg <= -90) deg += 180;
  return deg;
}

/** Angle of segment a->b against vertical, deg, 0..90 regardless of direction. */
export function angleFromVerticalDeg(a: Point, b: Point): number {
  const dx = Math.abs(b.x - a.x), dy = Math.abs(b.y - a.y);
  if (dx === 0 && dy === 0) return Number.NaN;
  return Math.atan2(dx, dy) * RAD_TO_DEG;
}

/**
 * Scale-free separation ratio: horizontal distance between a pair (e.g. knees) over that of a reference pair
 * (e.g. ankles). < 1 means the first pair is narrower (knees inside the ankles = caving in). NaN if ref is 0.
 */
export function separationRatio(a1: Point, a2: Point, ref1: Point, ref2: Point): number {
  const ref = Math.abs(ref1.x - ref2.x);
  return ref === 0 ? Number.NaN : Math.abs(a1.x - a2.x) / ref;
}

/** Torso length (mid-shoulder to mid-hip, px): the body-size unit that makes distances camera-distance free. */
export function torsoLengthPx(ls: Point, rs: Point, lh: Point, rh: Point): number {
  return distance(midpoint(ls, rs), midpoint(lh, rh));
}

/**
 * Signed deviation of `mid` from the straight line a -> b, deg: 180 - the a-mid-b angle, POSITIVE when `mid` lies
 * below the line (larger image y: a hip sagging toward the floor), NEGATIVE above it (hips piked or pushed up).
 * Used for the side-plank body line (shoulder-hip-ankle) and the bridge hip line (shoulder-hip-knee).
 */
export function lineDeviationDeg(a: Point, mid: Point, b: Point): number {
  const angle = jointAngleDeg(a, mid, b);
  if (Number.isNaN(angle)) return Number.NaN;
  const dx = b.x - a.x;
  const lineY = dx === 0 ? (a.y + b.y) / 2 : a.y + ((mid.x - a.x) / dx) * (b.y - a.y);
  return (180 - angle) * (mid.y >= lineY ? 1 : -1);
}
