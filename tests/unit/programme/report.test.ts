// The clinician report and History progress from hand-made records. Every expected number is worked out by hand
// in the comments next to the records.
import { describe, expect, it } from 'vitest';
import { HIP_STABILITY_PLAN as PLAN } from '../../../src/programme/plan';
import { singleLegSeries, weeklyProgress } from '../../../src/programme/progress';
import { startProgramme, withOverride } from '../../../src/programme/run';
import { programmeState } from '../../../src/programme/today';
import { buildClinicianReport } from '../../../src/report/clinician-report';
import { exerciseConfig } from '../../../src/rules/registry';
import type { SessionRecord } from '../../../src/storage/session-record';
import { at, holdSet, record, repSet } from './records';

const START = '2027-03-01'; // Monday: week 1 = 03-01..03-07, week 2 = 03-08..03-14, week 3 = 03-15..03-21
const run = startProgramme(PLAN, 'run-1', START, at(START, 8));
const tag = (occurrenceId: string, trackId: string, stepId: string) => ({ programmeId: run.id, occurrenceId, trackId, stepId });
const trial = (side: 'left' | 'right', elapsedMs: number, meanDropDeg: number, peakDropDeg: number, dropCues = 0) =>
  ({ ...holdSet('single-leg-stand', { side, targetMs: 30_000, holds: [{ elapsedMs, reason: elapsedMs >= 30_000 ? 'target' : 'foot-down', metrics: { meanDropDeg, peakDropDeg, meanTrunkLeanDeg: 1 } }], cues: dropCues, code: 'PELVIC_DROP' }) });
const clam = (side: 'left' | 'right', faulty: number) => repSet('clamshell', { side, reps: 10, faulty, code: 'FEET_APART' });

const RECORDS: SessionRecord[] = [
  // Before the programme (week 0): 10 squat reps, 5 with knee valgus.
  record('squat', at('2027-02-25'), [repSet('squat', { reps: 10, faulty: 5, code: 'KNEE_VALGUS_LEFT' })], undefined, 'squat-0'),
  // Week 1. Test: left held 30 s, mean drop 2.0; right foot down at 18 s, mean drop 6.5 with one PELVIC_DROP cue.
  record('single-leg-stand', at('2027-03-01', 17), [trial('left', 30_000, 2, 4), trial('right', 18_000, 6.5, 9, 1)], tag('w1-a', 'single-leg-test', 'single-leg-stand-test'), 'test-1'),
  // Clamshell 2 x 10 a side: 2 faulty reps in each left set (4 of 40 = 10 %; 36/40 clean -> clean).
  record('clamshell', at('2027-03-01', 17, 10), [clam('left', 2), clam('left', 2), clam('right', 0), clam('right', 0)], tag('w1-a', 'side-lying', 'clamshell-2x10'), 'clam-1'),
  // Free practice: side plank, left hold 20 s on target, right lost at 12 s with one HIP_SAG cue.
  record('side-plank', at('2027-03-03'), [
    holdSet('side-plank', { side: 'left', targetMs: 20_000, holds: [{ elapsedMs: 20_000 }] }),
    holdSet('side-plank', { side: 'right', targetMs: 20_000, holds: [{ elapsedMs: 12_000 }], cues: 1 }),
  ], undefined, 'plank-1'),
  // Week 2: clamshell again, 1 faulty rep in each right set (2 of 40 = 5 %): the second clean session -> moves up.
  record('clamshell', at('2027-03-10'), [clam('left', 0), clam('left', 0), clam('right', 1), clam('right', 1)], tag('w2-b', 'side-lying', 'clamshell-2x10'), 'clam-2'),
  // Week 3 test: both legs 30 s, mean drop 1.5 / 3.0, no cue.
  record('single-leg-stand', at('2027-03-15'), [trial('left', 30_000, 1.5, 3), trial('right', 30_000, 3, 5)], tag('w3-a', 'single-leg-test', 'single-leg-stand-test'), 'test-2'),
];

