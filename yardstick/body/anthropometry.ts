// Segment lengths of one adult, as fractions of stature after Drillis & Contini (1966) as tabulated in Winter,
// "Biomechanics and Motor Control of Human Movement" (hip joint 0.530 H, knee 0.285 H, ankle 0.039 H, shoulder
// 0.818 H, upper arm 0.186 H, forearm 0.146 H), varied across the adult range:
// - stature 1.50-1.95 m, both sexes;
// - leg length (hip joint above the floor) 0.49-0.54 H and trunk (hip joint centre to shoulder JOINT centre,
//   ~4 cm below the acromion's 0.818 H) 0.255-0.295 H: long-legged and long-trunked people, leg/trunk 1.5-2.0;
// - hip joint centres 0.085-0.11 H apart (wider in women), shoulder joint centres 0.18-0.23 H apart (wider in men).
// These are JOINT CENTRES; the detector model (detector-noise/placement.ts) adds where a pose detector puts its
// keypoints relative to them.
import type { Rng } from '../rng';

export type Sex = 'female' | 'male';

export interface Anthropometry {
  sex: Sex;
  statureM: number;
  thighM: number; shankM: number;
  /** Ankle joint centre above the floor. */
  ankleHeightM: number;
  /** Mid-hip joint centre to mid-shoulder joint centre. */
  trunkM: number;
  hipHalfM: number; shoulderHalfM: number;
  upperArmM: number; forearmM: number;
  /** Mid-shoulder to the nose, along the trunk. */
  neckM: number;
}

/** The textbook average body of a given stature (Winter's fractions). */
export function averageBody(statureM = 1.7, sex: Sex = 'female'): Anthropometry {
  return bodyFrom(statureM, sex, 0.53, 0.265, sex === 'female' ? 0.1 : 0.093, sex === 'female' ? 0.205 : 0.225);
}

function bodyFrom(H: number, sex: Sex, legFrac: number, trunkFrac: number, hipWidthFrac: number, shoulderWidthFrac: number): Anthropometry {
  const ankle = 0.039 * H;
  const leg = legFrac * H - ankle;
  // Thigh : shank = 0.245 : 0.246 in Winter's table.
  return {
    sex, statureM: H,
    thighM: leg * 0.499, shankM: leg * 0.501, ankleHeightM: ankle,
    trunkM: trunkFrac * H,
    hipHalfM: (hipWidthFrac * H) / 2, shoulderHalfM: (shoulderWidthFrac * H) / 2,
    upperArmM: 0.186 * H, forearmM: 0.146 * H,
    neckM: 0.095 * H,
  };
}

/** One adult drawn from the ranges in the header. */
export function sampleBody(rng: Rng): Anthropometry {
  const sex: Sex = rng.next() < 0.5 ? 'female' : 'male';
  const H = rng.uniform(1.5, 1.95);
  const legFrac = rng.uniform(0.49, 0.54);
  const trunkFrac = rng.uniform(0.255, 0.295);
  const hip = sex === 'female' ? rng.uniform(0.092, 0.11) : rng.uniform(0.085, 0.1);
  const sh = sex === 'female' ? rng.uniform(0.18, 0.21) : rng.uniform(0.195, 0.23);
  return bodyFrom(H, sex, legFrac, trunkFrac, hip, sh);
}

/** Leg (hip joint centre above the ankle) over trunk length, in 3D: the body's own proportion. */
export const legTrunkRatio = (A: Anthropometry) => (A.thighM + A.shankM) / A.trunkM;
