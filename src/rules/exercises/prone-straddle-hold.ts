// Prone straddle hold (issue 7). Biomechanics: lying face down, arms overhead, the straight legs are lifted off
// the floor and spread apart (hip extension + abduction at end range) and held 10-30 s (seeds).
// Camera: side view. Not sided (both legs work).
// Hold: the clock runs while the legs are lifted: leg elevation = hip -> ankle above the trunk line continued past
// the hip, deg, + toward the ceiling, >= 6 deg (our default: lying flat it is ~0 +/- 3 deg because the hip and ankle
// points sit at different heights above the floor; 6 deg is a clear lift of ~9 cm at the ankle); the hold is
// re-armed after the legs are back down (<= 2 deg). Target 20 s (seeds: 10-30 s). Trunk must lie within 40 deg of
// horizontal.
// Fault: KNEES_BENDING, knee angle < 150 deg (the legs should stay long; clears > 160; our default).
// Not visible from the side: how far apart the legs are (abduction happens in depth), so it is not judged.
import { z } from 'zod';
import { jointAngleDeg } from '../../core/geometry';
import { eitherPx } from '../engine/visibility';
import { programmeBaseShape, nearSide, sideNames } from './programme-kit';
import { defineHoldExercise, holdTimingShape } from './programme-hold-kit';

const DEG = 180 / Math.PI;
const LEG = ['hip', 'knee', 'ankle'] as const;

export const proneStraddleHoldConfigSchema = z.object({
  ...programmeBaseShape,
  ...holdTimingShape,
  targetMs: z.number().min(1000).max(120_000).default(20_000).describe('Hold target, ms. Seeds: 10-30 s.'),
  liftedDeg: z.number().min(1).max(45).default(6).describe('Legs lifted: leg elevation >= this, deg (clock runs). Our default (see header).'),
  downDeg: z.number().min(-10).max(20).default(2).describe('Legs down: elevation <= this, deg (re-arms the next hold). Our default.'),
  kneeBentDeg: z.number().min(90).max(180).default(150).describe('KNEES_BENDING when the knee angle drops below this, deg. Our default.'),
  kneeBentClearDeg: z.number().min(90).max(180).default(160).describe('KNEES_BENDING clears above this, deg. Our default.'),
  maxTrunkFromHorizontalDeg: z.number().min(0).max(90).default(40).describe('Trunk must lie within this of horizontal (prone). Our default.'),
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
  holdTimer: (c) => ({ targetMs: c.targetMs, graceMs: c.graceMs, startMs: c.holdStartMs, maxFrameGapMs: c.maxFrameGapMs }),
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
    const len = Math.hypot(hip.x - shoulder.x, hip.y - shoulder.y);
    if (!(len > 0)) return none;
    const u = { x: (hip.x - shoulder.x) / len, y: (hip.y - shoulder.y) / len };
    if (Math.atan2(Math.abs(u.y), Math.abs(u.x)) * DEG > c.maxTrunkFromHorizontalDeg) return none;
    let n = { x: u.y, y: -u.x };
    if (n.y > 0) n = { x: -n.x, y: -n.y };
    const v = { x: ankle.x - hip.x, y: ankle.y - hip.y };
    const elevation = Math.atan2(v.x * n.x + v.y * n.y, v.x * u.x + v.y * u.y) * DEG;
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
  holdMetrics: (st) => ({
    meanLegElevationDeg: st.elevation && st.elevation.n > 0 ? st.elevation.sum / st.elevation.n : Number.NaN,
    minKneeDeg: st.kneeDeg && st.kneeDeg.n > 0 ? st.kneeDeg.min : Number.NaN,
  }),
  cueCodes: ['KNEES_BENDING'],
  measureCodes: ['LEG_ELEVATION_DEG'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
