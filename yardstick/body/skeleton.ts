// A 3D skeleton: joint centres by forward kinematics from a person's segment lengths (anthropometry.ts) and scripted
// joint angles. World frame of a standing person (vec.ts): X = the person's LEFT, Y = UP, Z = FORWARD, metres,
// floor at Y = 0. Lying bodies are built standing and turned as a whole (transformBody).
//
// Legs come two ways:
// - planted: the ankle is placed (feet stay on the floor, the pelvis is scripted) and the knee found by two-link
//   inverse kinematics in the plane that holds `kneeDir`; then the knee swivels about the hip-ankle axis by
//   `swivelDeg` (positive = the knee moves MEDIALLY: the knee collapse of a femur that adducts and rotates inward).
//   Segment lengths are kept exactly.
// - free (a lifted leg): hip flexion / abduction and knee flexion give the ankle by forward kinematics
//   (freeLeg()), and the same IK reproduces the knee.
// These are JOINT CENTRES. Where a pose detector puts its keypoints (hips wider and higher, shoulders on the
// outline) is the detector model's business (detector-noise/placement.ts).
import type { KeypointName } from '../../src/core/pose-frame';
import type { Anthropometry } from './anthropometry';
import { add, cross, DEG, kneeIK, rotate, scale, sub, unit, v3, type Vec3 } from './vec';

export type Body3D = Record<KeypointName, Vec3>;

/** How the arms are held. Overhead = both arms straight up (the overhead squat). */
export type ArmPose = 'sides' | 'crossed' | 'hips' | 'overhead' | 'forward' | 'floor-support';
export const ARM_POSES: readonly ArmPose[] = ['sides', 'crossed', 'hips', 'overhead'];

/** Pose of a body built upright (all angles in degrees). */
export interface BodyPose {
  /** Mid-hip joint centre (m, world). */
  pelvis: Vec3;
  /** Pelvic obliquity: roll about the forward axis, deg; positive = the person's LEFT hip LOWER. */
  pelvisRollDeg: number;
  /** Rotation of pelvis and trunk about the vertical axis, deg; positive turns the front toward the person's left. */
  yawDeg: number;
  /** Trunk lateral inclination (about the forward axis), deg; positive = shoulders move toward the person's LEFT. */
  trunkLeanLeftDeg: number;
  /** Trunk forward flexion, deg (0 = upright). */
  trunkFlexDeg: number;
  leftAnkle: Vec3; rightAnkle: Vec3;
  /** Direction each knee points before the swivel (forward, turned out with the toes, or the free leg's own plane). */
  leftKneeDir: Vec3; rightKneeDir: Vec3;
  /** Knee swivel about the hip-ankle axis, deg; positive = knee MEDIAL (valgus collapse). */
  leftValgusDeg: number; rightValgusDeg: number;
  arms: ArmPose;
  /** Extra shoulder flexion on top of the arm pose (deg), e.g. arms raised forward for balance in a squat. */
  armFlexDeg: number;
}

export const neutralPose = (A: Anthropometry): BodyPose => ({
  pelvis: v3(0, A.ankleHeightM + standingHipAboveAnkle(A, A.hipHalfM * 0.1), 0),
  pelvisRollDeg: 0, yawDeg: 0, trunkLeanLeftDeg: 0, trunkFlexDeg: 0,
  leftAnkle: v3(A.hipHalfM * 1.1, A.ankleHeightM, 0), rightAnkle: v3(-A.hipHalfM * 1.1, A.ankleHeightM, 0),
  leftKneeDir: v3(0, 0, 1), rightKneeDir: v3(0, 0, 1),
  leftValgusDeg: 0, rightValgusDeg: 0, arms: 'sides', armFlexDeg: 0,
});

/** Hip joint centre height above the ankle for a leg just short of straight (knee flexed ~5 deg) with the ankle `dx` out. */
export function standingHipAboveAnkle(A: Anthropometry, dxM: number): number {
  const leg = A.thighM + A.shankM;
  return Math.sqrt(Math.max(0, (0.999 * leg) ** 2 - dxM * dxM));
}

const UP = v3(0, 1, 0);

/** Pelvis axes for a pose: lateral (toward the person's left, with roll) and forward (with yaw). */
export function pelvisAxes(p: Pick<BodyPose, 'yawDeg' | 'pelvisRollDeg'>): { lateral: Vec3; forward: Vec3 } {
  const yaw = p.yawDeg * DEG;
  const lateral0 = rotate(v3(1, 0, 0), UP, yaw);
  const forward = rotate(v3(0, 0, 1), UP, yaw);
  return { lateral: rotate(lateral0, forward, -p.pelvisRollDeg * DEG), forward };
}

