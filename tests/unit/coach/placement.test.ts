// The camera placement check on synthetic frames from the yardstick: a 3D body standing (or moving) in front of a
// pinhole camera whose roll, distance and height are set in the camera model, keypoints placed where a detector puts
// them, with jitter, scores and the app's One Euro filter. What each case expects comes from that set-up (the
// camera's roll and which side of it is high, the person's distance, the scores), never from the check's geometry.
import { describe, expect, it } from 'vitest';
import type { PoseFrame } from '../../../src/core/pose-frame';
import {
  DEFAULT_PLACEMENT, initialPlacement, placementConfigSchema, placementVerdict, stepPlacement, type PlacementState,
} from '../../../src/coach/placement';
import { averageBody, sampleBody, type Anthropometry } from '../../../yardstick/body/anthropometry';
import { buildBody, neutralPose, transformBody, type BodyPose } from '../../../yardstick/body/skeleton';
import { v3 } from '../../../yardstick/body/vec';
import { defaultCamera, type CameraSpec } from '../../../yardstick/camera/pinhole';
import { CLEAN_DETECTOR, type DetectorSpec } from '../../../yardstick/detector-noise/detector';
import { render } from '../../../yardstick/detector-noise/pipeline';
import { NO_BIAS, sampleBias, type PlacementBias } from '../../../yardstick/detector-noise/placement';
import { createRng } from '../../../yardstick/rng';

const A = averageBody(1.7);

interface Scene {
  body?: Anthropometry;
  camera?: Partial<CameraSpec>;
  detector?: Partial<DetectorSpec>;
  bias?: PlacementBias;
  pose?: (tMs: number) => Partial<BodyPose>;
  durationMs?: number;
  seed?: number;
}

function frames(s: Scene = {}): PoseFrame[] {
  const body = s.body ?? A;
  return render({ bodyAt: (t) => buildBody(body, { ...neutralPose(body), ...(s.pose?.(t) ?? {}) }), armsAt: () => 'sides' }, 0, s.durationMs ?? 3000, {
    camera: defaultCamera(s.camera), mirrored: false, fps: 30, timestampJitterFrac: 0, frameLossProb: 0,
    detector: { ...CLEAN_DETECTOR, ...s.detector }, bias: s.bias ?? NO_BIAS, smoothing: true,
  }, s.seed ?? 7).frames;
}

function run(fs: readonly PoseFrame[], view: 'front' | 'side' = 'front', from: PlacementState = initialPlacement(view)): PlacementState {
  return fs.reduce((st, f) => stepPlacement(st, f), from);
}

