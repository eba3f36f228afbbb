// Pelvic drop on a step (hip hitch), FRONT view: standing on one leg on a step, the free leg hanging over the edge,
// the pelvis is lowered on the free side and lifted back up by the stance-side gluteus medius, WITHOUT bending the
// standing knee. `side` = the stance leg. docs/biomechanics.md#pelvic-drop-trendelenburg, #leg-compression.
// - Rep metric: pelvic obliquity (+ = free side lower) above the person's own level (the lowest smoothed obliquity,
//   engine/rest-reference.ts: a rolled camera or a tilted stance cancels). A rep = level (<= 3 deg) -> dropped (>= 8 deg) -> level
//   (ours: hip joint centres are ~0.35 torso apart, so 8 deg is a clear drop of ~2.5 cm, over twice keypoint noise).
//   Per rep: peak drop, the highest hitch before it (most negative obliquity since the previous drop, reported
//   positive; for the first rep, the standing position) and the range between them.
// - STANCE_KNEE_BENDING: the stance leg shortens by >= 0.05 of its straight length (bending the knee lowers both
//   hips and fakes the drop; ours). Only a large bend is visible from the front: 15-25 deg of knee flexion shortens the
//   leg by 1-2 % (1 - cos(flexion / 2)), inside the 2D noise and drift of a standing leg, so lower thresholds flagged
//   most clean sets. TRUNK_LEAN toward the stance side >= 10 deg, from the trunk line at level (the kit's rest
//   neutrals: the frames of a recording that begins with the pelvis dropped are not taken as level).
import { z } from 'zod';
import { accMax, accMin } from '../engine/accumulator';
import { FULL_BODY } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import { defineRepExercise } from '../engine/rep-exercise';
import { EMPTY_REST_NEUTRALS, EMPTY_REST_REFERENCE, fromRestNeutral, restSmoothing, stepRestNeutrals, stepRestReference, type RestNeutrals, type RestReference } from '../engine/rest-reference';
import { INITIAL_EMA, stepEma, type EmaState } from '../engine/ema';
import { legJoints, oneLeg, oneLegRequired, trunkLeanCheck, trunkLeanShape } from './standing';

const DOC = 'docs/biomechanics.md#pelvic-drop-trendelenburg';

export const hipHitchConfigSchema = z.strictObject({
  ...programmeBaseShape,
  ...trunkLeanShape,
  dropDeg: z.number().min(2).max(30).default(8).describe(`A rep needs the free side lowered by this pelvic obliquity, deg. Ours (${DOC}): a clear ~2.5 cm drop, over twice keypoint noise.`),
  levelDeg: z.number().min(-10).max(20).default(3).describe(`Back to level below this obliquity, deg (rep ends). Ours (${DOC}).`),
  kneeBendCompression: z.number().min(0).max(0.5).default(0.05)
    .describe('STANCE_KNEE_BENDING when the stance leg is this much shorter than straight (fraction). Ours (docs/biomechanics.md#leg-compression): above standing sway.'),
  kneeBendClearCompression: z.number().min(0).max(0.5).default(0.03).describe('STANCE_KNEE_BENDING clears below this. Ours (docs/biomechanics.md#leg-compression): hysteresis.'),
});
export type HipHitchConfig = z.infer<typeof hipHitchConfigSchema>;

