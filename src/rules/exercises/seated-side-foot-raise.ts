// Seated side foot raise, FRONT view: seated, hips and knees at ~90 deg, feet off the floor, a loop band around the
// feet; keeping the knees together the feet are pulled apart (hip internal rotation swings each shank outward), held
// briefly and returned. One foot rising less than the other hints at weakness on that side. Not sided; `mode` picks
// both feet or one at a time. docs/biomechanics.md#programme-exercises.
// - Rep metric: shank (knee -> ankle) from vertical, deg, + outward, per leg; with both feet the smaller of the two
//   (both must go out). Out >= 20, in <= 8 deg (ours: 20 deg moves each foot ~0.35 shank lengths).
// - Per rep: peak angle per leg and the left-minus-right difference (asymmetry, deg).
// - KNEES_APART: knee separation > 1.0 x hip separation (keep the knees together; ours: knees touching read ~0.5-0.7
//   hip widths for joint-centre keypoints).
import { z } from 'zod';
import { midpoint } from '../../core/geometry';
import type { Side } from '../../core/pose-frame';
import { accMax } from '../engine/accumulator';
import { SIDE_JOINTS } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import { defineRepExercise } from '../engine/rep-exercise';

const DEG = 180 / Math.PI;
const DOC = 'docs/biomechanics.md#programme-exercises';

export const seatedSideFootRaiseConfigSchema = z.strictObject({
  ...programmeBaseShape,
  mode: z.enum(['both', 'left', 'right']).default('both').describe("'both' = both feet apart together; 'left'/'right' = one foot at a time (the exercise articles' option)."),
  outDeg: z.number().min(5).max(60).default(20).describe(`Foot out: shank >= this from vertical, deg. Ours (${DOC}): each foot moves ~0.35 shank lengths.`),
  inDeg: z.number().min(0).max(40).default(8).describe(`Foot back: shank <= this, deg (rep ends). Ours (${DOC}): hysteresis.`),
  kneesApartRatio: z.number().min(0).max(3).default(1.0).describe(`KNEES_APART when knee separation / hip separation exceeds this. Ours (${DOC}): knees together read ~0.5-0.7.`),
  kneesApartClearRatio: z.number().min(0).max(3).default(0.85).describe(`KNEES_APART clears below this. Ours (${DOC}): hysteresis.`),
});
export type SeatedSideFootRaiseConfig = z.infer<typeof seatedSideFootRaiseConfigSchema>;

export const seatedSideFootRaise = defineRepExercise<SeatedSideFootRaiseConfig, null>({
  id: 'seated-side-foot-raise',
  name: 'Seated side foot raise',
  view: 'front',
  sided: false,
  description: 'Seated with a band round the feet, knees together, pull the feet apart and bring them back.',
  howTo: 'Sit facing the camera high enough that your feet are off the floor, hips and knees bent to about 90 '
    + 'degrees, a loop band around your feet, hands in your lap. Keep the knees together and slowly pull the feet '
    + 'apart, hold briefly, and return. You can also work one foot at a time.',
  limitations: [
    'Band tension is not visible; the angle shows how far each foot moves, not how hard it pulls.',
    'The thigh rotation itself is seen only through the shank swinging out in the image.',
  ],
  configSchema: seatedSideFootRaiseConfigSchema,
  required: () => ['left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'],
  repThresholds: (c) => ({ startThreshold: c.inDeg, targetThreshold: c.outDeg }),
  repSide: (c) => (c.mode === 'both' ? 'both' : c.mode),
  initialAux: () => null,
  evaluate(ctx, aux) {
    const c = ctx.config;
    const lh = ctx.pt('left_hip')!, rh = ctx.pt('right_hip')!;
    const mid = midpoint(lh, rh);
    const shank = (side: Side): number => {
      const j = SIDE_JOINTS[side];
      const hip = side === 'left' ? lh : rh, knee = ctx.pt(j.knee)!, ankle = ctx.pt(j.ankle)!;
      const outward = Math.sign(hip.x - mid.x) || 1;
      return Math.atan2(outward * (ankle.x - knee.x), ankle.y - knee.y) * DEG;
    };
    const left = shank('left'), right = shank('right');
    const primary = c.mode === 'both' ? Math.min(left, right) : c.mode === 'left' ? left : right;
    const hipW = Math.abs(lh.x - rh.x);
    const knees = hipW > 0 ? Math.abs(ctx.pt('left_knee')!.x - ctx.pt('right_knee')!.x) / hipW : Number.NaN;
    return {
      primary,
      measures: [
        { code: 'SHANK_OUT_DEG', side: 'left', value: left, unit: 'deg' },
        { code: 'SHANK_OUT_DEG', side: 'right', value: right, unit: 'deg' },
        { code: 'KNEE_SEPARATION_RATIO', side: 'both', value: knees, unit: 'ratio' },
      ],
      faults: [{ code: 'KNEES_APART', side: 'both', severity: 'warning', value: knees, faultAt: c.kneesApartRatio, clearAt: c.kneesApartClearRatio, joints: ['left_knee', 'right_knee'] }],
      samples: { left, right },
      aux,
    };
  },
  repMetrics: (acc) => {
    const l = accMax(acc, 'left'), r = accMax(acc, 'right');
    return { peakLeftShankDeg: l, peakRightShankDeg: r, asymmetryDeg: l - r };
  },
  cueCodes: ['KNEES_APART'],
  measureCodes: ['SHANK_OUT_DEG', 'KNEE_SEPARATION_RATIO'],
}, ['left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
