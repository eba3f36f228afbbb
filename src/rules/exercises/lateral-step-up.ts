// Lateral step-up, FRONT view: side-on to a step with the near foot on it, push through that foot until the leg is
// straight and the other foot leaves the floor, then lower with control, the knee over the ankle. `side` = the leg on
// the step. docs/biomechanics.md#leg-compression, #knee-valgus-fppa.
// - Rep metric: working-leg compression (standing.ts): at the bottom the leg is bent by the step height (~0.2 of leg
//   length for a 15-20 cm step), at the top it is straight. Bottom (start) >= 0.12, top <= 0.05 (ours), both from the
//   working leg's own straight length (engine/rest-reference.ts; the trailing leg's extent read 0.06-0.08 longer in
//   the evaluation's camera views: the feet stand at different heights and depths).
// - KNEE_VALGUS when the bent working knee lies medial to its hip-ankle line by >= 6 % of the straight leg more than
//   with the leg straight at the top (docs/biomechanics.md#knee-medial-displacement; no step-up norm: what FPPA
//   17 deg, the single-leg squat's patellofemoral-pain mean, is at 60 deg of knee flexion). Judged only while the knee
//   is bent; FPPA is shown only in its range (bent, up to ~75 deg).
import { z } from 'zod';
import { accMax } from '../engine/accumulator';
import { FULL_BODY, kneeMedialFrac } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import { defineRepExercise } from '../engine/rep-exercise';
import { loadedKneeValgus } from '../engine/valgus';
import {
  EMPTY_REST_NEUTRALS, EMPTY_REST_REFERENCE, restSmoothing, stepRestNeutrals, stepRestReference, type RestNeutrals, type RestReference,
} from '../engine/rest-reference';
import { kneeMedialCheck, kneeMedialShape, oneLeg, oneLegRequired } from './standing';

const DOC = 'docs/biomechanics.md#leg-compression';

export const lateralStepUpConfigSchema = z.strictObject({
  ...programmeBaseShape,
  ...kneeMedialShape,
  bottomCompression: z.number().min(0.03).max(0.6).default(0.12)
    .describe(`Bottom (start) position: working leg shorter than straight by at least this fraction. Ours (${DOC}): a 15-20 cm step bends the leg by ~0.2.`),
  topCompression: z.number().min(0).max(0.5).default(0.05)
    .describe(`Top: working leg within this fraction of straight (a rep = bottom -> top -> bottom). Ours (${DOC}).`),
  valgusMinCompression: z.number().min(0).max(0.5).default(0.05)
    .describe(`KNEE_VALGUS is judged only while the working leg is bent by more than this. Ours (docs/biomechanics.md#knee-valgus-fppa): = topCompression.`),
});

/** The working leg's straight length, and its knee's medial displacement with the leg straight at the top. */
interface Aux { leg: RestReference; neutral: RestNeutrals }
export type LateralStepUpConfig = z.infer<typeof lateralStepUpConfigSchema>;

export const lateralStepUp = defineRepExercise<LateralStepUpConfig, Aux>({
  id: 'lateral-step-up',
  name: 'Lateral step-up',
  view: 'front',
  trackPerson: true, // upright: a jump of the body centre is another person
  sided: true,
  description: 'Side-on to a step, push up through the foot on the step, then lower with the knee over the ankle.',
  howTo: 'Face the camera with a low step beside you and put the near foot on it. Push through that foot until the '
    + 'leg is straight and the other foot leaves the floor, then lower slowly until it touches down. Keep the knee '
    + 'over the ankle, not drifting inward. Pick the leg on the step as the working side.',
  limitations: [
    'Knee bend is estimated from how much the leg shortens in the image: stay at the same distance from the camera.',
    'The step height and where the foot sits on the step are not measured.',
  ],
  configSchema: lateralStepUpConfigSchema,
  required: (c) => oneLegRequired(c.side),
  repThresholds: (c) => ({ startThreshold: c.bottomCompression, targetThreshold: c.topCompression }),
  initialAux: () => ({ leg: EMPTY_REST_REFERENCE, neutral: EMPTY_REST_NEUTRALS }),
  evaluate(ctx, aux) {
    const c = ctx.config, leg = oneLeg(ctx.pt, c.side);
    // Bend of the working leg from its own straight length at the top (the rest reference: its longest smoothed
    // extent; the trailing leg's extent differs with the step height and the camera's perspective), unknown until a
    // full step-up has been seen.
    const extent = leg.ankle.y - leg.hip.y;
    const restOpts = { dir: -1, relative: true } as const;
    const ref = stepRestReference(aux.leg, extent, { ...restOpts, targetExcursion: c.bottomCompression, targetAt: 'rest', smoothing: restSmoothing(c, ctx.frame.timestampMs) });
    const bend = ref.excursion ?? Number.NaN;
    // The knee's medial displacement (fraction of the straight leg) against its value with the leg straight at the top.
    const medialNow = kneeMedialFrac(leg, leg.otherHip, ref.rest);
    const neutral = stepRestNeutrals(aux.neutral, { medial: medialNow }, ref, extent, { ...restOpts, band: c.topCompression });
    const next: Aux = { leg: ref.state, neutral };
    const { medial, fppa } = loadedKneeValgus(neutral, medialNow, leg.m.fppaDeg, bend, { minBend: c.valgusMinCompression, fppaMaxBend: c.fppaMaxCompression });
    return {
      primary: ref.excursion,
      measures: [
        { code: 'FPPA_DEG', side: c.side, value: fppa, unit: 'deg' },
        { code: 'KNEE_MEDIAL_FRAC', side: c.side, value: medial, unit: 'ratio' },
        { code: 'KNEE_BEND_RATIO', side: c.side, value: bend, unit: 'ratio' },
      ],
      faults: [kneeMedialCheck(c.side, medial, c)],
      samples: { bend, fppa, medial },
      aux: next,
    };
  },
  repMetrics: (acc) => ({ peakFppaDeg: accMax(acc, 'fppa'), peakKneeMedialFrac: accMax(acc, 'medial'), maxKneeBendRatio: accMax(acc, 'bend') }),
  cueCodes: ['KNEE_VALGUS'],
  measureCodes: ['FPPA_DEG', 'KNEE_MEDIAL_FRAC', 'KNEE_BEND_RATIO'],
}, FULL_BODY);
