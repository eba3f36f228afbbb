// Glute bridge (two-leg, or with a band around the knees pushed outward), issue 7. Biomechanics: lying on the back,
// knees bent, feet flat; the hips are lifted until shoulders, hips and knees form a straight line (full hip
// extension), then lowered. Camera: side view ('side'); either side may face the camera (the better-seen side is
// used on each frame). Not sided.
// Rep metric: hip line = 180 - shoulder-hip-knee angle, deg, POSITIVE when the hips are below the shoulder-knee
// line (flexed), NEGATIVE above it (arched). Lying down with the knees bent it is ~40-50 deg.
// A rep = down (>= 35 deg) -> up (<= 20 deg) -> down. Top quality: HIP_EXTENSION_INCOMPLETE (rep fault) when the
// best hip line of the rep stays above 10 deg: NOTES.md's straight-line tolerance (|180 - angle| < 10 deg, the
// side-plank number) applied to the bridge's shoulder-hip-knee line. HIPS_OVEREXTENDED cue at <= -15 deg (hips
// pushed above the line = lower-back arch; our default, clears at -10).
// Knees caving in (the band variant's fault) cannot be seen from the side: the knees overlap. Use
// glute-bridge-front (camera at the feet) for that.
import { z } from 'zod';
import { jointAngleDeg, type Point } from '../../core/geometry';
import { defineRepExercise, nearSide, programmeBaseShape, repMin, sideNames } from './programme-kit';

const JOINTS = ['shoulder', 'hip', 'knee'] as const;

/** 180 - shoulder-hip-knee angle, + when the hip is below (larger y than) the shoulder-knee line. */
export function hipLineDeg(shoulder: Point, hip: Point, knee: Point): number {
  const a = jointAngleDeg(shoulder, hip, knee);
  if (Number.isNaN(a)) return Number.NaN;
  const t = knee.x === shoulder.x ? 0.5 : (hip.x - shoulder.x) / (knee.x - shoulder.x);
  const lineY = shoulder.y + t * (knee.y - shoulder.y);
  return hip.y >= lineY ? 180 - a : -(180 - a);
}

export const gluteBridgeConfigSchema = z.object({
  ...programmeBaseShape,
  variant: z.enum(['two-leg', 'band']).default('two-leg')
    .describe("'band' = band around the knees, pushed outward. Same side-view checks; knee caving needs glute-bridge-front."),
  downDeg: z.number().min(10).max(90).default(35).describe('Hips down: hip line >= this, deg (start/end of a rep). Our default: lying with bent knees is ~40-50 deg.'),
  upDeg: z.number().min(0).max(60).default(20).describe('Hips up: hip line <= this, deg (a rep reaches the top). Our default.'),
  fullExtensionDeg: z.number().min(0).max(45).default(10)
    .describe('HIP_EXTENSION_INCOMPLETE when the best hip line of a rep stays above this, deg. NOTES.md straight-line tolerance (|180 - angle| < 10 deg).'),
  overextendedDeg: z.number().min(-60).max(0).default(-15).describe('HIPS_OVEREXTENDED (arched back) at or below this hip line, deg. Our default.'),
  overextendedClearDeg: z.number().min(-60).max(0).default(-10).describe('HIPS_OVEREXTENDED clears above this, deg. Our default.'),
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
  repMetrics: (st) => ({ topHipLineDeg: repMin(st, 'line') }),
  repFaults: (m, c) => (m.topHipLineDeg !== undefined && m.topHipLineDeg > c.fullExtensionDeg ? ['HIP_EXTENSION_INCOMPLETE'] : []),
  cueCodes: ['HIPS_OVEREXTENDED', 'HIP_EXTENSION_INCOMPLETE'],
  measureCodes: ['HIP_LINE_DEG'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee']);