interface HipHitchAux {
  /** The pelvic line at rest (level) and the stance leg's straight extent: the person's own references. */
  level: RestReference;
  leg: RestReference;
  /** The trunk line at level (the level's neutrals: a recording that begins dropped does not learn the dropped trunk). */
  neutral: RestNeutrals;
  /** The stance-leg shortening smoothed over 3 x signalSmoothingMs (its noise is as large as the bend it looks for). */
  bendEma: EmaState;
  /** Lowest obliquity (highest hitch) before the current drop, and since the current drop began. */
  lowPrev: number;
  lowCur: number;
  inDrop: boolean;
}
const INITIAL_AUX: HipHitchAux = Object.freeze({ level: EMPTY_REST_REFERENCE, leg: EMPTY_REST_REFERENCE, neutral: EMPTY_REST_NEUTRALS, bendEma: INITIAL_EMA, lowPrev: Infinity, lowCur: Infinity, inDrop: false });

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
    'The camera sees the hip joint centres, not the pelvic bones: the tilt in degrees is an estimate.',
    'Stay at the same distance from the camera: knee bending is judged from how much the standing leg shortens.',
  ],
  configSchema: hipHitchConfigSchema,
  required: (c) => oneLegRequired(c.side),
  repThresholds: (c) => ({ startThreshold: c.levelDeg, targetThreshold: c.dropDeg }),
  initialAux: () => INITIAL_AUX,
  evaluate(ctx, aux0) {
    const c = ctx.config, leg = oneLeg(ctx.pt, c.side);
    const smoothing = restSmoothing(c, ctx.frame.timestampMs);
    // Pelvic drop from the person's own level (the lowest smoothed obliquity: a rolled camera or their stance cancels),
    // unknown until a full drop has been seen, so a recording that begins with the pelvis dropped counts that rep.
    const level = stepRestReference(aux0.level, leg.m.pelvicDropDeg, { dir: 1, targetExcursion: c.dropDeg, smoothing });
    // Knee bend: the stance leg's shortening from its own straight extent (longest smoothed extent).
    const legRef = stepRestReference(aux0.leg, leg.ankle.y - leg.hip.y, { dir: -1, relative: true, targetExcursion: 0, smoothing });
    const bendEma = legRef.excursion === null ? aux0.bendEma : stepEma(aux0.bendEma, legRef.excursion, smoothing.timestampMs, smoothing.tauMs, smoothing.resetGapMs);
    const bend = legRef.excursion === null ? Number.NaN : bendEma.value;
    const atLevel = (level.excursion ?? leg.m.pelvicDropDeg - level.rest) <= c.levelDeg;
    const neutral = stepRestNeutrals(aux0.neutral, { lean: leg.m.trunkLeanDeg }, level, leg.m.pelvicDropDeg, { dir: 1, band: c.levelDeg });
    const lean = fromRestNeutral(neutral, 'lean', leg.m.trunkLeanDeg);
    // The reported drop, hitch and range stay on the image's pelvic line (a hitch above level would move the rest).
    const tilt = leg.m.pelvicDropDeg;
    const dropped = (level.excursion ?? Number.NaN) >= c.dropDeg;
    const refs = { level: level.state, leg: legRef.state, neutral, bendEma };
    const aux: HipHitchAux = dropped && !aux0.inDrop
      ? { ...refs, lowPrev: aux0.lowCur, lowCur: tilt, inDrop: true }
      : { ...refs, lowPrev: aux0.lowPrev, lowCur: Math.min(aux0.lowCur, tilt), inDrop: dropped ? true : atLevel ? false : aux0.inDrop };
    return {
      primary: level.excursion,
      measures: [
        { code: 'PELVIC_TILT_DEG', side: c.side, value: tilt, unit: 'deg' },
        { code: 'TRUNK_LEAN_DEG', side: c.side, value: lean, unit: 'deg' },
      ],
      faults: [
        { code: 'STANCE_KNEE_BENDING', side: c.side, severity: 'warning', value: bend, faultAt: c.kneeBendCompression, clearAt: c.kneeBendClearCompression, joints: legJoints(c.side) },
        trunkLeanCheck(c.side, lean, c),
      ],
      samples: { tilt, drop: level.excursion ?? Number.NaN, lean },
      aux,
    };
  },
  repMetrics: (acc, { aux }) => {
    // The peak drop from the person's own level (a rolled camera cancels); hitch and range on the image's line.
    const peakTiltDeg = accMax(acc, 'tilt'), low = Math.min(aux.lowPrev, accMin(acc, 'tilt'));
    return { peakDropDeg: accMax(acc, 'drop'), peakHitchDeg: Math.max(0, -low), tiltRangeDeg: peakTiltDeg - low, peakTrunkLeanDeg: accMax(acc, 'lean') };
  },
  cueCodes: ['STANCE_KNEE_BENDING', 'TRUNK_LEAN'],
  measureCodes: ['PELVIC_TILT_DEG', 'TRUNK_LEAN_DEG'],
}, FULL_BODY);
