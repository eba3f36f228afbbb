// Moving up a track: replayed from hand-made tagged records and the user's step choices.
import { describe, expect, it } from 'vitest';
import { HIP_STABILITY_PLAN as PLAN } from '../../../src/programme/plan';
import type { PlanStep } from '../../../src/programme/plan-schema';
import { itemSessions, trackLevels } from '../../../src/programme/progression';
import { startProgramme, withOverride } from '../../../src/programme/run';
import type { ProgrammeRecord } from '../../../src/storage/programme-record';
import type { SessionRecord } from '../../../src/storage/session-record';
import { at, doseSets, record } from './records';

const START = '2027-03-01';
const run0 = startProgramme(PLAN, 'run-1', START, at(START, 8));
const bridge = PLAN.tracks.find((t) => t.id === 'bridge')!;
const [B0, B1, B2, B3] = bridge.steps as [PlanStep, PlanStep, PlanStep, PlanStep];

/** A bridge-track session on `day` in occurrence `occ`: full dose, `faultyPerSet` faulty reps per set. */
function bridgeSession(occ: string, day: string, step: PlanStep, o: { faultyPerSet?: number; setsPerSide?: number; run?: ProgrammeRecord } = {}): SessionRecord {
  return record(step.exerciseId, at(day, 18), doseSets(step, o), { programmeId: (o.run ?? run0).id, occurrenceId: occ, trackId: 'bridge', stepId: step.id });
}
const level = (records: SessionRecord[], run: ProgrammeRecord = run0) => trackLevels(PLAN, run, records).get('bridge')!;

