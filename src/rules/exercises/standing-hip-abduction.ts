// Standing hip abduction (issue 7). Biomechanics: standing on one leg, the other (working) leg is lifted straight
// out to the side and lowered; the trunk should stay upright: leaning the trunk toward the stance side is the usual
// compensation that fakes range (NOTES.md: trunk lean, mid-hip -> mid-shoulder line against vertical).
// Camera: front view. `side` = the moving (working) leg.
// Rep metric: abduction = moving leg (hip -> ankle) against vertical, deg, + outward. Up >= 20 deg, down <= 8 deg:
// our defaults (normal hip abduction range ~45 deg; standing raises commonly reach 20-35 deg; 8 deg keeps a 12 deg
// hysteresis band over keypoint noise). Per rep: peak abduction (the range) and peak trunk lean.
// Faults: TRUNK_LEAN toward the stance side >= 10 deg (clears < 6; our default as in the single-leg stand test;
// the cue's side is the standing leg, as in the single-leg checks);
// HIP_HIKE: the moving side's hip rises >= 5 deg above the stance hip (hitching the pelvis instead of abducting;
// our default, mirror of the pelvic-drop threshold).
import { z } from 'zod';
import { midpoint, pelvicObliquityDeg, trunkLeanDeg } from '../../core/geometry';
import { otherSide } from '../../core/pose-frame';
import { SIDE_JOINTS } from '../engine/body';
import { defineRepExercise, programmeBaseShape, repMax, type FaultCheck } from './programme-kit';
import { trunkLeanShape } from './standing';

const DEG = 180 / Math.PI;

export const standingHipAbductionConfigSchema = z.object({
  ...programmeBaseShape,
  ...trunkLeanShape,
  upDeg: z.number().min(5).max(80).default(20).describe('A raise counts once the moving leg is this far from vertical, deg. Our default.'),
  downDeg: z.number().min(0).max(60).default(8).describe('Leg back down below this, deg (rep ends). Our default.'),
  hipHikeDeg: z.number().min(0).max(30).default(5)
    .describe('HIP_HIKE when the moving side hip is higher than the stance hip by this, deg. Our default, as the pelvic-drop threshold.'),
  hipHikeClearDeg: z.number().min(0).max(30).default(3).describe('HIP_HIKE clears below this, deg. Our default.'),
});
export type StandingHipAbductionConfig = z.infer<typeof standingHipAbductionConfigSchema>;

export const standingHipAbduction = defineRepExercise<StandingHipAbductionConfig, null>({
  id: 'standing-hip-abduction',
  name: 'Standing hip abduction',
  view: 'front',
  trackPerson: true, // upright: a jump of the body centre is another person
  sided: true,
  description: 'Standing on one leg, lift the other leg straight out to the side and lower it, trunk upright.',
  howTo: 'Face the camera, whole body in view; hold a chair or wall for balance if needed. Keep the working leg '
    + 'straight with the toes forward, lift it out to the side and lower it slowly. Keep the trunk upright: do not '
    + 'lean over the standing leg or hitch the hip. Pick the moving leg as the working side.',
  limitations: [
    'Leg rotation (toes turning out) and forward or backward drift of the leg are not visible from the front.',
  ],
  configSchema: standingHipAbductionConfigSchema,
  required: (c) => {
    const s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    return [s.shoulder, o.shoulder, s.hip, o.hip, s.ankle];
  },
  repThresholds: (c) => ({ startThreshold: c.downDeg, targetThreshold: c.upDeg }),
  initialAux: () => null,
  evaluate(ctx, aux) {
    const c = ctx.config, s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    const hip = ctx.pt(s.hip)!, ankle = ctx.pt(s.ankle)!, stanceHip = ctx.pt(o.hip)!;
    const outward = Math.sign(hip.x - stanceHip.x) || 1;
    const dy = ankle.y - hip.y;
    const abductionDeg = Math.atan2(outward * (ankle.x - hip.x), Math.max(dy, 1e-9)) * DEG;
    const lean = trunkLeanDeg(midpoint(hip, stanceHip), midpoint(ctx.pt('left_shoulder')!, ctx.pt('right_shoulder')!), stanceHip.x);
    // Hike: moving-side hip HIGHER than the stance hip = negative obliquity with the moving leg as the "lifted" side.
    const hikeDeg = -pelvicObliquityDeg(stanceHip, hip);
    const faults: FaultCheck[] = [
      // TRUNK_LEAN names the STANDING leg, as in every single-leg check (the UI says "standing on ...").
      { code: 'TRUNK_LEAN', side: otherSide(c.side), severity: 'warning', value: lean, faultAt: c.trunkLeanDeg, clearAt: c.trunkLeanClearDeg, joints: ['left_shoulder', 'right_shoulder', s.hip, o.hip] },
      { code: 'HIP_HIKE', side: c.side, severity: 'warning', value: hikeDeg, faultAt: c.hipHikeDeg, clearAt: c.hipHikeClearDeg, joints: [s.hip, o.hip] },
    ];
    return {
      primary: dy > 0 ? abductionDeg : null,
      measures: [
        { code: 'HIP_ABDUCTION_DEG', side: c.side, value: abductionDeg, unit: 'deg' },
        { code: 'TRUNK_LEAN_DEG', side: c.side, value: lean, unit: 'deg' },
      ],
      faults,
      samples: { abductionDeg, lean, hikeDeg },
      aux,
    };
  },
  repMetrics: (st) => ({ peakAbductionDeg: repMax(st, 'abductionDeg'), peakTrunkLeanDeg: repMax(st, 'lean'), peakHipHikeDeg: repMax(st, 'hikeDeg') }),
  cueCodes: ['TRUNK_LEAN', 'HIP_HIKE'],
  measureCodes: ['HIP_ABDUCTION_DEG', 'TRUNK_LEAN_DEG'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_ankle', 'right_ankle']);
