// 4-point hip abduction and seated side foot raise: threshold pins.
import { describe, expect, it } from 'vitest';
import { runExercise, summarize } from '../../../../src/rules/engine/run';
import { quadrupedHipAbduction as quad } from '../../../../src/rules/exercises/quadruped-hip-abduction';
import { seatedSideFootRaise as seat } from '../../../../src/rules/exercises/seated-side-foot-raise';
import type { AnyExerciseDefinition } from '../../../../src/rules/registry';
import type { PoseFrame } from '../../../../src/core/pose-frame';
import { deepFreeze } from '../frame-builder';
import { profile, quadruped, repKnots, seated } from './poses';

const run = (def: AnyExerciseDefinition, frames: PoseFrame[], cfg: object) => summarize(runExercise(def, frames, cfg).perFrame);
const codes = (s: ReturnType<typeof run>) => s.cues.map((c) => c.code);

describe('4-point hip abduction', () => {
  const lifts = (peak: number, holdMs = 5500, tilt = 0, side: 'left' | 'right' = 'left', n = 2) =>
    profile(repKnots(0, peak, n, { holdMs }), (v) => quadruped({ angleDeg: v, side, tiltDeg: (tilt * v) / peak }));

  it('counts lifts per side with the peak angle and the top hold time', () => {
    const s = run(quad, lifts(80), { side: 'left' });
    expect(s.reps).toMatchObject({ total: 2, left: 2 });
    expect(s.repFindings[0]!.metrics.peakAbductionDeg).toBeCloseTo(80, 1);
    expect(s.repFindings[0]!.metrics.topHoldMs).toBeGreaterThan(5500);
    expect(s.repFindings[0]!.faults).toEqual([]);
    expect(s.cues).toEqual([]);
    expect(run(quad, lifts(80, 5500, 0, 'right'), { side: 'right' }).reps.right).toBe(2);
  });

  it('pins up (45 deg) and HOLD_SHORT (5 s at the top)', () => {
    expect(run(quad, lifts(46), { side: 'left' }).reps.total).toBe(2);
    expect(run(quad, lifts(44), { side: 'left' }).reps.total).toBe(0);
    // 46 -> 45 crossing is near the peak: time above 45 with a 3 s plateau at 80 deg
    const short = run(quad, lifts(80, 3000), { side: 'left' }).repFindings;
    expect(short).toHaveLength(2);
    expect(short.every((r) => r.faults.includes('HOLD_SHORT'))).toBe(true);
    expect(run(quad, lifts(80, 5500), { side: 'left' }).repFindings.every((r) => !r.faults.includes('HOLD_SHORT'))).toBe(true);
  });

  it('a left/right swap of the model for a few frames mid-hold splits no lift', () => {
    const swap = (j: Record<string, { x: number; y: number }>) => Object.fromEntries(Object.entries(j).map(([n, p]) => [n.startsWith('left_') ? n.replace('left_', 'right_') : n.replace('right_', 'left_'), p]));
    // 9 swapped frames (300 ms: 3 frames at 10 fps) every 1.2 s while the leg is up: the resting leg read as the working one.
    const frames = profile(repKnots(0, 80, 2, { holdMs: 5500 }), (v, t) => {
      const j = quadruped({ angleDeg: v, side: 'left' });
      return v > 70 && t % 1200 < 300 ? swap(j) as typeof j : j;
    });
    const s = run(quad, frames, { side: 'left' });
    expect(s.reps.total).toBe(2);
    expect(s.repFindings.every((r) => r.metrics.topHoldMs! > 5000)).toBe(true);
  });

  it('pins PELVIS_TILT (10 deg)', () => {
    expect(codes(run(quad, lifts(80, 5500, 11), { side: 'left' }))).toContain('PELVIS_TILT');
    expect(codes(run(quad, lifts(80, 5500, 9), { side: 'left' }))).not.toContain('PELVIS_TILT');
  });
});

describe('seated side foot raise', () => {
  const raises = (l: number, r: number, o: { gap?: number; n?: number } = {}) =>
    profile(repKnots(0, 1, o.n ?? 3), (v) => seated({ leftDeg: l * v, rightDeg: r * v, kneeGapPx: o.gap }));

  it('counts both-feet raises and reports per-leg peaks and asymmetry', () => {
    const s = run(seat, raises(30, 24), {});
    expect(s.reps).toMatchObject({ total: 3, both: 3 });
    const m = s.repFindings[0]!.metrics;
    expect(m.peakLeftShankDeg).toBeCloseTo(30, 1);
    expect(m.peakRightShankDeg).toBeCloseTo(24, 1);
    expect(m.asymmetryDeg).toBeCloseTo(6, 1);
    expect(s.cues).toEqual([]);
  });

  it('pins out (20 deg): both feet must pass it in "both" mode; one-foot mode follows that foot', () => {
    expect(run(seat, raises(30, 21), {}).reps.total).toBe(3);
    expect(run(seat, raises(30, 19), {}).reps.total).toBe(0);
    const left = run(seat, raises(25, 0), { mode: 'left' });
    expect(left.reps).toMatchObject({ total: 3, left: 3 });
  });

  it('pins KNEES_APART (knee separation 1.0 x hip separation = 80 px)', () => {
    expect(codes(run(seat, raises(30, 30, { gap: 84 }), {}))).toContain('KNEES_APART');
    expect(codes(run(seat, raises(30, 30, { gap: 76 }), {}))).not.toContain('KNEES_APART');
  });

  it('both are pure and deterministic', () => {
    for (const [def, frames, c] of [[quad, profile(repKnots(0, 80, 2), (v) => quadruped({ angleDeg: v })), { side: 'left' }], [seat, raises(30, 24), {}]] as Array<[AnyExerciseDefinition, PoseFrame[], object]>) {
      const f = deepFreeze(frames);
      expect(runExercise(def, f, c).findings).toEqual(runExercise(def, f, c).findings);
    }
  });
});
