// Lateral step-up, standing hip abduction, hip hitch: front-view one-leg exercises (threshold pins per exercise).
import { describe, expect, it } from 'vitest';
import { runExercise, summarize } from '../../../../src/rules/engine/run';
import type { AnyExerciseDefinition } from '../../../../src/rules/registry';
import { hipHitch } from '../../../../src/rules/exercises/hip-hitch';
import { lateralStepUp } from '../../../../src/rules/exercises/lateral-step-up';
import { standingHipAbduction } from '../../../../src/rules/exercises/standing-hip-abduction';
import type { PoseFrame } from '../../../../src/core/pose-frame';
import { deepFreeze } from '../frame-builder';
import { oneLeg, profile, repKnots, type OneLegOpts } from './poses';

const run = (def: AnyExerciseDefinition, frames: PoseFrame[], cfg: object) => summarize(runExercise(def, frames, cfg).perFrame);
const codes = (s: ReturnType<typeof run>) => s.cues.map((c) => c.code);

describe('lateral step-up', () => {
  // Working leg bent by 0.2 at the bottom (start), straight at the top.
  const steps = (bottom: number, top: number, extra: (f: number) => OneLegOpts = () => ({}), n = 3, side: 'left' | 'right' = 'left') =>
    profile(repKnots(bottom, top, n), (v) => oneLeg({ stance: side, depth: v, freeLegPx: 400, ...extra((bottom - v) / (bottom - top || 1)) }));
  const cfg = { side: 'left' };

  it('counts step-ups from the bottom and reports peak FPPA', () => {
    const s = run(lateralStepUp, steps(0.2, 0, (f) => ({ fppaDeg: 6 * (1 - f) })), cfg);
    expect(s.reps).toMatchObject({ total: 3, left: 3 });
    expect(s.cues).toEqual([]);
    expect(run(lateralStepUp, steps(0.2, 0, () => ({}), 2, 'right'), { side: 'right' }).reps.right).toBe(2);
  });

  it('pins top (0.05 from the working leg\'s own straight length) and bottom (0.12) thresholds', () => {
    // The straight length is the working leg's own longest (smoothed) extent: the first step-up here stands straight
    // for 1.5 s; a later top 0.04 short of it counts, 0.06 does not.
    const tops = (x: number) => profile([[0, 0.2], [1500, 0.2], [2200, 0], [3700, 0], [4400, 0.2], [5100, 0.2], [5800, x], [6200, x], [6900, 0.2], [7600, 0.2]],
      (v) => oneLeg({ stance: 'left', depth: v, freeLegPx: 400 }));
    expect(run(lateralStepUp, tops(0.04), cfg).reps.total).toBe(2);
    expect(run(lateralStepUp, tops(0.06), cfg).reps.total).toBe(1);
    // From any start: a recording that begins at the top counts that step-up once the leg is back down.
    expect(run(lateralStepUp, profile(repKnots(0.2, 0, 3).slice(3).map(([t, v]): [number, number] => [t - 2200, v]), (v) => oneLeg({ stance: 'left', depth: v, freeLegPx: 400 })), cfg).reps.total).toBe(3);
    // a bottom only at 0.11 never gives the start position (setup) -> nothing counts
    expect(run(lateralStepUp, steps(0.11, 0), cfg).reps.total).toBe(0);
  });

  it('pins KNEE_VALGUS (6 % of the leg medial from the straight leg) while the knee is bent', () => {
    const valgus = (frac: number, straight = 0) => steps(0.2, 0, (f) => ({ kneeMedialFrac: straight + frac * (1 - f) }));
    const bad = run(lateralStepUp, valgus(0.07), cfg);
    expect(codes(bad)).toContain('KNEE_VALGUS');
    expect(bad.repFindings.some((r) => r.faults.includes('KNEE_VALGUS'))).toBe(true);
    expect(codes(run(lateralStepUp, valgus(0.05), cfg))).not.toContain('KNEE_VALGUS');
    // against the knee's own place with the leg straight: a straight knee read 4 % medial shifts both
    expect(codes(run(lateralStepUp, valgus(0.05, 0.04), cfg))).not.toContain('KNEE_VALGUS');
    expect(codes(run(lateralStepUp, valgus(0.07, 0.04), cfg))).toContain('KNEE_VALGUS');
    // FPPA is shown only in its range (bent, compression <= 0.2)
    const fppa = run(lateralStepUp, steps(0.3, 0, (f) => ({ fppaDeg: 10 * (1 - f) })), cfg).repFindings[0]!.metrics.peakFppaDeg;
    expect(fppa).toBeLessThan(10 * (0.2 / 0.3) + 1);
  });
});

