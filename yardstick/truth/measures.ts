// Truth measures on the 3D JOINT CENTRES of the scripted body: never on keypoints, never on the picture, and
// never with the checkers' 2D geometry (src/core/geometry) or their thresholds. The clinical definition of each
// fault, its cut-offs and why are in yardstick/README.md ("Truth").
import type { Side } from '../../src/core/pose-frame';
import type { Body3D } from '../body/skeleton';
import { add, cross, DEG, dot, norm, scale, sub, unit, v3, type Vec3 } from '../body/vec';

const UP = v3(0, 1, 0);
const mid = (a: Vec3, b: Vec3) => scale(add(a, b), 0.5);
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');
const clampAsin = (x: number) => Math.asin(Math.max(-1, Math.min(1, x))) / DEG;

/** Horizontal unit vector toward the person's LEFT along the hip line, and the horizontal forward of the pelvis. */
export function uprightAxes(b: Body3D): { lateral: Vec3; forward: Vec3 } {
  const d = sub(b.left_hip, b.right_hip);
  const lateral = unit(v3(d.x, 0, d.z));
  return { lateral, forward: cross(lateral, UP) };
}

/** Body axes of any posture (lying too): lateral along the hip line, longitudinal hip -> shoulder, forward. */
export function bodyAxes(b: Body3D): { lateral: Vec3; longitudinal: Vec3; forward: Vec3 } {
  const lateral = unit(sub(b.left_hip, b.right_hip));
  const l0 = sub(mid(b.left_shoulder, b.right_shoulder), mid(b.left_hip, b.right_hip));
  const longitudinal = unit(sub(l0, scale(lateral, dot(l0, lateral))));
  return { lateral, longitudinal, forward: cross(lateral, longitudinal) };
}

/**
 * Pelvic obliquity, deg: the hip-joint-centre line against the horizontal, POSITIVE when the `stance` leg's
 * opposite (lifted) side is lower. A person's own level two-leg stance is subtracted by the caller.
 */
export function pelvicObliquityDeg(b: Body3D, stance: Side): number {
  const s = b[`${stance}_hip`], o = b[`${other(stance)}_hip`];
  return clampAsin((s.y - o.y) / norm(sub(s, o)));
}

/**
 * Lateral trunk inclination, deg: the mid-hip -> mid-shoulder line against the vertical, in the body's frontal
 * plane (the forward component removed), POSITIVE toward the `toward` side.
 */
export function trunkLateralDeg(b: Body3D, toward: Side): number {
  const { lateral, forward } = uprightAxes(b);
  const v = sub(mid(b.left_shoulder, b.right_shoulder), mid(b.left_hip, b.right_hip));
  const inPlane = sub(v, scale(forward, dot(v, forward)));
  const dir = toward === 'left' ? lateral : scale(lateral, -1);
  return Math.atan2(dot(inPlane, dir), dot(inPlane, UP)) / DEG;
}

/**
 * Medial knee displacement, % of the leg length (thigh + shank): the knee's distance from the hip-ankle line in
 * the body's frontal plane (the `forward` component removed), POSITIVE when the knee is MEDIAL of the line
 * (toward the other leg): dynamic knee valgus. Negative = the knee outside the line (over the toes of a turned-out
 * foot, or bowed).
 */
export function kneeMedialPct(b: Body3D, side: Side, axes: { lateral: Vec3; forward: Vec3 } = uprightAxes(b)): number {
  const flat = (p: Vec3) => sub(p, scale(axes.forward, dot(p, axes.forward)));
  const hip = flat(b[`${side}_hip`]), knee = flat(b[`${side}_knee`]), ankle = flat(b[`${side}_ankle`]);
  const axis = unit(sub(ankle, hip));
  const rel = sub(knee, hip);
  const off = sub(rel, scale(axis, dot(rel, axis)));
  const medial = side === 'left' ? scale(axes.lateral, -1) : axes.lateral;
  const leg = norm(sub(b[`${side}_knee`], b[`${side}_hip`])) + norm(sub(b[`${side}_ankle`], b[`${side}_knee`]));
  return (100 * dot(off, medial)) / leg;
}

/** Knee flexion, deg (0 = straight): 180 minus the 3D hip-knee-ankle angle. */
export function kneeFlexDeg(b: Body3D, side: Side): number {
  return 180 - angleDeg(b[`${side}_hip`], b[`${side}_knee`], b[`${side}_ankle`]);
}

/** 3D angle at `at` between the segments to `a` and `c`, deg. */
export function angleDeg(a: Vec3, at: Vec3, c: Vec3): number {
  const u = unit(sub(a, at)), w = unit(sub(c, at));
  return Math.acos(Math.max(-1, Math.min(1, dot(u, w)))) / DEG;
}

/**
 * Body line deviation of a plank, deg: 180 minus the 3D shoulder-hip-ankle angle (pair midpoints), POSITIVE when the
 * mid-hip lies BELOW the shoulder-ankle line (toward the floor: hip sag), negative above it (pike).
 */
export function plankDeviationDeg(b: Body3D, support: Side): number {
  // The ankle end of the line: the supporting ankle moved half the hip width toward the top side (where the
  // ankles' midpoint is when they are stacked), so a raised top leg does not move the line.
  const top = other(support);
  const s = mid(b.left_shoulder, b.right_shoulder), h = mid(b.left_hip, b.right_hip);
  const a = add(b[`${support}_ankle`], scale(sub(b[`${top}_hip`], b[`${support}_hip`]), 0.5));
  const dev = 180 - angleDeg(s, h, a);
  const t = dot(sub(h, s), sub(a, s)) / dot(sub(a, s), sub(a, s));
  const onLine = add(s, scale(sub(a, s), t));
  return h.y <= onLine.y ? dev : -dev;
}

/** Mid-hip height above the floor, m. */
export const hipHeightM = (b: Body3D) => mid(b.left_hip, b.right_hip).y;

/** Angle between the limb hip -> `end` and the trunk line continued below the hip, deg, in the body's frontal plane. */
export function legAbductionDeg(b: Body3D, side: Side, end: 'knee' | 'ankle' = 'ankle'): number {
  const ax = bodyAxes(b);
  const v = sub(b[`${side}_${end}`], b[`${side}_hip`]);
  const inPlane = sub(v, scale(ax.forward, dot(v, ax.forward)));
  const out = side === 'left' ? ax.lateral : scale(ax.lateral, -1);
  return Math.atan2(dot(inPlane, out), -dot(inPlane, ax.longitudinal)) / DEG;
}

/** Trunk flexion from the vertical, deg (mid-hip -> mid-shoulder against world up). */
export function trunkFromVerticalDeg(b: Body3D): number {
  const v = sub(mid(b.left_shoulder, b.right_shoulder), mid(b.left_hip, b.right_hip));
  return angleDeg(add(mid(b.left_hip, b.right_hip), UP), mid(b.left_hip, b.right_hip), add(mid(b.left_hip, b.right_hip), v));
}
