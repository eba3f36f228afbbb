// Standing hip abduction, FRONT view: standing on one leg, the other (working) leg is lifted straight out to the side
// and lowered, the trunk upright (leaning toward the stance side is the usual compensation that fakes range).
// `side` = the moving leg. docs/biomechanics.md#trunk-lean, #pelvic-drop-trendelenburg.
// - Rep metric: the moving leg (hip -> ankle) against vertical, deg, + outward. Up >= 20, down <= 8 deg (ours: hip
//   abduction range ~45 deg, standing raises commonly reach 20-35; 12 deg of hysteresis over keypoint noise).
// - TRUNK_LEAN toward the stance side >= 10 deg (the cue's side is the standing leg, as in every single-leg check);
//   HIP_HIKE: the moving side's hip rises >= 5 deg above the stance hip (hitching instead of abducting; ours, the
//   mirror of the pelvic-drop threshold). Both from the person's own neutral with the leg down (engine/rest-reference.ts):
//   a camera rolled by 5 deg read as a constant hike.
import { z } from 'zod';
import { midpoint, pelvicObliquityDeg, trunkLeanDeg } from '../../core/geometry';
import { otherSide } from '../../core/pose-frame';
import { accMax } from '../engine/accumulator';
import { SIDE_JOINTS } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import type { FaultCheck } from '../engine/persistence';
import { inStartZone } from '../engine/rep-counter';
import { defineRepExercise } from '../engine/rep-exercise';
import { EMPTY_REST_MEAN, fromRestMean, stepRestMean } from '../engine/rest-reference';
import type { Stat } from '../engine/stats';
import { trunkLeanCheck, trunkLeanShape } from './standing';

const DEG = 180 / Math.PI;
const DOC = 'docs/biomechanics.md#trunk-lean';

export const standingHipAbductionConfigSchema = z.strictObject({
  ...programmeBaseShape,
  ...trunkLeanShape,
  upDeg: z.number().min(5).max(80).default(20).describe(`A raise counts once the moving leg is this far from vertical, deg. Ours (${DOC}): standing raises reach 20-35 deg.`),
  downDeg: z.number().min(0).max(60).default(8).describe(`Leg back down below this, deg (rep ends). Ours (${DOC}): hysteresis over keypoint noise.`),
  hipHikeDeg: z.number().min(0).max(30).default(5)
    .describe('HIP_HIKE when the moving side hip is higher than the stance hip by this, deg. Ours (docs/biomechanics.md#pelvic-drop-trendelenburg): the pelvic-drop threshold mirrored.'),
  hipHikeClearDeg: z.number().min(0).max(30).default(3).describe('HIP_HIKE clears below this, deg. Ours (docs/biomechanics.md#pelvic-drop-trendelenburg): hysteresis.'),
});
export type StandingHipAbductionConfig = z.infer<typeof standingHipAbductionConfigSchema>;

/** The person's neutral pelvic line and trunk line, learned with the leg down (engine/rest-reference.ts). */
interface Aux { hike: Stat; lean: Stat }
const thresholds = (c: StandingHipAbductionConfig) => ({ startThreshold: c.downDeg, targetThreshold: c.upDeg });

export const standingHipAbduction = defineRepExercise<StandingHipAbductionConfig, Aux>({
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
  repThresholds: thresholds,
  initialAux: () => ({ hike: EMPTY_REST_MEAN, lean: EMPTY_REST_MEAN }),
  evaluate(ctx, aux) {
    const c = ctx.config, s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    const hip = ctx.pt(s.hip)!, ankle = ctx.pt(s.ankle)!, stanceHip = ctx.pt(o.hip)!;
    const outward = Math.sign(hip.x - stanceHip.x) || 1;
    const dy = ankle.y - hip.y;
    const abductionDeg = Math.atan2(outward * (ankle.x - hip.x), Math.max(dy, 1e-9)) * DEG;
    const leanRaw = trunkLeanDeg(midpoint(hip, stanceHip), midpoint(ctx.pt('left_shoulder')!, ctx.pt('right_shoulder')!), stanceHip.x);
    // Hike: moving-side hip HIGHER than the stance hip = negative obliquity with the moving leg as the "lifted" side.
    const hikeRaw = -pelvicObliquityDeg(stanceHip, hip);
    // Both against the person's own neutral with the leg down (a rolled camera or a tilted stance cancels).
    const atRest = dy > 0 && inStartZone(abductionDeg, thresholds(c));
    const next: Aux = { hike: stepRestMean(aux.hike, hikeRaw, atRest), lean: stepRestMean(aux.lean, leanRaw, atRest) };
    const lean = fromRestMean(next.lean, leanRaw), hikeDeg = fromRestMean(next.hike, hikeRaw);
    const faults: FaultCheck[] = [
      // TRUNK_LEAN names the STANDING leg, as in every single-leg check (the UI says "standing on ...").
      trunkLeanCheck(otherSide(c.side), lean, c, c.side),
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
      aux: next,
    };
  },
  repMetrics: (acc) => ({ peakAbductionDeg: accMax(acc, 'abductionDeg'), peakTrunkLeanDeg: accMax(acc, 'lean'), peakHipHikeDeg: accMax(acc, 'hikeDeg') }),
  cueCodes: ['TRUNK_LEAN', 'HIP_HIKE'],
  measureCodes: ['HIP_ABDUCTION_DEG', 'TRUNK_LEAN_DEG'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_ankle', 'right_ankle']);
