import { describe, expect, it } from 'vitest';
import { runExercise, summarize } from '../../../../src/rules/engine/run';
import { standingHipCircumduction as def } from '../../../../src/rules/exercises/standing-hip-circumduction';
import { deepFreeze, seq } from '../frame-builder';
import { oneLeg } from './poses';

/**
 * Circling right leg (stance left): the KNEE (midpoint of hip and ankle in oneLeg) draws `turns` circles of radius
 * R px around its resting point (the ankle moves 2R), periodMs each, after 1.5 s still; the radius grows from 0 over
 * the first quarter circle.
 */
const circles = (R: number, turns: number, o: { periodMs?: number; dir?: 1 | -1; noisePx?: number; leanDeg?: number; squash?: number; spiralIn?: boolean } = {}) => {
  const period = o.periodMs ?? 2000, lead = 1500, dir = o.dir ?? 1;
  let seed = 7;
  const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647 - 0.5; };
  return seq((t) => {
    const turnsDone = t < lead ? 0 : Math.min(turns, (t - lead) / period);
    const ph = turnsDone * 2 * Math.PI * dir;
    // spiralIn: the radius also shrinks to 0 over the last quarter circle (the knee comes back to rest).
    const r = R * Math.min(1, turnsDone / 0.25, o.spiralIn ? (turns - turnsDone) / 0.25 : 1);
    const n = o.noisePx ?? 0;
    return oneLeg({ stance: 'left', freeLegPx: 300, freeAnkleDx: 2 * r * Math.cos(ph) + n * rnd(), freeAnkleDy: 2 * r * Math.sin(ph) * (o.squash ?? 1) + n * rnd(), leanDeg: o.leanDeg });
  }, 30, lead + period * turns + 600);
};
const run = (frames: ReturnType<typeof circles>, cfg: Record<string, number> = {}) => summarize(runExercise(def, frames, { side: 'right', ...cfg }).perFrame);

describe('standing hip circumduction', () => {
  it('counts full circles with their direction (either way round)', () => {
    const cw = run(circles(60, 3));
    expect(cw.reps).toMatchObject({ total: 3, right: 3 });
    expect(cw.repFindings.every((r) => r.metrics.direction === 1)).toBe(true);
    const ccw = run(circles(60, 2, { dir: -1 }));
    expect(ccw.reps.total).toBe(2);
    expect(ccw.repFindings.every((r) => r.metrics.direction === -1)).toBe(true);
    expect(cw.cues).toEqual([]);
  });

  it('does not count an unfinished circle, a tiny circle (below 0.05 leg lengths = 20 px), or a still leg with jitter', () => {
    expect(run(circles(60, 0.8)).reps.total).toBe(0);
    expect(run(circles(12, 3)).reps.total).toBe(0);
    expect(run(circles(0, 4, { noisePx: 8 })).reps.total).toBe(0);
  });

  it('keeps counting through keypoint noise on a real-size circle', () => {
    expect(run(circles(60, 3, { noisePx: 6 })).reps.total).toBe(3);
  });

  it('a circle seen at an angle (an ellipse 3x narrower than wide) is stretched back toward a circle; maxStretch 1 = none', () => {
    const flat = circles(60, 3, { squash: 1 / 3, noisePx: 2, spiralIn: true });
    expect(run(flat).reps.total).toBe(3);
    expect(run(flat, { maxStretch: 1 }).reps.total).toBe(2);
    // Narrower still (6x): more circles found with the stretch than without.
    const flatter = circles(60, 3, { squash: 1 / 6, noisePx: 2, spiralIn: true });
    expect(run(flatter).reps.total).toBeGreaterThan(run(flatter, { maxStretch: 1 }).reps.total);
  });

  it('the last circle spirals back into the rest position: it counts when it turned lastCircleDeg (240) the same way', () => {
    // A 40 px circle: the knee is within minRadiusLeg (20 px) for the first and last eighth of the path.
    expect(run(circles(40, 3, { spiralIn: true })).reps.total).toBe(3);
    expect(run(circles(40, 3, { spiralIn: true }), { lastCircleDeg: 360 }).reps.total).toBe(2);
    // Back at rest after only two thirds of a circle (~200 deg seen): not a circle.
    expect(run(circles(40, 0.66, { spiralIn: true })).reps.total).toBe(0);
  });

  it('pins TRUNK_LEAN toward the standing side (10 deg)', () => {
    expect(run(circles(60, 2, { leanDeg: 11 })).cues.map((c) => c.code)).toContain('TRUNK_LEAN');
    expect(run(circles(60, 2, { leanDeg: 9 })).cues).toEqual([]);
  });

  it('drops the circle in progress when the knee leaves the view; pure and deterministic', () => {
    const frames = circles(60, 2).map((f) => (f.timestampMs > 2000 && f.timestampMs < 2600 ? { ...f, keypoints: { ...f.keypoints!, right_knee: { ...f.keypoints!.right_knee, score: 0.05 } } } : f));
    const s = run(frames);
    expect(s.visibilityFrames.NOT_VISIBLE).toBeGreaterThan(10);
    expect(s.reps.total).toBeLessThan(2);
    const fr = deepFreeze(circles(60, 2));
    expect(runExercise(def, fr, { side: 'right' }).findings).toEqual(runExercise(def, fr, { side: 'right' }).findings);
  });
});
