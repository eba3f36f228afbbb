// Single-leg deadlift and prone hip extension (side view): threshold pins.
import { describe, expect, it } from 'vitest';
import { runExercise, summarize } from '../../../../src/rules/engine/run';
import type { AnyExerciseDefinition } from '../../../../src/rules/registry';
import { proneHipExtension } from '../../../../src/rules/exercises/prone-hip-extension';
import { singleLegDeadlift } from '../../../../src/rules/exercises/single-leg-deadlift';
import type { PoseFrame } from '../../../../src/core/pose-frame';
import { deepFreeze } from '../frame-builder';
import { deadlift, profile, prone, repKnots } from './poses';

const run = (def: AnyExerciseDefinition, frames: PoseFrame[], cfg: object) => summarize(runExercise(def, frames, cfg).perFrame);
const codes = (s: ReturnType<typeof run>) => s.cues.map((c) => c.code);

describe('single-leg deadlift', () => {
  const hinges = (peak: number, o: { kneeDeg?: number; open?: number; freeHipScore?: number } = {}, n = 3, stance: 'left' | 'right' = 'left') =>
    profile(repKnots(5, peak, n), (v) => deadlift({ hingeDeg: v, stance, kneeDeg: o.kneeDeg, openTorso: (o.open ?? 0) * (v / peak), freeHipScore: o.freeHipScore }));
  const cfg = { side: 'left' };

  it('counts hinges per stance side and reports the peak hinge', () => {
    const s = run(singleLegDeadlift, hinges(85), cfg);
    expect(s.reps).toMatchObject({ total: 3, left: 3 });
    expect(s.repFindings[0]!.metrics.peakHingeDeg).toBeCloseTo(85, 1);
    expect(s.repFindings[0]!.faults).toEqual([]);
    expect(s.cues).toEqual([]);
    expect(run(singleLegDeadlift, hinges(85, {}, 2, 'right'), { side: 'right' }).reps.right).toBe(2);
  });

  it('pins down (45 deg) and HINGE_SHALLOW (70 deg)', () => {
    expect(run(singleLegDeadlift, hinges(46), cfg).reps.total).toBe(3);
    expect(run(singleLegDeadlift, hinges(44), cfg).reps.total).toBe(0);
    const shallow = run(singleLegDeadlift, hinges(69), cfg).repFindings, deep = run(singleLegDeadlift, hinges(71), cfg).repFindings;
    expect(shallow).toHaveLength(3);
    expect(deep).toHaveLength(3);
    expect(shallow.every((r) => r.faults.includes('HINGE_SHALLOW'))).toBe(true);
    expect(deep.every((r) => r.faults.length === 0)).toBe(true);
  });

  it('pins STANCE_KNEE_LOCKED (176 deg)', () => {
    expect(codes(run(singleLegDeadlift, hinges(85, { kneeDeg: 177 }), cfg))).toContain('STANCE_KNEE_LOCKED');
    expect(codes(run(singleLegDeadlift, hinges(85, { kneeDeg: 175 }), cfg))).not.toContain('STANCE_KNEE_LOCKED');
  });

  it('pins PELVIS_OPENING (0.12 torso) and skips it when the far hip is hidden', () => {
    const bad = run(singleLegDeadlift, hinges(85, { open: 0.13 }), cfg);
    expect(codes(bad)).toContain('PELVIS_OPENING');
    expect(bad.repFindings[0]!.faults).toContain('PELVIS_OPENING');
    expect(codes(run(singleLegDeadlift, hinges(85, { open: 0.11 }), cfg))).not.toContain('PELVIS_OPENING');
    const hidden = run(singleLegDeadlift, hinges(85, { open: 0.3, freeHipScore: 0.1 }), cfg);
    expect(hidden.cues).toEqual([]);
    expect(hidden.reps.total).toBe(3);
  });
});

describe('prone hip extension, knee bent', () => {
  const lifts = (peak: number, o: { kneeDeg?: number; trunk?: number } = {}, n = 3) =>
    profile(repKnots(0, peak, n), (v) => prone({ extDeg: v, kneeDeg: o.kneeDeg, trunkLiftDeg: (o.trunk ?? 0) * (v / (peak || 1)) }));
  const cfg = { side: 'left' };

  it('counts lifts relative to the resting thigh and reports the peak extension', () => {
    const s = run(proneHipExtension, lifts(18), cfg);
    expect(s.reps).toMatchObject({ total: 3, left: 3 });
    expect(s.repFindings[0]!.metrics.peakHipExtensionDeg).toBeCloseTo(18, 1);
    expect(s.cues).toEqual([]);
  });

  it('pins up (10 deg) and down (4 deg)', () => {
    expect(run(proneHipExtension, lifts(11), cfg).reps.total).toBe(3);
    expect(run(proneHipExtension, lifts(9), cfg).reps.total).toBe(0);
    const notDown = profile([[0, 0], [1500, 0], [2200, 15], [2600, 15], [3300, 5], [4000, 5], [4700, 15], [5100, 15], [5800, 3], [6500, 3]], (v) => prone({ extDeg: v }));
    expect(run(proneHipExtension, notDown, cfg).reps.total).toBe(1);
  });

  it('pins KNEE_STRAIGHTENING (120 deg) and TRUNK_LIFTING (10 deg)', () => {
    expect(codes(run(proneHipExtension, lifts(18, { kneeDeg: 122 }), cfg))).toContain('KNEE_STRAIGHTENING');
    expect(codes(run(proneHipExtension, lifts(18, { kneeDeg: 118 }), cfg))).not.toContain('KNEE_STRAIGHTENING');
    const arch = run(proneHipExtension, lifts(18, { trunk: 11 }), cfg);
    expect(codes(arch)).toContain('TRUNK_LIFTING');
    expect(codes(run(proneHipExtension, lifts(18, { trunk: 9 }), cfg))).not.toContain('TRUNK_LIFTING');
  });

  it('both are pure and deterministic', () => {
    for (const [def, frames] of [[proneHipExtension, lifts(18)], [singleLegDeadlift, profile(repKnots(5, 85, 2), (v) => deadlift({ hingeDeg: v }))]] as Array<[AnyExerciseDefinition, PoseFrame[]]>) {
      const f = deepFreeze(frames);
      expect(runExercise(def, f, cfg).findings).toEqual(runExercise(def, f, cfg).findings);
    }
  });
});