describe('trackLevels', () => {
  it('a new run starts every track at its first step, two clean sessions to go', () => {
    const levels = trackLevels(PLAN, run0, []);
    expect([...levels.keys()]).toEqual(PLAN.tracks.map((t) => t.id));
    for (const l of levels.values()) expect(l).toMatchObject({ stepIndex: 0, cleanStreak: 0, sessionsToNextStep: 2, locked: false, atTop: false, suggestEasier: false, changes: [] });
  });

  it('two complete, clean sessions in a row move the track up, at the second session', () => {
    const rs = [bridgeSession('w1-a', '2027-03-01', B0), bridgeSession('w1-c', '2027-03-05', B0, { faultyPerSet: 2 })]; // 16/20 = 80 %: clean
    const l = level(rs);
    expect(l).toMatchObject({ stepIndex: 1, cleanStreak: 0, sessionsToNextStep: 2 });
    expect(l.step.id).toBe(B1.id);
    expect(l.changes).toEqual([{ atIso: at('2027-03-05', 18), fromStepId: B0.id, toStepId: B1.id, reason: 'clean-sessions' }]);
    expect(l.sessions.map((s) => [s.occurrenceId, s.atLevel, s.evaluation.clean])).toEqual([['w1-a', true, true], ['w1-c', true, true]]);
  });

  it('a session with too many faulty reps or a missing set breaks the streak', () => {
    const rs = [
      bridgeSession('w1-a', '2027-03-01', B0),
      bridgeSession('w1-c', '2027-03-05', B0, { faultyPerSet: 3 }), // 14/20 = 70 %
      bridgeSession('w2-a', '2027-03-08', B0),
    ];
    expect(level(rs)).toMatchObject({ stepIndex: 0, cleanStreak: 1, sessionsToNextStep: 1 });
    expect(level([...rs, bridgeSession('w2-c', '2027-03-12', B0)]).stepIndex).toBe(1);
    const short = [bridgeSession('w1-a', '2027-03-01', B0), bridgeSession('w1-c', '2027-03-05', B0, { setsPerSide: 1 }), bridgeSession('w2-a', '2027-03-08', B0)];
    expect(level(short)).toMatchObject({ stepIndex: 0, cleanStreak: 1 });
  });

  it('keeps climbing one step per two clean sessions and stops at the top', () => {
    const rs = [
      bridgeSession('w1-a', '2027-03-01', B0), bridgeSession('w1-c', '2027-03-05', B0),
      bridgeSession('w2-a', '2027-03-08', B1), bridgeSession('w2-c', '2027-03-12', B1),
      bridgeSession('w3-a', '2027-03-15', B2), bridgeSession('w3-c', '2027-03-19', B2),
      bridgeSession('w4-a', '2027-03-22', B3), bridgeSession('w4-c', '2027-03-26', B3), bridgeSession('w5-a', '2027-03-29', B3),
    ];
    const l = level(rs);
    expect(l).toMatchObject({ stepIndex: 3, atTop: true, sessionsToNextStep: 0, cleanStreak: 3 });
    expect(l.changes.map((c) => c.toStepId)).toEqual([B1.id, B2.id, B3.id]);
  });

  it('sessions done at another step than the current one are kept but do not move the track', () => {
    const rs = [bridgeSession('w1-a', '2027-03-01', B2), bridgeSession('w1-c', '2027-03-05', B2)];
    const l = level(rs);
    expect(l.stepIndex).toBe(0);
    expect(l.sessions.map((s) => [s.stepIndex, s.atLevel, s.evaluation.clean])).toEqual([[2, false, true], [2, false, true]]);
  });

  it('a chosen step applies from its time on; locked, clean sessions do not move it; unlocking lets it move again', () => {
    let run = withOverride(PLAN, run0, { kind: 'set-step', atIso: at('2027-03-02', 9), trackId: 'bridge', stepId: B2.id, lock: true }, at('2027-03-02', 9));
    const rs = [
      bridgeSession('w1-a', '2027-03-01', B0), // before the choice: counted at step 0
      bridgeSession('w1-c', '2027-03-05', B2), bridgeSession('w2-a', '2027-03-08', B2), bridgeSession('w2-c', '2027-03-12', B2),
    ];
    expect(level(rs, run)).toMatchObject({ stepIndex: 2, locked: true, cleanStreak: 3, sessionsToNextStep: 0 });
    expect(level(rs, run).changes).toEqual([{ atIso: at('2027-03-02', 9), fromStepId: B0.id, toStepId: B2.id, reason: 'chosen' }]);
    run = withOverride(PLAN, run, { kind: 'set-step', atIso: at('2027-03-13', 9), trackId: 'bridge', stepId: B2.id, lock: false }, at('2027-03-13', 9));
    const more = [...rs, bridgeSession('w3-a', '2027-03-15', B2)];
    expect(level(more, run)).toMatchObject({ stepIndex: 2, locked: false, cleanStreak: 1 });
    expect(level([...more, bridgeSession('w3-c', '2027-03-19', B2)], run).stepIndex).toBe(3);
  });

  it('suggests an easier step after two sessions in a row that were not clean (never at the first step)', () => {
    const run = withOverride(PLAN, run0, { kind: 'set-step', atIso: at('2027-03-01', 7), trackId: 'bridge', stepId: B1.id, lock: false }, at('2027-03-01', 7));
    const bad = [bridgeSession('w1-a', '2027-03-01', B1, { faultyPerSet: 5 }), bridgeSession('w1-c', '2027-03-05', B1, { faultyPerSet: 5 })];
    expect(level(bad, run)).toMatchObject({ stepIndex: 1, suggestEasier: true });
    expect(level([bad[0]!], run).suggestEasier).toBe(false);
    expect(level([bridgeSession('w1-a', '2027-03-01', B0, { faultyPerSet: 5 }), bridgeSession('w1-c', '2027-03-05', B0, { faultyPerSet: 5 })]).suggestEasier).toBe(false);
  });

  it('only this run\'s records count; records of one exercise in one session are merged', () => {
    const other = startProgramme(PLAN, 'run-0', '2027-01-04', at('2027-01-04', 8));
    const rs = [bridgeSession('w1-a', '2027-03-01', B0, { run: other }), bridgeSession('w1-c', '2027-03-05', B0, { run: other })];
    expect(level(rs).stepIndex).toBe(0);
    // The two sets of one session saved as two records (one per set) are one session of the exercise.
    const sets = doseSets(B0);
    const tag = { programmeId: run0.id, occurrenceId: 'w1-a', trackId: 'bridge', stepId: B0.id };
    const split = [record('glute-bridge', at('2027-03-01', 18, 0), [sets[0]!], tag), record('glute-bridge', at('2027-03-01', 18, 5), [sets[1]!], tag)];
    const items = itemSessions(split, run0.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ occurrenceId: 'w1-a', day: '2027-03-01', lastDay: '2027-03-01', recordIds: split.map((r) => r.id) });
    expect(level(split).sessions[0]!.evaluation).toMatchObject({ completed: true, clean: true, reps: 20 });
  });
});
