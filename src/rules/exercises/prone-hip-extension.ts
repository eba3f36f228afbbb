// Prone hip extension with the knee bent, SIDE view: lying face down, one knee bent to ~90 deg, the thigh is lifted
// off the floor by the glutes without arching the lower back, then lowered. `side` = the working leg.
// docs/biomechanics.md#lying-exercises.
// - Rep metric: the working thigh (hip -> knee) above the trunk line continued past the hip (lying.ts), + toward the
//   ceiling, relative to the same angle lying still (the thigh at rest, engine/rest-reference.ts: the hip and knee
//   points sit at different heights above the floor). Up >= 10, down <= 4 deg (ours: hip extension range is
//   ~20-30 deg and smaller with the knee bent; 10 is clear of keypoint noise).
// - KNEE_STRAIGHTENING: working knee angle > 120 deg (the exercise keeps ~90; ours). TRUNK_LIFTING: the trunk line
//   tilts > 10 deg from its start angle (chest or lower back lifting instead of the hip; ours).
import { z } from 'zod';
import { jointAngleDeg } from '../../core/geometry';
import { accMax } from '../engine/accumulator';
import { calibrated, EMPTY_CALIBRATION, stepCalibration } from '../engine/baseline';
import { SIDE_JOINTS } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import type { FaultCheck } from '../engine/persistence';
import { defineRepExercise, noEvaluation } from '../engine/rep-exercise';
import { EMPTY_REST_REFERENCE, restSmoothing, stepRestReference, type RestReference } from '../engine/rest-reference';
import type { Stat } from '../engine/stats';
import { eitherPx } from '../engine/visibility';
import { limbFromTrunkDeg, lyingFrame } from './lying';

const DEG = 180 / Math.PI;
const DOC = 'docs/biomechanics.md#lying-exercises';

export const proneHipExtensionConfigSchema = z.strictObject({
  ...programmeBaseShape,
  upDeg: z.number().min(2).max(60).default(10).describe(`A lift counts at this hip extension above the start position, deg. Ours (${DOC}): clear of keypoint noise.`),
  downDeg: z.number().min(0).max(40).default(4).describe(`Thigh back down below this, deg (rep ends). Ours (${DOC}).`),
  kneeStraightDeg: z.number().min(90).max(180).default(120).describe(`KNEE_STRAIGHTENING when the working knee angle exceeds this, deg. Ours (${DOC}): the exercise keeps ~90.`),
  kneeStraightClearDeg: z.number().min(90).max(180).default(110).describe(`KNEE_STRAIGHTENING clears below this, deg. Ours (${DOC}): hysteresis.`),
  trunkLiftDeg: z.number().min(0).max(45).default(10).describe(`TRUNK_LIFTING when the trunk line tilts this far from its start angle, deg. Ours (${DOC}).`),
  trunkLiftClearDeg: z.number().min(0).max(45).default(6).describe(`TRUNK_LIFTING clears below this, deg. Ours (${DOC}): hysteresis.`),
  maxTrunkFromHorizontalDeg: z.number().min(0).max(90).default(40).describe(`The trunk must lie within this angle of horizontal (lying prone), or nothing is measured. Ours (${DOC}).`),
});
export type ProneHipExtensionConfig = z.infer<typeof proneHipExtensionConfigSchema>;

interface Aux { thighRest: RestReference; trunkBase: Stat }

