// The person's two-leg neutral and the rolling windows (engine/neutral.ts).
import { describe, expect, it } from 'vitest';
import {
  bodyLines, EMPTY_WINDOW, INITIAL_NEUTRAL, lastSamples, neutralLines, pushSample, relativeLines, rollingMidMean, stanceAngles, stepNeutral,
  windowMedian, windowMidMean, type SampleWindow,
} from '../../../src/rules/engine/neutral';

const cfg = { neutralWindowMs: 3000, neutralMinMs: 300, medianWindowMs: 1500, trunkWindowMs: 400 };
const D2R = Math.PI / 180;
const win = (vs: number[], dtMs = 100): SampleWindow => vs.reduce((w, v, i) => pushSample(w, i * dtMs, v, 60_000), EMPTY_WINDOW);

describe('neutral: windows', () => {
  it('keeps only the samples of the last windowMs, skips non-finite values, never mutates', () => {
    const w = pushSample(pushSample(pushSample(EMPTY_WINDOW, 0, 1, 1000), 500, 2, 1000), 1200, 3, 1000);
    expect(w.map((s) => s.v)).toEqual([2, 3]);
    const frozen = Object.freeze([...w]);
    expect(pushSample(frozen, 1300, Number.NaN, 1000)).toBe(frozen);
    expect(pushSample(frozen, 1300, 4, 1000)).toHaveLength(3);
    expect(frozen).toHaveLength(2);
  });

  it('median and interquartile mean ignore one stray frame', () => {
    const w = win([1, 1.2, 0.8, 1.1, 0.9, 40, 1]);
    expect(windowMedian(w)).toBe(1);
    expect(windowMidMean(w)).toBeGreaterThan(0.9);
    expect(windowMidMean(w)).toBeLessThan(1.15);
    expect(windowMedian(EMPTY_WINDOW)).toBeNaN();
  });

  it('a rolling value needs 3 samples spanning half the window: 2 frames or 700 ms of a 1500 ms window is no value', () => {
    expect(rollingMidMean(win([5, 5]), 1500)).toBeNaN();
    expect(rollingMidMean(win([5, 5, 5], 350), 1500)).toBeNaN(); // spans 700 ms
    expect(rollingMidMean(win([5, 5, 5], 375), 1500)).toBe(5); // spans 750 ms
  });

  it('a window with a minimum frame count reaches back further at a low frame rate, and only then', () => {
    const at = (n: number, dtMs: number, minFrames: number) =>
      Array.from({ length: n }, (_, i) => i).reduce((w, i) => pushSample(w, i * dtMs, i, 2000, minFrames), EMPTY_WINDOW);
    // 5 fps: 2 s holds 11 frames; with 20 kept, the window spans 3.8 s.
    expect(at(30, 200, 1)).toHaveLength(11);
    expect(at(30, 200, 20)).toHaveLength(20);
    expect(at(30, 200, 20)[0]!.v).toBe(10);
    // 30 fps: 2 s holds more than 20 frames already: unchanged.
    expect(at(90, 1000 / 30, 20)).toHaveLength(at(90, 1000 / 30, 1).length);
    const w = at(30, 200, 20);
    expect(lastSamples(w, 29 * 200, 2000, 20)).toHaveLength(20);
    expect(lastSamples(w, 29 * 200, 2000, 1)).toHaveLength(11);
  });

  it('a rolling value with minFrames 20 needs 20 frames: 19 at 5 fps is no value, 20 is', () => {
    const w = (n: number) => Array.from({ length: n }, (_, i) => i).reduce((acc, i) => pushSample(acc, i * 200, 5, 2000, 20), EMPTY_WINDOW);
    expect(rollingMidMean(w(19), 2000, 20)).toBeNaN();
    expect(rollingMidMean(w(20), 2000, 20)).toBe(5);
    // Below 3 the floor of 3 frames still holds.
    expect(rollingMidMean(win([5, 5], 1000), 1000, 1)).toBeNaN();
  });
});

