import { describe, expect, it } from 'vitest';
import { KEYPOINT_NAMES, type Keypoints, type PoseFrame } from '../../../src/core/pose-frame';
import { KeypointSmoother } from '../../../src/pose/smoothing';

const W = 640, H = 480;
const FRAME_MS = 1000 / 30;

/** Every keypoint at pixel (x, y), score 0.9. */
function frameAt(timestampMs: number, xPx: number, yPx: number): PoseFrame {
  const keypoints = Object.fromEntries(KEYPOINT_NAMES.map((n) => [n, { x: xPx / W, y: yPx / H, score: 0.9 }])) as Keypoints;
  return { timestampMs, imageWidthPx: W, imageHeightPx: H, keypoints, poseScore: 0.9 };
}

/** Deterministic pseudo-random noise in [-1, 1] (a test must not depend on Math.random). */
function noise(seed: number): () => number {
  let s = seed;
  return () => { s = (s * 1103515245 + 12345) % 2147483648; return (s / 2147483648) * 2 - 1; };
}

const variance = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
};

describe('KeypointSmoother (One Euro, MoveNet defaults)', () => {
  it('smooths more with a lower beta (the config is honoured)', () => {
    const run = (beta: number) => {
      const s = new KeypointSmoother({ beta });
      const rnd = noise(7);
      const out: number[] = [];
      for (let i = 0; i < 200; i++) out.push(s.apply(frameAt(i * FRAME_MS, 320 + 3 * rnd(), 240)).keypoints!.nose.x);
      return variance(out.slice(30));
    };
    expect(run(0)).toBeLessThan(0.5 * run(300));
  });

  it('reduces jitter on a noisy static point', () => {
    const s = new KeypointSmoother();
    const rnd = noise(42);
    const raw: number[] = [], out: number[] = [];
    for (let i = 0; i < 300; i++) {
      const x = 320 + 3 * rnd(); // +-3 px jitter, typical of MoveNet on a still person
      raw.push(x);
      out.push(s.apply(frameAt(i * FRAME_MS, x, 240)).keypoints!.nose.x * W);
    }
    // Skip the first second while the filter settles. Measured ratio with MoveNet's defaults: 0.64. The defaults
    // favour low lag (a rep must not be counted late), so the bar is "clearly less jitter", not "none".
    expect(variance(out.slice(30))).toBeLessThan(0.8 * variance(raw.slice(30)));
  });

  it('follows a step within a few frames (beta keeps lag low on fast moves)', () => {
    const s = new KeypointSmoother();
    for (let i = 0; i < 30; i++) s.apply(frameAt(i * FRAME_MS, 100, 100));
    let framesToArrive = -1;
    for (let i = 30; i < 60; i++) {
      const x = s.apply(frameAt(i * FRAME_MS, 300, 100)).keypoints!.left_knee.x * W;
      if (Math.abs(x - 300) < 5) { framesToArrive = i - 30; break; }
    }
    expect(framesToArrive).toBeGreaterThanOrEqual(0);
    expect(framesToArrive).toBeLessThanOrEqual(5);
  });

  it('resets after a gap: a person re-appearing elsewhere is not dragged from the old position', () => {
    const s = new KeypointSmoother({ resetAfterGapMs: 500 });
    for (let i = 0; i < 10; i++) s.apply(frameAt(i * FRAME_MS, 100, 100));
    const after = s.apply(frameAt(10 * FRAME_MS + 2000, 500, 400));
    expect(after.keypoints!.nose.x * W).toBeCloseTo(500, 9);
    expect(after.keypoints!.nose.y * H).toBeCloseTo(400, 9);
  });

  it('resets on a frame with no person and when time goes backwards (seek)', () => {
    const s = new KeypointSmoother();
    for (let i = 0; i < 10; i++) s.apply(frameAt(i * FRAME_MS, 100, 100));
    const none: PoseFrame = { ...frameAt(11 * FRAME_MS, 0, 0), keypoints: null, poseScore: 0 };
    expect(s.apply(none)).toEqual(none);
    expect(s.apply(frameAt(12 * FRAME_MS, 400, 100)).keypoints!.nose.x * W).toBeCloseTo(400, 9);
    const back = s.apply(frameAt(0, 200, 100));
    expect(back.keypoints!.nose.x * W).toBeCloseTo(200, 9);
  });

  it('does not mutate the input frame and keeps scores unsmoothed', () => {
    const s = new KeypointSmoother();
    s.apply(frameAt(0, 100, 100));
    const input = frameAt(FRAME_MS, 300, 300);
    input.keypoints!.nose.score = 0.1;
    const copy = structuredClone(input);
    const out = s.apply(input);
    expect(input).toEqual(copy);
    expect(out).not.toBe(input);
    expect(out.keypoints!.nose.score).toBe(0.1);
  });

  it('passes frames through unchanged when disabled', () => {
    const s = new KeypointSmoother({ enabled: false });
    const f = frameAt(0, 1, 2);
    expect(s.apply(f)).toBe(f);
  });
});

describe('smoothingFromParam (the ?smoothing= URL switch)', () => {
  it('reads off and "minCutOffHz,beta", and names a bad value instead of ignoring it', async () => {
    const { smoothingFromParam } = await import('../../../src/pose/smoothing');
    expect(smoothingFromParam(null)).toBeNull();
    expect(smoothingFromParam('off')).toEqual({ enabled: false });
    expect(smoothingFromParam('1.5,200')).toEqual({ minCutOffHz: 1.5, beta: 200 });
    expect(() => smoothingFromParam('fast')).toThrow(/smoothing=fast/);
    expect(() => smoothingFromParam('-1,2')).toThrow(/positive/);
    const off = new KeypointSmoother(smoothingFromParam('off')!);
    expect(off.settings.enabled).toBe(false);
  });
});
