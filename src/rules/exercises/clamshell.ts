// Clamshell (issue 7). Biomechanics: lying on one side, hips ~45 deg and knees ~90 deg bent, feet together; the top
// knee opens toward the ceiling (hip external rotation + abduction) while the feet stay together and the pelvis
// stays stacked. Camera: facing the front of the lying body ('front' view), as for side-lying abduction.
// Rep metric: knee lift = knee-to-knee separation across the body (side-lying.ts frame) in torso lengths
// (mid-shoulder to mid-hip), minus its smallest value so far in the set (the closed clam; a running minimum over
// the median of 3 frames, so a one-frame glitch cannot set it). Relative, because the closed gap depends on the
// body and on the model: 0.2-0.3 torso on the real side-lying clip (MoveNet pulls the hips together lying down),
// ~0.42 for anatomical hip joint centres (synthetic model). A 30 deg opening lifts the top knee by ~0.3-0.4 torso
// (knee ~30 cm from the hip-foot axis, torso ~50 cm). Open >= 0.25, closed <= 0.10: our defaults from that model
// (~20 deg of opening to count), no literature number for 2D. Normalised by the torso, not by the hip separation:
// MoveNet's hip separation lying down is unstable (side-lying.ts).
// Faults: FEET_APART (ankles more than 0.4 torso apart across the body; the feet should stay together, our
// default); PELVIS_ROLL only if `pelvisRollCheck` (off by default, see side-lying.ts).
// Not visible: the rotation in degrees (the thighs point toward the camera and are foreshortened), and pelvis roll.
import { z } from 'zod';
import { midpoint } from '../../core/geometry';
import { otherSide } from '../../core/pose-frame';
import { SIDE_JOINTS } from '../engine/body';
import { inStartZone } from '../engine/rep-counter';
import { defineRepExercise, EMPTY_ROBUST_MAX, noEvaluation, programmeBaseShape, repMax, repMin, stepRobustMax, type FaultCheck, type MeasureOut, type RobustMax } from './programme-kit';
import {
  acrossBody, INITIAL_SIDE_LYING_AUX, pelvisRollRatio, sideLyingFrame, sideLyingRequired,
  sideLyingShape, stepHipSepBaseline, trunkFromHorizontalDeg, type SideLyingAux,
} from './side-lying';

export const clamshellConfigSchema = z.object({
  ...programmeBaseShape,
  ...sideLyingShape,
  openLiftTorso: z.number().min(0.05).max(2).default(0.25)
    .describe('The clam counts as open when the knee gap is this much (torso lengths) above its closed value. Our default (see file header).'),
  closedLiftTorso: z.number().min(0).max(2).default(0.1)
    .describe('Knees back together below this lift, torso lengths (rep ends). Our default.'),
  feetApartTorso: z.number().min(0).max(2).default(0.4)
    .describe('FEET_APART when the ankles are further apart across the body than this, torso lengths. Our default: feet together sit near 0.1-0.2.'),
  feetApartClearTorso: z.number().min(0).max(2).default(0.3).describe('FEET_APART clears below this. Our default.'),
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
    const c = ctx.config, top = SIDE_JOINTS[c.side], bottom = SIDE_JOINTS[otherSide(c.side)];
    const hip = ctx.pt(top.hip)!, otherHip = ctx.pt(bottom.hip)!;
    const f = sideLyingFrame(midpoint(ctx.pt(top.shoulder)!, ctx.pt(bottom.shoulder)!), midpoint(hip, otherHip));
    if (!f || trunkFromHorizontalDeg(f) > c.maxTrunkFromHorizontalDeg) return noEvaluation(aux);
    const hipSep = acrossBody(f, hip, otherHip);
    const gap = acrossBody(f, ctx.pt(top.knee)!, ctx.pt(bottom.knee)!);
    // Running robust minimum of the gap (negated robust max).
    const closed = stepRobustMax(aux.closed, -gap);
    const lift = Number.isNaN(closed.max) ? 0 : gap + closed.max;
    const next = { ...stepHipSepBaseline(aux, hipSep, ctx.phase === 'setup', inStartZone(lift, thresholds(c))), closed };
    const ta = ctx.pt(top.ankle), ba = ctx.pt(bottom.ankle);
    const feet = ta && ba ? Math.abs(acrossBody(f, ta, ba)) : Number.NaN;
    const faults: FaultCheck[] = [
      { code: 'FEET_APART', side: c.side, severity: 'warning', value: feet, faultAt: c.feetApartTorso, clearAt: c.feetApartClearTorso, joints: [top.ankle, bottom.ankle] },
      { code: 'SIDE_MISMATCH', side: c.side, severity: 'info', value: hipSep, faultAt: -c.sideMismatchTorso, clearAt: c.sideMismatchTorso, joints: [top.hip, bottom.hip] },
    ];
    const measures: MeasureOut[] = [
      { code: 'KNEE_GAP_TORSO', side: c.side, value: gap, unit: 'ratio' },
      { code: 'KNEE_LIFT_TORSO', side: c.side, value: lift, unit: 'ratio' },
    ];
    const samples: Record<string, number> = { gap, lift };
    if (c.pelvisRollCheck) {
      const roll = pelvisRollRatio(next, hipSep);
      faults.push({ code: 'PELVIS_ROLL', side: c.side, severity: 'warning', value: roll, faultAt: c.pelvisRollFaultRatio, clearAt: c.pelvisRollClearRatio, joints: [top.hip, bottom.hip] });
      measures.push({ code: 'PELVIS_ROLL_RATIO', side: c.side, value: roll, unit: 'ratio' });
      samples.roll = roll;
    }
    return { primary: lift, measures, faults, samples, aux: next };
  },
  repMetrics: (st, { timeAtTargetMs }) => ({
    peakKneeGapTorso: repMax(st, 'gap'),
    peakKneeLiftTorso: repMax(st, 'lift'),
    minPelvisRollRatio: repMin(st, 'roll'),
    timeAtTopMs: timeAtTargetMs,
  }),
  cueCodes: ['PELVIS_ROLL', 'FEET_APART', 'SIDE_MISMATCH'],
  measureCodes: ['KNEE_GAP_TORSO', 'KNEE_LIFT_TORSO', 'PELVIS_ROLL_RATIO'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee']);
