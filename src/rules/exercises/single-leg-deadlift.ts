// Single-leg deadlift, SIDE view: standing on one leg with a slight knee bend, hinge at the hips with a flat back
// while the free leg goes back, aiming for trunk and free leg parallel to the floor, then return; the stance-side
// gluteus medius holds the pelvis level and square. `side` = the stance leg. docs/biomechanics.md#hip-hinge.
// - Rep metric: hinge = trunk (hip -> shoulder) from vertical, deg (0 upright, 90 parallel to the floor). Down >= 45,
//   up <= 20 (ours: 45 is half-way to parallel and well above sway). HINGE_SHALLOW (rep fault) if the rep's peak stays
//   under 70 deg (parallel minus a 20 deg tolerance; ours).
// - Judged while hinged past 20 deg: STANCE_KNEE_LOCKED at a stance knee angle >= 176 deg (the exercise articles:
//   keep a slight bend; ours leaves room for ~3 deg of keypoint noise); PELVIS_OPENING when the free-side hip rises
//   above the stance hip by >= 0.12 torso lengths (a pelvis ~0.35 torso wide turned ~20 deg; ours). The far hip is
//   often hidden: then that check is skipped, never guessed.
import { z } from 'zod';
import { angleFromVerticalDeg, distance, jointAngleDeg } from '../../core/geometry';
import { otherSide } from '../../core/pose-frame';
import { accMax } from '../engine/accumulator';
import { SIDE_JOINTS } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import type { FaultCheck } from '../engine/persistence';
import { defineRepExercise, noEvaluation } from '../engine/rep-exercise';
import { eitherPx } from '../engine/visibility';

const DOC = 'docs/biomechanics.md#hip-hinge';

export const singleLegDeadliftConfigSchema = z.strictObject({
  ...programmeBaseShape,
  downDeg: z.number().min(10).max(90).default(45).describe(`Hinged: trunk angle from vertical >= this, deg. Ours (${DOC}): half-way to parallel.`),
  upDeg: z.number().min(0).max(60).default(20).describe(`Upright again: trunk angle <= this, deg (rep ends). Ours (${DOC}).`),
  targetHingeDeg: z.number().min(20).max(100).default(70)
    .describe(`HINGE_SHALLOW when a rep's peak hinge stays under this, deg. ${DOC}: the exercise articles aim for parallel (90); the 20 deg tolerance is ours.`),
  kneeLockedDeg: z.number().min(150).max(180).default(176).describe(`STANCE_KNEE_LOCKED at a stance knee angle >= this, deg. ${DOC}: keep a slight bend; the value is ours (room for keypoint noise).`),
  kneeLockedClearDeg: z.number().min(150).max(180).default(172).describe(`STANCE_KNEE_LOCKED clears below this, deg. Ours (${DOC}): hysteresis.`),
  pelvisOpenTorso: z.number().min(0).max(1).default(0.12).describe(`PELVIS_OPENING when the free hip is higher than the stance hip by this many torso lengths. Ours (${DOC}): a ~0.35 torso pelvis turned ~20 deg.`),
  pelvisOpenClearTorso: z.number().min(0).max(1).default(0.08).describe(`PELVIS_OPENING clears below this. Ours (${DOC}): hysteresis.`),
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
  repMetrics: (acc) => ({ peakHingeDeg: accMax(acc, 'hinge'), maxStanceKneeDeg: accMax(acc, 'knee180'), peakPelvisOpenTorso: accMax(acc, 'open') }),
  repFaults: (m, c) => (m.peakHingeDeg !== undefined && m.peakHingeDeg < c.targetHingeDeg ? ['HINGE_SHALLOW'] : []),
  cueCodes: ['STANCE_KNEE_LOCKED', 'PELVIS_OPENING', 'HINGE_SHALLOW'],
  measureCodes: ['HINGE_DEG', 'STANCE_KNEE_DEG', 'PELVIS_OPEN_TORSO'],
}, ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle']);
