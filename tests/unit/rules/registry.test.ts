// Contract checks for EVERY definition in the registry (the four headline checks and the programme's others):
// unique ids, defaults parse, no cue/rep/measure from frames without a visible person, inputs never mutated,
// deterministic, and only declared cue codes are emitted.
import { describe, expect, it } from 'vitest';
import { EXERCISES, exerciseConfig, getExercise, listExercises, runById, runnerById, setOverrides } from '../../../src/rules/registry';
import { runExercise } from '../../../src/rules/engine/run';
import type { Finding } from '../../../src/rules/engine/types';
import { deepFreeze, frame, noPerson, seq, standingFront, squatPose, withJoints } from './frame-builder';

describe('registry', () => {
  it('ids are unique and the listing carries id, name, group, view, sided', () => {
    const ids = EXERCISES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['single-leg-stand', 'squat', 'lunge', 'side-plank']) expect(ids).toContain(id);
    for (const info of listExercises()) {
      expect(info.name.length).toBeGreaterThan(0);
      expect(['front', 'side']).toContain(info.view);
      expect(['test', 'strength', 'hold']).toContain(info.group);
      expect(typeof info.sided).toBe('boolean');
    }
  });

  it('getExercise names the known ids on a typo; bad config values throw a zod error naming the field', () => {
    expect(() => getExercise('squatt')).toThrow(/unknown exercise id "squatt".*squat/);
    expect(() => exerciseConfig('squat', { valgusFppaDeg: 'x' })).toThrow(/valgusFppaDeg/);
  });

  it('a fixture side becomes the side config of sided exercises and is ignored by the others', () => {
    expect(exerciseConfig('single-leg-stand', {}, 'left')).toMatchObject({ side: 'left' });
    expect(exerciseConfig('side-plank', { holdTargetMs: 20_000 }, 'right')).toMatchObject({ side: 'right', holdTargetMs: 20_000 });
    expect(exerciseConfig('squat', {}, 'left')).not.toHaveProperty('side');
  });

  it('unknown config fields are an error, not silently ignored (a renamed field cannot linger in a fixture)', () => {
    expect(() => exerciseConfig('side-plank', { targetMs: 20_000 })).toThrow(/targetMs/);
    expect(() => exerciseConfig('squat', { side: 'left' })).toThrow(/side/);
  });

  it('one builder for the app and the tests: the set\'s side and hold target, where the exercise has them', () => {
    const holds = EXERCISES.filter((d) => 'holdTargetMs' in (d.configSchema as unknown as { shape: object }).shape).map((d) => d.id).sort();
    // Every exercise that times a hold names its target the same way (the UI's hold picker sets it).
    expect(holds).toEqual(['prone-straddle-hold', 'side-plank', 'single-leg-stand', 'wall-clamshell']);
    for (const id of holds) {
      // The hold picker offers 5-180 s: every value it offers is a valid target.
      for (const ms of [5_000, 180_000]) expect(exerciseConfig(id, {}, 'left', ms)).toMatchObject({ holdTargetMs: ms });
    }
    expect(setOverrides('single-leg-stand', 'right', 12_000)).toEqual({ side: 'right', holdTargetMs: 12_000 });
    expect(setOverrides('squat', 'right', 12_000)).toEqual({});
    expect(setOverrides('glute-bridge', 'left', null)).toEqual({});
    expect(setOverrides('clamshell', 'left', 12_000)).toEqual({ side: 'left' });
    // The 4-point abduction's minimum top hold is a rep fault threshold, not a hold target: the picker never sets it.
    expect(exerciseConfig('quadruped-hip-abduction', {}, 'left', 12_000)).toMatchObject({ minTopHoldMs: 5000 });
    // Overrides and the set's choice combine; the choice wins.
    expect(exerciseConfig('wall-clamshell', { holdsPerAngle: 1, holdTargetMs: 4000 }, 'right', 6000)).toMatchObject({ side: 'right', holdsPerAngle: 1, holdTargetMs: 6000 });
    // An exercise that is not registered (e.g. a test's own) is built the same way from its definition.
    expect(exerciseConfig(getExercise('side-plank'), {}, 'left', 9000)).toMatchObject({ side: 'left', holdTargetMs: 9000 });
  });

  it('runById and runnerById give the same findings', () => {
    const frames = seq((t) => squatPose({ drop: t > 1500 && t < 2500 ? 0.35 : 0 }), 30, 3500);
    const a = runById('squat', frames).perFrame.map((p) => p.findings);
    const runner = runnerById('squat');
    expect(frames.map((f) => runner.push(f))).toEqual(a);
  });
});

describe.each(EXERCISES.map((d) => [d.id, d] as const))('contract: %s', (_id, def) => {
  const cfg = deepFreeze(def.configSchema.parse({}));

  it('defaults parse and requiredKeypoints is non-empty', () => {
    expect(cfg).toBeTruthy();
    expect(def.requiredKeypoints.length).toBeGreaterThan(0);
  });

  it('no person / invisible joints: only visibility and phase findings, never a cue, rep, hold or measure', () => {
    const frames = [
      ...seq((t) => noPerson(t), 30, 1000),
      ...seq((t) => frame(t, withJoints(standingFront(), {}), { score: 0.1 }), 30, 1000, 1033),
    ];
    const r = runExercise(def, frames, {});
    const kinds = new Set(r.findings.map((f) => f.kind));
    for (const k of kinds) expect(['visibility', 'phase']).toContain(k);
    expect(r.perFrame.every((p) => p.findings.some((f) => f.kind === 'visibility'))).toBe(true);
  });

  it('step never mutates its inputs and is deterministic', () => {
    const frames = seq((t, i) => squatPose({ drop: 0.2 + 0.15 * Math.sin(t / 300), fppaLeftDeg: (i % 40) - 10 }), 30, 4000).map(deepFreeze);
    let s = deepFreeze(def.initialState(cfg));
    const out: Finding[][] = [];
    for (const f of frames) { const r = def.step(s, f, cfg); out.push(r.findings); s = deepFreeze(r.state); }
    expect(runExercise(def, frames, {}).perFrame.map((p) => p.findings)).toEqual(out);
  });

  it('emits only declared cue codes', () => {
    if (!def.cueCodes) return;
    const frames = seq((t, i) => squatPose({ drop: 0.4 * Math.abs(Math.sin(t / 500)), fppaLeftDeg: (i % 60) - 20, fppaRightDeg: 25 }), 30, 6000);
    const codes = new Set(runExercise(def, frames, {}).findings.flatMap((f) => (f.kind === 'cue' ? [f.code] : [])));
    for (const c of codes) expect(def.cueCodes).toContain(c);
  });
});
