// The shareable clinician report as a pure model: every number the printable page shows is computed here from the
// stored session records (and the programme run, when there is one), so the page only renders. Contents:
// period and totals; the programme (sessions per week, current steps, moves up); the single-leg stand test per
// leg over time and its change; the trend per week; per-exercise fault rates; the thresholds in use with their
// sources (read from the rules' zod schemas, so they are the ones the app ran); caveats.
import { DEFAULT_SINGLE_LEG_REPORT, type SingleLegReport, singleLegReport } from '../coach/single-leg-report';
import { localDay } from '../coach/trends';
import { type CleanCriteria, cleanCriteriaSchema, DEFAULT_CLEAN_CRITERIA, holdOnTarget } from '../programme/clean';
import { addDays, weekDays, weekOf } from '../programme/days';
import type { Plan } from '../programme/plan-schema';
import { type SingleLegPoint, SINGLE_LEG_TEST_ID, singleLegSeries, type WeekProgress, weeklyProgress } from '../programme/progress';
import type { LevelChange } from '../programme/progression';
import { programmeState } from '../programme/today';
import { exerciseConfig, getExercise } from '../rules/registry';
import type { ProgrammeRecord } from '../storage/programme-record';
import type { SessionRecord } from '../storage/session-record';
import { reportCaveats, REPORT_DOCS } from './caveats';

type StoredSet = SessionRecord['sets'][number];

export interface ReportInput {
  records: readonly SessionRecord[];
  /** The programme run to report on, with its plan; null for free practice only. */
  programme?: { plan: Plan; run: ProgrammeRecord } | null;
  /** The local day the report is made (YYYY-MM-DD). */
  generatedOn: string;
  criteria?: CleanCriteria;
}

export interface ProgrammeSummary {
  title: string;
  startDay: string;
  /** Programme week on the report day. */
  week: number;
  weeks: number;
  sessionsPlanned: number;
  sessionsDone: number;
  sessionsPartial: number;
  sessionsSkipped: number;
  weekly: WeekProgress[];
  levels: { trackId: string; title: string; stepTitle: string; stepNumber: number; stepCount: number; locked: boolean; changes: LevelChange[] }[];
  cleanRule: { clean: string; progression: string };
}

export interface LegChange { holdMsDiff: number | null; meanDropDegDiff: number | null }

export interface SingleLegSection {
  /** Every test, oldest first: the per-leg series for the charts. */
  points: SingleLegPoint[];
  /** The latest test in full (incl. the pelvic obliquity trace of each leg). */
  latest: { recordId: string; day: string; report: SingleLegReport } | null;
  /** Latest minus first test, per leg; null with fewer than two tests. */
  change: { fromDay: string; toDay: string; left: LegChange; right: LegChange } | null;
}

export interface WeekTrend {
  /** Week number from the anchor (programme start, else the first record); 0 = before the programme started. */
  week: number;
  from: string;
  to: string;
  sessions: number;
  reps: number;
  repsWithFault: number;
  repFaultRate: number | null;
  holds: number;
  holdsOnTarget: number;
  /** Mean of the week's single-leg tests' mean pelvic drop per leg, deg. */
  singleLegMeanDropDeg: { left: number | null; right: number | null } | null;
}

export interface ExerciseFaults {
  exerciseId: string;
  name: string;
  sessions: number;
  sets: number;
  reps: number;
  repsWithFault: number;
  /** Reps with at least one form warning or fault / reps. */
  repFaultRate: number | null;
  holds: number;
  holdsOnTarget: number;
  meanHoldMs: number | null;
  /** Form cues that came on (warnings and faults), and per hold for hold exercises. */
  cueOnsets: number;
  cueOnsetsPerHold: number | null;
  /** Per fault code: reps carrying it and their share of all reps. */
  repFaults: { code: string; reps: number; rate: number }[];
  /** Per cue code and side: how often it came on. */
  cues: { code: string; side: 'left' | 'right' | 'both'; onsets: number }[];
  /** The rep fault rate per week, for the trend. */
  weekly: { week: number; reps: number; repFaultRate: number | null; holds: number; holdsOnTarget: number }[];
}

