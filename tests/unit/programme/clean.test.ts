// "Clean" and "completed" judged on hand-made sets, at and either side of each documented default.
import { describe, expect, it } from 'vitest';
import { cleanCriteriaSchema, cleanRuleText, DEFAULT_CLEAN_CRITERIA, evaluateItem } from '../../../src/programme/clean';
import type { Dose } from '../../../src/programme/plan-schema';
import { holdSet, repSet } from './records';

const reps2x10each: Dose = { kind: 'reps', sets: 2, reps: 10, sides: 'each', restS: 30 };
const clam = (side: 'left' | 'right', faulty = 0, reps = 10) => repSet('clamshell', { side, reps, faulty, code: 'FEET_APART' });

describe('evaluateItem: reps', () => {
  it('defaults: 80 % clean reps, every set done, 2 sessions in a row', () => {
    expect(DEFAULT_CLEAN_CRITERIA).toEqual({ minCleanRepFraction: 0.8, minRepsFraction: 1, minHoldsOnTargetFraction: 0.8, maxCueOnsetsPerHold: 0.2, sessionsToProgress: 2 });
  });

  it('2 x 10 a side with 4 faulty reps of 40 is complete and clean (36/40 = 90 %)', () => {
    const e = evaluateItem([clam('left', 2), clam('left'), clam('right', 2), clam('right')], reps2x10each);
    expect(e).toMatchObject({ completed: true, clean: true, reps: 40, cleanReps: 36, cleanRepFraction: 0.9, problems: [] });
    expect(e.sides).toEqual([{ side: 'left', setsDone: 2, setsPrescribed: 2 }, { side: 'right', setsDone: 2, setsPrescribed: 2 }]);
  });

  it('exactly 80 % clean passes, one more faulty rep fails (32/40 vs 31/40)', () => {
    const at80 = evaluateItem([clam('left', 4), clam('left', 4), clam('right'), clam('right')], reps2x10each);
    expect(at80.cleanRepFraction).toBe(0.8);
    expect(at80.clean).toBe(true);
    const below = evaluateItem([clam('left', 5), clam('left', 4), clam('right'), clam('right')], reps2x10each);
    expect(below.cleanRepFraction).toBe(31 / 40);
    expect(below).toMatchObject({ completed: true, clean: false, problems: ['rep-faults'] });
  });

  it('a set short of its reps or a missing side is not complete, however clean', () => {
    const short = evaluateItem([clam('left'), clam('left', 0, 9), clam('right'), clam('right')], reps2x10each);
    expect(short).toMatchObject({ completed: false, clean: false, problems: ['sets-missing'] });
    expect(short.sides[0]).toEqual({ side: 'left', setsDone: 1, setsPrescribed: 2 });
    const oneSide = evaluateItem([clam('left'), clam('left')], reps2x10each);
    expect(oneSide.sides[1]).toEqual({ side: 'right', setsDone: 0, setsPrescribed: 2 });
    expect(oneSide.completed).toBe(false);
    expect(evaluateItem([], reps2x10each)).toMatchObject({ completed: false, clean: false, reps: 0, cleanRepFraction: null, problems: ['no-sets'] });
    // Relaxed: 9 of 10 reps counts as done at minRepsFraction 0.9.
    const relaxed = cleanCriteriaSchema.parse({ minRepsFraction: 0.9 });
    expect(evaluateItem([clam('left'), clam('left', 0, 9), clam('right'), clam('right')], reps2x10each, relaxed).clean).toBe(true);
  });

  it('sets on a side the dose does not ask for are ignored; unsided doses take every set', () => {
    const both: Dose = { kind: 'reps', sets: 2, reps: 10, sides: 'none', restS: 30 };
    const bridge = (faulty = 0) => repSet('glute-bridge', { reps: 10, faulty, code: 'HIP_EXTENSION_INCOMPLETE' });
    expect(evaluateItem([bridge(1), bridge(2)], both)).toMatchObject({ completed: true, clean: true, reps: 20, cleanReps: 17 });
    const e = evaluateItem([clam('left'), clam('left'), clam('right'), clam('right'), repSet('clamshell', { side: null, reps: 10, faulty: 10 })], reps2x10each);
    expect(e).toMatchObject({ reps: 40, cleanReps: 40, clean: true });
  });
});

