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
import { programmeBaseShape } from '../engine/config';
import { defineRepExercise, noEvaluation } from '../engine/rep-exercise';
import { inStartZone } from '../engine/rep-counter';
import { EMPTY_REST_REFERENCE, restSmoothing, stepRestReference, type RestReference } from '../engine/rest-reference';
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

/** `baselineDone`: the first stretch at rest (where the pelvis baseline is learned) is over. */
type Aux = SideLyingAux & { closed: RestReference; baselineDone: boolean };

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
  initialAux: () => ({ ...INITIAL_SIDE_LYING_AUX, closed: EMPTY_REST_REFERENCE, baselineDone: false }),
  evaluate(ctx, aux) {
    const c = ctx.config, b = sideLyingBody(ctx.pt, c, aux.topVote, 'knee');
    if (!b) return noEvaluation(aux);
    // Unsigned: the top knee rests on the bottom one, so the gap never crosses zero in a clamshell, and a model that
    // swaps left and right for a few frames (common on a lying body) cannot flip it negative and drag the closed
    // reference with it.
    const gap = Math.abs(acrossBody(b.f, ctx.pt(b.top.knee)!, ctx.pt(b.bottom.knee)!));
    // Lift above the closed clam (running robust minimum of the gap); null until an opening has been seen, so a
    // recording that begins with the knee open counts that rep when it closes (engine/rest-reference.ts).
    const closed = stepRestReference(aux.closed, gap, { dir: 1, targetExcursion: c.openLiftTorso, smoothing: restSmoothing(c, ctx.frame.timestampMs) });
    const lift = closed.excursion;
    // The pelvis baseline is learned over the first stretch near the closed gap seen so far (before an opening is
    // known too: a set that starts at rest learns it there).
    const atRest = inStartZone(lift ?? gap - closed.rest, thresholds(c));
    const pelvis = sideLyingPelvis(b, aux, c, atRest && !aux.baselineDone);
    const baselineDone = aux.baselineDone || (!atRest && pelvis.hipSepBaseline.n > 0);
    const ta = ctx.pt(b.top.ankle), ba = ctx.pt(b.bottom.ankle);
    const feet = ta && ba ? Math.abs(acrossBody(b.f, ta, ba)) : Number.NaN;
    return {
      primary: lift,
      measures: [
        { code: 'KNEE_GAP_TORSO', side: c.side, value: gap, unit: 'ratio' },
        { code: 'KNEE_LIFT_TORSO', side: c.side, value: lift ?? Number.NaN, unit: 'ratio' },
        ...pelvis.measures,
      ],
      faults: [
        { code: 'FEET_APART', side: c.side, severity: 'warning', value: feet, faultAt: c.feetApartTorso, clearAt: c.feetApartClearTorso, joints: [b.top.ankle, b.bottom.ankle] },
        ...pelvis.faults,
      ],
      samples: { gap, lift: lift ?? Number.NaN, ...pelvis.samples },
      aux: { hipSepBaseline: pelvis.hipSepBaseline, topVote: b.topVote, closed: closed.state, baselineDone },
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