describe('neutral: body lines', () => {
  // Facing the camera: the person's left hip is on the image right (x larger); y down.
  const lh = { x: 540, y: 500 }, rh = { x: 460, y: 500 }, ls = { x: 570, y: 300 }, rs = { x: 430, y: 300 };

  it('signs: left hip lower is +, shoulders toward the left hip is +, whichever side of the picture the left hip is on', () => {
    const low = bodyLines({ ...lh, y: 500 + 80 * Math.tan(4 * D2R) }, rh, ls, rs);
    expect(low.hipLeftLowDeg).toBeCloseTo(4, 6);
    const lean = bodyLines(lh, rh, { ...ls, x: ls.x + 200 * Math.tan(7 * D2R) }, { ...rs, x: rs.x + 200 * Math.tan(7 * D2R) });
    expect(lean.trunkLeftDeg).toBeCloseTo(7, 6);
    // Mirrored picture (left hip on the image left): the same body reads the same.
    const mirror = (p: { x: number; y: number }) => ({ x: 1000 - p.x, y: p.y });
    const body = [{ ...lh, y: 500 + 80 * Math.tan(4 * D2R) }, rh, { ...ls, x: ls.x + 200 * Math.tan(7 * D2R) }, { ...rs, x: rs.x + 200 * Math.tan(7 * D2R) }] as const;
    const direct = bodyLines(body[0], body[1], body[2], body[3]);
    const m = bodyLines(mirror(body[0]), mirror(body[1]), mirror(body[2]), mirror(body[3]));
    expect(direct.hipLeftLowDeg).toBeGreaterThan(3.9);
    expect(direct.trunkLeftDeg).toBeGreaterThan(6.8);
    expect(m.hipLeftLowDeg).toBeCloseTo(direct.hipLeftLowDeg, 9);
    expect(m.trunkLeftDeg).toBeCloseTo(direct.trunkLeftDeg, 9);
  });

  it('stance angles: the lifted side lower is a drop, the trunk toward the stance side a lean', () => {
    const lines = { hipLeftLowDeg: 6, trunkLeftDeg: -3 };
    expect(stanceAngles(lines, 'right')).toEqual({ dropDeg: 6, leanDeg: 3 }); // left foot up, left hip lower
    expect(stanceAngles(lines, 'left')).toEqual({ dropDeg: -6, leanDeg: -3 });
  });

  it('a camera roll is in the neutral and cancels: relative lines of a rolled body equal those of a level one', () => {
    const roll = (p: { x: number; y: number }, deg: number) => {
      const c = Math.cos(deg * D2R), s = Math.sin(deg * D2R), dx = p.x - 500, dy = p.y - 400;
      return { x: 500 + c * dx - s * dy, y: 400 + s * dx + c * dy };
    };
    const dropped = { ...lh, y: 500 + 80 * Math.tan(6 * D2R) };
    for (const r of [-6, 6]) {
      const neutral = bodyLines(roll(lh, r), roll(rh, r), roll(ls, r), roll(rs, r));
      const now = bodyLines(roll(dropped, r), roll(rh, r), roll(ls, r), roll(rs, r));
      expect(stanceAngles(relativeLines(now, neutral), 'right').dropDeg).toBeCloseTo(6, 6);
    }
  });
});

describe('neutral: learning it', () => {
  it('needs 3 frames over neutralMinMs (300 ms) before it exists; its value is the median, one stray frame moves nothing', () => {
    let n = INITIAL_NEUTRAL;
    const lines = (h: number) => ({ hipLeftLowDeg: h, trunkLeftDeg: 1 });
    n = stepNeutral(n, lines(2), 0, cfg);
    n = stepNeutral(n, lines(2), 100, cfg);
    n = stepNeutral(n, lines(2), 299, cfg);
    expect(neutralLines(n, cfg)).toBeNull();
    n = stepNeutral(n, lines(30), 300, cfg); // a stray frame completes the span but is out-voted
    expect(neutralLines(n, cfg)).toEqual({ hipLeftLowDeg: 2, trunkLeftDeg: 1 });
    // Older than neutralWindowMs: forgotten (a camera that was moved is followed).
    for (let t = 4000; t <= 4400; t += 100) n = stepNeutral(n, lines(-1), t, cfg);
    expect(neutralLines(n, cfg)!.hipLeftLowDeg).toBe(-1);
  });
});
