// Two-leg squat, front view. Feet planted (stance 1.2-2 hip widths, toes out 5-20 deg), the pelvis scripted down
// and back to a hip drop of 30-50 % of the standing hip height (knee flexion ~85-125 deg), trunk flexing with depth
// (less with the arms overhead), knees by inverse kinematics, knee collapse as a swivel about the hip-ankle axis
// solved in 3D for the wanted medial knee displacement at the bottom.
import type { Side } from '../../../src/core/pose-frame';
import type { Anthropometry } from '../../body/anthropometry';
import { buildBody, neutralPose, standingHipAboveAnkle, type ArmPose, type Body3D, type BodyPose } from '../../body/skeleton';
import { DEG, rotate, v3 } from '../../body/vec';
import type { Rng } from '../../rng';
import { fppa3dDeg, hipDropFrac, KNEE_VALGUS, kneesCavingFault, kneeValgusFault } from '../../truth/faults';
import { hipHeightM, kneeMedialPct } from '../../truth/measures';
import { clipFor, jitterTempo, planReps } from '../reps';
import { bandValue, solveMonotonic } from '../solve';
import type { ExerciseModel, ScriptOptions } from '../types';

const UP = v3(0, 1, 0);

export interface SquatShape { stanceHalfM: number; toeOutDeg: number; depthFrac: number; trunkFlexDeg: number; arms: ArmPose }

export function squatPose(A: Anthropometry, s: SquatShape, q: number, swivel: { left: number; right: number }): BodyPose {
  const base = neutralPose(A);
  const h0 = standingHipAboveAnkle(A, s.stanceHalfM - A.hipHalfM);
  const drop = q * s.depthFrac;
  const toe = s.toeOutDeg * DEG;
  return {
    ...base,
    pelvis: v3(0, A.ankleHeightM + h0 * (1 - drop), -0.55 * drop * h0),
    leftAnkle: v3(s.stanceHalfM, A.ankleHeightM, 0), rightAnkle: v3(-s.stanceHalfM, A.ankleHeightM, 0),
    leftKneeDir: rotate(v3(0, 0, 1), UP, toe), rightKneeDir: rotate(v3(0, 0, 1), UP, -toe),
    leftValgusDeg: swivel.left * q, rightValgusDeg: swivel.right * q,
    trunkFlexDeg: s.trunkFlexDeg * q, arms: s.arms, armFlexDeg: s.arms === 'sides' ? 75 * q : 0,
  };
}

/** Swivel per knee that puts the knee `targetPct` % of the leg medial at the bottom (3D). */
export function solveSwivel(A: Anthropometry, s: SquatShape, side: Side, targetPct: number, pose = squatPose): number {
  return solveMonotonic((v) => kneeMedialPct(buildBody(A, pose(A, s, 1, side === 'left' ? { left: v, right: 0 } : { left: 0, right: v })), side), targetPct, -40, 60);
}

/** Target medial displacement (% leg) per grade. */
export const VALGUS_BANDS = { clean: [-6, 1.5] as [number, number], borderline: [2.5, 5.5] as [number, number], fault: [7, 13] as [number, number] };

