// Single-leg deadlift (issue 7). Biomechanics: standing on one leg with a slight knee bend, hinge at the hips with a
// flat back while the free leg goes back, aiming for trunk and free leg parallel to the floor, then return; the
// stance-side gluteus medius holds the pelvis level and square (seeds). Camera: side view. `side` = stance leg.
// Rep metric: hinge = trunk (hip -> shoulder) angle from vertical, deg (0 upright, 90 parallel to the floor).
// Down >= 45 deg, up <= 20 deg: our defaults (45 is half-way to the seeds' "parallel" and well above sway).
// Per rep: peak hinge; HINGE_SHALLOW (rep fault) if the peak stays under 70 deg (parallel = 90 minus a 20 deg
// tolerance; our default).
// Faults (judged while hinged past 20 deg):
// - STANCE_KNEE_LOCKED: stance hip-knee-ankle angle >= 176 deg (clears < 172). Seeds: keep a slight bend in the
//   standing knee. Our default: a "slight bend" is ~10-20 deg; 176 leaves room for the ~3 deg keypoint noise.
// - PELVIS_OPENING: the pelvis rotating open (free-side hip turning up toward the ceiling). 2D proxy, side view:
//   with the trunk hinged, the pelvis' left-right axis points at the camera and the two hip points overlap; when the
//   pelvis opens, the free-side hip rises above the stance hip. Fault when it is higher by >= 0.12 torso lengths
//   (a pelvis ~0.35 torso wide turned ~20 deg: 0.35 x sin 20 = 0.12; our default, no literature number). Needs
//   both hips visible; the far hip is often hidden, then this check is skipped (never guessed).
import { z } from 'zod';
import { angleFromVerticalDeg, distance, jointAngleDeg } from '../../core/geometry';
import { otherSide } from '../../core/pose-frame';
import { SIDE_JOINTS } from '../engine/body';
import { eitherPx } from '../engine/visibility';
import { defineRepExercise, noEvaluation, programmeBaseShape, repMax, type FaultCheck } from './programme-kit';

export const singleLegDeadliftConfigSchema = z.object({
  ...programmeBaseShape,
  downDeg: z.number().min(10).max(90).default(45).describe('Hinged: trunk angle from vertical >= this, deg. Our default.'),
  upDeg: z.number().min(0).max(60).default(20).describe('Upright again: trunk angle <= this, deg (rep ends). Our default.'),
  targetHingeDeg: z.number().min(20).max(100).default(70)
    .describe('HINGE_SHALLOW when a rep\'s peak hinge stays under this, deg. Seeds: aim for parallel (90); our tolerance of 20 deg.'),
  kneeLockedDeg: z.number().min(150).max(180).default(176).describe('STANCE_KNEE_LOCKED at a stance knee angle >= this, deg. Our default (see header).'),
  kneeLockedClearDeg: z.number().min(150).max(180).default(172).describe('STANCE_KNEE_LOCKED clears below this, deg. Our default.'),
  pelvisOpenTorso: z.number().min(0).max(1).default(0.12).describe('PELVIS_OPENING when the free hip is higher than the stance hip by this many torso lengths. Our default (see header).'),
  pelvisOpenClearTorso: z.number().min(0).max(1).default(0.08).describe('PELVIS_OPENING clears below this. Our default.'),
});
export type SingleLegDeadliftConfig = z.infer<typeof singleLegDeadliftConfigSchema>;

export const singleLegDeadlift = defineRepExercise<SingleLegDeadliftConfig, null>({
  id: 'single-leg-deadlift',
  name: 'Single-leg deadlift',
  view: 'side',
  trackPerson: true, // upright: a jump of the body centre is another person
  sided: true,
  description: 'On one leg with a soft knee, hinge forward with a flat back as the free leg goes back, then stand up.',
  howTo: 'Stand side-on to the camera on the working leg, knee slightly bent, hands on your hips. Hinge at the hips '
    + 'with a flat back while the other leg reaches straight back, aiming for trunk and leg parallel to the floor, '
    + 'then return slowly. Keep the hips square to the floor (toes of the free leg pointing down). Pick the standing '
    + 'leg as the working side.',
  limitations: [
    'Pelvis opening is seen only as the free hip rising above the standing hip, and only while both hips are visible.',
    'Back rounding and the free leg\'s rotation (toes turning out) are not judged.',
  ],
  configSchema: singleLegDeadliftConfigSchema,
  required: (c) => { const s = SIDE_JOINTS[c.side]; return [s.hip, s.knee, s.ankle]; },
  repThresholds: (c) => ({ startThreshold: c.upDeg, targetThreshold: c.downDeg }),
  initialAux: () => null,
  evaluate(ctx, aux) {
    const c = ctx.config, s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
    const shoulder = eitherPx(ctx.frame, 'left_shoulder', 'right_shoulder', c);
    if (!shoulder) return { ...noEvaluation(aux), missing: ['left_shoulder', 'right_shoulder'] };
    const hip = ctx.pt(s.hip)!, knee = ctx.pt(s.knee)!, ankle = ctx.pt(s.ankle)!, freeHip = ctx.pt(o.hip);
    const midHip = eitherPx(ctx.frame, 'left_hip', 'right_hip', c)!;
    const hinge = angleFromVerticalDeg(midHip, shoulder);
    const hinged = hinge > c.upDeg;
    const knee180 = jointAngleDeg(hip, knee, ankle);
    const torso = distance(midHip, shoulder);
    const open = freeHip && torso > 0 ? (hip.y - freeHip.y) / torso : Number.NaN;
    const faults: FaultCheck[] = [
      { code: 'STANCE_KNEE_LOCKED', side: c.side, severity: 'warning', value: hinged ? knee180 : Number.NaN, faultAt: c.kneeLockedDeg, clearAt: c.kneeLockedClearDeg, joints: [s.hip, s.knee, s.ankle] },
      { code: 'PELVIS_OPENING', side: c.side, severity: 'warning', value: hinged ? open : Number.NaN, faultAt: c.pelvisOpenTorso, clearAt: c.pelvisOpenClearTorso, joints: [s.hip, o.hip] },
    ];
    return {
      primary: hinge,
      measures: [
        { code: 'HINGE_DEG', side: c.side, value: hinge, unit: 'deg' },
        { code: 'STANCE_KNEE_DEG', side: c.side, value: knee180, unit: 'deg' },
        { code: 'PELVIS_OPEN_TORSO', side: c.side, value: open, unit: 'ratio' },
      ],
      faults,
      samples: { hinge, knee180: hinged ? knee180 : Number.NaN, open: hinged ? open : Number.NaN },
      aux,
    };
  },
  repMetrics: (st) => ({ peakHingeDeg: repMax(st, 'hinge'), maxStanceKneeDeg: repMax(st, 'knee180'), peakPelvisOpenTorso: repMax(st, 'open') }),
  repFaults: (m, c) => (m.peakHingeDeg !== undefined && m.peakHingeDeg < c.targetHingeDeg ? ['HINGE_SHALLOW'] : []),
  cueCodes: ['STANCE_KNEE_LOCKED', 'PELVIS_OPENING', 'HINGE_SHALLOW'],
  measureCodes: ['HINGE_DEG', 'STANCE_KNEE_DEG', 'PELVIS_OPEN_TORSO'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
