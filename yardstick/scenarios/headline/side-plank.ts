// Side plank, camera facing the front of the body (the body lies across the picture). Built standing with the
// pelvis shifted sideways (toward the floor side = sag, away = pike) and laid on the supporting side, the
// shoulder-ankle line raised 10-30 deg (forearm to straight-arm plank). Lying on the floor first, lifting the hips
// into the plank, holding 6-14 s (with sag or pike episodes in fault sets), lowering. The `leg-raises` variant
// raises the top leg during the hold (reps).
import type { Side } from '../../../src/core/pose-frame';
import type { Anthropometry } from '../../body/anthropometry';
import { buildBody, freeLeg, hipCentres, neutralPose, standingHipAboveAnkle, transformBody, type Body3D, type BodyPose } from '../../body/skeleton';
import { DEG, sub, v3 } from '../../body/vec';
import type { Rng } from '../../rng';
import { hipPikeFault, hipSagFault } from '../../truth/faults';
import { plankDeviationDeg } from '../../truth/measures';
import { holdClip, intervalsWhere } from '../holds';
import { bandValue, solveMonotonic } from '../solve';
import { Timeline } from '../timeline';
import type { ExerciseModel, Script, ScriptRep } from '../types';

const sgn = (s: Side) => (s === 'left' ? 1 : -1);
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

export const SAG_BANDS = { clean: [-3, 3.5] as [number, number], borderline: [6, 9] as [number, number], fault: [12, 20] as [number, number] };

interface PlankShape { support: Side; tiltDeg: number; straightArm: boolean }

/** Straight body standing with the pelvis shifted toward the support side by `shiftM` (sag), raised top leg `raiseDeg`; then laid down. */
function plankBody(A: Anthropometry, s: PlankShape, shiftM: number, raiseDeg: number): Body3D {
  const base = neutralPose(A);
  const ax = A.hipHalfM * 0.6;
  const h = standingHipAboveAnkle(A, ax - A.hipHalfM) * 0.995;
  const top = other(s.support);
  const pose: BodyPose = {
    ...base,
    pelvis: v3(-sgn(s.support) * shiftM, A.ankleHeightM + Math.sqrt(Math.max(0, h * h - shiftM * shiftM)), 0),
    trunkLeanLeftDeg: (sgn(s.support) * Math.asin(Math.min(1, shiftM / A.trunkM))) / DEG,
    leftAnkle: v3(ax, A.ankleHeightM, 0), rightAnkle: v3(-ax, A.ankleHeightM, 0),
    arms: 'floor-support', armFlexDeg: 0,
  };
  if (raiseDeg > 0) {
    const hips = hipCentres(A, pose);
    const leg = freeLeg(A, hips[top], top, { flexDeg: 0, abdDeg: raiseDeg, kneeFlexDeg: 0 });
    if (top === 'left') { pose.leftAnkle = leg.ankle; pose.leftKneeDir = leg.kneeDir; } else { pose.rightAnkle = leg.ankle; pose.rightKneeDir = leg.kneeDir; }
  }
  const standing = buildBody(A, pose);
  const lying = transformBody(standing, v3(0, 0, 0), v3(0, 0, 1), s.support === 'right' ? 90 : -90);
  const bottom = lying[`${s.support}_ankle`];
  const tilted = transformBody(lying, bottom, v3(0, 0, 1), s.support === 'right' ? -s.tiltDeg : s.tiltDeg);
  const b2 = tilted[`${s.support}_ankle`];
  const midHip = (tilted.left_hip.x + tilted.right_hip.x) / 2;
  return transformBody(tilted, v3(0, 0, 0), v3(0, 0, 1), 0, sub(v3(0, A.ankleHeightM, 0), v3(midHip, b2.y, 0)));
}

