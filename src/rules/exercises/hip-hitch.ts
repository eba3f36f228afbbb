// Pelvic drop on a step / hip hitch (issue 7). Biomechanics: standing on one leg on a step, the free leg hanging
// over the edge, the pelvis is lowered on the free side (the stance hip goes into adduction) and lifted back up
// (hitched) by the stance-side gluteus medius, WITHOUT bending the standing knee (seeds). Camera: front view.
// `side` = the stance leg (the one on the step, whose gluteus medius works).
// Rep metric: pelvic obliquity (core/geometry pelvicObliquityDeg; + = free side lower). A rep = level (<= 3 deg) ->
// dropped (>= 8 deg) -> level. Our defaults: hip joint centres are ~0.35 torso apart, so 8 deg is a clear drop of
// ~2.5 cm and more than twice the keypoint noise; no literature number for 2D. Per rep: peak drop, the highest
// hitch before that drop (most negative obliquity since the previous drop, reported positive; for the first rep,
// the standing position) and the range between them: the "range of pelvic tilt".
// Faults: STANCE_KNEE_BENDING, the stance leg shortens by >= 0.05 of its straight length (standing.ts; bending the
// knee lowers both hips and fakes the drop; our default); TRUNK_LEAN toward the stance side >= 10 deg (as the
// single-leg stand test).
import { z } from 'zod';
import { midpoint, pelvicObliquityDeg, trunkLeanDeg } from '../../core/geometry';
import { otherSide } from '../../core/pose-frame';
import { SIDE_JOINTS } from '../engine/body';
import { defineRepExercise, EMPTY_ROBUST_MAX, programmeBaseShape, repMax, repMin, type RobustMax } from './programme-kit';
import { legCompression, stepLegReference, trunkLeanShape } from './standing';

export const hipHitchConfigSchema = z.object({
  ...programmeBaseShape,
  ...trunkLeanShape,
  dropDeg: z.number().min(2).max(30).default(8).describe('A rep needs the free side lowered by this pelvic obliquity, deg. Our default (see file header).'),
  levelDeg: z.number().min(-10).max(20).default(3).describe('Back to level below this obliquity, deg (rep ends). Our default.'),
  kneeBendCompression: z.number().min(0).max(0.5).default(0.05)
    .describe('STANCE_KNEE_BENDING when the stance leg is this much shorter than straight (fraction). Our default: above standing sway.'),
  kneeBendClearCompression: z.number().min(0).max(0.5).default(0.03).describe('STANCE_KNEE_BENDING clears below this. Our default.'),
});
export type HipHitchConfig = z.infer<typeof hipHitchConfigSchema>;

interface HipHitchAux {
  ref: RobustMax;
  /** Lowest obliquity (highest hitch) before the current drop, and since the current drop began. */
  lowPrev: number;
  lowCur: number;
  inDrop: boolean;
}
const INITIAL_AUX: HipHitchAux = Object.freeze({ ref: EMPTY_ROBUST_MAX, lowPrev: Infinity, lowCur: Infinity, inDrop: false });

export const hipHitch = defineRepExercise<HipHitchConfig, HipHitchAux>({
  id: 'hip-hitch',
  name: 'Pelvic drop on a step (hip hitch)',
  view: 'front',
  trackPerson: true, // upright: a jump of the body centre is another person
  sided: true,
  description: 'On one leg on a step, lower the free side of the pelvis and lift it back up, standing knee straight.',
  howTo: 'Face the camera standing on a step on the working leg, the other foot hanging over the edge, hands on your '
    + 'hips. Keep the standing knee straight and let the free side of the pelvis drop slowly, then lift it back up '
    + 'level or a little higher. Pick the standing leg as the working side.',
  limitations: [
    'The camera sees the hip joint centres, not the pelvic bones: the tilt in degrees is an estimate (NOTES.md).',
    'Stay at the same distance from the camera: knee bending is judged from how much the standing leg shortens.',
  ],
  configSchema: hipHitchConfigSchema,
  required: (c) => {
    const s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    return [s.shoulder, o.shoulder, s.hip, o.hip, s.knee, s.ankle];
  },
  repThresholds: (c) => ({ startThreshold: c.levelDeg, targetThreshold: c.dropDeg }),
  initialAux: () => INITIAL_AUX,
  evaluate(ctx, aux0) {
    const c = ctx.config, s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    const hip = ctx.pt(s.hip)!, ankle = ctx.pt(s.ankle)!, freeHip = ctx.pt(o.hip)!;
    const ref = stepLegReference(aux0.ref, [{ hip, ankle }]);
    const bend = legCompression(ref, hip, ankle);
    const tilt = pelvicObliquityDeg(hip, freeHip);
    const dropped = tilt >= c.dropDeg;
    const aux: HipHitchAux = dropped && !aux0.inDrop
      ? { ref, lowPrev: aux0.lowCur, lowCur: tilt, inDrop: true }
      : { ref, lowPrev: aux0.lowPrev, lowCur: Math.min(aux0.lowCur, tilt), inDrop: dropped ? true : tilt <= c.levelDeg ? false : aux0.inDrop };
    const lean = trunkLeanDeg(midpoint(hip, freeHip), midpoint(ctx.pt('left_shoulder')!, ctx.pt('right_shoulder')!), hip.x);
    return {
      primary: tilt,
      measures: [
        { code: 'PELVIC_TILT_DEG', side: c.side, value: tilt, unit: 'deg' },
        { code: 'TRUNK_LEAN_DEG', side: c.side, value: lean, unit: 'deg' },
      ],
      faults: [
        { code: 'STANCE_KNEE_BENDING', side: c.side, severity: 'warning', value: bend, faultAt: c.kneeBendCompression, clearAt: c.kneeBendClearCompression, joints: [s.hip, s.knee, s.ankle] },
        { code: 'TRUNK_LEAN', side: c.side, severity: 'warning', value: lean, faultAt: c.trunkLeanDeg, clearAt: c.trunkLeanClearDeg, joints: ['left_shoulder', 'right_shoulder', s.hip, o.hip] },
      ],
      samples: { tilt, lean },
      aux,
    };
  },
  repMetrics: (st, { aux }) => {
    const peakDropDeg = repMax(st, 'tilt'), low = Math.min(aux.lowPrev, repMin(st, 'tilt'));
    return { peakDropDeg, peakHitchDeg: Math.max(0, -low), tiltRangeDeg: peakDropDeg - low, peakTrunkLeanDeg: repMax(st, 'lean') };
  },
  cueCodes: ['STANCE_KNEE_BENDING', 'TRUNK_LEAN'],
  measureCodes: ['PELVIC_TILT_DEG', 'TRUNK_LEAN_DEG'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
