// Progress for History and the report: programme sessions per calendar week of the programme, and the single-leg
// stand test over time (hold time and pelvic drop per leg, from the same single-leg report the app shows after
// each test). Pure.
import type { Side } from '../core/pose-frame';
import { type LegVerdict, singleLegReport } from '../coach/single-leg-report';
import { localDay } from '../coach/trends';
import type { ProgrammeRecord } from '../storage/programme-record';
import type { SessionRecord } from '../storage/session-record';
import { weekDays, weekOf } from './days';
import type { Plan } from './plan-schema';
import type { Occurrence } from './today';

export interface WeekProgress {
  week: number;
  from: string;
  to: string;
  /** Sessions the plan puts in this week. */
  planned: number;
  /** Programme sessions finished (done) / started but left unfinished (partial), counted in the week they began. */
  done: number;
  partial: number;
  /** Sessions skipped on a day of this week. */
  skipped: number;
  /** Exercises done outside the programme (records without a programme tag) this week. */
  practice: number;
}

/** One row per programme week, from week 1 to the later of the plan's last week and the current week. */
export function weeklyProgress(
  plan: Plan, programme: ProgrammeRecord, occurrences: readonly Occurrence[], records: readonly SessionRecord[], today: string,
): WeekProgress[] {
  const weeks = Math.max(plan.weeks, weekOf(programme.startDay, today));
  const week = (day: string) => weekOf(programme.startDay, day);
  const skipDay = new Map<string, string>();
  // A skipped session counts in the week of the choice that completed the skip (the last one for it).
  for (const o of programme.overrides) if (o.kind === 'skip') skipDay.set(o.occurrenceId, localDay(o.atIso));
  return Array.from({ length: weeks }, (_, i) => {
    const w = i + 1;
    const began = occurrences.filter((o) => o.firstDay !== null && week(o.firstDay) === w);
    return {
      week: w,
      ...weekDays(programme.startDay, w),
      planned: plan.sessions.filter((s) => s.week === w).length,
      done: began.filter((o) => o.state === 'done').length,
      partial: began.filter((o) => o.state === 'partial' || o.state === 'in-progress').length,
      skipped: occurrences.filter((o) => o.state === 'skipped' && skipDay.has(o.id) && week(skipDay.get(o.id)!) === w).length,
      practice: records.filter((r) => r.programme === undefined && week(localDay(r.startedAt)) === w).length,
    };
  });
}

export interface LegResult {
  holdMs: number;
  targetMs: number;
  reachedTarget: boolean;
  meanDropDeg: number | null;
  peakDropDeg: number | null;
  meanTrunkLeanDeg: number | null;
  verdict: LegVerdict;
}

export interface SingleLegPoint {
  recordId: string;
  startedAt: string;
  day: string;
  /** Programme week of the test, when a programme start day is given. */
  week: number | null;
  left: LegResult | null;
  right: LegResult | null;
  /** right - left mean drop, deg, when both legs were measured. */
  meanDropDegDiff: number | null;
  /** The side named worse by the single-leg report (only beyond its measurement-error margin). */
  worseSide: Side | null;
}

export const SINGLE_LEG_TEST_ID = 'single-leg-stand';

/** Every single-leg stand test in the records (programme or not), oldest first. */
export function singleLegSeries(records: readonly SessionRecord[], startDay?: string, testExerciseId = SINGLE_LEG_TEST_ID): SingleLegPoint[] {
  return records
    .filter((r) => r.exerciseId === testExerciseId && r.sets.length > 0)
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt))
    .map((r) => {
      const rep = singleLegReport(r.sets);
      const leg = (t: typeof rep.left): LegResult | null => (t ? {
        holdMs: t.holdMs, targetMs: t.targetMs, reachedTarget: t.reachedTarget, meanDropDeg: t.meanDropDeg,
        peakDropDeg: t.peakDropDeg, meanTrunkLeanDeg: t.meanTrunkLeanDeg, verdict: t.verdict,
      } : null);
      const day = localDay(r.startedAt);
      return {
        recordId: r.id, startedAt: r.startedAt, day, week: startDay ? weekOf(startDay, day) : null,
        left: leg(rep.left), right: leg(rep.right),
        meanDropDegDiff: rep.comparison?.meanDropDegDiff ?? null, worseSide: rep.comparison?.worseSide ?? null,
      };
    });
}
