// Prone straddle hold, SIDE view: lying face down, arms overhead, the straight legs are lifted off the floor and
// spread apart and held 10-30 s. Not sided (both legs work; the better-seen side is measured).
// docs/biomechanics.md#lying-exercises, #hold-timing.
// - The clock runs while the legs are lifted: leg elevation = hip -> ankle above the trunk line continued past the
//   hip (lying.ts), >= 6 deg (ours: lying flat it reads ~0 +/- 3 deg; 6 deg lifts the ankle ~9 cm); re-armed after
//   the legs are back down (<= 2 deg). Target 20 s (the exercise articles: 10-30 s). Trunk within 40 deg of horizontal.
// - KNEES_BENDING: knee angle < 150 deg (the legs should stay long; ours).
// - View check: side view up to shoulder width / torso 0.75 (a camera above a body lying on the floor sees the
//   shoulders apart by its pitch; the standing side views' 0.25 blocked cameras square to the side).
// - Not visible from the side: how far apart the legs are (the spread happens in depth).
import { z } from 'zod';
import { jointAngleDeg } from '../../core/geometry';
import { accMean, accMin } from '../engine/accumulator';
import { nearSide, sideNames } from '../engine/body';
import { holdBaseShape } from '../engine/config';
import { defineHoldExercise } from '../engine/hold-exercise';
import { eitherPx } from '../engine/visibility';
import { limbFromTrunkDeg, lyingFrame, trunkFromHorizontalDeg } from './lying';

const LEG = ['hip', 'knee', 'ankle'] as const;
const DOC = 'docs/biomechanics.md#lying-exercises';

export const proneStraddleHoldConfigSchema = z.strictObject({
  ...holdBaseShape,
  sideMaxShoulderRatio: z.number().min(0).max(2).default(0.75)
    .describe(`Side view needs shoulder width / torso length <= this. Ours (${DOC}): a body lying on the floor seen by a camera above it shows its shoulders apart by the camera's pitch (0.2-0.45 square to the side at 30-45 deg down), more when turned up to 30 deg (up to ~0.7); a camera at the head or the feet foreshortens the torso (> 1). The standing side views keep 0.25.`),
  holdTargetMs: z.number().min(1000).max(180_000).default(20_000).describe('Hold target, ms. docs/biomechanics.md#hold-timing: the exercise articles hold 10-30 s.'),
  liftedDeg: z.number().min(1).max(45).default(6).describe(`Legs lifted: leg elevation >= this, deg (clock runs). Ours (${DOC}): flat reads ~0 +/- 3 deg.`),
  downDeg: z.number().min(-10).max(20).default(2).describe(`Legs down: elevation <= this, deg (re-arms the next hold). Ours (${DOC}).`),
  kneeBentDeg: z.number().min(90).max(180).default(150).describe(`KNEES_BENDING when the knee angle drops below this, deg. Ours (${DOC}).`),
  kneeBentClearDeg: z.number().min(90).max(180).default(160).describe(`KNEES_BENDING clears above this, deg. Ours (${DOC}): hysteresis.`),
  maxTrunkFromHorizontalDeg: z.number().min(0).max(90).default(40).describe(`Trunk within this of horizontal (prone), or nothing is measured. Ours (${DOC}).`),
});
export type ProneStraddleHoldConfig = z.infer<typeof proneStraddleHoldConfigSchema>;

export const proneStraddleHold = defineHoldExercise<ProneStraddleHoldConfig, null>({
  id: 'prone-straddle-hold',
  name: 'Prone straddle hold',
  view: 'side',
  sided: false,
  description: 'Lying face down, lift both straight legs off the floor, spread them apart and hold.',
  howTo: 'Lie face down side-on to the camera, arms stretched out past your ears, toes pointed. Lift both legs off '
    + 'the floor, keep the thighs up and the knees straight, and move the legs apart as far as you can. Hold for '
    + '10-30 seconds, then lower and rest.',
  limitations: [
    'How far apart the legs are cannot be seen from the side (the spread is toward and away from the camera); only the lift and the hold time are judged.',
  ],
  configSchema: proneStraddleHoldConfigSchema,
  required: (c, frame) => sideNames(nearSide(frame, LEG, c) ?? 'left', LEG),
  holdTimer: (c) => ({ targetMs: c.holdTargetMs, graceMs: c.graceMs, startMs: c.holdStartMs, maxFrameGapMs: c.maxFrameGapMs }),
  endOnRelease: false,
  holdSide: () => 'both',
  initialAux: () => null,
  evaluate(ctx, aux) {
    const c = ctx.config;
    const side = nearSide(ctx.frame, LEG, c)!;
    const shoulder = eitherPx(ctx.frame, 'left_shoulder', 'right_shoulder', c);
    const none = { postureOk: false, released: false, measures: [], faults: [], samples: {}, aux };
    if (!shoulder) return { ...none, missing: ['left_shoulder', 'right_shoulder'] };
    const [hip, knee, ankle] = sideNames(side, LEG).map((n) => ctx.pt(n)!) as [typeof shoulder, typeof shoulder, typeof shoulder];
    const f = lyingFrame(shoulder, hip);
    if (!f || trunkFromHorizontalDeg(f) > c.maxTrunkFromHorizontalDeg) return none;
    const elevation = limbFromTrunkDeg(f, hip, ankle);
    const kneeDeg = jointAngleDeg(hip, knee, ankle);
    return {
      postureOk: elevation >= c.liftedDeg,
      released: elevation <= c.downDeg,
      measures: [{ code: 'LEG_ELEVATION_DEG', side: 'both', value: elevation, unit: 'deg' }],
      faults: [{ code: 'KNEES_BENDING', side: 'both', severity: 'warning', value: kneeDeg, faultAt: c.kneeBentDeg, clearAt: c.kneeBentClearDeg, joints: sideNames(side, LEG) }],
      samples: { elevation, kneeDeg },
      aux,
    };
  },
  holdMetrics: (acc) => ({ meanLegElevationDeg: accMean(acc, 'elevation'), minKneeDeg: accMin(acc, 'kneeDeg') }),
  cueCodes: ['KNEES_BENDING'],
  measureCodes: ['LEG_ELEVATION_DEG'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
