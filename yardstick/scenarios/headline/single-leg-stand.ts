// Single-leg stand (Trendelenburg), front view. The person stands on two feet (with their own slight pelvic
// obliquity: a leg-length difference), shifts over the stance foot and lifts the other by hip and knee flexion,
// holds 5-14 s, puts it down. A weak stance-side gluteus medius lets the pelvis drop on the lifted side: scripted as
// a pelvis roll (the stance hip stays on its straight leg), ramping in after a delay; a trunk lean toward the stance
// side as its compensation. Truth: 3D obliquity and lateral trunk inclination relative to the person's two-leg stance.
import type { Side } from '../../../src/core/pose-frame';
import type { Anthropometry } from '../../body/anthropometry';
import { buildBody, freeLeg, hipCentres, neutralPose, standingHipAboveAnkle, type ArmPose, type BodyPose } from '../../body/skeleton';
import { v3 } from '../../body/vec';
import type { Rng } from '../../rng';
import { pelvicDropFault, trunkLeanFault } from '../../truth/faults';
import { pelvicObliquityDeg, trunkLateralDeg } from '../../truth/measures';
import { holdClip, intervalsWhere } from '../holds';
import { bandValue } from '../solve';
import { Timeline } from '../timeline';
import type { ExerciseModel, Script } from '../types';

const sgn = (s: Side) => (s === 'left' ? 1 : -1);
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

export const DROP_BANDS = { clean: [-1.5, 1.5] as [number, number], borderline: [2.5, 4.5] as [number, number], fault: [6, 10] as [number, number] };
export const LEAN_BANDS = { clean: [0, 3.5] as [number, number], borderline: [6, 9] as [number, number], fault: [11, 16] as [number, number] };

export interface StanceShape {
  stance: Side; baselineRollDeg: number; liftFlexDeg: number; liftKneeDeg: number; shiftFrac: number; arms: ArmPose;
}

/** lift 0..1 (foot down .. up), dropDeg / leanDeg = fault amplitude now (pelvis roll toward the lifted side, trunk toward the stance side). */
export function stancePose(A: Anthropometry, s: StanceShape, lift: number, dropDeg: number, leanDeg: number): BodyPose {
  const base = neutralPose(A);
  const o = other(s.stance);
  const shift = sgn(s.stance) * s.shiftFrac * A.hipHalfM * Math.min(1, lift * 2);
  // Roll positive = the person's LEFT hip lower. The lifted side drops.
  const roll = s.baselineRollDeg + (o === 'left' ? 1 : -1) * dropDeg;
  const pose: BodyPose = { ...base, pelvisRollDeg: roll, trunkLeanLeftDeg: sgn(s.stance) * leanDeg, arms: s.arms, armFlexDeg: 0 };
  // Stance foot under the stance hip's standing place; pelvis height keeps the stance leg just short of straight.
  const stanceAnkle = v3(sgn(s.stance) * A.hipHalfM * 1.05, A.ankleHeightM, 0);
  const hip0 = hipCentres(A, { ...pose, pelvis: v3(shift, 0, 0) })[s.stance];
  pose.pelvis = v3(shift, A.ankleHeightM + standingHipAboveAnkle(A, hip0.x - stanceAnkle.x) - hip0.y, 0);
  const hips = hipCentres(A, pose);
  const free = freeLeg(A, hips[o], o, { flexDeg: s.liftFlexDeg * lift, abdDeg: 0, kneeFlexDeg: 2 + s.liftKneeDeg * lift });
  // Before the lift the free foot stands on the floor beside the other.
  const freeAnkle = lift <= 0 ? v3(sgn(o) * A.hipHalfM * 1.05, A.ankleHeightM, 0) : free.ankle;
  if (lift <= 0) pose.pelvis = v3(shift, A.ankleHeightM + standingHipAboveAnkle(A, A.hipHalfM * 0.05), 0);
  const ankles = s.stance === 'left'
    ? { leftAnkle: stanceAnkle, rightAnkle: freeAnkle, rightKneeDir: free.kneeDir } : { rightAnkle: stanceAnkle, leftAnkle: freeAnkle, leftKneeDir: free.kneeDir };
  return { ...pose, ...ankles };
}