describe('standing hip abduction', () => {
  // side = moving leg = the free leg of oneLeg (stance is the other).
  const raises = (peak: number, extra: (f: number) => OneLegOpts = () => ({}), n = 3, side: 'left' | 'right' = 'right') =>
    profile(repKnots(0, peak, n), (v) => oneLeg({ stance: side === 'right' ? 'left' : 'right', freeAbductionDeg: v, ...extra(v / peak) }));
  const cfg = { side: 'right' };

  it('counts raises per side with the peak abduction', () => {
    const s = run(standingHipAbduction, raises(30), cfg);
    expect(s.reps).toMatchObject({ total: 3, right: 3 });
    expect(s.repFindings[0]!.metrics.peakAbductionDeg).toBeCloseTo(30, 1);
    expect(s.cues).toEqual([]);
    expect(run(standingHipAbduction, raises(30, () => ({}), 2, 'left'), { side: 'left' }).reps.left).toBe(2);
  });

  it('pins up (20 deg) and down (8 deg)', () => {
    expect(run(standingHipAbduction, raises(21), cfg).reps.total).toBe(3);
    expect(run(standingHipAbduction, raises(19), cfg).reps.total).toBe(0);
    const notDown = profile([[0, 0], [1500, 0], [2200, 30], [2600, 30], [3300, 9], [4000, 9], [4700, 30], [5100, 30], [5800, 7], [6500, 7]],
      (v) => oneLeg({ stance: 'left', freeAbductionDeg: v }));
    expect(run(standingHipAbduction, notDown, cfg).reps.total).toBe(1);
  });

  it('pins TRUNK_LEAN toward the stance side (10 deg) and HIP_HIKE (5 deg)', () => {
    const lean = run(standingHipAbduction, raises(30, (f) => ({ leanDeg: 11 * f })), cfg);
    expect(codes(lean)).toContain('TRUNK_LEAN');
    // the cue names the standing leg (left here; the right leg moves), as in the single-leg checks
    expect(lean.cues.find((c) => c.code === 'TRUNK_LEAN')!.side).toBe('left');
    expect(codes(run(standingHipAbduction, raises(30, (f) => ({ leanDeg: 9 * f })), cfg))).not.toContain('TRUNK_LEAN');
    const hike = run(standingHipAbduction, raises(30, (f) => ({ dropDeg: -6 * f })), cfg);
    expect(codes(hike)).toContain('HIP_HIKE');
    expect(codes(run(standingHipAbduction, raises(30, (f) => ({ dropDeg: -4 * f })), cfg))).not.toContain('HIP_HIKE');
  });

  it('judges HIP_HIKE and TRUNK_LEAN from the person\'s own neutral with the leg down: a pelvis tilted 6 deg throughout (a rolled camera) is no hike', () => {
    // The pelvic line reads 6 deg "hiked" in every frame, the leg down too: the same in neutral, so no cue.
    expect(codes(run(standingHipAbduction, raises(30, () => ({ dropDeg: -6 })), cfg))).not.toContain('HIP_HIKE');
    // On top of that offset, a real hike of 6 deg during the raise is flagged, 4 deg is not.
    expect(codes(run(standingHipAbduction, raises(30, (f) => ({ dropDeg: -6 - 6 * f })), cfg))).toContain('HIP_HIKE');
    expect(codes(run(standingHipAbduction, raises(30, (f) => ({ dropDeg: -6 - 4 * f })), cfg))).not.toContain('HIP_HIKE');
    // Likewise a constant 9 deg trunk offset toward the stance side plus 4 deg of lean is no TRUNK_LEAN; plus 11 is.
    expect(codes(run(standingHipAbduction, raises(30, (f) => ({ leanDeg: 9 + 4 * f })), cfg))).not.toContain('TRUNK_LEAN');
    expect(codes(run(standingHipAbduction, raises(30, (f) => ({ leanDeg: 9 + 11 * f })), cfg))).toContain('TRUNK_LEAN');
  });
});

