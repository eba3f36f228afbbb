// Where a pose detector puts its keypoints relative to the joint centres. MoveNet is trained on COCO keypoints
// marked by people on the body's outline, not on joint centres: its hip points sit wider and higher than the hip
// joint centres (on the side of the pelvis, near the greater trochanter / iliac crest), its shoulder points on the
// shoulder outline (acromion), which rises and moves in when the arms go overhead. The offsets below are drawn once
// per person (a person keeps their clothes and shape through a set), in the body's own axes, with a small left/right
// asymmetry. Their ranges are chosen so that the 2D proportions the checkers see span what real recordings show
// (standing hip-above-ankle / torso ~1.1-1.8 with camera height and pitch; shoulder width / torso ~0.55-0.8 facing
// the camera, 0.58-0.74 measured with MoveNet on eight real arms-overhead squats); the evaluation report prints the
// population's 2D proportions so this stays checked.
import type { KeypointName } from '../../src/core/pose-frame';
import type { ArmPose, Body3D } from '../body/skeleton';
import { add, cross, scale, sub, unit, v3, type Vec3 } from '../body/vec';
import type { Rng } from '../rng';

export interface PlacementBias {
  /** Hip keypoint outward from the hip joint centre along the hip line, and up along the trunk, m. */
  hipOutM: number; hipUpM: number;
  /** Shoulder keypoint outward along the shoulder line and up along the trunk, m. */
  shoulderOutM: number; shoulderUpM: number;
  /** Per-side extra (m), added on the left and subtracted on the right: a detector is not symmetric. */
  asymmetryM: number;
  /** Small fixed offsets of knees and ankles (m, world axes when standing), e.g. the kneecap vs the joint centre. */
  knee: Vec3; ankle: Vec3;
}

export const NO_BIAS: PlacementBias = { hipOutM: 0, hipUpM: 0, shoulderOutM: 0, shoulderUpM: 0, asymmetryM: 0, knee: v3(0, 0, 0), ankle: v3(0, 0, 0) };

export function sampleBias(rng: Rng): PlacementBias {
  return {
    hipOutM: rng.uniform(0.01, 0.045), hipUpM: rng.uniform(-0.02, 0.03),
    shoulderOutM: rng.uniform(-0.025, 0.015), shoulderUpM: rng.uniform(0.03, 0.08),
    asymmetryM: rng.uniform(-0.008, 0.008),
    knee: v3(rng.uniform(-0.01, 0.01), rng.uniform(-0.01, 0.015), rng.uniform(0, 0.03)),
    ankle: v3(rng.uniform(-0.01, 0.01), rng.uniform(-0.005, 0.015), rng.uniform(0, 0.02)),
  };
}

/** Arms overhead lift the shoulder outline (scapular elevation) and bring it in. */
const OVERHEAD_UP_M = 0.03, OVERHEAD_IN_M = 0.005;

/** Keypoints a detector would report for this body, before noise. */
export function placeKeypoints(b: Body3D, bias: PlacementBias, arms: ArmPose): Body3D {
  const midHip = scale(add(b.left_hip, b.right_hip), 0.5);
  const midSh = scale(add(b.left_shoulder, b.right_shoulder), 0.5);
  const up = unit(sub(midSh, midHip));
  const hipLat = unit(sub(b.left_hip, b.right_hip));
  const shLat = unit(sub(b.left_shoulder, b.right_shoulder));
  // The knee/ankle offsets are defined standing; turn them with the body (its forward = up x lateral).
  const fwd = unit(cross(hipLat, up));
  const local = (o: Vec3) => add(add(scale(hipLat, o.x), scale(up, o.y)), scale(fwd, o.z));
  const over = arms === 'overhead';
  const shUp = bias.shoulderUpM + (over ? OVERHEAD_UP_M : 0), shOut = bias.shoulderOutM - (over ? OVERHEAD_IN_M : 0);
  const out = { ...b };
  for (const [s, sign] of [['left', 1], ['right', -1]] as const) {
    const asym = sign * bias.asymmetryM;
    out[`${s}_hip`] = add(b[`${s}_hip`], add(scale(hipLat, sign * (bias.hipOutM + asym)), scale(up, bias.hipUpM + asym)));
    out[`${s}_shoulder`] = add(b[`${s}_shoulder`], add(scale(shLat, sign * (shOut + asym)), scale(up, shUp)));
    out[`${s}_knee`] = add(b[`${s}_knee`], local(v3(sign * bias.knee.x, bias.knee.y, bias.knee.z)));
    out[`${s}_ankle`] = add(b[`${s}_ankle`], local(v3(sign * bias.ankle.x, bias.ankle.y, bias.ankle.z)));
  }
  return out as Record<KeypointName, Vec3>;
}
