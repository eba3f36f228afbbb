// Trends over days for the history screen: per exercise and calendar day (local time), reps, the mean of the
// main rep metric and the best hold. Pure.
import type { SessionRecord } from '../storage/session-record';

export interface DayTrend {
  /** YYYY-MM-DD in the user's time zone. */
  day: string;
  sessions: number;
  reps: number;
  /** Mean of the sets' main rep metric over all reps of the day, or null. */
  meanMainMetric: number | null;
  mainMetric: string | null;
  bestHoldMs: number | null;
}

export function localDay(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function dailyTrends(records: readonly SessionRecord[], exerciseId: string): DayTrend[] {
  const byDay = new Map<string, SessionRecord[]>();
  for (const r of records) {
    if (r.exerciseId !== exerciseId) continue;
    const d = localDay(r.startedAt);
    byDay.set(d, [...(byDay.get(d) ?? []), r]);
  }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, rs]) => {
    const sets = rs.flatMap((r) => r.sets);
    const mainMetric = sets.find((s) => s.mainMetric)?.mainMetric ?? null;
    const vals = mainMetric ? sets.flatMap((s) => s.reps.map((rep) => rep.metrics[mainMetric])).filter((v): v is number => Number.isFinite(v)) : [];
    const holds = sets.flatMap((s) => s.holds.map((h) => h.elapsedMs));
    return {
      day, sessions: rs.length, reps: sets.reduce((a, s) => a + s.repCount, 0), mainMetric,
      meanMainMetric: vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null,
      bestHoldMs: holds.length ? Math.max(...holds) : null,
    };
  });
}
