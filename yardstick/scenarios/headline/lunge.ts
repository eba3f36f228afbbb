// Lunge, front view: forward (the front foot steps forward), reverse (the back foot steps back) and transverse
// (the moving foot steps back and out while pelvis and trunk turn toward it: the planted knee ends up crossing
// the body's midline). The front (planted, bending) knee can collapse: a swivel about its hip-ankle axis solved in
// 3D for the wanted medial displacement at the bottom. Valgus of the planted leg is measured in ITS frontal plane,
// that of the planted foot (the knee's flexion plane), not the pelvis's: in the transverse lunge the pelvis turns
// 30-60 deg over the planted leg (hip rotation), and in the turned pelvis's plane the knee's forward travel over the
// foot (~30 % of the leg at the bottom) would read as medial or lateral displacement by x sin(turn).
import type { Side } from '../../../src/core/pose-frame';
import type { Anthropometry } from '../../body/anthropometry';
import { buildBody, hipCentres, neutralPose, type ArmPose, type BodyPose } from '../../body/skeleton';
import { v3, type Vec3 } from '../../body/vec';
import type { Rng } from '../../rng';
import { hipDropFrac, KNEE_VALGUS, kneeValgusFault } from '../../truth/faults';
import { kneeMedialPct } from '../../truth/measures';
import { clipFor, jitterTempo, planReps } from '../reps';
import { bandValue, solveMonotonic } from '../solve';
import { Timeline } from '../timeline';
import type { ExerciseModel } from '../types';
import { VALGUS_BANDS } from './squat';

/** The planted foot faces the world's forward in every variant (it never turns): its frontal plane's axes. */
const FOOT_AXES = { lateral: v3(1, 0, 0), forward: v3(0, 0, 1) };
const sgn = (s: Side) => (s === 'left' ? 1 : -1);
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');
export type LungeVariant = 'forward' | 'reverse' | 'transverse';

interface LungeShape { front: Side; variant: LungeVariant; stepM: number; bottomHipFrac: number; turnDeg: number; arms: ArmPose }

function lungePose(A: Anthropometry, s: LungeShape, step: number, q: number, swivel: number): BodyPose {
  const base = neutralPose(A);
  const f = s.front, b = other(f);
  const leg = A.thighM + A.shankM;
  const ax = A.hipHalfM * 1.1;
  const yawDeg = s.variant === 'transverse' ? sgn(b) * s.turnDeg * step : 0;
  // Planted foot at its standing place; the moving foot travels by `step`.
  const frontAnkle = v3(sgn(f) * ax, A.ankleHeightM, s.variant === 'forward' ? s.stepM * step : 0);
  let backAnkle: Vec3;
  if (s.variant === 'transverse') backAnkle = v3(sgn(b) * (ax + 0.7 * s.stepM * step), A.ankleHeightM + 0.03 * step, -0.7 * s.stepM * step);
  else backAnkle = v3(sgn(b) * ax, A.ankleHeightM + 0.05 * step, s.variant === 'forward' ? 0 : -s.stepM * step);
  const pz = s.variant === 'forward' ? 0.45 * s.stepM * step : -0.35 * s.stepM * step;
  const px = s.variant === 'transverse' ? sgn(b) * 0.3 * s.stepM * step : 0;
  const pelvisAt = (y: number) => v3(px, y, pz);
  // Highest pelvis both legs reach (just short of straight), then lowered by q toward the bottom height.
  const reach = (ank: Vec3, hip: Vec3) => ank.y + Math.sqrt(Math.max(0, (0.995 * leg) ** 2 - (hip.x - ank.x) ** 2 - (hip.z - ank.z) ** 2));
  const hips = hipCentres(A, { pelvis: pelvisAt(0), yawDeg, pelvisRollDeg: 0 });
  const yTop = Math.min(reach(frontAnkle, hips[f]), reach(backAnkle, hips[b]));
  const yBottom = A.ankleHeightM + s.bottomHipFrac * leg;
  const pelvisY = yTop - q * Math.max(0, yTop - yBottom);
  const ankles = f === 'left' ? { leftAnkle: frontAnkle, rightAnkle: backAnkle } : { leftAnkle: backAnkle, rightAnkle: frontAnkle };
  return {
    ...base, pelvis: pelvisAt(pelvisY), yawDeg, ...ankles,
    leftKneeDir: v3(0, 0, 1), rightKneeDir: v3(0, 0, 1),
    leftValgusDeg: f === 'left' ? swivel * q : 0, rightValgusDeg: f === 'right' ? swivel * q : 0,
    trunkFlexDeg: 5 * q, arms: s.arms, armFlexDeg: 0,
  };
}

