// Multi-angle wall clamshell, FRONT view: standing side-on to a wall, the wall-side foot is lifted and that knee
// driven into the wall by the OUTER (standing) leg's hip: an isometric hold of 5-10 s, 2-5 times per angle, at three
// standing-foot angles: neutral, turned 45 deg out, turned 45 deg in (the exercise articles). `side` = the standing
// leg. docs/biomechanics.md#single-leg-stance-and-foot-lift, #hold-timing.
// - The clock runs while the wall-side foot is up (the kit's foot lift, engine/foot-lift.ts): its ankle higher than the
//   standing ankle by >= 8 % of the standing leg length, down below 3 % above the person's own two-leg stance (median
//   of the last 3 s outside holds) (ours: lower than the single-leg stand test's 15 % / 5 %, because a foot pressed
//   into a wall is lifted only a little). Foot down ends the hold ('foot-down'). Target 8 s; `holdsPerAngle` (3) holds at
//   each angle in order, then 'done'; each hold-end reports its angle stage (0, 1, 2).
// - While holding: PELVIC_DROP (lifted side lower >= 5 deg) and TRUNK_LEAN toward the standing side >= 10 deg, both
//   against the person's own two-leg neutral learned while the foot is down (engine/neutral.ts, as the single-leg
//   stand: camera roll and detector hip placement cancel), as a 2 s rolling interquartile mean. Before any two-leg
//   stance has been seen the pelvic line is not judged; the trunk is, against the image vertical.
// - Not visible: the foot angle itself (no foot keypoints: the app says which angle is next and trusts the user) and
//   how hard the knee pushes into the wall.
import { z } from 'zod';
import { otherSide } from '../../core/pose-frame';
import { accMax, accMean } from '../engine/accumulator';
import { FULL_BODY, SIDE_JOINTS } from '../engine/body';
import { holdBaseShape } from '../engine/config';
import { ankleRaiseFrac, INITIAL_FOOT_LIFT, learnFootNeutral, stepFootRaise, type FootLiftConfig, type FootLiftState } from '../engine/foot-lift';
import { defineHoldExercise } from '../engine/hold-exercise';
import { bodyLines, INITIAL_NEUTRAL, LEVEL, neutralLines, neutralShape, stepNeutral, type NeutralState } from '../engine/neutral';
import { NO_STANCE_LINES, stepStanceLines, type StanceLinesState } from '../engine/stance-lines';
import { oneLeg, oneLegRequired, pelvicDropCheck, pelvicDropShape, trunkLeanCheck, trunkLeanShape } from './standing';

const DOC = 'docs/biomechanics.md#single-leg-stance-and-foot-lift';

export const WALL_CLAMSHELL_ANGLES = ['neutral', 'external-rotation', 'internal-rotation'] as const;

export const wallClamshellConfigSchema = z.strictObject({
  ...holdBaseShape,
  ...pelvicDropShape,
  ...trunkLeanShape,
  ...neutralShape,
  holdTargetMs: z.number().min(1000).max(180_000).default(8000).describe('Hold target per rep, ms. docs/biomechanics.md#hold-timing: the exercise articles hold 5-10 s.'),
  holdsPerAngle: z.number().int().min(1).max(10).default(3).describe('Holds at each foot angle before moving on. docs/biomechanics.md#hold-timing: the exercise articles say 2-5.'),
  footUpFrac: z.number().min(0).max(1).default(0.08).describe(`Foot up when the wall-side ankle is higher than the standing ankle by this fraction of the standing leg length. Ours (${DOC}): the single-leg stand uses 0.15; a foot pressed into a wall is lifted less.`),
  footDownFrac: z.number().min(0).max(1).default(0.03).describe(`Foot down below this fraction above the person's own two-leg stance (ends the hold, arms the next). Ours (${DOC}): hysteresis; standing feet read a few % apart with a rolled camera.`),
});
export type WallClamshellConfig = z.infer<typeof wallClamshellConfigSchema>;

/** The kit's foot-lift detector on the wall-side foot. Its timing is the hold timer's (start, grace), not debounced here. */
const footLiftConfig = (c: WallClamshellConfig): FootLiftConfig => ({
  liftOnFrac: c.footUpFrac, liftOnNeutralFrac: c.footUpFrac, liftOffFrac: c.footDownFrac, liftOnsetMs: 0, footDownMs: 0,
  liftOnAbsolute: true,
  neutralWindowMs: c.neutralWindowMs, neutralMinMs: c.neutralMinMs,
});

