// Lateral step-up (issue 7). Biomechanics: standing side-on to a step with the near foot on it, push through that
// foot until the working leg is straight and the other foot leaves the floor, then lower back with control; the
// knee stays over the ankle (seeds: "keep your knee over your ankle"). Camera: front view. `side` = the working
// leg (the foot on the step).
// Rep metric: working-leg compression (standing.ts): at the bottom the leg is bent by the step height (~0.2 of leg
// length for a 15-20 cm step), at the top it is straight. Start (bottom) >= 0.12, top <= 0.05: our defaults.
// Fault: KNEE_VALGUS, FPPA of the working knee >= 17 deg (NOTES.md single-leg squat norms: PFP 16.8 +/- 5.4,
// healthy women 8.4 +/- 5.1; the step-up has no own 2D norm, so we use the closest loaded single-leg task); clears
// < 12 deg; judged only while the knee is bent (FPPA of a straight leg is ~0 and meaningless).
import { z } from 'zod';
import { otherSide } from '../../core/pose-frame';
import { SIDE_JOINTS } from '../engine/body';
import { defineRepExercise, EMPTY_ROBUST_MAX, programmeBaseShape, repMax, type RobustMax } from './programme-kit';
import { kneeValgusShape, legCompression, stanceMeasures, stepLegReference } from './standing';

export const lateralStepUpConfigSchema = z.object({
  ...programmeBaseShape,
  ...kneeValgusShape,
  bottomCompression: z.number().min(0.03).max(0.6).default(0.12)
    .describe('Bottom (start) position: working leg shorter than straight by at least this fraction. Our default: a 15-20 cm step bends the leg by ~0.2.'),
  topCompression: z.number().min(0).max(0.5).default(0.05)
    .describe('Top: working leg within this fraction of straight (a rep = bottom -> top -> bottom). Our default.'),
  valgusMinCompression: z.number().min(0).max(0.5).default(0.05)
    .describe('KNEE_VALGUS is judged only while the working leg is bent by more than this. Our default = topCompression.'),
});
export type LateralStepUpConfig = z.infer<typeof lateralStepUpConfigSchema>;

export const lateralStepUp = defineRepExercise<LateralStepUpConfig, RobustMax>({
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
  required: (c) => {
    const s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    return [s.shoulder, o.shoulder, s.hip, o.hip, s.knee, s.ankle];
  },
  repThresholds: (c) => ({ startThreshold: c.bottomCompression, targetThreshold: c.topCompression }),
  initialAux: () => EMPTY_ROBUST_MAX,
  evaluate(ctx, aux) {
    const c = ctx.config, s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    const hip = ctx.pt(s.hip)!, knee = ctx.pt(s.knee)!, ankle = ctx.pt(s.ankle)!, otherHip = ctx.pt(o.hip)!;
    // The trailing leg stands straight on the floor at the bottom: it gives the reference from the first frame.
    const ref = stepLegReference(aux, [{ hip, ankle }, { hip: otherHip, ankle: ctx.pt(o.ankle) }]);
    const bend = legCompression(ref, hip, ankle);
    const m = stanceMeasures({ stanceHip: hip, stanceKnee: knee, stanceAnkle: ankle, freeHip: otherHip, ls: ctx.pt('left_shoulder')!, rs: ctx.pt('right_shoulder')! });
    const fppa = bend > c.valgusMinCompression ? m.fppaDeg : Number.NaN;
    return {
      primary: bend,
      measures: [
        { code: 'FPPA_DEG', side: c.side, value: m.fppaDeg, unit: 'deg' },
        { code: 'KNEE_BEND_RATIO', side: c.side, value: bend, unit: 'ratio' },
      ],
      faults: [{ code: 'KNEE_VALGUS', side: c.side, severity: 'warning', value: fppa, faultAt: c.valgusFppaDeg, clearAt: c.valgusClearFppaDeg, joints: [s.hip, s.knee, s.ankle] }],
      samples: { bend, fppa },
      aux: ref,
    };
  },
  repMetrics: (st) => ({ peakFppaDeg: repMax(st, 'fppa'), maxKneeBendRatio: repMax(st, 'bend') }),
  cueCodes: ['KNEE_VALGUS'],
  measureCodes: ['FPPA_DEG', 'KNEE_BEND_RATIO'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
