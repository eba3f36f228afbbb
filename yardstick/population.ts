// The evaluation population: for an exercise model and a set index, one person, one scripted set (fault, grade,
// start condition, arms) and one camera + detector, all from a seed derived from (exercise, index), so the same
// index always gives the same set. Conditions are recorded so results can be broken down by them.
import type { Side } from '../src/core/pose-frame';
import { legTrunkRatio, sampleBody, type Sex } from './body/anthropometry';
import type { ArmPose } from './body/skeleton';
import { pitchDeg, projectBody, type CameraSpec } from './camera/pinhole';
import type { DetectorSpec } from './detector-noise/detector';
import { render, type CaptureSpec, type Rendered } from './detector-noise/pipeline';
import { NO_BIAS, placeKeypoints, sampleBias } from './detector-noise/placement';
import { createRng, type Rng } from './rng';
import type { ExerciseModel, Script, ScriptOptions, StartCondition } from './scenarios/types';

export interface Conditions {
  exerciseId: string;
  fault: string;
  level: 'clean' | 'borderline' | 'fault';
  start: StartCondition;
  endsMidRep: boolean;
  arms: ArmPose;
  sex: Sex;
  statureM: number;
  /** The body's own leg / trunk ratio (3D joint centres). */
  legTrunk3d: number;
  /** What the checkers see standing: hip above ankle / torso, shoulder width / torso (2D keypoints, no noise). */
  legTorso2d: number;
  shoulderTorso2d: number;
  rollDeg: number;
  yawDeg: number;
  cameraHeightM: number;
  distanceM: number;
  pitchDeg: number;
  portrait: boolean;
  widthPx: number;
  mirrored: boolean;
  fps: number;
  dropouts: boolean;
  outliers: boolean;
}

export interface PopulationSet {
  id: string;
  seed: number;
  model: ExerciseModel;
  script: Script;
  clipStartMs: number;
  clipMs: number;
  capture: CaptureSpec;
  conditions: Conditions;
}

const FPS = [5, 8, 10, 12, 15, 20, 24, 25, 30, 30, 30, 30, 48, 60, 60];

/** Stable 31-bit seed from a string (FNV-1a). */
export function seedOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0) & 0x7fffffff;
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;

export interface SetOverrides {
  fault?: ScriptOptions['fault'];
  start?: StartCondition;
  rollDeg?: number;
  yawDeg?: number;
  mirrored?: boolean;
  fps?: number;
  clean?: boolean;
}

/** The set at `index` of an exercise's population. Overrides pin a condition (paired roll/yaw sets, fixtures). */
export function sampleSet(model: ExerciseModel, index: number, o: SetOverrides = {}): PopulationSet {
  const id = `${model.id}#${index}`;
  const seed = seedOf(id);
  const rng = createRng(seed);
  const body = sampleBody(rng);
  // What is scripted: clean (35 %), or one fault at a grade (fault 55 %, borderline 45 %).
  let fault: ScriptOptions['fault'] = null;
  const u = rng.next(), f = pick(rng, model.faults.length ? model.faults : [null]), lv = rng.next();
  if (o.fault !== undefined) fault = o.fault;
  else if (f && u >= 0.35) fault = { id: f.id, level: lv < 0.55 ? 'fault' : 'borderline' };
  const start = o.start ?? pick(rng, model.starts);
  const endsMidRep = model.kind === 'reps' && rng.next() < 0.2;
  const arms = pick(rng, model.arms);
  const { script, clipStartMs, clipMs } = model.script(rng, body, { fault, start, endsMidRep, arms });
  // Camera: around the person (yaw), at a height, pitched at the body, rolled; picture size and orientation.
  const yawDeg = o.yawDeg ?? rng.uniform(-30, 30);
  const rollDeg = o.rollDeg ?? rng.uniform(-6, 6);
  const portrait = rng.next() < 0.3;
  const widthPx = 2 * Math.round(rng.uniform(320, 960));
  const heightPx = 2 * Math.round(portrait ? (widthPx * 16) / 18 : (widthPx * 9) / 32);
  const [h0, h1] = script.camera.heightRangeM, [d0, d1] = script.camera.distanceRangeM;
  let camera: CameraSpec = {
    azimuthDeg: script.camera.azimuthDeg - yawDeg, distanceM: rng.uniform(d0, d1), heightM: rng.uniform(h0, h1),
    lookAt: script.camera.lookAt, rollDeg, widthPx, heightPx, fovDeg: rng.uniform(58, 72),
  };
  camera = fitInPicture(script, clipStartMs, clipMs, camera);
  const fps = o.fps ?? pick(rng, FPS);
  const dropouts = rng.next() < 0.5, outliers = rng.next() < 0.4;
  const detector: DetectorSpec = {
    jitterFrac: rng.uniform(0.001, 0.0025), baseScore: rng.uniform(0.6, 0.9),
    dropoutPerFrame: dropouts ? 1 / (fps * rng.uniform(3, 6)) : 0, maxDropoutFrames: 10,
    outlierPerFrame: outliers ? 1 / (fps * rng.uniform(3, 8)) : 0,
    swapPerFrame: script.lying ? 1 / (fps * rng.uniform(4, 10)) : 0, lying: script.lying,
  };
  const mirrored = o.mirrored ?? rng.next() < 0.25;
  const bias = sampleBias(rng);
  const capture: CaptureSpec = {
    camera, mirrored, fps, timestampJitterFrac: rng.uniform(0, 0.15), frameLossProb: rng.next() < 0.3 ? rng.uniform(0.005, 0.03) : 0,
    detector, bias, smoothing: true,
  };
  const prop = proportions2d(script, camera, capture);
  return {
    id, seed, model, script, clipStartMs, clipMs, capture,
    conditions: {
      exerciseId: model.id, fault: fault?.id ?? 'none', level: fault?.level ?? 'clean', start, endsMidRep, arms,
      sex: body.sex, statureM: body.statureM, legTrunk3d: legTrunkRatio(body), ...prop,
      rollDeg, yawDeg, cameraHeightM: camera.heightM, distanceM: camera.distanceM, pitchDeg: pitchDeg(camera),
      portrait, widthPx, mirrored, fps, dropouts, outliers,
    },
  };
}

