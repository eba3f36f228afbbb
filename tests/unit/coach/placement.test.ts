// The camera placement check on synthetic frames: a 3D stick figure standing (or moving) in front of a pinhole
// camera whose roll, distance and position are set in the camera model, seen with detector-like noise and the app's
// One Euro smoothing. What each case expects comes from that set-up (the camera's roll and which side of it is
// high, the person's distance, the scores), never from the check's own geometry.
import { describe, expect, it } from 'vitest';
import type { PoseFrame } from '../../../src/core/pose-frame';
import {
  DEFAULT_PLACEMENT, initialPlacement, placementConfigSchema, placementVerdict, stepPlacement, type PlacementState,
} from '../../../src/coach/placement';
import { anthropometry, buildStanding, neutralStanding, transformBody, type StandingPose } from '../../../src/fixtures/synth/body';
import type { CameraSpec } from '../../../src/fixtures/synth/camera';
import type { NoiseSpec } from '../../../src/fixtures/synth/observe';
import { render } from '../../../src/fixtures/synth/render';
import { v3 } from '../../../src/fixtures/synth/vec';

const A = anthropometry(1.7);

interface Scene {
  camera?: Partial<CameraSpec>;
  noise?: Partial<NoiseSpec>;
  pose?: (tMs: number) => Partial<StandingPose>;
  durationMs?: number;
  seed?: number;
}

function frames(s: Scene = {}): PoseFrame[] {
  return render((t) => buildStanding(A, { ...neutralStanding(A), ...(s.pose?.(t) ?? {}) }), s.durationMs ?? 3000,
    { fps: 30, seed: s.seed ?? 7, camera: s.camera, noise: s.noise }).frames;
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

  it('the person\'s own pelvic tilt is not read as a tilted camera: both lines are averaged', () => {
    // Real pelvic obliquity of 6 deg (left hip lower), shoulders level, level camera: the hip line alone would say
    // the camera is rolled past the 3 deg tolerance.
    const st = run(frames({ pose: () => ({ pelvisRollDeg: 6 }) }));
    expect(Math.abs(st.judged!.hipLineDeg)).toBeGreaterThan(3);
    expect(Math.abs(st.judged!.rollDeg)).toBeLessThan(3);
    expect(st.phase).toBe('done');
  });

  it('shoulder and hip lines far apart (leaning over one leg): asks to stand evenly instead of blaming the camera', () => {
    const st = run(frames({ pose: () => ({ pelvisRollDeg: 6, trunkLeanLeftDeg: -8 }) }));
    expect(st.judged!.level).toBe('uneven');
    expect(placementVerdict(st).next).toBe('stand-evenly');
  });

  it('too far away (6 m): the body is small in the picture: come closer', () => {
    const st = run(frames({ camera: { distanceM: 6 } }));
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
    const st = run(frames({ noise: { baseScore: 0.45, dropProb: 0.05 } }));
    expect(st.wait).toBe('dim');
    const v = placementVerdict(st);
    expect(v.next).toBe('dim');
    expect(v.items.find((i) => i.id === 'light')!.status).toBe('bad');
    expect(v.items.find((i) => i.id === 'in-view')!.status).toBe('pending');
  });

  it('walking across the picture: never judged while moving', () => {
    const st = run(frames({ pose: (t) => ({ pelvis: v3(-0.8 + t / 2000, 0.53 * A.heightM, 0), leftAnkle: v3(-0.8 + t / 2000 + 0.1, A.ankleHeight, 0), rightAnkle: v3(-0.8 + t / 2000 - 0.1, A.ankleHeight, 0) }) }));
    expect(st.judged).toBeNull();
    expect(['moving', 'collecting']).toContain(st.wait);
  });

  it('lying on the floor across the picture: not standing, nothing judged', () => {
    const pivot = v3(0, 0.53 * A.heightM, 0);
    const fs = render((t) => transformBody(buildStanding(A, neutralStanding(A)), pivot, v3(0, 0, 1), 90, v3(0, -0.4 * A.heightM, 0)), 3000,
      { fps: 30, seed: 7, camera: { distanceM: 3.5 } }).frames;
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
