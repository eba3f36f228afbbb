// Rule evaluation cost per frame, for every exercise in the registry, in Node.
// Each step is timed on its own (process.hrtime.bigint, ns resolution; the timer itself costs ~0.05 us). The frames
// are real recorded fixture frames of that exercise where one exists, else synthetic fixtures of it, else every real
// fixture frame (other exercises: the rule still gates, measures and counts on them). The first pass is JIT warm-up
// and is not counted. State is carried between frames exactly as in the app (createRunner-style fold).
import { EXERCISES } from '../src/rules/registry';
import { exerciseConfig } from '../src/rules/registry';
import type { PoseFrame } from '../src/core/pose-frame';
import type { Fixture } from '../src/fixtures/fixture-schema';
import { KeypointSmoother } from '../src/pose/smoothing';
import { toPoseFrame } from '../src/pose/to-pose-frame';
import { KEYPOINT_NAMES } from '../src/core/pose-frame';
import { createSession, sessionSpec, stepSession } from '../src/coach/coach-session';
import { dist, type Dist } from './stats';
import { frameStream, loadFixtures } from './fixtures';

export interface RuleBench { exerciseId: string; frames: string; steps: number; us: Dist; budgetPct: number }

/** One camera frame at 30 fps, us. The target is < 1 % of it. */
export const FRAME_BUDGET_US = 33_333;

function framesFor(id: string, real: Fixture[], synth: Fixture[]): { label: string; fixtures: Fixture[] } {
  const r = real.filter((f) => f.exercise.id === id);
  if (r.length) return { label: `real: ${r.map((f) => f.name.replace(/^real\//, '')).join(', ')}`, fixtures: r };
  const s = synth.filter((f) => f.exercise.id === id);
  if (s.length) return { label: `synthetic (${s.length} fixtures)`, fixtures: s };
  return { label: 'real, other exercises (no fixture of its own yet)', fixtures: real };
}

export function benchRules(minSteps = 20_000): RuleBench[] {
  const real = loadFixtures('real');
  const synth = loadFixtures('synthetic');
  const out: RuleBench[] = [];
  for (const def of EXERCISES) {
    const { label, fixtures } = framesFor(def.id, real, synth);
    const side = fixtures.find((f) => f.exercise.side)?.exercise.side;
    const cfg = exerciseConfig(def.id, fixtures[0]?.exercise.configOverrides ?? {}, side ?? undefined);
    const frames = frameStream(fixtures, 1);
    const passes = Math.max(2, Math.ceil(minSteps / frames.length) + 1);
    const times: number[] = [];
    for (let p = 0; p < passes; p++) {
      let state = def.initialState(cfg);
      for (const f of frames) {
        const t0 = process.hrtime.bigint();
        const r = def.step(state, f, cfg);
        const t1 = process.hrtime.bigint();
        state = r.state;
        if (p > 0) times.push(Number(t1 - t0) / 1000);
      }
    }
    const us = dist(times);
    out.push({ exerciseId: def.id, frames: label, steps: times.length, us, budgetPct: (us.median / FRAME_BUDGET_US) * 100 });
  }
  return out;
}

/** Rebuilds the detector's pixel-space output from a frame so toPoseFrame (conversion) is part of the measured path. */
export function detectorPoseOf(f: PoseFrame) {
  const kps = f.keypoints;
  return kps
    ? [{ score: f.poseScore, keypoints: KEYPOINT_NAMES.map((n) => ({ name: n, x: kps[n].x * f.imageWidthPx, y: kps[n].y * f.imageHeightPx, score: kps[n].score })) }]
    : [];
}

/**
 * Everything the app does per frame after the model, in Node: detector output -> PoseFrame, One Euro smoothing,
 * the squat rule, the coaching session fold (set-up gate, live set). Per-frame us.
 */
export function benchPipelineWithoutModel(minSteps = 20_000): { steps: number; us: Dist } {
  const real = loadFixtures('real');
  const frames = frameStream(real, minSteps + 2000);
  const smoother = new KeypointSmoother();
  const def = EXERCISES.find((d) => d.id === 'squat') ?? EXERCISES[0]!;
  const spec = sessionSpec(def, { sets: [null], reps: null, holdMs: null });
  let session = createSession(spec);
  const times: number[] = [];
  frames.forEach((f, i) => {
    if (i % 3000 === 0) session = createSession(spec);
    const poses = detectorPoseOf(f);
    const t0 = process.hrtime.bigint();
    const pf = toPoseFrame(poses, { widthPx: f.imageWidthPx, heightPx: f.imageHeightPx }, f.timestampMs);
    session = stepSession(session, { type: 'frame', frame: smoother.apply(pf) }, spec).state;
    const t1 = process.hrtime.bigint();
    if (i >= 2000) times.push(Number(t1 - t0) / 1000);
  });
  return { steps: times.length, us: dist(times) };
}
