// Geometry of a body lying across the image (side-lying, prone): a frame of reference on the trunk, so limb angles
// and separations are measured against the body, not the image. docs/biomechanics.md#lying-exercises.
//   u = unit vector along the trunk, shoulder(s) -> hip(s) (toward the feet);
//   n = unit normal of u pointing up in the image (toward the ceiling).
import { distance, type Point } from '../../core/geometry';

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

/** Trunk frame from the (mid-)shoulder and (mid-)hip points; null if they coincide. */
export function lyingFrame(midShoulder: Point, midHip: Point): BodyFrame | null {
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
 * A limb against the trunk, deg: angle of hip -> distal (knee or ankle) against the trunk axis continued past the
 * hips; 0 = limb in line with the trunk, POSITIVE toward the ceiling (+n): leg abduction lying on the side, hip
 * extension or leg elevation lying face down.
 */
export function limbFromTrunkDeg(f: BodyFrame, hip: Point, distal: Point): number {
  const v = sub(distal, hip);
  if (v.x === 0 && v.y === 0) return Number.NaN;
  return Math.atan2(dot(v, f.n), dot(v, f.u)) * DEG;
}

/** Separation of two points across the body (projection on n), in torso lengths; positive when `top` is higher. */
export function acrossBody(f: BodyFrame, top: Point, bottom: Point): number {
  return dot(sub(top, bottom), f.n) / f.torsoLengthPx;
}