export const sidePlankModel: ExerciseModel = {
  id: 'side-plank',
  headline: true,
  kind: 'hold',
  faults: [hipSagFault, hipPikeFault],
  measures: [
    { metric: 'peakSagDeg', per: 'hold', unit: 'deg', note: 'checker: peak 2D body line deviation during the hold; truth: peak 3D deviation over the plank', truth: (bs, side) => Math.max(...bs.map((b) => plankDeviationDeg(b, side as Side))) },
  ],
  starts: ['top-long', 'top-short', 'mid-hold'],
  arms: ['floor-support'],
  measure(id, b, script) {
    if (id === 'hip-sag') return plankDeviationDeg(b, script.side!);
    if (id === 'hip-pike') return -plankDeviationDeg(b, script.side!);
    return Number.NaN;
  },
  script(rng: Rng, A: Anthropometry, o) {
    const support: Side = rng.next() < 0.5 ? 'left' : 'right';
    const straightArm = rng.next() < 0.4;
    const shape: PlankShape = { support, tiltDeg: straightArm ? rng.uniform(20, 30) : rng.uniform(10, 16), straightArm };
    const legRaises = rng.next() < 0.3;
    const devOf = (shift: number) => plankDeviationDeg(plankBody(A, shape, shift, 0), support);
    const shiftFor = (dev: number) => solveMonotonic(devOf, dev, -0.3, 0.3);
    const lying = shiftFor(26);
    const held = bandValue(rng.next(), 'clean', SAG_BANDS);
    let episode: number | null = null;
    if (o.fault) {
      const mag = bandValue(rng.next(), o.fault.level, SAG_BANDS);
      episode = o.fault.id === 'hip-pike' ? -mag : mag;
    }
    const lead = 3000, liftMs = rng.uniform(600, 1200), holdMs = rng.uniform(6000, 14000), lowerMs = rng.uniform(600, 1200), tail = rng.uniform(500, 1500);
    const holdStart = lead + liftMs, lowerStart = holdStart + holdMs;
    const base = new Timeline(lying, [{ durationMs: lead, to: lying }, { durationMs: liftMs, to: shiftFor(held) }, { durationMs: holdMs, to: shiftFor(held) }, { durationMs: lowerMs, to: lying }, { durationMs: tail, to: lying }]);
    const epStart = holdStart + rng.uniform(1500, Math.max(1600, holdMs - 3500)), epRamp = rng.uniform(250, 700), epPlateau = rng.uniform(500, 2000);
    const epShift = episode === null ? 0 : shiftFor(episode);
    const ep = new Timeline(0, [{ durationMs: epStart, to: 0 }, { durationMs: epRamp, to: 1 }, { durationMs: epPlateau, to: 1 }, { durationMs: epRamp, to: 0 }]);
    const shiftAt = (t: number) => { const w = episode === null ? 0 : ep.value(t); return base.value(t) * (1 - w) + epShift * w; };
    // Leg raises: 3-6 raises of the top leg to 30-45 deg during the hold.
    const raises: ScriptRep[] = [];
    const raiseDeg = rng.uniform(30, 45);
    let raiseTl: Timeline | null = null;
    if (legRaises) {
      const segs = [{ durationMs: holdStart + 1000, to: 0 }];
      let t = holdStart + 1000;
      while (t + 2600 < lowerStart - 500) {
        const up = rng.uniform(500, 900), top = rng.uniform(100, 400), down = rng.uniform(500, 900), rest = rng.uniform(300, 800);
        raises.push({ side: other(support), startMs: t, bottomMs: t + up, bottomEndMs: t + up + top, endMs: t + up + top + down });
        segs.push({ durationMs: up, to: 1 }, { durationMs: top, to: 1 }, { durationMs: down, to: 0 }, { durationMs: rest, to: 0 });
        t += up + top + down + rest;
      }
      raiseTl = new Timeline(0, segs);
    }
    const bodyAt = (t: number) => plankBody(A, shape, shiftAt(t), raiseTl ? raiseDeg * raiseTl.value(t) : 0);
    // Hold truth: hips up in the plank (lift done, lowering not begun) and the 3D body line within 10 deg.
    const holds = intervalsWhere((t) => t >= holdStart - liftMs * 0.3 && t <= lowerStart + lowerMs * 0.3 && Math.abs(plankDeviationDeg(bodyAt(t), support)) < 10, lead, lowerStart + lowerMs, support);
    const script: Script = {
      exerciseId: 'side-plank', side: support, configOverrides: legRaises ? { variant: 'leg-raises' } : {}, view: 'front', lying: true, body: A, bodyAt, armsAt: () => 'floor-support',
      durationMs: base.durationMs, reps: raises, holds, trials: [{ side: support, startMs: holdStart, endMs: lowerStart }],
      camera: { lookAt: v3(0, 0.35, 0), azimuthDeg: 0, heightRangeM: [0.3, 1.0], distanceRangeM: [1.5, 4] },
      scripted: { tiltDeg: shape.tiltDeg, heldDeg: held, episodeDeg: episode ?? 0, legRaises: legRaises ? 1 : 0 },
      notes: `${support} side plank, ${straightArm ? 'straight arm' : 'forearm'}, held ${held.toFixed(1)} deg${episode !== null ? `, episode ${episode.toFixed(1)} deg` : ''}${legRaises ? `, ${raises.length} top-leg raises` : ''}`,
    };
    return { script, ...holdClip(o.start, rng, lead, holdStart, base.durationMs) };
  },
};

