// The faults the yardstick scripts, defined in 3D, with their cut-offs and sources. The checker's cue codes that
// count as flagging each are listed with it. Why each cut-off: yardstick/README.md ("Truth").
import type { Side } from '../../src/core/pose-frame';
import type { Body3D } from '../body/skeleton';
import { add, dot, scale, sub, v3, type Vec3 } from '../body/vec';
import type { FaultDef } from '../scenarios/types';
import { uprightAxes } from './measures';

export const KNEE_VALGUS = 'knee-valgus';

export const kneeValgusFault = (side: Side | 'front'): FaultDef => ({
  id: `${KNEE_VALGUS}-${side}`,
  side: side === 'front' ? 'rep' : side,
  definition: `medial displacement of the ${side === 'front' ? 'front' : side} knee from the hip-ankle line in the body's frontal plane at its peak in the rep, % of leg length (+ = medial)`,
  unit: '% leg',
  cleanMax: 2, faultFrom: 6, altCutoffs: [4, 8],
  source: 'no published 3D cut-off; 6 % of the leg (~5 cm) is what 2D FPPA 17 deg (patellofemoral pain mean, NOTES) is at 60 deg knee flexion, 2 % ~ FPPA 6-7 deg (below the healthy mean 8.4 deg)',
  cueCodes: ['KNEE_VALGUS'], sided: true,
});

/** Either knee caving: the larger of the two knees' medial displacement; any knee-caving cue counts. */
export const kneesCavingFault = (cueCodes: string[]): FaultDef => ({
  ...kneeValgusFault('left'), id: KNEE_VALGUS, side: 'both',
  definition: 'the larger medial knee displacement of the two knees (frontal plane, % of leg length, + = medial), peak in the rep',
  cueCodes, sided: false,
});

export const pelvicDropFault = (cueCodes = ['PELVIC_DROP']): FaultDef => ({
  id: 'pelvic-drop', side: 'rep',
  definition: '3D pelvic obliquity (hip joint centre line vs horizontal, + = lifted side lower) relative to the person\'s level two-leg stance, peak over the stance',
  unit: 'deg', cleanMax: 2, faultFrom: 5, altCutoffs: [4, 7],
  source: 'no validated cut-off (NOTES); 5 deg is beyond the ~3 deg 2D measurement error and the 0-4 deg a healthy stance shows; 2 deg = level within noise',
  cueCodes, sided: true,
});

export const trunkLeanFault = (cueCodes = ['TRUNK_LEAN']): FaultDef => ({
  id: 'trunk-lean', side: 'rep',
  definition: '3D lateral trunk inclination (mid-hip -> mid-shoulder vs vertical in the frontal plane, + = toward the stance side) relative to the person\'s two-leg stance, peak',
  unit: 'deg', cleanMax: 5, faultFrom: 10, altCutoffs: [8, 12],
  source: 'no published number; 10 deg = the checkers\' documented default; 5 deg = a visible but normal weight shift',
  cueCodes, sided: true,
});

export const hipSagFault: FaultDef = {
  id: 'hip-sag', side: 'rep',
  definition: '180 - 3D shoulder-hip-ankle angle (pair midpoints), + = hip below the shoulder-ankle line, peak over a sag episode while the plank is held',
  unit: 'deg', cleanMax: 5, faultFrom: 10, altCutoffs: [8, 12],
  source: 'NOTES: common app tolerance |180 - angle| < 10 deg; 5 deg = straight within noise',
  cueCodes: ['HIP_SAG'], sided: false,
};

export const hipPikeFault: FaultDef = {
  ...hipSagFault, id: 'hip-pike',
  definition: '180 - 3D shoulder-hip-ankle angle, hip ABOVE the shoulder-ankle line (pike), peak over an episode, deg',
  cueCodes: ['HIP_PIKE'],
};

/** Hip drop: 1 - mid-hip height above the ankles / the same in the start posture (3D). */
export function hipDropFrac(b: Body3D, start: Body3D): number {
  const h = (x: Body3D) => (x.left_hip.y + x.right_hip.y) / 2 - Math.min(x.left_ankle.y, x.right_ankle.y);
  return 1 - h(b) / h(start);
}

/**
 * The FPPA formula (180 - hip-knee-ankle angle, + = knee medial) on the 3D joint centres projected SQUARE onto the
 * body's frontal plane: what a perfect front camera with keypoints on the joint centres would read.
 */
export function fppa3dDeg(b: Body3D, side: Side): number {
  const { lateral } = uprightAxes(b);
  const flat = (p: Vec3) => v3(dot(p, lateral), p.y, 0);
  const hip = flat(b[`${side}_hip`]), knee = flat(b[`${side}_knee`]), ankle = flat(b[`${side}_ankle`]);
  const u = sub(hip, knee), w = sub(ankle, knee);
  const ang = Math.acos(Math.max(-1, Math.min(1, dot(u, w) / Math.hypot(u.x, u.y) / Math.hypot(w.x, w.y)))) * (180 / Math.PI);
  // Medial side: toward the other hip (lateral axis points to the person's left).
  const lineX = hip.x + ((knee.y - hip.y) / (ankle.y - hip.y || 1e-9)) * (ankle.x - hip.x);
  const medialSign = side === 'left' ? -1 : 1;
  const inside = (knee.x - lineX) * medialSign > 0;
  return inside ? 180 - ang : -(180 - ang);
}

export const midpoint3 = (a: Vec3, b: Vec3) => scale(add(a, b), 0.5);