describe('evaluateItem: holds and the test', () => {
  const plank: Dose = { kind: 'holds', sets: 2, holdsPerSet: 1, holdS: 20, sides: 'each', restS: 30 };
  const hold = (side: 'left' | 'right', elapsedMs: number, cues = 0) => holdSet('side-plank', { side, targetMs: 20_000, holds: [{ elapsedMs }], cues });

  it('4 holds at target, no cue: complete and clean', () => {
    const e = evaluateItem([hold('left', 20_000), hold('left', 20_000), hold('right', 20_000), hold('right', 20_000)], plank);
    expect(e).toMatchObject({ completed: true, clean: true, holds: 4, holdsOnTarget: 4, cueOnsets: 0, problems: [] });
  });

  it('one hold of 4 lost early: 75 % < 80 % on target, complete but not clean', () => {
    const e = evaluateItem([hold('left', 20_000), hold('left', 12_000), hold('right', 20_000), hold('right', 20_000)], plank);
    expect(e).toMatchObject({ completed: true, clean: false, holdsOnTarget: 3, problems: ['holds-short'] });
  });

  it('cues: 1 cue over 5 holds is allowed (0.2 per hold), 2 are not', () => {
    const wall: Dose = { kind: 'holds', sets: 1, holdsPerSet: 5, holdS: 8, sides: 'none', restS: 30 };
    const set = (cues: number) => holdSet('prone-straddle-hold', { targetMs: 8000, holds: Array.from({ length: 5 }, () => ({ elapsedMs: 8000 })), cues, code: 'KNEES_BENDING' });
    expect(evaluateItem([set(1)], wall)).toMatchObject({ clean: true, cueOnsets: 1 });
    expect(evaluateItem([set(2)], wall)).toMatchObject({ clean: false, cueOnsets: 2, problems: ['hold-cues'] });
  });

  it('a hold the rule ended at its target counts even if the prescribed time is longer; "stopped" short of it does not', () => {
    const e = evaluateItem([
      holdSet('side-plank', { side: 'left', targetMs: 20_000, holds: [{ elapsedMs: 15_000, reason: 'target' }] }),
      holdSet('side-plank', { side: 'left', targetMs: 20_000, holds: [{ elapsedMs: 19_000, reason: 'stopped' }] }),
    ], plank);
    expect(e.holdsOnTarget).toBe(1);
  });

  it('the single-leg test is complete with a trial on each leg and never judged clean or not', () => {
    const test: Dose = { kind: 'test', trialS: 30, sides: 'each' };
    const trial = (side: 'left' | 'right', ms: number) => holdSet('single-leg-stand', { side, targetMs: 30_000, holds: [{ elapsedMs: ms, reason: 'foot-down' }] });
    expect(evaluateItem([trial('left', 30_000), trial('right', 12_000)], test)).toMatchObject({ completed: true, clean: null });
    expect(evaluateItem([trial('left', 30_000)], test)).toMatchObject({ completed: false, clean: null });
  });
});

describe('cleanRuleText', () => {
  it('says the defaults in plain words', () => {
    expect(cleanRuleText()).toEqual({
      clean: 'Clean form means no form warning on at least 80 % of your reps; for holds, at least 80 % of them reach their target time, with at most one form warning per 5 holds.',
      progression: 'An exercise moves to its harder step after 2 sessions in a row done in full (every set, with all their reps) and with clean form. You can always choose an easier or harder step yourself.',
    });
  });

  it('follows changed criteria', () => {
    const t = cleanRuleText(cleanCriteriaSchema.parse({ minCleanRepFraction: 0.9, maxCueOnsetsPerHold: 0, sessionsToProgress: 1, minRepsFraction: 0.9 }));
    expect(t.clean).toContain('at least 90 % of your reps');
    expect(t.clean).toContain('with no form warning during the holds');
    expect(t.progression).toContain('after one session done in full (every set, with at least 90 % of their reps)');
    expect(cleanRuleText(cleanCriteriaSchema.parse({ maxCueOnsetsPerHold: 0.3 })).clean).toContain('at most 0.3 form warnings per hold');
  });
});
