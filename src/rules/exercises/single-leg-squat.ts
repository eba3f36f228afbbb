// Single-leg squat (issue 7). Biomechanics: standing on one leg (often on a step), bend the stance knee and sit the
// hips back, then stand up; the hip, knee and foot should stay aligned, the pelvis level and the trunk upright
// (NOTES.md). Camera: front view. `side` = the stance (working) leg.
// Rep metric: stance-leg compression (standing.ts; 0 = straight). Down >= 0.10 (~50 deg knee flexion), up <= 0.04:
// our defaults (a controlled single-leg squat reaches 45-60 deg of knee flexion; 0.04 stays above standing sway).
// Faults: KNEE_VALGUS, stance-knee FPPA >= 17 deg (NOTES.md norms: healthy women 8.4 +/- 5.1, men ~7, PFP 16.8 +/-
// 5.4; clear < 12), judged only while the knee is bent (FPPA is defined at knee flexion); PELVIC_DROP >= 5 deg
// (our default, NOTES: no validated 2D cut-off); TRUNK_LEAN toward the stance side >= 10 deg (our default).
// Per rep: peak depth, peak FPPA, peak pelvic drop, peak trunk lean.
import { z } from 'zod';
import { otherSide } from '../../core/pose-frame';
import { SIDE_JOINTS } from '../engine/body';
import { defineRepExercise, EMPTY_ROBUST_MAX, programmeBaseShape, repMax, type FaultCheck, type RobustMax } from './programme-kit';
import { kneeValgusShape, legCompression, pelvicDropShape, stanceMeasures, stepLegReference, trunkLeanShape } from './standing';

export const singleLegSquatConfigSchema = z.object({
  ...programmeBaseShape,
  ...kneeValgusShape,
  ...pelvicDropShape,
  ...trunkLeanShape,
  downCompression: z.number().min(0.02).max(0.6).default(0.1)
    .describe('The squat counts once the stance leg is this much shorter than straight (fraction of leg length). Our default: ~50 deg knee flexion.'),
  upCompression: z.number().min(0).max(0.5).default(0.04)
    .describe('Back up when the leg is within this fraction of straight (rep ends). Our default.'),
});
export type SingleLegSquatConfig = z.infer<typeof singleLegSquatConfigSchema>;

export const singleLegSquat = defineRepExercise<SingleLegSquatConfig, RobustMax>({
  id: 'single-leg-squat',
  name: 'Single-leg squat',
  view: 'front',
  trackPerson: true, // upright: a jump of the body centre is another person
  sided: true,
  description: 'On one leg, bend the knee and sit back, then stand up, keeping hip, knee and foot in line.',
  howTo: 'Face the camera, whole body in view. Stand on the working leg (on a step if you have one) with the other '
    + 'foot off the floor and your arms out in front. Push your hips back and bend the standing knee, keeping the '
    + 'knee over the foot, the pelvis level and the trunk upright, then stand up tall. Pick the standing leg as the working side.',
  limitations: [
    'Knee flexion is estimated from how much the leg shortens in the image, so stay at the same distance from the camera.',
    'Foot position and toe direction are not visible (no foot keypoints).',
  ],
  configSchema: singleLegSquatConfigSchema,
  required: (c) => {
    const s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    return [s.shoulder, o.shoulder, s.hip, o.hip, s.knee, s.ankle];
  },
  repThresholds: (c) => ({ startThreshold: c.upCompression, targetThreshold: c.downCompression }),
  initialAux: () => EMPTY_ROBUST_MAX,
  evaluate(ctx, aux) {
    const c = ctx.config, s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    const stanceHip = ctx.pt(s.hip)!, stanceKnee = ctx.pt(s.knee)!, stanceAnkle = ctx.pt(s.ankle)!, freeHip = ctx.pt(o.hip)!;
    const ref = stepLegReference(aux, [{ hip: stanceHip, ankle: stanceAnkle }, { hip: freeHip, ankle: ctx.pt(o.ankle) }]);
    const depth = legCompression(ref, stanceHip, stanceAnkle);
    const m = stanceMeasures({ stanceHip, stanceKnee, stanceAnkle, freeHip, ls: ctx.pt('left_shoulder')!, rs: ctx.pt('right_shoulder')! });
    const bent = depth > c.upCompression;
    const fppa = bent ? m.fppaDeg : Number.NaN;
    const faults: FaultCheck[] = [
      { code: 'KNEE_VALGUS', side: c.side, severity: 'warning', value: fppa, faultAt: c.valgusFppaDeg, clearAt: c.valgusClearFppaDeg, joints: [s.hip, s.knee, s.ankle] },
      { code: 'PELVIC_DROP', side: c.side, severity: 'warning', value: m.pelvicDropDeg, faultAt: c.pelvicDropDeg, clearAt: c.pelvicDropClearDeg, joints: [s.hip, o.hip] },
      { code: 'TRUNK_LEAN', side: c.side, severity: 'warning', value: m.trunkLeanDeg, faultAt: c.trunkLeanDeg, clearAt: c.trunkLeanClearDeg, joints: ['left_shoulder', 'right_shoulder', s.hip, o.hip] },
    ];
    return {
      primary: depth,
      measures: [
        { code: 'FPPA_DEG', side: c.side, value: m.fppaDeg, unit: 'deg' },
        { code: 'PELVIC_DROP_DEG', side: c.side, value: m.pelvicDropDeg, unit: 'deg' },
        { code: 'TRUNK_LEAN_DEG', side: c.side, value: m.trunkLeanDeg, unit: 'deg' },
        { code: 'DEPTH_RATIO', side: c.side, value: depth, unit: 'ratio' },
      ],
      faults,
      samples: { depth, fppa, drop: m.pelvicDropDeg, lean: m.trunkLeanDeg },
      aux: ref,
    };
  },
  repMetrics: (st) => ({
    peakDepthRatio: repMax(st, 'depth'), peakFppaDeg: repMax(st, 'fppa'),
    peakPelvicDropDeg: repMax(st, 'drop'), peakTrunkLeanDeg: repMax(st, 'lean'),
  }),
  cueCodes: ['KNEE_VALGUS', 'PELVIC_DROP', 'TRUNK_LEAN'],
  measureCodes: ['FPPA_DEG', 'PELVIC_DROP_DEG', 'TRUNK_LEAN_DEG', 'DEPTH_RATIO'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