export const lungeModel: ExerciseModel = {
  id: 'lunge',
  headline: true,
  kind: 'reps',
  faults: [kneeValgusFault('front')],
  measures: [
    { metric: 'peakDepthFrac', per: 'rep', unit: 'fraction', note: 'checker: torso-normalised 2D hip drop; truth: 3D hip drop over the standing hip height above the lower ankle', truth: (bs, _s, start) => Math.max(...bs.map((b) => hipDropFrac(b, start))) },
  ],
  starts: ['top-long', 'top-short', 'mid-descent', 'bottom'],
  arms: ['sides', 'hips', 'crossed'],
  measure(id, b, script) {
    if (!id.startsWith(KNEE_VALGUS)) return Number.NaN;
    return kneeMedialPct(b, script.scripted.frontIsLeft ? 'left' : 'right', FOOT_AXES);
  },
  script(rng: Rng, A: Anthropometry, o) {
    const front: Side = rng.next() < 0.5 ? 'left' : 'right';
    const variant: LungeVariant = (['forward', 'reverse', 'transverse'] as const)[Math.floor(rng.next() * 3)]!;
    const shape: LungeShape = { front, variant, stepM: A.statureM * rng.uniform(0.35, 0.5), bottomHipFrac: rng.uniform(0.5, 0.65), turnDeg: rng.uniform(30, 60), arms: o.arms };
    let target = rng.uniform(-6, 1.5);
    if (o.fault) target = bandValue(rng.next(), o.fault.level, VALGUS_BANDS);
    const swivel = solveMonotonic((v) => kneeMedialPct(buildBody(A, lungePose(A, shape, 1, 1, v)), front, FOOT_AXES), target, -40, 60);
    const n = 2 + Math.floor(rng.next() * 3);
    const stepMs = rng.uniform(500, 800);
    // Between reps: the return step of one, a pause, the step of the next.
    const base = { downMs: rng.uniform(700, 1300), bottomMs: rng.uniform(100, 500), upMs: rng.uniform(700, 1300), pauseMs: 2 * stepMs / 0.85 + rng.uniform(200, 800) };
    const tempos = Array.from({ length: n }, () => jitterTempo(rng, base));
    // The depth phase; the step happens in the first part of the descent and the last part of the rise.
    const plan = planReps(tempos, tempos.map(() => front), 3000, rng.uniform(300, 1500), o.endsMidRep ? jitterTempo(rng, base) : null);
    const stepAt = (t: number) => {
      const all = plan.partial ? [...plan.reps, plan.partial] : plan.reps;
      for (const r of all) {
        if (t < r.startMs - stepMs || t > r.endMs + stepMs) continue;
        const tl = new Timeline(0, [{ durationMs: r.startMs - stepMs, to: 0 }, { durationMs: stepMs, to: 1 }, { durationMs: r.endMs - r.startMs, to: 1 }, { durationMs: stepMs, to: 0 }]);
        return tl.value(t);
      }
      return 0;
    };
    // The hip lowers only once the foot has landed: the depth phase of planReps starts after the step.
    const bodyAt = (t: number) => buildBody(A, lungePose(A, shape, stepAt(t), plan.phase.value(t), swivel));
    // Reps shifted so a rep starts with the step and ends when the foot is back.
    const reps = plan.reps.map((r) => ({ ...r, startMs: r.startMs - stepMs, endMs: r.endMs + stepMs }));
    // The script runs a step longer than the depth phases (the last foot comes back after them): the clip's end, and
    // with it the 300-1500 ms of standing after the last rep, comes after that step.
    const clip = clipFor({ ...plan, reps, durationMs: plan.durationMs + stepMs, partial: plan.partial ? { ...plan.partial, startMs: plan.partial.startMs - stepMs } : null }, o.start, rng);
    return {
      script: {
        exerciseId: 'lunge', configOverrides: { variant }, view: 'front', lying: false, body: A, bodyAt, armsAt: () => o.arms,
        durationMs: plan.durationMs + stepMs, reps, holds: [], trials: [],
        camera: { lookAt: v3(0, 0.5 * A.statureM, 0), azimuthDeg: 0, heightRangeM: [0.3, 1.5], distanceRangeM: [1.5, 4] },
        scripted: { frontIsLeft: front === 'left' ? 1 : 0, swivelDeg: swivel, targetMedialPct: target, stepM: shape.stepM },
        notes: `${n} ${variant} lunges, ${front} leg in front`,
      },
      ...clip,
    };
  },
};
