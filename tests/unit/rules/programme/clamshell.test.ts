import { describe, expect, it } from 'vitest';
import { runExercise, summarize } from '../../../../src/rules/engine/run';
import { clamshell as def } from '../../../../src/rules/exercises/clamshell';
import { deepFreeze } from '../frame-builder';
import { interp, profile, repKnots, sideLying } from './poses';

const reps = (peak: number, n = 3) => profile(repKnots(0.25, peak, n), (v) => sideLying({ kneeGapTorso: v }));
const run = (frames: ReturnType<typeof reps>, cfg: object = { side: 'left' }) => summarize(runExercise(def, frames, cfg).perFrame);

describe('clamshell', () => {
  it('counts openings and reports the peak knee gap in torso lengths', () => {
    const s = run(reps(0.7));
    expect(s.reps).toMatchObject({ total: 3, left: 3 });
    for (const r of s.repFindings) expect(r.metrics.peakKneeGapTorso).toBeCloseTo(0.7, 2);
    expect(s.cues).toEqual([]);
  });

  it('pins the open threshold (0.5 torso): 0.52 counts, 0.48 does not', () => {
    expect(run(reps(0.52)).reps.total).toBe(3);
    expect(run(reps(0.48)).reps.total).toBe(0);
  });

  it('pins the closed threshold (0.35 torso): knees that only close to 0.37 do not end the rep', () => {
    const frames = profile([[0, 0.25], [1500, 0.25], [2200, 0.7], [2600, 0.7], [3300, 0.37], [4000, 0.37], [4700, 0.7], [5100, 0.7], [5800, 0.33], [6500, 0.33]],
      (v) => sideLying({ kneeGapTorso: v }));
    expect(run(frames).reps.total).toBe(1);
  });

  it('PELVIS_ROLL is off by default and pins 0.80 of the start hip separation when switched on', () => {
    const roll = (frac: number) => profile(repKnots(0.25, 0.7, 2), (v, t) => sideLying({ kneeGapTorso: v, hipSepFrac: t > 1600 ? interp([[1600, 1], [2200, frac]], t) : 1 }));
    const on = { side: 'left', pelvisRollCheck: true };
    expect(run(roll(0.5)).cues).toEqual([]);
    const bad = run(roll(0.78), on);
    expect(bad.cues.map((c) => c.code)).toContain('PELVIS_ROLL');
    expect(bad.repFindings[0]!.faults).toContain('PELVIS_ROLL');
    const ok = run(roll(0.82), on);
    expect(ok.cues).toEqual([]);
    expect(ok.reps.total).toBe(2);
  });

  it('flags FEET_APART when the top ankle lifts with the knee', () => {
    // top ankle rises with the knee: gap = 20 px + lift; pins 0.4 torso (80 px).
    const feet = (liftPx: number) => profile(repKnots(0.25, 0.7, 2), (v) => {
      const j = sideLying({ kneeGapTorso: v });
      return { ...j, left_ankle: { x: 560, y: j.left_ankle!.y - (liftPx * (v - 0.25)) / 0.45 } };
    });
    const s = run(feet(62));
    expect(s.cues.map((c) => c.code)).toContain('FEET_APART');
    expect(s.repFindings[0]!.faults).toContain('FEET_APART');
    expect(run(feet(58)).cues).toEqual([]);
  });

  it('a left/right swap of the model for a few frames at the top moves no reference and changes no rep', () => {
    const swap = (j: Record<string, { x: number; y: number }>) => Object.fromEntries(Object.entries(j).map(([n, p]) => [n.startsWith('left_') ? n.replace('left_', 'right_') : n.replace('right_', 'left_'), p]));
    // Five swapped frames (~170 ms) at the top of every opening: longer than the running minimum's 3-frame median.
    const frames = profile(repKnots(0.25, 0.7, 3), (v, t) => {
      const j = sideLying({ kneeGapTorso: v });
      return v > 0.65 && Math.floor(t / 170) % 4 === 0 ? swap(j) as typeof j : j;
    });
    const s = run(frames);
    expect(s.reps.total).toBe(3);
    for (const r of s.repFindings) expect(r.metrics.peakKneeGapTorso).toBeCloseTo(0.7, 1);
  });

  it('from any start: a recording that begins with the knee open counts that rep once it closes', () => {
    const open = repKnots(0.25, 0.7, 3).slice(3).map(([t, v]): [number, number] => [t - 2200, v]); // starts at the top of rep 1
    expect(open[0]![1]).toBe(0.7);
    expect(run(profile(open, (v) => sideLying({ kneeGapTorso: v }))).reps.total).toBe(3);
    // ... and one that begins half-open counts it too; a range short of the target (0.45 torso) counts nothing.
    const half = repKnots(0.25, 0.7, 2).map(([t, v]): [number, number] => [t, t < 1900 ? 0.5 : v]);
    expect(run(profile(half, (v) => sideLying({ kneeGapTorso: v }))).reps.total).toBe(2);
    expect(run(profile([[0, 0.45], [900, 0.45], [1600, 0.25], [3000, 0.25]], (v) => sideLying({ kneeGapTorso: v }))).reps.total).toBe(0);
  });

  it('is pure and deterministic', () => {
    const frames = deepFreeze(reps(0.7, 2));
    expect(runExercise(def, frames, { side: 'left' }).findings).toEqual(runExercise(def, frames, { side: 'left' }).findings);
  });
});