export interface ThresholdEntry {
  /** 'exercise' = a rule's cue threshold; 'single-leg report' and 'clean form' = the app's summary rules. */
  group: 'exercise' | 'single-leg report' | 'clean form';
  exerciseId: string | null;
  exerciseName: string | null;
  field: string;
  value: unknown;
  /** The field's documented meaning and source. */
  meaning: string;
}

export interface ClinicianReport {
  generatedOn: string;
  /** First and last day with a record. */
  period: { from: string; to: string } | null;
  /** `sessions` = stored session records (one exercise each, programme or practice). */
  totals: { sessions: number; activeDays: number; exercises: number; sets: number; reps: number; holds: number };
  programme: ProgrammeSummary | null;
  singleLeg: SingleLegSection;
  weeks: WeekTrend[];
  exercises: ExerciseFaults[];
  thresholds: ThresholdEntry[];
  caveats: string[];
  docs: readonly { title: string; path: string }[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const meanOrNull = (xs: readonly number[]) => (xs.length ? sum(xs) / xs.length : null);
const rate = (n: number, of: number) => (of > 0 ? n / of : null);
const byStart = (a: SessionRecord, b: SessionRecord) => Date.parse(a.startedAt) - Date.parse(b.startedAt);
const holdsOf = (sets: readonly StoredSet[]) => sets.flatMap((s) => s.holds);
const onTarget = (sets: readonly StoredSet[]) => holdsOf(sets).filter((h) => holdOnTarget(h, h.targetMs)).length;
const repsOf = (sets: readonly StoredSet[]) => sets.flatMap((s) => s.reps);

/** Reps, reps with a fault and their rate, holds and holds on target over some sets. */
function tally(sets: readonly StoredSet[]) {
  const reps = repsOf(sets);
  const repsWithFault = reps.filter((r) => r.faults.length > 0).length;
  return { reps: reps.length, repsWithFault, repFaultRate: rate(repsWithFault, reps.length), holds: holdsOf(sets).length, holdsOnTarget: onTarget(sets) };
}

function exerciseName(id: string, fallback: string): string {
  try { return getExercise(id).name; } catch { return fallback; }
}

function exerciseFaults(id: string, records: readonly SessionRecord[], weekOfDay: (day: string) => number): ExerciseFaults {
  const sets = records.flatMap((r) => r.sets);
  const reps = repsOf(sets);
  const holds = holdsOf(sets);
  const codes = new Map<string, number>();
  for (const r of reps) for (const c of new Set(r.faults)) codes.set(c, (codes.get(c) ?? 0) + 1);
  const cueMap = new Map<string, { code: string; side: 'left' | 'right' | 'both'; onsets: number }>();
  for (const f of sets.flatMap((s) => s.faults)) {
    const k = `${f.code}|${f.side}`;
    cueMap.set(k, { code: f.code, side: f.side, onsets: (cueMap.get(k)?.onsets ?? 0) + f.count });
  }
  const cueOnsets = sum([...cueMap.values()].map((c) => c.onsets));
  const byWeek = new Map<number, StoredSet[]>();
  for (const r of records) {
    const w = weekOfDay(localDay(r.startedAt));
    byWeek.set(w, [...(byWeek.get(w) ?? []), ...r.sets]);
  }
  const { repsWithFault, repFaultRate, holdsOnTarget } = tally(sets);
  return {
    exerciseId: id,
    name: exerciseName(id, records[0]?.exerciseName ?? id),
    sessions: records.length,
    sets: sets.length,
    reps: reps.length,
    repsWithFault,
    repFaultRate,
    holds: holds.length,
    holdsOnTarget,
    meanHoldMs: meanOrNull(holds.map((h) => h.elapsedMs)),
    cueOnsets,
    cueOnsetsPerHold: rate(cueOnsets, holds.length),
    repFaults: [...codes].map(([code, n]) => ({ code, reps: n, rate: n / reps.length })).sort((a, b) => b.reps - a.reps || a.code.localeCompare(b.code)),
    cues: [...cueMap.values()].sort((a, b) => b.onsets - a.onsets || a.code.localeCompare(b.code)),
    weekly: [...byWeek].sort(([a], [b]) => a - b).map(([week, ss]) => {
      const t = tally(ss);
      return { week, reps: t.reps, repFaultRate: t.repFaultRate, holds: t.holds, holdsOnTarget: t.holdsOnTarget };
    }),
  };
}

const description = (field: unknown): string => (field as { description?: string }).description ?? '';

/** A rule's cue thresholds: the config fields whose documented meaning names one of the exercise's cue codes. */
export function cueThresholds(exerciseId: string): ThresholdEntry[] {
  let def;
  try { def = getExercise(exerciseId); } catch { return []; }
  const codes = def.cueCodes ?? [];
  const shape = (def.configSchema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const config = exerciseConfig(exerciseId) as Record<string, unknown>;
  return Object.entries(shape)
    .filter(([, f]) => codes.some((c) => description(f).includes(c)))
    .map(([field, f]) => ({ group: 'exercise' as const, exerciseId, exerciseName: def.name, field, value: config[field], meaning: description(f) }));
}

function singleLegSection(records: readonly SessionRecord[], startDay: string | undefined): SingleLegSection {
  const points = singleLegSeries(records, startDay);
  const lastPoint = points.at(-1);
  const lastRecord = lastPoint ? records.find((r) => r.id === lastPoint.recordId) : undefined;
  const first = points[0];
  const diff = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : b - a);
  const legChange = (side: 'left' | 'right'): LegChange => ({
    holdMsDiff: diff(first?.[side]?.holdMs, lastPoint?.[side]?.holdMs),
    meanDropDegDiff: diff(first?.[side]?.meanDropDeg, lastPoint?.[side]?.meanDropDeg),
  });
  return {
    points,
    latest: lastPoint && lastRecord ? { recordId: lastRecord.id, day: lastPoint.day, report: singleLegReport(lastRecord.sets) } : null,
    change: first && lastPoint && points.length > 1 ? { fromDay: first.day, toDay: lastPoint.day, left: legChange('left'), right: legChange('right') } : null,
  };
}

function weekTrend(
  records: readonly SessionRecord[], days: readonly string[], anchor: string | undefined, weekOfDay: (day: string) => number,
  tests: readonly SingleLegPoint[],
): WeekTrend[] {
  if (!anchor || days.length === 0) return [];
  const recordWeeks = days.map(weekOfDay);
  const out: WeekTrend[] = [];
  // Week 0 (only when there are records before the programme's start day) gathers everything before it.
  for (let w = Math.min(...recordWeeks) === 0 ? 0 : 1; w <= Math.max(...recordWeeks); w++) {
    const rs = records.filter((r) => weekOfDay(localDay(r.startedAt)) === w);
    const weekTests = tests.filter((p) => weekOfDay(p.day) === w);
    const drop = (side: 'left' | 'right') => meanOrNull(weekTests.map((p) => p[side]?.meanDropDeg).filter((v): v is number => v != null));
    out.push({
      week: w,
      ...(w > 0 ? weekDays(anchor, w) : { from: days[0]!, to: addDays(anchor, -1) }),
      sessions: rs.length,
      ...tally(rs.flatMap((r) => r.sets)),
      singleLegMeanDropDeg: weekTests.length ? { left: drop('left'), right: drop('right') } : null,
    });
  }
  return out;
}

export function buildClinicianReport(input: ReportInput): ClinicianReport {
  const criteria = input.criteria ?? DEFAULT_CLEAN_CRITERIA;
  const records = [...input.records].sort(byStart);
  const days = records.map((r) => localDay(r.startedAt));
  const startDay = input.programme?.run.startDay;
  const anchor = startDay ?? days[0];
  const weekOfDay = (day: string) => (anchor ? Math.max(0, weekOf(anchor, day)) : 1);

  let programme: ProgrammeSummary | null = null;
  if (input.programme) {
    const { plan, run } = input.programme;
    const st = programmeState(plan, run, records, input.generatedOn, criteria);
    programme = {
      title: plan.title, startDay: run.startDay, week: st.week, weeks: plan.weeks,
      sessionsPlanned: st.counts.planned, sessionsDone: st.counts.done, sessionsPartial: st.counts.partial, sessionsSkipped: st.counts.skipped,
      weekly: weeklyProgress(plan, run, st.occurrences, records, input.generatedOn),
      levels: st.levels.map((l) => ({
        trackId: l.trackId, title: l.title, stepTitle: l.step.title, stepNumber: l.stepIndex + 1, stepCount: l.stepCount, locked: l.locked, changes: l.changes,
      })),
      cleanRule: st.rule,
    };
  }

  const singleLeg = singleLegSection(records, startDay);
  const weeks = weekTrend(records, days, anchor, weekOfDay, singleLeg.points);

  const ids = [...new Set(records.map((r) => r.exerciseId))];
  const exercises = ids.map((id) => exerciseFaults(id, records.filter((r) => r.exerciseId === id), weekOfDay))
    .sort((a, b) => b.sessions - a.sessions || a.name.localeCompare(b.name));

  const testConfig = exerciseConfig(SINGLE_LEG_TEST_ID) as { pelvicDropDeg: number; trunkLeanDeg: number };
  const cleanShape = cleanCriteriaSchema.shape;
  const thresholds: ThresholdEntry[] = [
    ...[SINGLE_LEG_TEST_ID, ...ids.filter((id) => id !== SINGLE_LEG_TEST_ID)].flatMap(cueThresholds),
    { group: 'single-leg report', exerciseId: SINGLE_LEG_TEST_ID, exerciseName: exerciseName(SINGLE_LEG_TEST_ID, SINGLE_LEG_TEST_ID), field: 'meanDropFlagDeg',
      value: DEFAULT_SINGLE_LEG_REPORT.meanDropFlagDeg, meaning: 'A trial is flagged for pelvic drop when its mean drop reaches this (deg), even without a cue. Our default: above the ~3 deg 2D measurement error, not a validated clinical cut-off.' },
    { group: 'single-leg report', exerciseId: SINGLE_LEG_TEST_ID, exerciseName: exerciseName(SINGLE_LEG_TEST_ID, SINGLE_LEG_TEST_ID), field: 'meanTrunkLeanFlagDeg',
      value: DEFAULT_SINGLE_LEG_REPORT.meanTrunkLeanFlagDeg, meaning: 'A trial is flagged for trunk lean toward the standing leg when its mean lean reaches this (deg). Our default, same reasoning.' },
    ...(programme ? (Object.keys(cleanShape) as (keyof CleanCriteria)[]).map((field) => ({
      group: 'clean form' as const, exerciseId: null, exerciseName: null, field, value: criteria[field], meaning: description(cleanShape[field]),
    })) : []),
  ];

  return {
    generatedOn: input.generatedOn,
    period: days.length ? { from: days[0]!, to: days.at(-1)! } : null,
    totals: {
      sessions: records.length, activeDays: new Set(days).size, exercises: ids.length,
      sets: sum(records.map((r) => r.sets.length)), reps: sum(records.map((r) => repsOf(r.sets).length)), holds: sum(records.map((r) => holdsOf(r.sets).length)),
    },
    programme,
    singleLeg,
    weeks,
    exercises,
    thresholds,
    caveats: reportCaveats({ pelvicDropDeg: testConfig.pelvicDropDeg, trunkLeanDeg: testConfig.trunkLeanDeg }),
    docs: REPORT_DOCS,
  };
}
