// Cross-checks over every programme checker on its own synthetic / real fixtures:
// declared codes, nothing judged without a person, purity and determinism on real-shaped frames.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFixture, type Fixture } from '../../../../src/fixtures/fixture-schema';
import { runExercise } from '../../../../src/rules/engine/run';
import { faultIntervals } from '../../../../yardstick/evaluate/fixture-check';
import { exerciseConfig, getExercise } from '../../../../src/rules/registry';
import { deepFreeze, noPerson } from '../frame-builder';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const PROGRAMME = [
  'side-lying-hip-abduction', 'clamshell', 'glute-bridge', 'glute-bridge-front', 'single-leg-deadlift', 'single-leg-squat',
  'lateral-step-up', 'standing-hip-abduction', 'hip-hitch', 'prone-hip-extension', 'quadruped-hip-abduction',
  'prone-straddle-hold', 'standing-hip-circumduction', 'seated-side-foot-raise', 'wall-clamshell',
];

function fixturesOf(id: string): Fixture[] {
  const out: Fixture[] = [];
  for (const dir of ['fixtures/real', 'fixtures/synthetic']) {
    for (const n of readdirSync(path.join(ROOT, dir)).filter((x) => x.endsWith('.json'))) {
      const text = readFileSync(path.join(ROOT, dir, n), 'utf8');
      if (!text.includes(`"id": "${id}"`) && !text.includes(`"id":"${id}"`)) continue;
      const f = parseFixture(text, n);
      if (f.exercise.id === id) out.push(f);
    }
  }
  return out;
}

describe.each(PROGRAMME)('%s', (id) => {
  const def = getExercise(id);
  const fixtures = fixturesOf(id);

  it('is registered with a how-to, limitations and declared codes, and has at least one fixture', () => {
    expect(def.howTo?.length).toBeGreaterThan(40);
    expect(def.limitations?.length).toBeGreaterThan(0);
    expect(def.cueCodes).toBeDefined();
    expect(def.measureCodes).toBeDefined();
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it('emits only declared cue / measure codes, reps and holds only with the right side, on every fixture', () => {
    for (const f of fixtures) {
      const cfg = exerciseConfig(id, f.exercise.configOverrides, f.exercise.side);
      const r = runExercise(def, f.frames, cfg);
      for (const x of r.findings) {
        if (x.kind === 'cue') expect(def.cueCodes, `${f.name} cue ${x.code}`).toContain(x.code);
        if (x.kind === 'rep' && x.faults.length) for (const c of x.faults) expect(def.cueCodes, `${f.name} rep fault ${c}`).toContain(c);
        if (x.kind === 'measure') expect(def.measureCodes, `${f.name} measure ${x.code}`).toContain(x.code);
      }
    }
  });

  it('judges nothing without a person: only NO_PERSON findings (and the setup phase)', () => {
    const frames = Array.from({ length: 60 }, (_, i) => noPerson(i * 33));
    const r = runExercise(def, frames, exerciseConfig(id, {}, def.sided ? 'left' : undefined));
    expect(r.findings.filter((x) => x.kind !== 'visibility' && x.kind !== 'phase')).toEqual([]);
    expect(r.findings.filter((x) => x.kind === 'visibility').every((x) => x.kind === 'visibility' && x.code === 'NO_PERSON')).toBe(true);
  });

  it('does not mutate frozen inputs or states and repeats itself exactly, over whole fixtures', () => {
    for (const f of fixtures) {
      const frames = deepFreeze(f.frames);
      const cfg = deepFreeze(exerciseConfig(id, f.exercise.configOverrides, f.exercise.side));
      let state = deepFreeze(def.initialState(cfg));
      for (const fr of frames) state = deepFreeze(def.step(state, fr, cfg).state); // a write to a frozen state throws
      expect(runExercise(def, frames, cfg).findings).toEqual(runExercise(def, frames, cfg).findings);
    }
  });

  it('a required joint lost for one frame every 0.5 s changes no rep and splits no cue (dropoutHoldMs)', () => {
    for (const f of fixtures.filter((x) => x.source.kind === 'synthetic')) {
      const cfg = exerciseConfig(id, f.exercise.configOverrides, f.exercise.side);
      const clean = runExercise(def, f.frames, cfg);
      // Drop every required joint (as a short occlusion) on one frame in 15.
      const holed = f.frames.map((fr, i) => (i % 15 !== 7 || !fr.keypoints ? fr : {
        ...fr, keypoints: Object.fromEntries(Object.entries(fr.keypoints).map(([n, k]) => [n, def.requiredKeypoints.includes(n as never) ? { ...k, score: 0.05 } : k])) as typeof fr.keypoints,
      }));
      const r = runExercise(def, holed, cfg);
      const reps = (x: typeof r) => x.findings.filter((y) => y.kind === 'rep').length;
      const ends = (x: typeof r) => x.findings.filter((y) => y.kind === 'hold-end').map((y) => y.kind === 'hold-end' ? y.reason : '');
      expect(reps(r), `${f.name} reps`).toBe(reps(clean));
      expect(ends(r), `${f.name} holds`).toEqual(ends(clean));
      expect(faultIntervals(r.perFrame).length, `${f.name} cue intervals`).toBe(faultIntervals(clean.perFrame).length);
    }
  });
});
