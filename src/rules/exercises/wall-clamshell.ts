// Multi-angle wall clamshell (issue 7). Biomechanics: standing side-on to a wall, the wall-side foot is lifted and
// that knee driven into the wall by the OUTER (standing) leg's hip: an isometric hold of 5-10 s, 2-5 times per
// angle, at three standing-foot angles: neutral, turned 45 deg out (external rotation), turned 45 deg in (internal
// rotation) (seeds). Camera: front view. `side` = the standing (working) leg; the other foot is the lifted one.
// Hold: the clock runs while the wall-side foot is up: its ankle higher than the standing ankle by >= 8 % of the
// standing leg length (hip-knee + knee-ankle), down below 3 % (our defaults: lower than the single-leg stand test's
// 15 % / 5 %, because a foot pressed into a wall with the knee bent is lifted only a little; the same measure as
// there). Putting the foot down ends the hold ('foot-down'). Target 8 s (seeds:
// 5-10 s). Sequence: `holdsPerAngle` holds (default 3, seeds 2-5) at each angle in order neutral -> external ->
// internal, then 'done'. Each hold-end reports its angle stage (0, 1, 2).
// Faults while holding: PELVIC_DROP (lifted side lower >= 5 deg, clears < 3; as the single-leg stand test, NOTES:
// no validated 2D cut-off); TRUNK_LEAN toward the standing side >= 10 deg (clears < 6).
// Not visible: the foot angle itself (no foot keypoints: the app tells the user which angle is next and trusts
// them) and how hard the knee pushes into the wall.
import { z } from 'zod';
import { distance, midpoint, pelvicObliquityDeg, trunkLeanDeg } from '../../core/geometry';
import { otherSide } from '../../core/pose-frame';
import { SIDE_JOINTS } from '../engine/body';
import { programmeBaseShape } from './programme-kit';
import { defineHoldExercise, holdTimingShape } from './programme-hold-kit';
import { pelvicDropShape, trunkLeanShape } from './standing';

export const WALL_CLAMSHELL_ANGLES = ['neutral', 'external-rotation', 'internal-rotation'] as const;

export const wallClamshellConfigSchema = z.object({
  ...programmeBaseShape,
  ...holdTimingShape,
  ...pelvicDropShape,
  ...trunkLeanShape,
  targetMs: z.number().min(1000).max(60_000).default(8000).describe('Hold target per rep, ms. Seeds: 5-10 s.'),
  holdsPerAngle: z.number().int().min(1).max(10).default(3).describe('Holds at each foot angle before moving on. Seeds: 2-5.'),
  footUpFrac: z.number().min(0).max(1).default(0.08).describe('Foot up when the wall-side ankle is higher than the standing ankle by this fraction of the standing leg length. Our default (the single-leg stand test uses 0.15: the wall-side foot is lifted less).'),
  footDownFrac: z.number().min(0).max(1).default(0.03).describe('Foot down below this fraction (ends the hold). Our default (hysteresis).'),
});
export type WallClamshellConfig = z.infer<typeof wallClamshellConfigSchema>;

const stage = (holdsDone: number, c: WallClamshellConfig) => Math.min(WALL_CLAMSHELL_ANGLES.length - 1, Math.floor(holdsDone / c.holdsPerAngle));

export const wallClamshell = defineHoldExercise<WallClamshellConfig, null>({
  id: 'wall-clamshell',
  name: 'Multi-angle wall clamshell',
  view: 'front',
  trackPerson: true, // upright: a jump of the body centre is another person
  sided: true,
  description: 'Side-on to a wall, lift the inner knee and drive it into the wall from the outer hip; hold at three foot angles.',
  howTo: 'Stand facing the camera with one shoulder and hip next to a wall. Lift the wall-side foot, knee bent, and '
    + 'use the outer (standing) leg to press that knee into the wall. Hold 5-10 seconds, rest, repeat. Do the holds '
    + 'with the standing foot pointing forward, then turned 45 degrees away from the wall, then turned in toward it. '
    + 'Keep the pelvis level. Pick the standing leg as the working side.',
  limitations: [
    'The standing foot\'s angle cannot be seen (no foot keypoints): the app says which angle is next; you set it.',
    'How hard the knee presses into the wall is not visible; only the hold time and the pelvis are judged.',
  ],
  configSchema: wallClamshellConfigSchema,
  required: (c) => {
    const s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    return [s.shoulder, o.shoulder, s.hip, o.hip, s.knee, s.ankle, o.ankle];
  },
  holdTimer: (c) => ({ targetMs: c.targetMs, graceMs: c.graceMs, startMs: c.holdStartMs, maxFrameGapMs: c.maxFrameGapMs }),
  endOnRelease: true,
  totalHolds: (c) => c.holdsPerAngle * WALL_CLAMSHELL_ANGLES.length,
  holdSide: (c) => c.side,
  initialAux: () => null,
  evaluate(ctx, aux) {
    const c = ctx.config, s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    const hip = ctx.pt(s.hip)!, knee = ctx.pt(s.knee)!, ankle = ctx.pt(s.ankle)!, liftedHip = ctx.pt(o.hip)!, liftedAnkle = ctx.pt(o.ankle)!;
    const legLen = distance(hip, knee) + distance(knee, ankle);
    const lift = legLen > 0 ? (ankle.y - liftedAnkle.y) / legLen : Number.NaN;
    const drop = pelvicObliquityDeg(hip, liftedHip);
    const lean = trunkLeanDeg(midpoint(hip, liftedHip), midpoint(ctx.pt('left_shoulder')!, ctx.pt('right_shoulder')!), hip.x);
    return {
      postureOk: lift >= c.footUpFrac,
      released: lift < c.footDownFrac,
      measures: [
        { code: 'FOOT_ANGLE_STAGE', side: c.side, value: stage(ctx.holdsDone, c), unit: 'count' },
        { code: 'PELVIC_DROP_DEG', side: c.side, value: drop, unit: 'deg' },
        { code: 'FOOT_LIFT_RATIO', side: c.side, value: lift, unit: 'ratio' },
      ],
      faults: [
        { code: 'PELVIC_DROP', side: c.side, severity: 'warning', value: drop, faultAt: c.pelvicDropDeg, clearAt: c.pelvicDropClearDeg, joints: [s.hip, o.hip] },
        { code: 'TRUNK_LEAN', side: c.side, severity: 'warning', value: lean, faultAt: c.trunkLeanDeg, clearAt: c.trunkLeanClearDeg, joints: ['left_shoulder', 'right_shoulder', s.hip, o.hip] },
      ],
      samples: { drop, lean },
      aux,
    };
  },
  holdMetrics: (st, { config, holdsDone }) => ({
    angleStage: stage(holdsDone, config),
    peakPelvicDropDeg: st.drop && st.drop.n > 0 ? st.drop.max : Number.NaN,
    meanPelvicDropDeg: st.drop && st.drop.n > 0 ? st.drop.sum / st.drop.n : Number.NaN,
    peakTrunkLeanDeg: st.lean && st.lean.n > 0 ? st.lean.max : Number.NaN,
  }),
  cueCodes: ['PELVIC_DROP', 'TRUNK_LEAN'],
  measureCodes: ['FOOT_ANGLE_STAGE', 'PELVIC_DROP_DEG', 'FOOT_LIFT_RATIO'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