export const proneHipExtension = defineRepExercise<ProneHipExtensionConfig, Aux>({
  id: 'prone-hip-extension',
  name: 'Prone hip extension, knee bent',
  view: 'side',
  sided: true,
  description: 'Lying face down with one knee bent, lift that thigh off the floor with the glutes, back flat.',
  howTo: 'Lie face down side-on to the camera, forehead on your hands. Bend the working knee to about 90 degrees, '
    + 'lie still for a moment, then squeeze the glutes and lift the thigh a little off the floor, keeping the knee '
    + 'bent and the hips and chest down. Lower slowly. Pick the lifting leg as the working side.',
  limitations: [
    'Lower-back arching is seen only as the trunk line tilting; a small lumbar extension with the hips down is not visible.',
    'Pelvis rotation (hip lifting off the floor on the working side) is not judged.',
  ],
  configSchema: proneHipExtensionConfigSchema,
  required: (c) => { const s = SIDE_JOINTS[c.side]; return [s.hip, s.knee, s.ankle]; },
  repThresholds: (c) => ({ startThreshold: c.downDeg, targetThreshold: c.upDeg }),
  initialAux: () => ({ thighRest: EMPTY_REST_REFERENCE, trunkBase: EMPTY_CALIBRATION }),
  evaluate(ctx, aux) {
    const c = ctx.config, s = SIDE_JOINTS[c.side];
    const shoulder = eitherPx(ctx.frame, 'left_shoulder', 'right_shoulder', c);
    if (!shoulder) return { ...noEvaluation(aux), missing: ['left_shoulder', 'right_shoulder'] };
    // The working leg is the one with the bent knee (~90 deg; the other lies straight): picked per frame from the legs
    // in view, so a model that swaps left and right for a few frames (common on a lying body) still follows it.
    const legs = [s, SIDE_JOINTS[c.side === 'left' ? 'right' : 'left']].map((j) => {
      const hip = ctx.pt(j.hip), knee = ctx.pt(j.knee), ankle = ctx.pt(j.ankle);
      return hip && knee && ankle ? { j, hip, knee, ankle, kneeDeg: jointAngleDeg(hip, knee, ankle) } : null;
    }).filter((l) => l !== null);
    const leg = legs.reduce((a, b) => (b.kneeDeg < a.kneeDeg ? b : a));
    const { hip, knee } = leg;
    const f = lyingFrame(shoulder, hip);
    if (!f) return noEvaluation(aux);
    // Trunk line against horizontal, signed (image up +); only its change from the start matters.
    const trunkDeg = Math.atan2(-f.u.y, Math.abs(f.u.x)) * DEG;
    if (Math.abs(trunkDeg) > c.maxTrunkFromHorizontalDeg) return noEvaluation(aux);
    const raw = limbFromTrunkDeg(f, hip, knee);
    // Relative to the thigh at rest (robust running minimum; unknown until a full lift has been seen, so a recording
    // that begins with the thigh up counts that lift when it comes down). The trunk's start angle is learned on the
    // frames at rest.
    const rest = stepRestReference(aux.thighRest, raw, { dir: 1, targetExcursion: c.upDeg, smoothing: restSmoothing(c, ctx.frame.timestampMs) });
    const atRest = (rest.excursion ?? raw - rest.rest) <= c.downDeg;
    const next: Aux = { thighRest: rest.state, trunkBase: stepCalibration(aux.trunkBase, trunkDeg, atRest) };
    const ext = rest.excursion ?? Number.NaN;
    const trunkTilt = Math.abs(trunkDeg - calibrated(next.trunkBase));
    const kneeDeg = leg.kneeDeg;
    const faults: FaultCheck[] = [
      { code: 'KNEE_STRAIGHTENING', side: c.side, severity: 'warning', value: kneeDeg, faultAt: c.kneeStraightDeg, clearAt: c.kneeStraightClearDeg, joints: [s.hip, s.knee, s.ankle] },
      { code: 'TRUNK_LIFTING', side: c.side, severity: 'warning', value: trunkTilt, faultAt: c.trunkLiftDeg, clearAt: c.trunkLiftClearDeg, joints: ['left_shoulder', 'right_shoulder', s.hip] },
    ];
    return {
      primary: Number.isNaN(ext) ? null : ext,
      measures: [
        { code: 'HIP_EXTENSION_DEG', side: c.side, value: ext, unit: 'deg' },
        { code: 'KNEE_DEG', side: c.side, value: kneeDeg, unit: 'deg' },
      ],
      faults,
      samples: { ext, kneeDeg, trunkTilt },
      aux: next,
    };
  },
  repMetrics: (acc) => ({ peakHipExtensionDeg: accMax(acc, 'ext'), maxKneeDeg: accMax(acc, 'kneeDeg'), peakTrunkTiltDeg: accMax(acc, 'trunkTilt') }),
  cueCodes: ['KNEE_STRAIGHTENING', 'TRUNK_LIFTING'],
  measureCodes: ['HIP_EXTENSION_DEG', 'KNEE_DEG'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
