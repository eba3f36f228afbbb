// 4-point (quadruped) hip abduction, camera BEHIND the person (the 'front' view check: shoulder width / torso length
// is large from behind as from the front): on hands and knees with a neutral spine, one bent leg is lifted out to the
// side toward parallel with the floor, held 5-10 s and lowered, the body still. `side` = the lifted leg.
// docs/biomechanics.md#programme-exercises.
// - Rep metric: the thigh (hip -> knee) from straight down, deg, + outward (away from the other hip): 0 hanging on all
//   fours, 90 parallel to the floor. Up >= 45, down <= 15 deg (ours: half-way to "parallel"; clear of the resting tilt).
// - Per rep: peak angle and the time held at the top; HOLD_SHORT (rep fault) when the top hold is under 5 s (the
//   exercise articles: hold 5-10 s).
// - PELVIS_TILT: the hip-to-hip line >= 10 deg from horizontal (the pelvis hitched or dropped to fake range; ours).
import { z } from 'zod';
import { inclineFromHorizontalDeg } from '../../core/geometry';
import { otherSide } from '../../core/pose-frame';
import { accMax } from '../engine/accumulator';
import { SIDE_JOINTS } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import { defineRepExercise } from '../engine/rep-exercise';
import { stepSideVote } from '../engine/side-vote';

const DEG = 180 / Math.PI;
const DOC = 'docs/biomechanics.md#programme-exercises';

export const quadrupedHipAbductionConfigSchema = z.strictObject({
  ...programmeBaseShape,
  upDeg: z.number().min(10).max(100).default(45).describe(`Leg lifted: thigh >= this far out from vertical, deg. Ours (${DOC}): half-way to parallel.`),
  downDeg: z.number().min(0).max(60).default(15).describe(`Leg down: thigh <= this, deg (rep ends). Ours (${DOC}): clear of the resting thigh's tilt.`),
  minTopHoldMs: z.number().min(0).max(60_000).default(5000).describe(`HOLD_SHORT when the time at the top of a rep is under this, ms. ${DOC}: the exercise articles hold 5-10 s.`),
  pelvisTiltDeg: z.number().min(0).max(45).default(10).describe(`PELVIS_TILT when the hip line is this far from horizontal, deg. Ours (${DOC}): no number for this view.`),
  pelvisTiltClearDeg: z.number().min(0).max(45).default(6).describe(`PELVIS_TILT clears below this, deg. Ours (${DOC}): hysteresis.`),
});
export type QuadrupedHipAbductionConfig = z.infer<typeof quadrupedHipAbductionConfigSchema>;

/**
 * `imageSide`: on which side of the other hip the working hip shows in the image (+1 / -1), a vote over the frames
 * (engine/side-vote.ts): a model that swaps left and right for a few frames on the body on all fours is undone
 * instead of reading the resting leg mid-hold (a rep split in two).
 */
interface Aux { topSinceMs: number | null; imageSide: number }

export const quadrupedHipAbduction = defineRepExercise<QuadrupedHipAbductionConfig, Aux>({
  id: 'quadruped-hip-abduction',
  name: '4-point hip abduction',
  view: 'front',
  sided: true,
  description: 'On hands and knees, lift one bent leg out to the side, hold, and lower it with the body still.',
  howTo: 'Kneel on all fours with your back to the camera, hands under the shoulders, knees under the hips, spine '
    + 'neutral. Keep the knee bent and lift the working leg out to the side toward parallel with the floor, hold it '
    + 'there for 5-10 seconds, and lower slowly. Keep the pelvis level and do not shift your weight. Pick the lifting leg as the working side.',
  limitations: [
    'Spine position and weight shifting forward or back are not visible from behind; only the pelvis tilting sideways is judged.',
  ],
  configSchema: quadrupedHipAbductionConfigSchema,
  required: (c) => { const s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)]; return [s.hip, o.hip, s.knee]; },
  repThresholds: (c) => ({ startThreshold: c.downDeg, targetThreshold: c.upDeg }),
  initialAux: () => ({ topSinceMs: null, imageSide: 0 }),
  evaluate(ctx, aux) {
    const c = ctx.config, s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    const labelled = { hip: ctx.pt(s.hip)!, knee: ctx.pt(s.knee)!, otherHip: ctx.pt(o.hip)!, otherKnee: ctx.pt(o.knee) };
    const seenSide = Math.sign(labelled.hip.x - labelled.otherHip.x) || 1;
    const swapped = aux.imageSide !== 0 && seenSide !== Math.sign(aux.imageSide) && labelled.otherKnee !== null;
    const hip = swapped ? labelled.otherHip : labelled.hip, knee = swapped ? labelled.otherKnee! : labelled.knee;
    const otherHip = swapped ? labelled.hip : labelled.otherHip;
    const imageSide = stepSideVote(aux.imageSide, seenSide);
    const outward = Math.sign(hip.x - otherHip.x) || 1;
    const angle = Math.atan2(outward * (knee.x - hip.x), knee.y - hip.y) * DEG;
    const tilt = Math.abs(inclineFromHorizontalDeg(otherHip, hip));
    const t = ctx.frame.timestampMs;
    const top = angle >= c.upDeg;
    const next: Aux = { topSinceMs: top ? (aux.topSinceMs ?? t) : null, imageSide };
    return {
      primary: angle,
      measures: [
        { code: 'HIP_ABDUCTION_DEG', side: c.side, value: angle, unit: 'deg' },
        { code: 'PELVIS_TILT_DEG', side: c.side, value: tilt, unit: 'deg' },
        ...(next.topSinceMs !== null ? [{ code: 'TOP_HOLD_MS', side: c.side, value: t - next.topSinceMs, unit: 'ms' as const }] : []),
      ],
      faults: [{ code: 'PELVIS_TILT', side: c.side, severity: 'warning', value: tilt, faultAt: c.pelvisTiltDeg, clearAt: c.pelvisTiltClearDeg, joints: [s.hip, o.hip] }],
      samples: { angle, tilt },
      aux: next,
    };
  },
  repMetrics: (acc, { timeAtTargetMs }) => ({ peakAbductionDeg: accMax(acc, 'angle'), topHoldMs: timeAtTargetMs, peakPelvisTiltDeg: accMax(acc, 'tilt') }),
  repFaults: (m, c) => ((m.topHoldMs ?? 0) < c.minTopHoldMs ? ['HOLD_SHORT'] : []),
  cueCodes: ['PELVIS_TILT', 'HOLD_SHORT'],
  measureCodes: ['HIP_ABDUCTION_DEG', 'PELVIS_TILT_DEG', 'TOP_HOLD_MS'],
}, ['left_hip', 'right_hip', 'left_knee', 'right_knee']);