describe('hip hitch (pelvic drop on a step)', () => {
  const drops = (peak: number, extra: (f: number) => OneLegOpts = () => ({}), n = 3, knots?: Array<[number, number]>) =>
    profile(knots ?? repKnots(0, peak, n), (v) => oneLeg({ stance: 'left', dropDeg: v, ...extra(v / (peak || 1)) }));
  const cfg = { side: 'left' };

  it('counts drops and reports peak drop, hitch and range', () => {
    // level, drop 12, hitch to -4, drop 12, back to level
    const s = run(hipHitch, drops(12, () => ({}), 0, [[0, 0], [1500, 0], [2200, 12], [2600, 12], [3300, -4], [3900, -4], [4600, 12], [5000, 12], [5700, 0], [6400, 0]]), cfg);
    expect(s.reps).toMatchObject({ total: 2, left: 2 });
    // 400 ms plateaus: the 150 ms low-pass (signalSmoothingMs) leaves the peaks within ~0.2 deg
    expect(s.repFindings[0]!.metrics.peakDropDeg).toBeCloseTo(12, 0);
    expect(s.repFindings[1]!.metrics.peakHitchDeg).toBeCloseTo(4, 0);
    expect(s.repFindings[1]!.metrics.tiltRangeDeg).toBeCloseTo(16, 0);
    expect(s.cues).toEqual([]);
  });

  it('counts from the person\'s own level: a pelvic line tilted -6 or +6 deg throughout (a rolled camera) changes no count', () => {
    for (const offset of [-6, 6]) {
      const s = run(hipHitch, drops(12, () => ({}), 0, repKnots(0, 12, 3).map(([t, v]): [number, number] => [t, v + offset])), cfg);
      expect(s.reps.total, `offset ${offset}`).toBe(3);
      expect(s.repFindings[0]!.metrics.peakDropDeg).toBeCloseTo(12, 0);
    }
    // A recording that begins with the pelvis dropped counts that rep when it comes back to level.
    const late = repKnots(0, 12, 3).slice(3).map(([t, v]): [number, number] => [t - 2200, v]);
    expect(run(hipHitch, drops(12, () => ({}), 0, late), cfg).reps.total).toBe(3);
  });

  it('pins the drop threshold (8 deg)', () => {
    expect(run(hipHitch, drops(9), cfg).reps.total).toBe(3);
    expect(run(hipHitch, drops(7), cfg).reps.total).toBe(0);
  });

  it('pins TRUNK_LEAN toward the stance side (10 deg) from the trunk line at level', () => {
    expect(codes(run(hipHitch, drops(12, (f) => ({ leanDeg: 11 * f })), cfg))).toContain('TRUNK_LEAN');
    expect(codes(run(hipHitch, drops(12, (f) => ({ leanDeg: 9 * f })), cfg))).not.toContain('TRUNK_LEAN');
    // A constant 9 deg trunk offset (the person's own stance) plus 4 deg of lean is no cue; plus 11 is.
    expect(codes(run(hipHitch, drops(12, (f) => ({ leanDeg: 9 + 4 * f })), cfg))).not.toContain('TRUNK_LEAN');
    expect(codes(run(hipHitch, drops(12, (f) => ({ leanDeg: 9 + 11 * f })), cfg))).toContain('TRUNK_LEAN');
  });

  it('does not learn the trunk line of a recording that begins with the pelvis dropped as the level one', () => {
    // Begins at the bottom of a drop, leaning 11 deg: those first frames are the lowest obliquity seen then, but not
    // the person's level, so the lean is judged from the level frames that follow.
    const late = repKnots(0, 12, 3).slice(3).map(([t, v]): [number, number] => [t - 2200, v]);
    expect(codes(run(hipHitch, drops(12, (f) => ({ leanDeg: 11 * f }), 0, late), cfg))).toContain('TRUNK_LEAN');
    expect(codes(run(hipHitch, drops(12, (f) => ({ leanDeg: 9 * f }), 0, late), cfg))).not.toContain('TRUNK_LEAN');
  });

  it('pins STANCE_KNEE_BENDING (0.05 of leg length)', () => {
    expect(codes(run(hipHitch, drops(12, (f) => ({ depth: 0.06 * f })), cfg))).toContain('STANCE_KNEE_BENDING');
    expect(codes(run(hipHitch, drops(12, (f) => ({ depth: 0.04 * f })), cfg))).not.toContain('STANCE_KNEE_BENDING');
  });

  it('all three are pure and deterministic', () => {
    const cases: Array<[AnyExerciseDefinition, PoseFrame[], object]> = [
      [hipHitch, drops(12), cfg],
      [standingHipAbduction, profile(repKnots(0, 30, 2), (v) => oneLeg({ freeAbductionDeg: v })), { side: 'right' }],
      [lateralStepUp, profile(repKnots(0.2, 0, 2), (v) => oneLeg({ depth: v, freeLegPx: 400, fppaDeg: 20 })), { side: 'left' }],
    ];
    for (const [def, frames, c] of cases) {
      const f = deepFreeze(frames);
      expect(runExercise(def, f, c).findings).toEqual(runExercise(def, f, c).findings);
    }
  });
});
