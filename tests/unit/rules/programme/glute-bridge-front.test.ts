import { describe, expect, it } from 'vitest';
import { runExercise, summarize } from '../../../../src/rules/engine/run';
import { gluteBridgeFront as def } from '../../../../src/rules/exercises/glute-bridge-front';
import { deepFreeze } from '../frame-builder';
import { bridgeFront, profile, repKnots } from './poses';

const lifts = (peak: number, kneeAtTop = 1.05, n = 3) => profile(repKnots(0, peak, n), (v) => bridgeFront(v, 1.05 + (kneeAtTop - 1.05) * (v / peak)));
const run = (f: ReturnType<typeof lifts>) => summarize(runExercise(def, f, {}).perFrame);

describe('glute bridge, front view (knees)', () => {
  it('counts lifts by the hip rise in hip widths', () => {
    const s = run(lifts(1));
    expect(s.reps).toMatchObject({ total: 3, both: 3 });
    expect(s.repFindings[0]!.metrics.peakHipRiseRatio).toBeCloseTo(1, 1);
    expect(s.cues).toEqual([]);
  });

  it('from any start: a recording that begins with the hips up counts that lift when they come down', () => {
    const up = repKnots(0, 1, 3).slice(3).map(([t, v]): [number, number] => [t - 2200, v]); // starts at the top of lift 1
    expect(up[0]![1]).toBe(1);
    expect(run(profile(up, (v) => bridgeFront(v))).reps.total).toBe(3);
  });

  it('pins up (0.5 hip widths)', () => {
    expect(run(lifts(0.53)).reps.total).toBe(3);
    expect(run(lifts(0.47)).reps.total).toBe(0);
  });

  it('pins KNEES_CAVING at knee/ankle separation 0.85 of the person\'s own (hips down) with the hips up', () => {
    // Relative to the same person's ratio with the hips down (1.05 here): 0.88 / 1.05 = 0.838 is caving, 0.905 / 1.05
    // = 0.862 is not.
    const bad = run(lifts(1, 0.88));
    expect(bad.cues.map((c) => c.code)).toContain('KNEES_CAVING');
    expect(bad.repFindings[0]!.faults).toContain('KNEES_CAVING');
    expect(run(lifts(1, 0.905)).cues).toEqual([]);
  });

  it('does not judge the knees while the hips are down (caving on the floor is not cued)', () => {
    const f = profile([[0, 0], [4000, 0]], () => bridgeFront(0, 0.6));
    expect(run(f).cues).toEqual([]);
  });

  it('is pure and deterministic', () => {
    const f = deepFreeze(lifts(1, 0.8, 2));
    expect(runExercise(def, f, {}).findings).toEqual(runExercise(def, f, {}).findings);
  });
});
