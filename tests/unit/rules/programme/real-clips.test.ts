// Programme checkers on the recorded real clips (fixtures/real, MoveNet lightning keypoints).
// These pin what each checker does on real keypoint noise; the shared harness (tests/fixtures) compares with labels.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFixture } from '../../../../src/fixtures/fixture-schema';
import { runExercise, summarize } from '../../../../src/rules/engine/run';
import type { RepExerciseState } from '../../../../src/rules/engine/rep-exercise';
import { gluteBridge } from '../../../../src/rules/exercises/glute-bridge';
import { sideLyingHipAbduction } from '../../../../src/rules/exercises/side-lying-hip-abduction';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const load = (name: string) => parseFixture(readFileSync(path.join(ROOT, 'fixtures/real', `${name}.json`), 'utf8'), name);

describe('real clips', () => {
  it('lateral-leg-raise: 1 completed left raise to ~70 deg, the 2nd raise in progress at the end, no false cue', () => {
    const fx = load('lateral-leg-raise');
    const r = runExercise(sideLyingHipAbduction, fx.frames, { side: 'left' });
    const s = summarize(r.perFrame);
    expect(s.reps).toMatchObject({ total: 1, left: 1 });
    expect(s.cues).toEqual([]);
    const rep = s.repFindings[0]!;
    expect(rep.metrics.peakAbductionDeg).toBeGreaterThan(55);
    expect(rep.metrics.peakAbductionDeg).toBeLessThan(85);
    // label: down by ~5.8 s
    expect(rep.timestampMs).toBeGreaterThan(5000);
    expect(rep.timestampMs).toBeLessThan(6200);
    expect((r.state as RepExerciseState<unknown>).rep.phase).toBe('target');
  });

  it('glute-bridge (side view, band): 2 completed lift-and-lowers from the first frame, full extension, no cue', () => {
    // The clip starts with the hips up (a lift begun before the first frame: counted when lowered, ~1.7 s, as a
    // recording may begin anywhere) and ends with them up: lowered again at ~4.6 s; the last lift is at the top when
    // the clip ends.
    const fx = load('glute-bridge');
    const r = runExercise(gluteBridge, fx.frames, {});
    const s = summarize(r.perFrame);
    expect(s.reps.total).toBe(2);
    expect(s.repFindings.map((x) => x.timestampMs)).toEqual([expect.closeTo(1700, -3), expect.closeTo(4600, -3)]);
    expect(s.cues).toEqual([]);
    for (const rep of s.repFindings) {
      expect(rep.faults).toEqual([]);
      expect(rep.metrics.topHipLineDeg).toBeLessThan(10);
    }
    expect((r.state as RepExerciseState<unknown>).rep.phase).toBe('target');
  });
});
