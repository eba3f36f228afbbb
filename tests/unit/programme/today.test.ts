// "Today" and the sessions as the user meets them, from hand-made tagged records, skip/repeat choices and the date.
import { describe, expect, it } from 'vitest';
import { HIP_STABILITY_PLAN as PLAN } from '../../../src/programme/plan';
import { findStep, TEST_TRACK_ID } from '../../../src/programme/plan-schema';
import { endProgramme, startProgramme, withOverride } from '../../../src/programme/run';
import { type Occurrence, programmeState, repeatId } from '../../../src/programme/today';
import type { ProgrammeOverride, ProgrammeRecord } from '../../../src/storage/programme-record';
import type { SessionRecord } from '../../../src/storage/session-record';
import { at, doseSets, record } from './records';

const START = '2027-03-01'; // a Monday
const run0 = startProgramme(PLAN, 'run-1', START, at(START, 8));
const session = (id: string) => PLAN.sessions.find((s) => s.id === id)!;

/** Every exercise of an occurrence done in full and clean on `day` (optionally only some tracks), as the app
 * would tag them: with the step Today offered. */
function doSession(state: ReturnType<typeof programmeState>, occurrenceId: string, day: string, only?: string[]): SessionRecord[] {
  const occ = state.occurrences.find((o) => o.id === occurrenceId)!;
  return occ.items.filter((i) => !only || only.includes(i.trackId)).map((item, k) =>
    record(item.step.exerciseId, at(day, 17, k * 5), doseSets(item.step), item.tag));
}
const choose = (run: ProgrammeRecord, o: ProgrammeOverride) => withOverride(PLAN, run, o, o.atIso);
const states = (os: Occurrence[]) => Object.fromEntries(os.filter((o) => o.state !== 'pending').map((o) => [o.id, o.state]));

