import { describe, expect, it } from 'vitest';
import { runExercise, summarize } from '../../../../src/rules/engine/run';
import { clamshell as def } from '../../../../src/rules/exercises/clamshell';
import { deepFreeze } from '../frame-builder';
import { interp, profile, repKnots, sideLying } from './poses';

const reps = (peak: number, n = 3) => profile(repKnots(1, peak, n), (v) => sideLying({ kneeOpening: v }));
const run = (frames: ReturnType<typeof reps>, cfg: object = { side: 'left' }) => summarize(runExercise(def, frames, cfg).perFrame);

describe('clamshell', () => {
  it('counts openings and reports the peak knee opening ratio', () => {
    const s = run(reps(2));
    expect(s.reps).toMatchObject({ total: 3, left: 3 });
    for (const r of s.repFindings) expect(r.metrics.peakKneeOpeningRatio).toBeCloseTo(2, 2);
    expect(s.cues).toEqual([]);
  });

  it('pins the open threshold (1.6): 1.62 counts, 1.58 does not', () => {
    expect(run(reps(1.62)).reps.total).toBe(3);
    expect(run(reps(1.58)).reps.total).toBe(0);
  });

  it('pins the closed threshold (1.25): knees that only close to 1.3 do not end the rep', () => {
    const frames = profile([[0, 1], [1500, 1], [2200, 2], [2600, 2], [3300, 1.3], [4000, 1.3], [4700, 2], [5100, 2], [5800, 1.2], [6500, 1.2]],
      (v) => sideLying({ kneeOpening: v }));
    expect(run(frames).reps.total).toBe(1);
  });

  it('pins PELVIS_ROLL (0.80 of the start hip separation) and keeps the opening ratio on the start hip separation', () => {
    const roll = (frac: number) => profile(repKnots(1, 2, 2), (v, t) => sideLying({ kneeOpening: v, hipSepFrac: t > 1600 ? interp([[1600, 1], [2200, frac]], t) : 1 }));
    const bad = run(roll(0.78));
    expect(bad.cues.map((c) => c.code)).toContain('PELVIS_ROLL');
    expect(bad.repFindings[0]!.faults).toContain('PELVIS_ROLL');
    const ok = run(roll(0.82));
    expect(ok.cues).toEqual([]);
    expect(ok.reps.total).toBe(2);
  });

  it('flags FEET_APART when the top ankle lifts with the knee', () => {
    const frames = profile(repKnots(1, 2, 2), (v) => {
      const j = sideLying({ kneeOpening: v });
      // top ankle rises with the knee: separation across the body = (v - 1) * 70 + 20 px over 70 px hips.
      return { ...j, left_ankle: { x: 560, y: j.left_ankle!.y - (v - 1) * 70 } };
    });
    const s = run(frames);
    expect(s.cues.map((c) => c.code)).toContain('FEET_APART');
    expect(s.repFindings[0]!.faults).toContain('FEET_APART');
  });

  it('is pure and deterministic', () => {
    const frames = deepFreeze(reps(2, 2));
    expect(runExercise(def, frames, { side: 'left' }).findings).toEqual(runExercise(def, frames, { side: 'left' }).findings);
  });
});
