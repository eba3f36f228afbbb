// Prone hip extension with the knee bent (issue 7). Biomechanics: lying face down, one knee bent to ~90 deg, the
// thigh is lifted off the floor by the glutes (hip extension) without arching the lower back, then lowered.
// Camera: side view. `side` = the working leg.
// Rep metric: hip extension = angle of the working thigh (hip -> knee) above the trunk line continued past the hip
// (shoulder -> hip), deg, + toward the ceiling, relative to the same angle lying still at the start (the hip and
// knee points sit at different heights above the floor, so the raw angle at rest is a few degrees off zero).
// Up >= 10 deg, down <= 4 deg: our defaults (normal hip extension range is ~20-30 deg, and with the knee bent the
// hamstrings are slack, so lifts are small; 10 deg is clear of keypoint noise).
// Faults: KNEE_STRAIGHTENING, working knee angle > 120 deg (the exercise keeps ~90; clears < 110; our default);
// TRUNK_LIFTING, the trunk line tilts > 10 deg from its start angle (chest/lower back lifting instead of the hip;
// clears < 6; our default).
import { z } from 'zod';
import { jointAngleDeg, type Point } from '../../core/geometry';
import { SIDE_JOINTS } from '../engine/body';
import { eitherPx } from '../engine/visibility';
import { addSample, EMPTY_STAT, statMean, type Stat } from '../engine/stats';
import { defineRepExercise, noEvaluation, programmeBaseShape, repMax, type FaultCheck } from './programme-kit';

const DEG = 180 / Math.PI;

export const proneHipExtensionConfigSchema = z.object({
  ...programmeBaseShape,
  upDeg: z.number().min(2).max(60).default(10).describe('A lift counts at this hip extension above the start position, deg. Our default.'),
  downDeg: z.number().min(0).max(40).default(4).describe('Thigh back down below this, deg (rep ends). Our default.'),
  kneeStraightDeg: z.number().min(90).max(180).default(120).describe('KNEE_STRAIGHTENING when the working knee angle exceeds this, deg. Our default: the exercise keeps ~90.'),
  kneeStraightClearDeg: z.number().min(90).max(180).default(110).describe('KNEE_STRAIGHTENING clears below this, deg. Our default.'),
  trunkLiftDeg: z.number().min(0).max(45).default(10).describe('TRUNK_LIFTING when the trunk line tilts this far from its start angle, deg. Our default.'),
  trunkLiftClearDeg: z.number().min(0).max(45).default(6).describe('TRUNK_LIFTING clears below this, deg. Our default.'),
  maxTrunkFromHorizontalDeg: z.number().min(0).max(90).default(40).describe('The trunk must lie within this angle of horizontal (lying prone), or nothing is measured. Our default.'),
});
export type ProneHipExtensionConfig = z.infer<typeof proneHipExtensionConfigSchema>;

interface Aux { thighBase: Stat; trunkBase: Stat }

/** Signed angle of v against the axis u, + toward image-up; deg. */
function signedFromAxisDeg(u: Point, v: Point): number {
  let n = { x: u.y, y: -u.x };
  if (n.y > 0) n = { x: -n.x, y: -n.y };
  return Math.atan2(v.x * n.x + v.y * n.y, v.x * u.x + v.y * u.y) * DEG;
}

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
  initialAux: () => ({ thighBase: EMPTY_STAT, trunkBase: EMPTY_STAT }),
  evaluate(ctx, aux) {
    const c = ctx.config, s = SIDE_JOINTS[c.side];
    const shoulder = eitherPx(ctx.frame, 'left_shoulder', 'right_shoulder', c);
    if (!shoulder) return { ...noEvaluation(aux), missing: ['left_shoulder', 'right_shoulder'] };
    const hip = ctx.pt(s.hip)!, knee = ctx.pt(s.knee)!, ankle = ctx.pt(s.ankle)!;
    const len = Math.hypot(hip.x - shoulder.x, hip.y - shoulder.y);
    if (!(len > 0)) return noEvaluation(aux);
    const u = { x: (hip.x - shoulder.x) / len, y: (hip.y - shoulder.y) / len };
    // Trunk line against horizontal, signed (image up +); only its change from the start matters.
    const trunkDeg = Math.atan2(-u.y, Math.abs(u.x)) * DEG;
    if (Math.abs(trunkDeg) > c.maxTrunkFromHorizontalDeg) return noEvaluation(aux);
    const raw = signedFromAxisDeg(u, { x: knee.x - hip.x, y: knee.y - hip.y });
    const base0 = statMean(aux.thighBase);
    const ext0 = Number.isNaN(base0) ? 0 : raw - base0;
    const setup = ctx.phase === 'setup' && ext0 <= c.downDeg;
    const next: Aux = setup ? { thighBase: addSample(aux.thighBase, raw), trunkBase: addSample(aux.trunkBase, trunkDeg) } : aux;
    const ext = raw - statMean(next.thighBase);
    const trunkTilt = next.trunkBase.n > 0 ? Math.abs(trunkDeg - statMean(next.trunkBase)) : Number.NaN;
    const kneeDeg = jointAngleDeg(hip, knee, ankle);
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
  repMetrics: (st) => ({ peakHipExtensionDeg: repMax(st, 'ext'), maxKneeDeg: repMax(st, 'kneeDeg'), peakTrunkTiltDeg: repMax(st, 'trunkTilt') }),
  cueCodes: ['KNEE_STRAIGHTENING', 'TRUNK_LIFTING'],
  measureCodes: ['HIP_EXTENSION_DEG', 'KNEE_DEG'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
