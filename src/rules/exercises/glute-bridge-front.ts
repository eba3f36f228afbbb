// Glute bridge seen from the feet, FRONT view: the variant for knees caving in (e.g. with a band around the knees
// pushed outward). From the side the knees overlap, so the camera sits low at the feet facing the person lying on
// their back (shoulder width / torso length is large because the torso runs away from the lens).
// docs/biomechanics.md#bridge-line, #knee-ankle-separation-ratio.
// - Rep metric: hip rise = how far the mid-hip has risen in the image above its lowest position in the set (hips on
//   the floor; a robust running maximum of its y, engine/rest-reference.ts), in hip widths (the hips stay at about the same
//   distance from the lens). Down <= 0.2 -> up >= 0.5 -> down (ours: a full bridge lifts the hips ~20 cm, about one
//   hip-joint width).
// - KNEES_CAVING: knee separation / ankle separation <= 0.85 of the person's own ratio with the hips down, while the
//   hips are up (ours, clears at >= 0.95), as the squat judges it relative to standing: how the model places knees
//   and ankles of a lying body differs per person and camera. No real clip of a bridge seen from the feet exists yet.
import { z } from 'zod';
import { midpoint, separationRatio } from '../../core/geometry';
import { accMax, accMin } from '../engine/accumulator';
import { programmeBaseShape } from '../engine/config';
import { defineRepExercise } from '../engine/rep-exercise';
import { EMPTY_REST_MEAN, EMPTY_REST_REFERENCE, restSmoothing, stepRestMean, stepRestReference, REST_MEAN_MIN_FRAMES, type RestReference } from '../engine/rest-reference';
import { calibrated } from '../engine/baseline';
import type { Stat } from '../engine/stats';

const DOC = 'docs/biomechanics.md#bridge-line';

export const gluteBridgeFrontConfigSchema = z.strictObject({
  ...programmeBaseShape,
  upRise: z.number().min(0.05).max(3).default(0.5).describe(`Hips up: mid-hip risen by this many hip widths above its lowest position. Ours (${DOC}): a full bridge lifts ~1 hip width.`),
  downRise: z.number().min(0).max(3).default(0.2).describe(`Hips down: rise below this (rep ends). Ours (${DOC}).`),
  kneesCavingRatio: z.number().min(0).max(2).default(0.85).describe('KNEES_CAVING at knee/ankle separation <= this fraction of the same person\'s ratio with the hips down, while the hips are up (the absolute ratio before a hips-down frame is seen). Measure: docs/biomechanics.md#knee-ankle-separation-ratio; value ours (not yet checked on a real clip).'),
  kneesCavingClearRatio: z.number().min(0).max(2).default(0.95).describe('KNEES_CAVING clears at >= this. Ours (docs/biomechanics.md#knee-ankle-separation-ratio): hysteresis.'),
});
export type GluteBridgeFrontConfig = z.infer<typeof gluteBridgeFrontConfigSchema>;

/** The lowest hips, and the knee/ankle separation ratio with the hips down (the person's own). */
interface Aux { lowest: RestReference; ratio: Stat }

export const gluteBridgeFront = defineRepExercise<GluteBridgeFrontConfig, Aux>({
  id: 'glute-bridge-front',
  name: 'Glute bridge (knees view)',
  view: 'front',
  sided: false,
  description: 'Glute bridge seen from the feet: counts the lifts and watches the knees stay over the feet.',
  howTo: 'Put the camera low at your feet, facing you, and lie on your back with knees bent and feet flat, hip-width '
    + 'apart (a band just above the knees if you use one). Lift the hips, pushing the knees outward so they stay over '
    + 'the feet, pause, and lower slowly.',
  limitations: [
    'From the feet the hip extension angle cannot be measured; the side-view bridge judges the straight line.',
    'Lift height is estimated in hip widths from the image and depends on the camera being low and in line with you.',
  ],
  configSchema: gluteBridgeFrontConfigSchema,
  required: () => ['left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'],
  repThresholds: (c) => ({ startThreshold: c.downRise, targetThreshold: c.upRise }),
  initialAux: () => ({ lowest: EMPTY_REST_REFERENCE, ratio: EMPTY_REST_MEAN }),
  evaluate(ctx, aux) {
    const c = ctx.config;
    const lh = ctx.pt('left_hip')!, rh = ctx.pt('right_hip')!, lk = ctx.pt('left_knee')!, rk = ctx.pt('right_knee')!;
    const la = ctx.pt('left_ankle')!, ra = ctx.pt('right_ankle')!;
    const hipW = Math.abs(lh.x - rh.x);
    // Mid-hip height (px) above its lowest position (largest y, hips on the floor) in hip widths; the rest is unknown
    // until a full lift has been seen, so a recording that begins with the hips up counts that lift when they come down.
    const lowest = stepRestReference(aux.lowest, hipW > 0 ? midpoint(lh, rh).y : Number.NaN, { dir: -1, targetExcursion: c.upRise * hipW, smoothing: restSmoothing(c, ctx.frame.timestampMs) });
    const rise = lowest.excursion === null ? Number.NaN : lowest.excursion / hipW;
    const rawRatio = separationRatio(lk, rk, la, ra);
    const up = rise > c.downRise;
    // Relative to the same person's ratio with the hips down (how the model places their knees and ankles).
    // Hips down: by the rest reference, or before it is known by the lowest hips seen so far.
    const riseNow = lowest.excursion !== null ? rise : hipW > 0 ? (lowest.rest - midpoint(lh, rh).y) / hipW : Number.NaN;
    const ratioRef = stepRestMean(aux.ratio, rawRatio, riseNow <= c.downRise);
    const ratio = ratioRef.n >= REST_MEAN_MIN_FRAMES ? rawRatio / calibrated(ratioRef) : rawRatio;
    return {
      primary: Number.isNaN(rise) ? null : rise,
      measures: [
        { code: 'HIP_RISE_RATIO', side: 'both', value: rise, unit: 'ratio' },
        { code: 'KNEE_ANKLE_RATIO', side: 'both', value: rawRatio, unit: 'ratio' },
      ],
      faults: [{ code: 'KNEES_CAVING', side: 'both', severity: 'warning', value: up ? ratio : Number.NaN, faultAt: c.kneesCavingRatio, clearAt: c.kneesCavingClearRatio, joints: ['left_knee', 'right_knee', 'left_ankle', 'right_ankle'] }],
      samples: { rise, ratio: up ? ratio : Number.NaN },
      aux: { lowest: lowest.state, ratio: ratioRef },
    };
  },
  repMetrics: (acc) => ({ peakHipRiseRatio: accMax(acc, 'rise'), minKneeAnkleRatio: accMin(acc, 'ratio') }),
  cueCodes: ['KNEES_CAVING'],
  measureCodes: ['HIP_RISE_RATIO', 'KNEE_ANKLE_RATIO'],
}, ['left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