/** Hip joint centres of a pose (no legs needed). */
export function hipCentres(A: Anthropometry, p: Pick<BodyPose, 'pelvis' | 'yawDeg' | 'pelvisRollDeg'>): { left: Vec3; right: Vec3 } {
  const { lateral } = pelvisAxes(p);
  return { left: add(p.pelvis, scale(lateral, A.hipHalfM)), right: add(p.pelvis, scale(lateral, -A.hipHalfM)) };
}

/**
 * A free (lifted) leg by forward kinematics from its hip: hip flexion (thigh forward), abduction (out to the side),
 * knee flexion (shank back). Returns the ankle and the knee's bend direction, for BodyPose. `yawDeg` turns it with
 * the pelvis.
 */
export function freeLeg(A: Anthropometry, hip: Vec3, side: 'left' | 'right', o: { flexDeg: number; abdDeg: number; kneeFlexDeg: number; yawDeg?: number }): { ankle: Vec3; kneeDir: Vec3; knee: Vec3 } {
  const out = side === 'left' ? 1 : -1;
  const yaw = (o.yawDeg ?? 0) * DEG;
  // Flexion: rotating "down" about +X by a negative angle swings it forward (+Z); abduction: about +Z toward +/-X.
  let thigh = rotate(v3(0, -1, 0), v3(1, 0, 0), -o.flexDeg * DEG);
  let lat = v3(1, 0, 0);
  thigh = rotate(thigh, v3(0, 0, 1), out * o.abdDeg * DEG);
  lat = rotate(lat, v3(0, 0, 1), out * o.abdDeg * DEG);
  // Knee flexion swings the shank backward about the leg's lateral axis.
  const shank = rotate(thigh, lat, o.kneeFlexDeg * DEG);
  const thighW = rotate(thigh, UP, yaw), shankW = rotate(shank, UP, yaw);
  const knee = add(hip, scale(thighW, A.thighM));
  const ankle = add(knee, scale(shankW, A.shankM));
  // The knee points along the thigh's "forward" side: away from the shank in the leg plane.
  const kneeDir = unit(sub(thighW, shankW));
  return { ankle, kneeDir: o.kneeFlexDeg < 1 ? rotate(v3(0, 0, 1), UP, yaw) : kneeDir, knee };
}

/** Forward kinematics of a BodyPose -> the 17 keypoint joint centres in world coordinates. */
export function buildBody(A: Anthropometry, p: BodyPose): Body3D {
  const yaw = p.yawDeg * DEG;
  const lateral0 = rotate(v3(1, 0, 0), UP, yaw);
  const forward0 = rotate(v3(0, 0, 1), UP, yaw);
  const hips = hipCentres(A, p);
  // Trunk: flex forward about the lateral axis, then lean sideways about the forward axis.
  let trunkDir = rotate(UP, lateral0, p.trunkFlexDeg * DEG);
  trunkDir = rotate(trunkDir, forward0, -p.trunkLeanLeftDeg * DEG);
  const trunkFwd = unit(cross(lateral0, trunkDir));
  const trunkLat = unit(cross(trunkDir, trunkFwd));
  const midShoulder = add(p.pelvis, scale(trunkDir, A.trunkM));
  const leftShoulder = add(midShoulder, scale(trunkLat, A.shoulderHalfM));
  const rightShoulder = add(midShoulder, scale(trunkLat, -A.shoulderHalfM));
  const H = A.statureM;
  const nose = add(add(midShoulder, scale(trunkDir, A.neckM)), scale(trunkFwd, 0.05 * H));
  const eyeBase = add(nose, add(scale(trunkDir, 0.02 * H), scale(trunkFwd, -0.012 * H)));
  const earBase = add(nose, add(scale(trunkDir, 0.012 * H), scale(trunkFwd, -0.055 * H)));
  const arm = (sh: Vec3, out: number) => armJoints(A, sh, out, p, { trunkDir, trunkFwd, trunkLat }, hips);
  const la = arm(leftShoulder, 1), ra = arm(rightShoulder, -1);
  const leg = (hip: Vec3, ankle: Vec3, dir: Vec3, valgusDeg: number, medial: Vec3) => {
    const knee0 = kneeIK(hip, ankle, A.thighM, A.shankM, dir);
    const axis = unit(sub(ankle, hip));
    // Pick the rotation sense that moves the knee toward the midline (medial = toward the other hip).
    const probe = rotate(sub(knee0, hip), axis, 1 * DEG);
    const sign = Math.sign((probe.x - (knee0.x - hip.x)) * medial.x + (probe.z - (knee0.z - hip.z)) * medial.z + (probe.y - (knee0.y - hip.y)) * medial.y) || 1;
    return add(hip, rotate(sub(knee0, hip), axis, sign * valgusDeg * DEG));
  };
  const leftKnee = leg(hips.left, p.leftAnkle, p.leftKneeDir, p.leftValgusDeg, scale(lateral0, -1));
  const rightKnee = leg(hips.right, p.rightAnkle, p.rightKneeDir, p.rightValgusDeg, lateral0);
  return {
    nose,
    left_eye: add(eyeBase, scale(trunkLat, 0.019 * H)),
    right_eye: add(eyeBase, scale(trunkLat, -0.019 * H)),
    left_ear: add(earBase, scale(trunkLat, 0.045 * H)),
    right_ear: add(earBase, scale(trunkLat, -0.045 * H)),
    left_shoulder: leftShoulder, right_shoulder: rightShoulder,
    left_elbow: la.elbow, right_elbow: ra.elbow, left_wrist: la.wrist, right_wrist: ra.wrist,
    left_hip: hips.left, right_hip: hips.right,
    left_knee: leftKnee, right_knee: rightKnee,
    left_ankle: p.leftAnkle, right_ankle: p.rightAnkle,
  };
}

