import { describe, expect, it } from 'vitest';
import { runExercise, summarize } from '../../../../src/rules/engine/run';
import { gluteBridge as def, hipLineDeg } from '../../../../src/rules/exercises/glute-bridge';
import { deepFreeze } from '../frame-builder';
import { bridge, profile, repKnots } from './poses';

const lifts = (top: number, n = 3, bottom = 45) => profile(repKnots(bottom, top, n), (v) => bridge(v));
const run = (frames: ReturnType<typeof lifts>, cfg: object = {}) => summarize(runExercise(def, frames, cfg).perFrame);

describe('glute bridge', () => {
  it('hip line sign: + when the hips are below the shoulder-knee line, - above', () => {
    const j = bridge(30);
    expect(hipLineDeg(j.left_shoulder!, j.left_hip!, j.left_knee!)).toBeCloseTo(30, 6);
    const k = bridge(-12);
    expect(hipLineDeg(k.left_shoulder!, k.left_hip!, k.left_knee!)).toBeCloseTo(-12, 6);
  });

  it('counts lifts (down -> up -> down) and reports the best hip line of each', () => {
    const s = run(lifts(2));
    expect(s.reps).toMatchObject({ total: 3, both: 3 });
    for (const r of s.repFindings) { expect(r.metrics.topHipLineDeg).toBeCloseTo(2, 1); expect(r.faults).toEqual([]); }
    expect(s.cues).toEqual([]);
  });

  it('pins the up threshold (20 deg) and the down threshold (35 deg)', () => {
    expect(run(lifts(19)).reps.total).toBe(3);
    expect(run(lifts(21)).reps.total).toBe(0);
    const notDown = profile([[0, 45], [1500, 45], [2200, 2], [2600, 2], [3300, 34], [4000, 34], [4700, 2], [5100, 2], [5800, 36], [6500, 36]], (v) => bridge(v));
    expect(run(notDown).reps.total).toBe(1);
  });

  it('pins HIP_EXTENSION_INCOMPLETE at a best hip line of 10 deg', () => {
    const incomplete = run(lifts(11)).repFindings, full = run(lifts(9)).repFindings;
    expect(incomplete).toHaveLength(3);
    expect(full).toHaveLength(3);
    expect(incomplete.every((r) => r.faults.includes('HIP_EXTENSION_INCOMPLETE'))).toBe(true);
    expect(full.every((r) => r.faults.length === 0)).toBe(true);
  });

  it('pins HIPS_OVEREXTENDED at -15 deg', () => {
    const over = run(lifts(-16));
    expect(over.cues.map((c) => c.code)).toContain('HIPS_OVEREXTENDED');
    expect(over.repFindings[0]!.faults).toContain('HIPS_OVEREXTENDED');
    expect(run(lifts(-14)).cues).toEqual([]);
  });

  it('uses the side the camera sees: works with the right side near, NOT_VISIBLE when neither side is complete', () => {
    const swapped = lifts(2).map((f) => {
      const k = { ...f.keypoints! };
      for (const j of ['shoulder', 'hip', 'knee', 'ankle'] as const) {
        const l = k[`left_${j}`], r = k[`right_${j}`];
        k[`left_${j}`] = { ...l, score: 0.2 }; k[`right_${j}`] = { ...r, score: 0.8 };
      }
      return { ...f, keypoints: k };
    });
    expect(run(swapped).reps.total).toBe(3);
    const hidden = lifts(2).map((f) => ({ ...f, keypoints: { ...f.keypoints!, left_knee: { ...f.keypoints!.left_knee, score: 0.1 }, right_knee: { ...f.keypoints!.right_knee, score: 0.1 } } }));
    const s = run(hidden);
    expect(s.reps.total).toBe(0);
    expect(s.visibilityFrames.NOT_VISIBLE).toBe(s.frames);
  });

  it('is pure and deterministic', () => {
    const frames = deepFreeze(lifts(-20, 2));
    expect(runExercise(def, frames, {}).findings).toEqual(runExercise(def, frames, {}).findings);
  });
});
