// Clamshell (issue 7). Biomechanics: lying on one side, hips ~45 deg and knees ~90 deg bent, feet together; the top
// knee opens toward the ceiling (hip external rotation + abduction) while the feet stay together and the pelvis
// stays stacked. Camera: facing the front of the lying body ('front' view), as for side-lying abduction.
// Rep metric: knee opening = knee-to-knee separation across the body / the hip-to-hip separation of the start
// position (side-lying.ts frame), 1 = thighs parallel. Open >= 1.6, closed <= 1.25: our defaults from a simple
// model (hip joint centres ~17 cm apart, the top knee ~30 cm from the hip-foot axis: a 30 deg opening lifts it
// ~15 cm -> 1.9; 1.6 ~ 20 deg), no literature number for 2D.
// Faults: PELVIS_ROLL (side-lying.ts, our default 0.80), FEET_APART (ankle separation across the body > 1.0 hip
// separations: the feet should stay together, our default).
// Not visible: the rotation in degrees (the thighs point toward the camera and are foreshortened).
import { z } from 'zod';
import { midpoint } from '../../core/geometry';
import { otherSide } from '../../core/pose-frame';
import { SIDE_JOINTS } from '../engine/body';
import { inStartZone } from '../engine/rep-counter';
import { defineRepExercise, noEvaluation, programmeBaseShape, repMax, repMin, type FaultCheck, type MeasureOut } from './programme-kit';
import {
  acrossBody, hipSepBaseline, INITIAL_SIDE_LYING_AUX, pelvisRollRatio, sideLyingFrame, sideLyingRequired,
  sideLyingShape, stepHipSepBaseline, trunkFromHorizontalDeg, type SideLyingAux,
} from './side-lying';

export const clamshellConfigSchema = z.object({
  ...programmeBaseShape,
  ...sideLyingShape,
  openRatio: z.number().min(1).max(5).default(1.6)
    .describe('The clam counts as open at this knee separation / start hip separation. Our default (~20 deg of opening, see file header).'),
  closedRatio: z.number().min(0).max(3).default(1.25)
    .describe('Knees back together below this ratio (rep ends). Our default: hysteresis band 1.25-1.6.'),
  feetApartRatio: z.number().min(0).max(5).default(1.0)
    .describe('FEET_APART when the ankles are further apart across the body than this many start hip separations. Our default: feet touching sit well under 1.'),
});
export type ClamshellConfig = z.infer<typeof clamshellConfigSchema>;

const thresholds = (c: ClamshellConfig) => ({ startThreshold: c.closedRatio, targetThreshold: c.openRatio });

export const clamshell = defineRepExercise<ClamshellConfig, SideLyingAux>({
  id: 'clamshell',
  name: 'Clamshell',
  view: 'front',
  sided: true,
  description: 'Lying on your side with knees bent, open the top knee like a clam while the feet stay together.',
  howTo: 'Lie on your side facing the camera, hips and knees bent, feet together and in line with your hips. Keep '
    + 'the feet touching and lift the top knee toward the ceiling, then lower it slowly. Keep the hips stacked: do '
    + 'not let the top hip roll back. Pick the top leg as the working side.',
  limitations: [
    'The opening is reported as a ratio of knee to hip separation, not in degrees: the thighs point toward the camera and are foreshortened.',
    'Pelvis roll is seen only as the hip line shortening; rolling back and forward look the same, and rolls under ~30 deg are not flagged.',
  ],
  configSchema: clamshellConfigSchema,
  required: (c) => sideLyingRequired(c.side, 'both-knees'),
  repThresholds: thresholds,
  initialAux: () => INITIAL_SIDE_LYING_AUX,
  evaluate(ctx, aux) {
    const c = ctx.config, top = SIDE_JOINTS[c.side], bottom = SIDE_JOINTS[otherSide(c.side)];
    const hip = ctx.pt(top.hip)!, otherHip = ctx.pt(bottom.hip)!;
    const f = sideLyingFrame(midpoint(ctx.pt(top.shoulder)!, ctx.pt(bottom.shoulder)!), midpoint(hip, otherHip));
    if (!f || trunkFromHorizontalDeg(f) > c.maxTrunkFromHorizontalDeg) return noEvaluation(aux);
    const hipSep = acrossBody(f, hip, otherHip);
    const kneeSep = acrossBody(f, ctx.pt(top.knee)!, ctx.pt(bottom.knee)!);
    // Until the start position has been measured, the current hip separation stands in for the baseline.
    const ref = (b: number) => (b > 0 ? b : hipSep);
    const openingNow = kneeSep / ref(hipSepBaseline(aux));
    const next = stepHipSepBaseline(aux, hipSep, ctx.phase === 'setup', inStartZone(openingNow, thresholds(c)));
    const opening = kneeSep / ref(hipSepBaseline(next));
    const roll = pelvisRollRatio(next, hipSep);
    const ta = ctx.pt(top.ankle), ba = ctx.pt(bottom.ankle);
    const feet = ta && ba ? Math.abs(acrossBody(f, ta, ba)) / ref(hipSepBaseline(next)) : Number.NaN;
    const faults: FaultCheck[] = [
      { code: 'PELVIS_ROLL', side: c.side, severity: 'warning', value: roll, faultAt: c.pelvisRollFaultRatio, clearAt: c.pelvisRollClearRatio, joints: [top.hip, bottom.hip] },
      { code: 'FEET_APART', side: c.side, severity: 'warning', value: feet, faultAt: c.feetApartRatio, clearAt: c.feetApartRatio * 0.8, joints: [top.ankle, bottom.ankle] },
      { code: 'SIDE_MISMATCH', side: c.side, severity: 'info', value: hipSep, faultAt: -c.sideMismatchTorso, clearAt: c.sideMismatchTorso, joints: [top.hip, bottom.hip] },
    ];
    const measures: MeasureOut[] = [
      { code: 'KNEE_OPENING_RATIO', side: c.side, value: opening, unit: 'ratio' },
      { code: 'PELVIS_ROLL_RATIO', side: c.side, value: roll, unit: 'ratio' },
    ];
    return { primary: opening, measures, faults, samples: { opening, roll }, aux: next };
  },
  repMetrics: (st, { timeAtTargetMs }) => ({
    peakKneeOpeningRatio: repMax(st, 'opening'),
    minPelvisRollRatio: repMin(st, 'roll'),
    timeAtTopMs: timeAtTargetMs,
  }),
  cueCodes: ['PELVIS_ROLL', 'FEET_APART', 'SIDE_MISMATCH'],
  measureCodes: ['KNEE_OPENING_RATIO', 'PELVIS_ROLL_RATIO'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee']);