describe('camera placement check (synthetic body, camera model)', () => {
  it('a level camera at 2.8 m and a person standing still: looks good after about one second', () => {
    const fs = frames();
    let st = initialPlacement('front');
    let doneAt: number | null = null;
    for (const f of fs) {
      st = stepPlacement(st, f);
      if (st.phase === 'done' && doneAt === null) doneAt = f.timestampMs;
    }
    expect(doneAt).not.toBeNull();
    expect(doneAt!).toBeGreaterThanOrEqual(DEFAULT_PLACEMENT.windowMs - 40);
    expect(doneAt!).toBeLessThan(1500);
    expect(Math.abs(st.judged!.rollDeg)).toBeLessThan(1);
    const v = placementVerdict(st);
    expect(v.status).toBe('good');
    expect(v.items.every((i) => i.status === 'ok')).toBe(true);
  });

  it.each([
    { rollDeg: 5, lower: 'left' },
    { rollDeg: -5, lower: 'right' },
    { rollDeg: 8, lower: 'left' },
  ] as const)('a camera rolled $rollDeg deg (its right side, seen from behind, raised when positive): tilted, lower its $lower side as you face it', ({ rollDeg, lower }) => {
    const st = run(frames({ camera: { rollDeg } }));
    expect(st.phase).toBe('front');
    expect(st.judged!.level).toBe('tilted');
    expect(Math.abs(st.judged!.rollDeg - rollDeg)).toBeLessThan(1);
    expect(st.judged!.lowerSide).toBe(lower);
    const v = placementVerdict(st);
    expect(v.status).toBe('fix');
    expect(v.next).toBe('camera-tilted');
    expect(v.items.find((i) => i.id === 'level')!.status).toBe('bad');
  });

  it('a 2 deg roll is within the tolerance (3 deg): passes', () => {
    const st = run(frames({ camera: { rollDeg: 2 } }));
    expect(st.phase).toBe('done');
    expect(Math.abs(st.judged!.rollDeg - 2)).toBeLessThan(1);
  });

  it('the person\'s own pelvic tilt is not read as a tilted camera: the shoulder line and the body axis outvote the hip line', () => {
    // Real pelvic obliquity of 6 deg (left hip lower), shoulders level, level camera: the hip line alone would say
    // the camera is rolled past the 3 deg tolerance.
    const st = run(frames({ pose: () => ({ pelvisRollDeg: 6 }) }));
    expect(Math.abs(st.judged!.hipLineDeg)).toBeGreaterThan(3);
    expect(Math.abs(st.judged!.rollDeg)).toBeLessThan(3);
    expect(st.phase).toBe('done');
  });

  it('no two estimates agree (pelvis tilted one way, trunk leaning the other): asks to stand evenly instead of blaming the camera', () => {
    const st = run(frames({ pose: () => ({ pelvisRollDeg: 6, trunkLeanLeftDeg: -8 }) }));
    expect(st.judged!.level).toBe('uneven');
    expect(placementVerdict(st).next).toBe('stand-evenly');
  });

  it('too far away (6 m): the body is small in the picture: come closer', () => {
    const st = run(frames({ camera: { distanceM: 6 } }));
    expect(st.judged).not.toBeNull();
    expect(st.judged!.size).toBe('small');
    expect(st.judged!.bodyHeightFrac).toBeLessThan(DEFAULT_PLACEMENT.minBodyHeightFrac);
    expect(placementVerdict(st).next).toBe('come-closer');
  });

  it('too close (1.3 m): the feet leave the picture; nothing is judged, the instruction names them', () => {
    const st = run(frames({ camera: { distanceM: 1.3 } }));
    expect(st.judged).toBeNull();
    expect(st.wait).toBe('not-in-view');
    expect(st.missing).toEqual(expect.arrayContaining(['left_ankle', 'right_ankle']));
    expect(st.missing).not.toContain('left_shoulder');
    const v = placementVerdict(st);
    expect(v.items.find((i) => i.id === 'in-view')!.status).toBe('bad');
  });

  it('dim light (the model scores every joint ~0.45): asks for more light, not to step back', () => {
    const st = run(frames({ detector: { baseScore: 0.45, dropoutPerFrame: 0.05, maxDropoutFrames: 4 } }));
    expect(st.wait).toBe('dim');
    const v = placementVerdict(st);
    expect(v.next).toBe('dim');
    expect(v.items.find((i) => i.id === 'light')!.status).toBe('bad');
    expect(v.items.find((i) => i.id === 'in-view')!.status).toBe('pending');
  });

  it('walking across the picture: never judged while moving', () => {
    const n = neutralPose(A);
    const along = (p: { x: number; y: number; z: number }, t: number) => v3(p.x - 0.8 + t / 2000, p.y, p.z);
    const st = run(frames({ pose: (t) => ({ pelvis: along(n.pelvis, t), leftAnkle: along(n.leftAnkle, t), rightAnkle: along(n.rightAnkle, t) }) }));
    expect(st.judged).toBeNull();
    expect(['moving', 'collecting']).toContain(st.wait);
  });

  it('lying on the floor across the picture: not standing, nothing judged', () => {
    const pivot = neutralPose(A).pelvis;
    const fs = render({ bodyAt: () => transformBody(buildBody(A, neutralPose(A)), pivot, v3(0, 0, 1), 90, v3(0, -0.4 * A.statureM, 0)), armsAt: () => 'sides' }, 0, 3000, {
      camera: defaultCamera({ distanceM: 3.5 }), mirrored: false, fps: 30, timestampJitterFrac: 0, frameLossProb: 0,
      detector: { ...CLEAN_DETECTOR, lying: true }, bias: NO_BIAS, smoothing: true,
    }, 7).frames;
    const st = run(fs);
    expect(st.judged).toBeNull();
    expect(st.wait).toBe('not-standing');
  });

  it('front exercise, person side-on: asks to face the camera', () => {
    const st = run(frames({ camera: { azimuthDeg: 90 } }));
    expect(st.wait).toBe('face-camera');
    expect(placementVerdict(st).items.find((i) => i.id === 'facing')!.status).toBe('bad');
  });

  it('side-view exercise: level judged facing the camera, then turning side-on passes', () => {
    const facing = run(frames(), 'side');
    expect(facing.phase).toBe('side');
    expect(placementVerdict(facing).next).toBe('turn-side');
    expect(placementVerdict(facing).items.find((i) => i.id === 'facing')!.status).toBe('bad');
    const turned = frames({ camera: { azimuthDeg: 90 } }).map((f) => ({ ...f, timestampMs: f.timestampMs + 4000 }));
    const done = run(turned, 'side', facing);
    expect(done.phase).toBe('done');
    expect(placementVerdict(done).status).toBe('good');
  });

  it('a tilted camera stays "fix" until the camera is levelled, then passes', () => {
    const tilted = run(frames({ camera: { rollDeg: 5 } }));
    const level = frames({ seed: 8 }).map((f) => ({ ...f, timestampMs: f.timestampMs + 4000 }));
    let st = tilted;
    let firstGood: number | null = null;
    for (const f of level) {
      st = stepPlacement(st, f);
      if (st.phase !== 'done') expect(placementVerdict(st).status).toBe('fix');
      else { firstGood = f.timestampMs; break; }
    }
    expect(firstGood).not.toBeNull();
  });

  it('across 24 sampled people, detector keypoint placements and camera heights: a level camera passes, a 5 deg roll is named with its side', () => {
    const rng = createRng(2027);
    const rolls: number[] = [];
    for (let i = 0; i < 24; i++) {
      const body = sampleBody(rng);
      const bias = sampleBias(rng);
      const camera = { heightM: rng.uniform(0.5, 1.4), distanceM: rng.uniform(2.6, 3.6) };
      const level = run(frames({ body, bias, camera, seed: 100 + i }));
      expect(level.phase, `person ${i}: ${JSON.stringify(level.judged)}`).toBe('done');
      rolls.push(level.judged!.rollDeg);
      for (const rollDeg of [5, -5]) {
        const tilted = run(frames({ body, bias, camera: { ...camera, rollDeg }, seed: 200 + i }));
        expect(tilted.judged?.level, `person ${i}, roll ${rollDeg}`).toBe('tilted');
        expect(tilted.judged!.lowerSide).toBe(rollDeg > 0 ? 'left' : 'right');
        expect(Math.abs(tilted.judged!.rollDeg - rollDeg)).toBeLessThan(1);
      }
    }
    // A level camera reads within a degree of level for every one of them.
    expect(Math.max(...rolls.map(Math.abs))).toBeLessThan(1);
  });

  it('is pure: the input state is not changed and the same frames give the same state', () => {
    const fs = frames({ camera: { rollDeg: 5 } });
    const s0 = initialPlacement('front');
    const snapshot = JSON.stringify(s0);
    const a = run(fs, 'front', s0);
    const b = run(fs, 'front', s0);
    expect(JSON.stringify(s0)).toBe(snapshot);
    expect(b).toEqual(a);
  });

  it('thresholds are documented and configurable', () => {
    for (const [k, f] of Object.entries(placementConfigSchema.shape)) expect((f as { description?: string }).description, k).toBeTruthy();
    const loose = placementConfigSchema.parse({ maxRollDeg: 6 });
    const st = frames({ camera: { rollDeg: 5 } }).reduce((s, f) => stepPlacement(s, f, loose), initialPlacement('front'));
    expect(st.phase).toBe('done');
  });
});