export const singleLegStandModel: ExerciseModel = {
  id: 'single-leg-stand',
  headline: true,
  kind: 'hold',
  faults: [pelvicDropFault(), trunkLeanFault()],
  measures: [
    { metric: 'peakDropDeg', per: 'hold', unit: 'deg', note: 'checker: peak of the smoothed 2D hip-line angle over the trial; truth: peak 3D pelvic obliquity relative to the level two-leg stance', truth: (bs, side, start) => Math.max(...bs.map((b) => pelvicObliquityDeg(b, side as Side) - pelvicObliquityDeg(start, side as Side))) },
    { metric: 'peakTrunkLeanDeg', per: 'hold', unit: 'deg', note: 'checker: peak smoothed 2D trunk lean toward the stance side; truth: peak 3D lateral trunk inclination relative to the two-leg stance', truth: (bs, side, start) => Math.max(...bs.map((b) => trunkLateralDeg(b, side as Side) - trunkLateralDeg(start, side as Side))) },
  ],
  starts: ['top-long', 'top-short', 'mid-hold'],
  arms: ['sides', 'hips', 'crossed'],
  measure(id, b, script) {
    const stance = script.side!;
    if (id === 'pelvic-drop') return pelvicObliquityDeg(b, stance) - script.scripted.baselineObliquityDeg!;
    if (id === 'trunk-lean') return trunkLateralDeg(b, stance) - script.scripted.baselineLeanDeg!;
    return Number.NaN;
  },
  script(rng: Rng, A: Anthropometry, o) {
    const stance: Side = rng.next() < 0.5 ? 'left' : 'right';
    const shape: StanceShape = {
      stance, baselineRollDeg: rng.uniform(-1.5, 1.5), liftFlexDeg: rng.uniform(25, 60), liftKneeDeg: rng.uniform(65, 100),
      shiftFrac: rng.uniform(0.6, 1.1), arms: o.arms,
    };
    const u = rng.next();
    let drop = bandValue(rng.next(), 'clean', DROP_BANDS), lean = bandValue(rng.next(), 'clean', LEAN_BANDS);
    if (o.fault?.id === 'pelvic-drop') drop = bandValue(u, o.fault.level, DROP_BANDS);
    if (o.fault?.id === 'trunk-lean') lean = bandValue(u, o.fault.level, LEAN_BANDS);
    const lead = 3000, liftMs = rng.uniform(300, 800), holdMs = rng.uniform(5000, 14000), lowerMs = rng.uniform(300, 700), endMs = rng.uniform(500, 1500);
    const delay = rng.uniform(300, Math.min(3000, holdMs / 2)), ramp = rng.uniform(300, 1200);
    const lift = new Timeline(0, [{ durationMs: lead, to: 0 }, { durationMs: liftMs, to: 1 }, { durationMs: holdMs, to: 1 }, { durationMs: lowerMs, to: 0 }, { durationMs: endMs, to: 0 }]);
    const fault = new Timeline(0, [{ durationMs: lead + liftMs + delay, to: 0 }, { durationMs: ramp, to: 1 }, { durationMs: Math.max(0, holdMs - delay - ramp), to: 1 }, { durationMs: lowerMs, to: 0 }]);
    const poseAt = (t: number) => stancePose(A, shape, lift.value(t), drop * fault.value(t), lean * fault.value(t));
    const bodyAt = (t: number) => buildBody(A, poseAt(t));
    const start = bodyAt(0);
    // The hold: the free foot off the floor (ankle >= 2 cm above its standing height).
    const footUp = (t: number) => bodyAt(t)[`${other(stance)}_ankle`].y - A.ankleHeightM >= 0.02;
    const holds = intervalsWhere(footUp, lead, lift.durationMs, stance);
    const script: Script = {
      exerciseId: 'single-leg-stand', side: stance, configOverrides: {}, view: 'front', lying: false, body: A, bodyAt, armsAt: () => o.arms,
      durationMs: lift.durationMs, reps: [], holds, trials: holds,
      camera: { lookAt: v3(0, 0.5 * A.statureM, 0), azimuthDeg: 0, heightRangeM: [0.3, 1.5], distanceRangeM: [1.5, 4] },
      scripted: {
        baselineObliquityDeg: pelvicObliquityDeg(start, stance), baselineLeanDeg: trunkLateralDeg(start, stance),
        dropDeg: drop, leanDeg: lean, baselineRollDeg: shape.baselineRollDeg,
      },
      notes: `stance ${stance}, hold ${Math.round(holdMs)} ms, drop ${drop.toFixed(1)} deg, lean ${lean.toFixed(1)} deg`,
    };
    return { script, ...holdClip(o.start, rng, lead, lead + liftMs, lift.durationMs) };
  },
};