/** Moves the camera back until every joint of the clip stays inside the picture (a person steps back to fit). */
function fitInPicture(s: Script, clipStartMs: number, clipMs: number, cam: CameraSpec): CameraSpec {
  const times: number[] = [];
  for (let t = clipStartMs; t <= clipStartMs + clipMs; t += 200) times.push(t);
  const bodies = times.map((t) => s.bodyAt(t));
  let c = cam;
  for (let i = 0; i < 40; i++) {
    const ok = bodies.every((b) => Object.values(projectBody(b, c)).every((p) => p.depthM > 0.3 && p.x > 0.03 * c.widthPx && p.x < 0.97 * c.widthPx && p.y > 0.03 * c.heightPx && p.y < 0.97 * c.heightPx));
    if (ok) return c;
    c = { ...c, distanceM: c.distanceM * 1.08 };
  }
  return c;
}

/** Standing 2D proportions the checkers see (placed keypoints, projected, no noise), in the start posture. */
function proportions2d(s: Script, cam: CameraSpec, c: CaptureSpec): { legTorso2d: number; shoulderTorso2d: number } {
  const b = placeKeypoints(s.bodyAt(0), c.bias ?? NO_BIAS, s.armsAt(0));
  const p = projectBody(b, cam);
  const mid = (a: { x: number; y: number }, d: { x: number; y: number }) => ({ x: (a.x + d.x) / 2, y: (a.y + d.y) / 2 });
  const mh = mid(p.left_hip, p.right_hip), ms = mid(p.left_shoulder, p.right_shoulder);
  const torso = Math.hypot(ms.x - mh.x, ms.y - mh.y);
  return {
    legTorso2d: (Math.max(p.left_ankle.y, p.right_ankle.y) - mh.y) / torso,
    shoulderTorso2d: Math.hypot(p.left_shoulder.x - p.right_shoulder.x, p.left_shoulder.y - p.right_shoulder.y) / torso,
  };
}

/** Frames of a set (the clip as the checkers see it). */
export function renderSet(ps: PopulationSet): Rendered {
  return render({ bodyAt: ps.script.bodyAt, armsAt: ps.script.armsAt }, ps.clipStartMs, ps.clipMs, ps.capture, ps.seed ^ 0x5bd1e995);
}

/** The person's side as the frames name it (a mirrored picture swaps them). */
export const frameSide = <S extends Side | 'both'>(ps: PopulationSet, s: S): S =>
  (ps.capture.mirrored && s !== 'both' ? (s === 'left' ? 'right' : 'left') : s) as S;

