// Single-leg squat, FRONT view: standing on one leg (often on a step), bend the stance knee and sit the hips back,
// then stand up, with hip, knee and foot aligned, the pelvis level and the trunk upright. `side` = the stance leg.
// docs/biomechanics.md#leg-compression, #knee-valgus-fppa, #pelvic-drop-trendelenburg, #trunk-lean.
// - Rep metric: stance-leg compression (standing.ts; 0 = straight; its straight length from engine/rest-reference.ts). Down >= 0.10 (~50 deg knee flexion), up <= 0.04
//   (ours: a controlled single-leg squat reaches 45-60 deg of knee flexion; 0.04 stays above standing sway).
// - KNEE_VALGUS at stance-knee FPPA >= 17 deg (the patellofemoral-pain group mean), judged only while the knee is
//   bent (FPPA is defined at knee flexion); medial from the body (toward the other hip). The knee's medial
//   displacement from standing (docs/biomechanics.md#knee-medial-displacement) is reported alongside.
// - PELVIC_DROP >= 5 deg; TRUNK_LEAN toward the stance side >= 10 deg, both against the person's own lines standing
//   tall between squats (engine/rest-reference.ts: a rolled camera cancels; a recording that begins at the bottom
//   does not take its bent posture as the neutral).
import { z } from 'zod';
import { accMax } from '../engine/accumulator';
import { FULL_BODY, kneeMedialFrac } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import { defineRepExercise } from '../engine/rep-exercise';
import { loadedKneeValgus } from '../engine/valgus';
import {
  EMPTY_REST_NEUTRALS, EMPTY_REST_REFERENCE, fromRestNeutral, restSmoothing, stepRestNeutrals, stepRestReference, type RestNeutrals, type RestReference,
} from '../engine/rest-reference';
import {
  kneeValgusCheck, oneLeg, oneLegRequired, pelvicDropCheck, pelvicDropShape, singleLegValgusShape, trunkLeanCheck, trunkLeanShape,
} from './standing';

const DOC = 'docs/biomechanics.md#leg-compression';

export const singleLegSquatConfigSchema = z.strictObject({
  ...programmeBaseShape,
  ...singleLegValgusShape,
  ...pelvicDropShape,
  ...trunkLeanShape,
  downCompression: z.number().min(0.02).max(0.6).default(0.1)
    .describe(`The squat counts once the stance leg is this much shorter than straight (fraction of leg length). Ours (${DOC}): ~50 deg knee flexion.`),
  upCompression: z.number().min(0).max(0.5).default(0.04)
    .describe(`Back up when the leg is within this fraction of straight (rep ends). Ours (${DOC}): above standing sway.`),
});
export type SingleLegSquatConfig = z.infer<typeof singleLegSquatConfigSchema>;

/** The stance leg's straight length, and the knee's medial displacement, pelvic and trunk lines standing tall (the person's neutral). */
interface Aux { leg: RestReference; neutral: RestNeutrals }

export const singleLegSquat = defineRepExercise<SingleLegSquatConfig, Aux>({
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
  required: (c) => oneLegRequired(c.side),
  repThresholds: (c) => ({ startThreshold: c.upCompression, targetThreshold: c.downCompression }),
  initialAux: () => ({ leg: EMPTY_REST_REFERENCE, neutral: EMPTY_REST_NEUTRALS }),
  evaluate(ctx, aux) {
    const c = ctx.config, leg = oneLeg(ctx.pt, c.side), m = leg.m;
    // Compression of the stance leg from its own straight length (the rest reference: its longest smoothed vertical
    // extent), unknown until a full squat has been seen, so a recording that begins at the bottom counts that squat
    // when the person stands up.
    const extent = leg.ankle.y - leg.hip.y;
    const restOpts = { dir: -1, relative: true } as const;
    const ref = stepRestReference(aux.leg, extent, { ...restOpts, targetExcursion: c.downCompression, smoothing: restSmoothing(c, ctx.frame.timestampMs) });
    const depth = ref.excursion ?? Number.NaN;
    // The knee's medial displacement (a fraction of the straight leg, its longest vertical extent), pelvic drop and
    // trunk lean against the person's own values standing tall between squats (a rolled camera, their stance and
    // anatomy, and the detector's placement of a straight knee cancel; the squat's change is what is judged).
    const medialNow = kneeMedialFrac(leg, leg.otherHip, ref.rest);
    const neutral = stepRestNeutrals(aux.neutral, { medial: medialNow, drop: m.pelvicDropDeg, lean: m.trunkLeanDeg }, ref, extent, { ...restOpts, band: c.upCompression });
    const next: Aux = { leg: ref.state, neutral };
    const dropDeg = fromRestNeutral(neutral, 'drop', m.pelvicDropDeg), leanDeg = fromRestNeutral(neutral, 'lean', m.trunkLeanDeg);
    // Valgus is judged with the knee bent (engine/valgus.ts); FPPA over the whole bend (these squats reach 45-75 deg of
    // knee flexion, inside FPPA's range).
    const { medial, fppa } = loadedKneeValgus(neutral, medialNow, m.fppaDeg, depth, { minBend: c.upCompression, fppaMaxBend: Infinity });
    return {
      primary: ref.excursion,
      measures: [
        { code: 'FPPA_DEG', side: c.side, value: m.fppaDeg, unit: 'deg' },
        { code: 'KNEE_MEDIAL_FRAC', side: c.side, value: medial, unit: 'ratio' },
        { code: 'PELVIC_DROP_DEG', side: c.side, value: m.pelvicDropDeg, unit: 'deg' },
        { code: 'TRUNK_LEAN_DEG', side: c.side, value: m.trunkLeanDeg, unit: 'deg' },
        { code: 'DEPTH_RATIO', side: c.side, value: depth, unit: 'ratio' },
      ],
      faults: [kneeValgusCheck(c.side, fppa, c), pelvicDropCheck(c.side, dropDeg, c), trunkLeanCheck(c.side, leanDeg, c)],
      samples: { depth, fppa, medial, drop: dropDeg, lean: leanDeg },
      aux: next,
    };
  },
  repMetrics: (acc) => ({
    peakDepthRatio: accMax(acc, 'depth'), peakFppaDeg: accMax(acc, 'fppa'), peakKneeMedialFrac: accMax(acc, 'medial'),
    peakPelvicDropDeg: accMax(acc, 'drop'), peakTrunkLeanDeg: accMax(acc, 'lean'),
  }),
  cueCodes: ['KNEE_VALGUS', 'PELVIC_DROP', 'TRUNK_LEAN'],
  measureCodes: ['FPPA_DEG', 'KNEE_MEDIAL_FRAC', 'PELVIC_DROP_DEG', 'TRUNK_LEAN_DEG', 'DEPTH_RATIO'],
}, FULL_BODY);