describe('programmeState / Today', () => {
  it('a new run offers week 1 session 1: the single-leg test first, every track at its first step, tagged for the record', () => {
    const st = programmeState(PLAN, run0, [], START);
    expect(st).toMatchObject({ status: 'ready', week: 1, behindBy: 0, counts: { planned: 18, done: 0, partial: 0, skipped: 0, remaining: 18 } });
    expect(st.occurrence!.id).toBe('w1-a');
    expect(st.occurrence!.items.map((i) => [i.trackId, i.step.id, i.state])).toEqual([
      [TEST_TRACK_ID, 'single-leg-stand-test', 'todo'],
      ['bridge', 'bridge-2x10', 'todo'],
      ['side-lying', 'clamshell-2x10', 'todo'],
      ['side-bridge', 'four-point-abduction-2x4', 'todo'],
      ['single-leg', 'wall-clamshell-2-per-angle', 'todo'],
    ]);
    expect(st.occurrence!.items[1]!.tag).toEqual({ programmeId: 'run-1', occurrenceId: 'w1-a', trackId: 'bridge', stepId: 'bridge-2x10' });
    expect(st.rule.clean).toMatch(/80 %/);
    expect(st.levels.map((l) => l.trackId)).toEqual(PLAN.tracks.map((t) => t.id));
  });

  it('before the start day: not started, previewing the first session', () => {
    const st = programmeState(PLAN, run0, [], '2027-02-27');
    expect(st).toMatchObject({ status: 'not-started', week: 0 });
    expect(st.occurrence!.id).toBe('w1-a');
  });

  it('a session begun today is resumed today, and left behind as partial the next day', () => {
    const st0 = programmeState(PLAN, run0, [], START);
    const rs = doSession(st0, 'w1-a', START, [TEST_TRACK_ID, 'bridge']);
    const today = programmeState(PLAN, run0, rs, START);
    expect(today.status).toBe('in-progress');
    expect(today.occurrence!.id).toBe('w1-a');
    expect(today.occurrence!.items.map((i) => i.state)).toEqual(['done', 'done', 'todo', 'todo', 'todo']);
    expect(today.occurrence!.items[1]!.evaluation).toMatchObject({ completed: true, clean: true });
    const tomorrow = programmeState(PLAN, run0, rs, '2027-03-02');
    expect(tomorrow.status).toBe('ready');
    expect(tomorrow.occurrence!.id).toBe('w1-b');
    expect(states(tomorrow.occurrences)).toEqual({ 'w1-a': 'partial' });
    expect(tomorrow.counts).toMatchObject({ done: 0, partial: 1, remaining: 17 });
  });

  it('a session finished today: done-today, previewing the next one', () => {
    const rs = doSession(programmeState(PLAN, run0, [], START), 'w1-a', START);
    const st = programmeState(PLAN, run0, rs, START);
    expect(st.status).toBe('done-today');
    expect(st.occurrence!.id).toBe('w1-b');
    expect(st.counts).toMatchObject({ done: 1, remaining: 17 });
    expect(programmeState(PLAN, run0, rs, '2027-03-03').status).toBe('ready');
  });

  it('skip a session, or one exercise of it', () => {
    let run = choose(run0, { kind: 'skip', atIso: at(START, 9), occurrenceId: 'w1-a' });
    let st = programmeState(PLAN, run, [], START);
    expect(st.occurrence!.id).toBe('w1-b');
    expect(states(st.occurrences)).toEqual({ 'w1-a': 'skipped' });
    expect(st.counts.skipped).toBe(1);
    run = choose(run, { kind: 'skip', atIso: at(START, 9, 1), occurrenceId: 'w1-b', trackId: 'knee-control' });
    st = programmeState(PLAN, run, [], START);
    expect(st.occurrence!.items.map((i) => [i.trackId, i.state])).toContainEqual(['knee-control', 'skipped']);
    // The other three exercises done: the session is done (with one skipped).
    const rs = doSession(st, 'w1-b', '2027-03-03', ['side-lying', 'standing', 'single-leg']);
    st = programmeState(PLAN, run, rs, '2027-03-03');
    expect(states(st.occurrences)).toEqual({ 'w1-a': 'skipped', 'w1-b': 'done' });
    expect(st.occurrence!.id).toBe('w1-c');
  });

  it('repeat a session: it comes next, before the planned ones, with its own id on the records', () => {
    const rs = doSession(programmeState(PLAN, run0, [], START), 'w1-a', START);
    const run = choose(run0, { kind: 'repeat', atIso: at('2027-03-03', 9), sessionId: 'w1-a' });
    const st = programmeState(PLAN, run, rs, '2027-03-03');
    expect(st.occurrence!.id).toBe(repeatId('w1-a', 1));
    expect(st.occurrence).toMatchObject({ id: 'w1-a.repeat-1', sessionId: 'w1-a', repeat: 1, week: 1, index: 1, state: 'pending' });
    expect(st.occurrence!.items[1]!.tag.occurrenceId).toBe('w1-a.repeat-1');
    const again = [...rs, ...doSession(st, 'w1-a.repeat-1', '2027-03-03')];
    const next = programmeState(PLAN, run, again, '2027-03-04');
    expect(next.occurrence!.id).toBe('w1-b');
    // Repeats are extra: the plan's own counts stay 18 sessions.
    expect(next.counts).toMatchObject({ planned: 18, done: 1 });
  });

  it('sessions may be done in any order; Today offers the earliest one not done', () => {
    const st0 = programmeState(PLAN, run0, [], START);
    const rs = doSession(st0, 'w1-c', START);
    const st = programmeState(PLAN, run0, rs, '2027-03-02');
    expect(st.occurrence!.id).toBe('w1-a');
    expect(states(st.occurrences)).toEqual({ 'w1-c': 'done' });
  });

  it('after two clean bridge sessions the next session offers the harder step; the done ones keep the step done', () => {
    let records: SessionRecord[] = [];
    const days = ['2027-03-01', '2027-03-03', '2027-03-05'];
    for (const [i, id] of ['w1-a', 'w1-b', 'w1-c'].entries()) {
      records = [...records, ...doSession(programmeState(PLAN, run0, records, days[i]!), id, days[i]!)];
    }
    const st = programmeState(PLAN, run0, records, '2027-03-08');
    expect(st.occurrence!.id).toBe('w2-a');
    const stepOf = (o: Occurrence | undefined, track: string) => o!.items.find((i) => i.trackId === track)!.step.id;
    expect(stepOf(st.occurrence!, 'bridge')).toBe('bridge-band-3x10');
    expect(stepOf(st.occurrences.find((o) => o.id === 'w1-a'), 'bridge')).toBe('bridge-2x10');
    expect(stepOf(st.occurrences.find((o) => o.id === 'w1-c'), 'bridge')).toBe('bridge-2x10');
    // side-lying was in w1-a and w1-b: moved up too; standing only in w1-b and w1-c: also moved.
    expect(stepOf(st.occurrence!, 'side-lying')).toBe('clamshell-3x15');
    expect(st.levels.find((l) => l.trackId === 'bridge')!.changes).toHaveLength(1);
    expect(findStep(PLAN, stepOf(st.occurrence!, 'single-leg'))!.index).toBe(1);
  });

  it('behind schedule: planned sessions of the weeks already over that are not done, partial or skipped', () => {
    const rs = doSession(programmeState(PLAN, run0, [], START), 'w1-a', START);
    const st = programmeState(PLAN, run0, rs, '2027-03-15'); // week 3: weeks 1-2 are over (6 sessions)
    expect(st.week).toBe(3);
    expect(st.behindBy).toBe(5);
    expect(st.occurrence!.id).toBe('w1-b'); // nothing is skipped for the user
  });

  it('finished when every session is done or skipped; an ended run still computes', () => {
    let run = run0;
    for (const s of PLAN.sessions) run = choose(run, { kind: 'skip', atIso: at(START, 9), occurrenceId: s.id });
    const st = programmeState(PLAN, endProgramme(run, at(START, 10)), [], START);
    expect(st).toMatchObject({ status: 'finished', occurrence: null, counts: { skipped: 18, remaining: 0 } });
  });

  it('choices that do not fit the plan are refused with the reason', () => {
    expect(() => choose(run0, { kind: 'skip', atIso: at(START), occurrenceId: 'w9-a' })).toThrow(/no session "w9-a"/);
    expect(() => choose(run0, { kind: 'skip', atIso: at(START), occurrenceId: 'w1-b', trackId: 'bridge' })).toThrow(/session "w1-b" has no exercise on track "bridge"/);
    expect(() => choose(run0, { kind: 'skip', atIso: at(START), occurrenceId: 'w1-b', trackId: TEST_TRACK_ID })).toThrow(/no single-leg test/);
    expect(() => choose(run0, { kind: 'repeat', atIso: at(START), sessionId: 'w0-a' })).toThrow(/no session "w0-a"/);
    expect(() => choose(run0, { kind: 'set-step', atIso: at(START), trackId: 'bridge', stepId: 'squat-2x10', lock: false })).toThrow(/track "bridge" has no step "squat-2x10"/);
    expect(choose(run0, { kind: 'skip', atIso: at(START), occurrenceId: 'w1-a.repeat-2' }).overrides).toHaveLength(1);
    expect(session('w1-a').test).toBe(true);
  });

  it('a run of another plan, or a malformed day, is a clear error', () => {
    expect(() => programmeState(PLAN, { ...run0, planId: 'knee-4-weeks' }, [], START)).toThrow(/follows the plan "knee-4-weeks", not "hip-stability-6-weeks"/);
    expect(() => programmeState(PLAN, run0, [], '1 March')).toThrow(/not a YYYY-MM-DD day: "1 March"/);
  });
});