function armJoints(
  A: Anthropometry, sh: Vec3, out: number, p: BodyPose, t: { trunkDir: Vec3; trunkFwd: Vec3; trunkLat: Vec3 }, hips: { left: Vec3; right: Vec3 },
): { elbow: Vec3; wrist: Vec3 } {
  const down = scale(t.trunkDir, -1);
  const lat = scale(t.trunkLat, out);
  const flex = (v: Vec3, deg: number) => rotate(v, t.trunkLat, -deg * DEG);
  const two = (upper: Vec3, fore: Vec3) => {
    const elbow = add(sh, scale(unit(upper), A.upperArmM));
    return { elbow, wrist: add(elbow, scale(unit(fore), A.forearmM)) };
  };
  switch (p.arms) {
    case 'overhead': {
      // Straight up, a little wide (hands over the shoulders or slightly outside).
      const up = unit(add(scale(t.trunkDir, 1), scale(lat, 0.12)));
      return two(up, up);
    }
    case 'crossed': {
      // Arms crossed over the chest: upper arm forward-down, forearm across to the other shoulder.
      const upper = unit(add(scale(down, 0.55), scale(t.trunkFwd, 0.8)));
      const fore = unit(add(scale(lat, -1), scale(t.trunkDir, 0.35)));
      return two(upper, fore);
    }
    case 'hips': {
      // Hands on the hips: elbow out and back, wrist at the hip's side.
      const hip = out > 0 ? hips.left : hips.right;
      const elbow = add(sh, scale(unit(add(add(scale(down, 0.75), scale(lat, 0.6)), scale(t.trunkFwd, -0.2))), A.upperArmM));
      const target = add(hip, add(scale(lat, 0.06), scale(t.trunkDir, 0.06)));
      return { elbow, wrist: add(elbow, scale(unit(sub(target, elbow)), A.forearmM)) };
    }
    case 'forward': {
      const upper = flex(down, 85 + p.armFlexDeg);
      return two(upper, upper);
    }
    case 'floor-support': {
      // Forearm plank / prone: upper arm along the trunk axis toward the head side, forearm forward.
      const upper = flex(down, 90 + p.armFlexDeg);
      return two(upper, flex(upper, 90));
    }
    case 'sides':
    default: {
      const upper = unit(add(flex(down, p.armFlexDeg), scale(lat, 0.08)));
      return two(upper, flex(upper, 12));
    }
  }
}

/** Rigid transform of every keypoint: rotation about `axis` through `pivot`, then a translation. */
export function transformBody(b: Body3D, pivot: Vec3, axis: Vec3, angleDeg: number, translate: Vec3 = v3(0, 0, 0)): Body3D {
  const out = {} as Body3D;
  const k = unit(axis);
  for (const [name, q] of Object.entries(b) as [KeypointName, Vec3][]) {
    out[name] = add(add(pivot, rotate(sub(q, pivot), k, angleDeg * DEG)), translate);
  }
  return out;
}
