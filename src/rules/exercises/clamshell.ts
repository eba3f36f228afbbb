// Clamshell, FRONT view of a body lying on its side, hips ~45 and knees ~90 deg bent, feet together: the top knee
// opens toward the ceiling while the feet stay together and the pelvis stays stacked. `side` = the top leg.
// docs/biomechanics.md#lying-exercises.
// - Rep metric: knee lift = knee-to-knee separation across the body (torso lengths, unsigned: left/right swaps of
//   the model cannot flip it) minus its smallest value so far
//   in the set (the closed clam; a robust running minimum, engine/baseline.ts). Relative, because the closed gap
//   depends on the body and the model (0.2-0.3 torso on the real clip, ~0.42 for anatomical joint centres). Open
//   >= 0.25, closed <= 0.10 (ours: ~20 deg of opening; a 30 deg opening lifts the knee ~0.3-0.4 torso).
// - FEET_APART: ankles more than 0.4 torso apart across the body (ours); SIDE_MISMATCH / PELVIS_ROLL: side-lying.ts.
// - Not visible: the rotation in degrees (the thighs point toward the camera), and pelvis roll by default.
import { z } from 'zod';
import { accMax, accMin } from '../engine/accumulator';
import { EMPTY_ROBUST_MAX, stepRobustMax, type RobustMax } from '../engine/baseline';
import { programmeBaseShape } from '../engine/config';
import { defineRepExercise, noEvaluation } from '../engine/rep-exercise';
import { inStartZone } from '../engine/rep-counter';
import { acrossBody } from './lying';
import { INITIAL_SIDE_LYING_AUX, sideLyingBody, sideLyingPelvis, sideLyingRequired, sideLyingShape, type SideLyingAux } from './side-lying';

const DOC = 'docs/biomechanics.md#lying-exercises';

export const clamshellConfigSchema = z.strictObject({
  ...programmeBaseShape,
  ...sideLyingShape,
  openLiftTorso: z.number().min(0.05).max(2).default(0.25)
    .describe(`The clam counts as open when the knee gap is this much (torso lengths) above its closed value. Ours (${DOC}): ~20 deg of opening.`),
  closedLiftTorso: z.number().min(0).max(2).default(0.1)
    .describe(`Knees back together below this lift, torso lengths (rep ends). Ours (${DOC}).`),
  feetApartTorso: z.number().min(0).max(2).default(0.4)
    .describe(`FEET_APART when the ankles are further apart across the body than this, torso lengths. Ours (${DOC}): feet together sit near 0.1-0.2.`),
  feetApartClearTorso: z.number().min(0).max(2).default(0.3).describe(`FEET_APART clears below this. Ours (${DOC}): hysteresis.`),
});
export type ClamshellConfig = z.infer<typeof clamshellConfigSchema>;

const thresholds = (c: ClamshellConfig) => ({ startThreshold: c.closedLiftTorso, targetThreshold: c.openLiftTorso });

type Aux = SideLyingAux & { closed: RobustMax };

export const clamshell = defineRepExercise<ClamshellConfig, Aux>({
  id: 'clamshell',
  name: 'Clamshell',
  view: 'front',
  sided: true,
  description: 'Lying on your side with knees bent, open the top knee like a clam while the feet stay together.',
  howTo: 'Lie on your side facing the camera, hips and knees bent, feet together and in line with your hips. Keep '
    + 'the feet touching and lift the top knee toward the ceiling, then lower it slowly. Keep the hips stacked: do '
    + 'not let the top hip roll back. Pick the top leg as the working side.',
  limitations: [
    'The opening is reported as how far the top knee rises (torso lengths), not in degrees: the thighs point toward the camera and are foreshortened.',
    'Pelvis roll is not judged by default: the pose model\'s hip points are too unstable lying down (it can be switched on).',
  ],
  configSchema: clamshellConfigSchema,
  required: (c) => sideLyingRequired(c.side, 'both-knees'),
  repThresholds: thresholds,
  initialAux: () => ({ ...INITIAL_SIDE_LYING_AUX, closed: EMPTY_ROBUST_MAX }),
  evaluate(ctx, aux) {
    const c = ctx.config, b = sideLyingBody(ctx.pt, c);
    if (!b) return noEvaluation(aux);
    // Unsigned: the top knee rests on the bottom one, so the gap never crosses zero in a clamshell, and a model that
    // swaps left and right for a few frames (common on a lying body) cannot flip it negative and drag the closed
    // reference with it.
    const gap = Math.abs(acrossBody(b.f, ctx.pt(b.top.knee)!, ctx.pt(b.bottom.knee)!));
    const closed = stepRobustMax(aux.closed, -gap); // running robust minimum of the gap (negated robust max)
    const lift = Number.isNaN(closed.max) ? 0 : gap + closed.max;
    const pelvis = sideLyingPelvis(b, aux, c, ctx.phase === 'setup' && inStartZone(lift, thresholds(c)));
    const ta = ctx.pt(b.top.ankle), ba = ctx.pt(b.bottom.ankle);
    const feet = ta && ba ? Math.abs(acrossBody(b.f, ta, ba)) : Number.NaN;
    return {
      primary: lift,
      measures: [
        { code: 'KNEE_GAP_TORSO', side: c.side, value: gap, unit: 'ratio' },
        { code: 'KNEE_LIFT_TORSO', side: c.side, value: lift, unit: 'ratio' },
        ...pelvis.measures,
      ],
      faults: [
        { code: 'FEET_APART', side: c.side, severity: 'warning', value: feet, faultAt: c.feetApartTorso, clearAt: c.feetApartClearTorso, joints: [b.top.ankle, b.bottom.ankle] },
        ...pelvis.faults,
      ],
      samples: { gap, lift, ...pelvis.samples },
      aux: { hipSepBaseline: pelvis.hipSepBaseline, closed },
    };
  },
  repMetrics: (acc, { timeAtTargetMs }) => ({
    peakKneeGapTorso: accMax(acc, 'gap'),
    peakKneeLiftTorso: accMax(acc, 'lift'),
    minPelvisRollRatio: accMin(acc, 'roll'),
    timeAtTopMs: timeAtTargetMs,
  }),
  cueCodes: ['PELVIS_ROLL', 'FEET_APART', 'SIDE_MISMATCH'],
  measureCodes: ['KNEE_GAP_TORSO', 'KNEE_LIFT_TORSO', 'PELVIS_ROLL_RATIO'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee']);