const stage = (holdsDone: number, c: WallClamshellConfig) => Math.min(WALL_CLAMSHELL_ANGLES.length - 1, Math.floor(holdsDone / c.holdsPerAngle));

/** The person's neutral (foot down: pelvic and trunk lines, the ankles' height difference) and the rolling windows of the hold in progress. */
export interface WallClamshellAux { neutral: NeutralState; lift: FootLiftState; lines: StanceLinesState }

export const wallClamshell = defineHoldExercise<WallClamshellConfig, WallClamshellAux>({
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
  required: (c) => [...oneLegRequired(c.side), SIDE_JOINTS[c.side === 'left' ? 'right' : 'left'].ankle],
  holdTimer: (c) => ({ targetMs: c.holdTargetMs, graceMs: c.graceMs, startMs: c.holdStartMs, maxFrameGapMs: c.maxFrameGapMs }),
  endOnRelease: true,
  totalHolds: (c) => c.holdsPerAngle * WALL_CLAMSHELL_ANGLES.length,
  holdSide: (c) => c.side,
  initialAux: () => ({ neutral: INITIAL_NEUTRAL, lift: INITIAL_FOOT_LIFT, lines: NO_STANCE_LINES }),
  evaluate(ctx, aux) {
    const c = ctx.config, leg = oneLeg(ctx.pt, c.side), t = ctx.frame.timestampMs;
    const wall = otherSide(c.side), cfg = footLiftConfig(c);
    // The wall-side ankle over the standing one (the kit's foot lift, as the single-leg stand). Foot down is against
    // the person's own two-leg stance: a rolled or turned camera shows standing feet a few % apart, which sat between
    // foot down (3 %) and foot up (8 %), so the foot never counted as down and the next hold never armed. The standing
    // foot is not watched (NaN: its raise needs the wall-side knee, which is not required).
    const raise = ankleRaiseFrac(leg.otherAnkle!, leg);
    const foot = stepFootRaise(aux.lift, wall === 'left' ? { left: raise, right: Number.NaN } : { left: Number.NaN, right: raise }, t, cfg);
    const lift = foot.raise[wall];
    const postureOk = foot.signal[wall] === 'fault', released = foot.signal[wall] === 'clear';
    // Outside holds with the foot not up: two-leg stance for the ankles' neutral.
    const liftState = !ctx.holding && !postureOk ? learnFootNeutral(foot, t, cfg) : foot.state;
    const lines = bodyLines(ctx.pt('left_hip')!, ctx.pt('right_hip')!, ctx.pt('left_shoulder')!, ctx.pt('right_shoulder')!);
    // Foot not up: two-leg stance for the neutral (a standing pair of feet can read a few % apart with the camera
    // above or below them; the median ignores the frames of a foot on its way up). Foot up: drop and lean against it
    // (image level before any stance was seen).
    const neutral = !postureOk ? stepNeutral(aux.neutral, lines, t, c) : aux.neutral;
    // No two-leg stance seen yet (a recording that starts mid-hold): the pelvic line is not judged (a rolled camera
    // would read as a drop); the trunk against the image vertical still is.
    // The neutral only changes with the foot down, where the windows restart: a hold is measured against one base.
    const base = neutralLines(neutral, c);
    const stance = stepStanceLines(aux.lines, lines, base ?? LEVEL, c.side, t, postureOk, c.medianWindowMs, c);
    const drop = base ? stance.dropDeg : Number.NaN, lean = stance.leanDeg;
    return {
      postureOk,
      released,
      measures: [
        { code: 'FOOT_ANGLE_STAGE', side: c.side, value: stage(ctx.holdsDone, c), unit: 'count' },
        { code: 'PELVIC_DROP_DEG', side: c.side, value: drop, unit: 'deg' },
        { code: 'FOOT_LIFT_RATIO', side: c.side, value: lift, unit: 'ratio' },
      ],
      faults: [
        pelvicDropCheck(c.side, drop, c),
        trunkLeanCheck(c.side, lean, c),
      ],
      samples: { drop, lean },
      aux: { neutral, lift: liftState, lines: stance.state },
    };
  },
  holdMetrics: (acc, { config, holdsDone }) => ({
    angleStage: stage(holdsDone, config),
    peakPelvicDropDeg: accMax(acc, 'drop'), meanPelvicDropDeg: accMean(acc, 'drop'), peakTrunkLeanDeg: accMax(acc, 'lean'),
  }),
  cueCodes: ['PELVIC_DROP', 'TRUNK_LEAN'],
  measureCodes: ['FOOT_ANGLE_STAGE', 'PELVIC_DROP_DEG', 'FOOT_LIFT_RATIO'],
}, FULL_BODY);