describe('progress for History', () => {
  it('single-leg test results over time, per leg, with the worse side only beyond the error margin', () => {
    const pts = singleLegSeries(RECORDS, START);
    expect(pts.map((p) => [p.recordId, p.day, p.week])).toEqual([['test-1', '2027-03-01', 1], ['test-2', '2027-03-15', 3]]);
    expect(pts[0]!.left).toEqual({ holdMs: 30_000, targetMs: 30_000, reachedTarget: true, meanDropDeg: 2, peakDropDeg: 4, meanTrunkLeanDeg: 1, verdict: 'level' });
    expect(pts[0]!.right).toMatchObject({ holdMs: 18_000, reachedTarget: false, meanDropDeg: 6.5, verdict: 'pelvic-drop' });
    expect(pts[0]).toMatchObject({ meanDropDegDiff: 4.5, worseSide: 'right' }); // 6.5 - 2.0 >= 3
    expect(pts[1]).toMatchObject({ meanDropDegDiff: 1.5, worseSide: null }); // 3.0 - 1.5 < 3
    expect(pts[1]!.right!.verdict).toBe('level'); // 3.0 < 5 and no cue
  });

  it('sessions per programme week: partial sessions where they began, skips on their day, practice apart', () => {
    const skipped = withOverride(PLAN, run, { kind: 'skip', atIso: at('2027-03-09'), occurrenceId: 'w1-b' }, at('2027-03-09'));
    const st = programmeState(PLAN, skipped, RECORDS, '2027-03-16');
    const weeks = weeklyProgress(PLAN, skipped, st.occurrences, RECORDS, '2027-03-16');
    expect(weeks).toHaveLength(6);
    expect(weeks.slice(0, 3)).toEqual([
      { week: 1, from: '2027-03-01', to: '2027-03-07', planned: 3, done: 0, partial: 1, skipped: 0, practice: 1 },
      { week: 2, from: '2027-03-08', to: '2027-03-14', planned: 3, done: 0, partial: 1, skipped: 1, practice: 0 },
      { week: 3, from: '2027-03-15', to: '2027-03-21', planned: 3, done: 0, partial: 1, skipped: 0, practice: 0 },
    ]);
    // Past the plan's end the rows go on to the current week.
    expect(weeklyProgress(PLAN, run, st.occurrences, RECORDS, '2027-04-20').map((w) => w.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('buildClinicianReport', () => {
  const report = buildClinicianReport({ records: RECORDS, programme: { plan: PLAN, run }, generatedOn: '2027-03-16' });

  it('period and totals', () => {
    expect(report.generatedOn).toBe('2027-03-16');
    expect(report.period).toEqual({ from: '2027-02-25', to: '2027-03-15' });
    // sets 1 + 2 + 4 + 2 + 4 + 2; reps 10 + 40 + 40; holds 2 + 2 + 2; days 02-25, 03-01, 03-03, 03-10, 03-15
    expect(report.totals).toEqual({ sessions: 6, activeDays: 5, exercises: 4, sets: 15, reps: 90, holds: 6 });
  });

  it('the single-leg section: series, the latest test in full, and the change first -> latest per leg', () => {
    expect(report.singleLeg.points.map((p) => p.recordId)).toEqual(['test-1', 'test-2']);
    expect(report.singleLeg.latest).toMatchObject({ recordId: 'test-2', day: '2027-03-15' });
    expect(report.singleLeg.latest!.report.left).toMatchObject({ meanDropDeg: 1.5, verdict: 'level' });
    expect(report.singleLeg.change).toEqual({
      fromDay: '2027-03-01', toDay: '2027-03-15',
      left: { holdMsDiff: 0, meanDropDegDiff: -0.5 },       // 1.5 - 2.0
      right: { holdMsDiff: 12_000, meanDropDegDiff: -3.5 }, // 30 - 18 s; 3.0 - 6.5
    });
  });

  it('the trend per programme week, week 0 = before the start', () => {
    expect(report.weeks).toEqual([
      { week: 0, from: '2027-02-25', to: '2027-02-28', sessions: 1, reps: 10, repsWithFault: 5, repFaultRate: 0.5, holds: 0, holdsOnTarget: 0, singleLegMeanDropDeg: null },
      // test-1 (2 trials, left on target), clam-1 (4 of 40 faulty), plank-1 (2 holds, left on target)
      { week: 1, from: '2027-03-01', to: '2027-03-07', sessions: 3, reps: 40, repsWithFault: 4, repFaultRate: 0.1, holds: 4, holdsOnTarget: 2, singleLegMeanDropDeg: { left: 2, right: 6.5 } },
      { week: 2, from: '2027-03-08', to: '2027-03-14', sessions: 1, reps: 40, repsWithFault: 2, repFaultRate: 0.05, holds: 0, holdsOnTarget: 0, singleLegMeanDropDeg: null },
      { week: 3, from: '2027-03-15', to: '2027-03-21', sessions: 1, reps: 0, repsWithFault: 0, repFaultRate: null, holds: 2, holdsOnTarget: 2, singleLegMeanDropDeg: { left: 1.5, right: 3 } },
    ]);
  });

  it('per-exercise fault rates: reps with a fault, per code, cue onsets, holds', () => {
    expect(report.exercises.map((e) => e.exerciseId)).toEqual(['clamshell', 'single-leg-stand', 'side-plank', 'squat']);
    const [clamshell, test, plank, squat] = report.exercises as [typeof report.exercises[0], typeof report.exercises[0], typeof report.exercises[0], typeof report.exercises[0]];
    expect(clamshell).toMatchObject({ name: 'Clamshell', sessions: 2, sets: 8, reps: 80, repsWithFault: 6, repFaultRate: 6 / 80, holds: 0, cueOnsets: 6, cueOnsetsPerHold: null, meanHoldMs: null });
    expect(clamshell.repFaults).toEqual([{ code: 'FEET_APART', reps: 6, rate: 6 / 80 }]);
    expect(clamshell.cues).toEqual([{ code: 'FEET_APART', side: 'left', onsets: 4 }, { code: 'FEET_APART', side: 'right', onsets: 2 }]);
    expect(clamshell.weekly).toEqual([{ week: 1, reps: 40, repFaultRate: 0.1, holds: 0, holdsOnTarget: 0 }, { week: 2, reps: 40, repFaultRate: 0.05, holds: 0, holdsOnTarget: 0 }]);
    // 4 trials, 3 at 30 s; one PELVIC_DROP cue -> 0.25 per trial
    expect(test).toMatchObject({ sessions: 2, holds: 4, holdsOnTarget: 3, cueOnsets: 1, cueOnsetsPerHold: 0.25, meanHoldMs: 27_000, repFaultRate: null });
    // 20 s and 12 s -> mean 16 s; 1 cue over 2 holds
    expect(plank).toMatchObject({ sessions: 1, holds: 2, holdsOnTarget: 1, meanHoldMs: 16_000, cueOnsets: 1, cueOnsetsPerHold: 0.5 });
    expect(squat).toMatchObject({ reps: 10, repsWithFault: 5, repFaultRate: 0.5, weekly: [{ week: 0, reps: 10, repFaultRate: 0.5, holds: 0, holdsOnTarget: 0 }] });
  });

  it('the programme: sessions, levels and moves up', () => {
    const p = report.programme!;
    expect(p).toMatchObject({ title: PLAN.title, startDay: START, week: 3, weeks: 6, sessionsPlanned: 18, sessionsDone: 0, sessionsPartial: 3, sessionsSkipped: 0 });
    expect(p.weekly.slice(0, 3).map((w) => [w.week, w.partial, w.practice])).toEqual([[1, 1, 1], [2, 1, 0], [3, 1, 0]]);
    const sideLying = p.levels.find((l) => l.trackId === 'side-lying')!;
    expect(sideLying).toMatchObject({ stepNumber: 2, stepCount: 5, stepTitle: 'Clamshell, 3 x 15', locked: false });
    expect(sideLying.changes).toEqual([{ atIso: at('2027-03-10'), fromStepId: 'clamshell-2x10', toStepId: 'clamshell-3x15', reason: 'clean-sessions' }]);
    expect(p.cleanRule.clean).toMatch(/80 %/);
  });

  it('thresholds come from the rules\' schemas (values as run, documented source); caveats carry the same numbers', () => {
    const cfg = exerciseConfig('single-leg-stand') as { pelvicDropDeg: number; trunkLeanDeg: number };
    const drop = report.thresholds.find((t) => t.exerciseId === 'single-leg-stand' && t.field === 'pelvicDropDeg')!;
    expect(drop).toMatchObject({ group: 'exercise', value: cfg.pelvicDropDeg });
    expect(drop.meaning).toMatch(/PELVIC_DROP/);
    // Only exercises in the records (and the test) are listed; the clean-form rules since a programme is reported.
    expect(new Set(report.thresholds.map((t) => t.exerciseId))).toEqual(new Set(['single-leg-stand', 'squat', 'clamshell', 'side-plank', null]));
    expect(report.thresholds.find((t) => t.exerciseId === 'squat' && t.field === 'valgusFppaDeg')?.meaning).toMatch(/KNEE_VALGUS/);
    expect(report.thresholds.filter((t) => t.group === 'clean form').map((t) => [t.field, t.value])).toEqual([
      ['minCleanRepFraction', 0.8], ['minRepsFraction', 1], ['minHoldsOnTargetFraction', 0.8], ['maxCueOnsetsPerHold', 0.2], ['sessionsToProgress', 2],
    ]);
    expect(report.thresholds.filter((t) => t.group === 'single-leg report').map((t) => t.field)).toEqual(['meanDropFlagDeg', 'meanTrunkLeanFlagDeg']);
    expect(report.caveats[0]).toMatch(/not a diagnosis/);
    expect(report.caveats.join(' ')).toContain(`pelvic drop ${cfg.pelvicDropDeg}°, trunk lean ${cfg.trunkLeanDeg}°`);
    expect(report.caveats.join(' ')).toMatch(/Nothing was uploaded/);
    expect(report.docs.map((d) => d.path)).toContain('src/rules/README.md');
  });

  it('with no records and no programme: an empty, well-formed report', () => {
    const empty = buildClinicianReport({ records: [], generatedOn: '2027-03-16' });
    expect(empty).toMatchObject({ period: null, programme: null, weeks: [], exercises: [], singleLeg: { points: [], latest: null, change: null } });
    expect(empty.totals).toEqual({ sessions: 0, activeDays: 0, exercises: 0, sets: 0, reps: 0, holds: 0 });
    expect(empty.thresholds.every((t) => t.exerciseId === 'single-leg-stand')).toBe(true);
    expect(empty.caveats.length).toBeGreaterThan(5);
  });

  it('without a programme the weeks count from the first record', () => {
    const free = buildClinicianReport({ records: RECORDS, generatedOn: '2027-03-16' });
    // 02-25 is day 1: week 1 = 02-25..03-03, week 2 = 03-04..03-10, week 3 = 03-11..03-17
    expect(free.weeks.map((w) => [w.week, w.from, w.sessions])).toEqual([[1, '2027-02-25', 4], [2, '2027-03-04', 1], [3, '2027-03-11', 1]]);
    expect(free.programme).toBeNull();
    expect(free.thresholds.some((t) => t.group === 'clean form')).toBe(false);
  });
});