export const squatModel: ExerciseModel = {
  id: 'squat',
  headline: true,
  kind: 'reps',
  faults: [kneesCavingFault(['KNEE_VALGUS', 'KNEES_INSIDE_ANKLES']), kneeValgusFault('left'), kneeValgusFault('right')],
  measures: [
    { metric: 'peakDepthFrac', per: 'rep', unit: 'fraction', note: 'checker: 2D hip drop / standing 2D hip height; truth: 3D hip drop / standing hip height above the ankles', truth: (bs, _s, start) => Math.max(...bs.map((b) => hipDropFrac(b, start))) },
    { metric: 'bottomFppaLeftDeg', per: 'rep', unit: 'deg', note: 'checker: 2D FPPA of the left knee at the deepest frame; truth: the same angle on the 3D joint centres projected square onto the body frontal plane (no perspective, no keypoint offsets)', truth: (bs) => fppaAtDeepest(bs, 'left') },
  ],
  starts: ['top-long', 'top-short', 'mid-descent', 'bottom'],
  arms: ['sides', 'crossed', 'hips', 'overhead'],
  measure: (id, b) => (id === KNEE_VALGUS ? Math.max(kneeMedialPct(b, 'left'), kneeMedialPct(b, 'right')) : id.startsWith(KNEE_VALGUS) ? kneeMedialPct(b, id.endsWith('left') ? 'left' : 'right') : Number.NaN),
  script(rng: Rng, A: Anthropometry, o: ScriptOptions) {
    const shape: SquatShape = {
      stanceHalfM: A.hipHalfM * rng.uniform(1.2, 2.0) + 0.02, toeOutDeg: rng.uniform(5, 20), depthFrac: rng.uniform(0.3, 0.5),
      trunkFlexDeg: o.arms === 'overhead' ? rng.uniform(10, 25) : rng.uniform(25, 45), arms: o.arms,
    };
    const target = { left: rng.uniform(-6, 1.5), right: rng.uniform(-6, 1.5) };
    const u = rng.next();
    if (o.fault) {
      const which = o.fault.id.endsWith('left') ? ['left'] : o.fault.id.endsWith('right') ? ['right'] : ['left', 'right'];
      for (const s of which as Side[]) target[s] = bandValue(u, o.fault.level, VALGUS_BANDS);
    }
    const swivel = { left: solveSwivel(A, shape, 'left', target.left), right: solveSwivel(A, shape, 'right', target.right) };
    const n = 2 + Math.floor(rng.next() * 4);
    const base = { downMs: rng.uniform(800, 1500), bottomMs: rng.uniform(100, 600), upMs: rng.uniform(800, 1400), pauseMs: rng.uniform(300, 1500) };
    const tempos = Array.from({ length: n }, () => jitterTempo(rng, base));
    const plan = planReps(tempos, tempos.map(() => 'both'), 3000, rng.uniform(300, 1500), o.endsMidRep ? jitterTempo(rng, base) : null);
    // Each rep reaches its own depth and collapse (+/- 5 %): people are not metronomes.
    const perRep = Array.from({ length: n + 1 }, () => rng.uniform(0.95, 1.05));
    const bodyAt = (t: number): Body3D => {
      const k = Math.max(0, plan.repAt(t));
      const f = perRep[k] ?? 1;
      return buildBody(A, squatPose(A, { ...shape, depthFrac: shape.depthFrac * f }, plan.phase.value(t), { left: swivel.left * f, right: swivel.right * f }));
    };
    const clip = clipFor(plan, o.start, rng);
    return {
      script: {
        exerciseId: 'squat', configOverrides: {}, view: 'front', lying: false, body: A, bodyAt, armsAt: () => o.arms,
        durationMs: plan.durationMs, reps: plan.reps, holds: [], trials: [],
        camera: { lookAt: v3(0, 0.5 * A.statureM, 0), azimuthDeg: 0, heightRangeM: [0.3, 1.5], distanceRangeM: [1.5, 4] },
        scripted: { stanceHalfM: shape.stanceHalfM, toeOutDeg: shape.toeOutDeg, depthFrac: shape.depthFrac, swivelLeftDeg: swivel.left, swivelRightDeg: swivel.right, targetMedialLeftPct: target.left, targetMedialRightPct: target.right },
        notes: `${n} squats${o.endsMidRep ? ' + one unfinished' : ''}, arms ${o.arms}`,
      },
      ...clip,
    };
  },
};

function fppaAtDeepest(bs: readonly Body3D[], side: Side): number {
  let best = 0;
  bs.forEach((b, i) => { if (hipHeightM(b) < hipHeightM(bs[best]!)) best = i; });
  return fppa3dDeg(bs[best]!, side);
}
