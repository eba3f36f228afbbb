// Glute bridge (two-leg, or with a band around the knees pushed outward), SIDE view: lying on the back, knees bent,
// feet flat, the hips are lifted until shoulders, hips and knees form a straight line, then lowered. Either side may
// face the camera (the better-seen side is used on each frame). Not sided. docs/biomechanics.md#bridge-line.
// - Rep metric: hip line = 180 - shoulder-hip-knee angle, deg, + when the hips are below the shoulder-knee line
//   (flexed), - above it (arched); lying with the knees bent it is ~40-50 deg. A rep = down (>= 35) -> up (<= 20) ->
//   down (ours).
// - HIP_EXTENSION_INCOMPLETE (rep fault) when the best hip line of the rep stays above 10 deg (the straight-line
//   tolerance of the side plank applied to the bridge line); HIPS_OVEREXTENDED cue at <= -15 deg (hips pushed above
//   the line = lower-back arch; ours, clears at -10).
// - Knees caving in cannot be seen from the side (the knees overlap): glute-bridge-front is for that.
import { z } from 'zod';
import { lineDeviationDeg, type Point } from '../../core/geometry';
import { accMin } from '../engine/accumulator';
import { nearSide, sideNames } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import { defineRepExercise } from '../engine/rep-exercise';

const JOINTS = ['shoulder', 'hip', 'knee'] as const;
const DOC = 'docs/biomechanics.md#bridge-line';

/** The bridge's hip line: 180 - shoulder-hip-knee angle, + when the hip is below the shoulder-knee line. */
export const hipLineDeg = (shoulder: Point, hip: Point, knee: Point): number => lineDeviationDeg(shoulder, hip, knee);

export const gluteBridgeConfigSchema = z.strictObject({
  ...programmeBaseShape,
  variant: z.enum(['two-leg', 'band']).default('two-leg')
    .describe("'band' = band around the knees, pushed outward. Same side-view checks; knee caving needs glute-bridge-front."),
  downDeg: z.number().min(10).max(90).default(35).describe(`Hips down: hip line >= this, deg (start/end of a rep). Ours (${DOC}): lying with bent knees reads ~40-50 deg.`),
  upDeg: z.number().min(0).max(60).default(20).describe(`Hips up: hip line <= this, deg (a rep reaches the top). Ours (${DOC}).`),
  fullExtensionDeg: z.number().min(0).max(45).default(10)
    .describe(`HIP_EXTENSION_INCOMPLETE when the best hip line of a rep stays above this, deg. ${DOC}: the straight-line tolerance (/180 - angle/ < 10 deg).`),
  overextendedDeg: z.number().min(-60).max(0).default(-15).describe(`HIPS_OVEREXTENDED (arched back) at or below this hip line, deg. Ours (${DOC}).`),
  overextendedClearDeg: z.number().min(-60).max(0).default(-10).describe(`HIPS_OVEREXTENDED clears above this, deg. Ours (${DOC}): hysteresis.`),
});
export type GluteBridgeConfig = z.infer<typeof gluteBridgeConfigSchema>;

export const gluteBridge = defineRepExercise<GluteBridgeConfig, null>({
  id: 'glute-bridge',
  name: 'Glute bridge',
  view: 'side',
  sided: false,
  description: 'Lying on your back, knees bent, lift the hips until shoulders, hips and knees are in line.',
  howTo: 'Lie on your back side-on to the camera, knees bent, feet flat and hip-width apart (optionally a band just '
    + 'above the knees that you push outward). Squeeze the glutes and lift the hips until shoulders, hips and knees '
    + 'form a straight line, pause, and lower slowly. Do not arch the lower back at the top.',
  limitations: [
    'From the side the knees overlap: knees caving in against the band cannot be seen (use the front-view bridge for that).',
    'Lower-back arching is seen only as the hips rising above the shoulder-knee line.',
  ],
  configSchema: gluteBridgeConfigSchema,
  required: (c, frame) => sideNames(nearSide(frame, JOINTS, c) ?? 'left', JOINTS),
  repThresholds: (c) => ({ startThreshold: c.downDeg, targetThreshold: c.upDeg }),
  initialAux: () => null,
  evaluate(ctx, aux) {
    const c = ctx.config, side = nearSide(ctx.frame, JOINTS, c)!;
    const [s, h, k] = sideNames(side, JOINTS).map((n) => ctx.pt(n)!) as [Point, Point, Point];
    const line = hipLineDeg(s, h, k);
    return {
      primary: line,
      measures: [{ code: 'HIP_LINE_DEG', side: 'both', value: line, unit: 'deg' }],
      faults: [{ code: 'HIPS_OVEREXTENDED', side: 'both', severity: 'warning', value: line, faultAt: c.overextendedDeg, clearAt: c.overextendedClearDeg, joints: sideNames(side, JOINTS) }],
      samples: { line },
      aux,
    };
  },
  repMetrics: (acc) => ({ topHipLineDeg: accMin(acc, 'line') }),
  repFaults: (m, c) => (m.topHipLineDeg !== undefined && m.topHipLineDeg > c.fullExtensionDeg ? ['HIP_EXTENSION_INCOMPLETE'] : []),
  cueCodes: ['HIPS_OVEREXTENDED', 'HIP_EXTENSION_INCOMPLETE'],
  measureCodes: ['HIP_LINE_DEG'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee']);
