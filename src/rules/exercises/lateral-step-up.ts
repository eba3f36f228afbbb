// Lateral step-up, FRONT view: side-on to a step with the near foot on it, push through that foot until the leg is
// straight and the other foot leaves the floor, then lower with control, the knee over the ankle. `side` = the leg on
// the step. docs/biomechanics.md#leg-compression, #knee-valgus-fppa.
// - Rep metric: working-leg compression (standing.ts): at the bottom the leg is bent by the step height (~0.2 of leg
//   length for a 15-20 cm step), at the top it is straight. Bottom (start) >= 0.12, top <= 0.05 (ours), both from the
//   working leg's own straight length (engine/rest-reference.ts; the trailing leg's extent read 0.06-0.08 longer in
//   the evaluation's camera views: the feet stand at different heights and depths).
// - KNEE_VALGUS at working-knee FPPA >= 17 deg (no step-up norm: the closest loaded single-leg task's), judged only
//   while the knee is bent (FPPA of a straight leg is ~0 and meaningless).
import { z } from 'zod';
import { accMax } from '../engine/accumulator';
import { FULL_BODY } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import { defineRepExercise } from '../engine/rep-exercise';
import { EMPTY_REST_REFERENCE, restSmoothing, stepRestReference, type RestReference } from '../engine/rest-reference';
import { kneeValgusCheck, oneLeg, oneLegRequired, singleLegValgusShape } from './standing';

const DOC = 'docs/biomechanics.md#leg-compression';

export const lateralStepUpConfigSchema = z.strictObject({
  ...programmeBaseShape,
  ...singleLegValgusShape,
  bottomCompression: z.number().min(0.03).max(0.6).default(0.12)
    .describe(`Bottom (start) position: working leg shorter than straight by at least this fraction. Ours (${DOC}): a 15-20 cm step bends the leg by ~0.2.`),
  topCompression: z.number().min(0).max(0.5).default(0.05)
    .describe(`Top: working leg within this fraction of straight (a rep = bottom -> top -> bottom). Ours (${DOC}).`),
  valgusMinCompression: z.number().min(0).max(0.5).default(0.05)
    .describe(`KNEE_VALGUS is judged only while the working leg is bent by more than this. Ours (docs/biomechanics.md#knee-valgus-fppa): = topCompression.`),
});
export type LateralStepUpConfig = z.infer<typeof lateralStepUpConfigSchema>;

export const lateralStepUp = defineRepExercise<LateralStepUpConfig, RestReference>({
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
  initialAux: () => EMPTY_REST_REFERENCE,
  evaluate(ctx, aux) {
    const c = ctx.config, leg = oneLeg(ctx.pt, c.side);
    // Bend of the working leg from its own straight length at the top (the rest reference: its longest smoothed
    // extent; the trailing leg's extent differs with the step height and the camera's perspective), unknown until a
    // full step-up has been seen.
    const ref = stepRestReference(aux, leg.ankle.y - leg.hip.y, { dir: -1, relative: true, targetExcursion: c.bottomCompression, targetAt: 'rest', smoothing: restSmoothing(c, ctx.frame.timestampMs) });
    const bend = ref.excursion ?? Number.NaN;
    const fppa = bend > c.valgusMinCompression ? leg.m.fppaDeg : Number.NaN; // FPPA's valid range: knee bent
    return {
      primary: ref.excursion,
      measures: [
        { code: 'FPPA_DEG', side: c.side, value: leg.m.fppaDeg, unit: 'deg' },
        { code: 'KNEE_BEND_RATIO', side: c.side, value: bend, unit: 'ratio' },
      ],
      faults: [kneeValgusCheck(c.side, fppa, c)],
      samples: { bend, fppa },
      aux: ref.state,
    };
  },
  repMetrics: (acc) => ({ peakFppaDeg: accMax(acc, 'fppa'), maxKneeBendRatio: accMax(acc, 'bend') }),
  cueCodes: ['KNEE_VALGUS'],
  measureCodes: ['FPPA_DEG', 'KNEE_BEND_RATIO'],
}, FULL_BODY);
