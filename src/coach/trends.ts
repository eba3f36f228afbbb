// Trends over days for the history screen: per exercise and calendar day (local time), reps, the mean of the
// main rep metric and the best hold. Pure. Reads saved sessions by shape only, so the coach needs no storage code.
import type { SetSummary } from './set-summary';

/** What the trends read from a saved session (a stored session record has this shape and more). */
export interface SessionForTrends {
  exerciseId: string;
  /** Wall-clock start, ISO 8601. */
  startedAt: string;
  sets: readonly Pick<SetSummary, 'mainMetric' | 'repCount' | 'reps' | 'holds'>[];
}

export interface DayTrend {
  /** YYYY-MM-DD in the user's time zone. */
  day: string;
  sessions: number;
  reps: number;
  /** Mean of the sets' main rep metric over all reps of the day, or null. */
  meanMainMetric: number | null;
  mainMetric: string | null;
  /** True when the metric is a left/right pair (…Left…/…Right…) and each rep's value is its worse (larger) side. */
  pairedSides: boolean;
  bestHoldMs: number | null;
  /** Single-leg stand test: mean pelvic drop per stance leg over the day's trials (from the rule's hold-end
   * `meanDropDeg`), or null when no trial reported it. */
  meanDropDeg: { left: number | null; right: number | null } | null;
}

export function localDay(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function dailyTrends(records: readonly SessionForTrends[], exerciseId: string): DayTrend[] {
  const byDay = new Map<string, SessionForTrends[]>();
  for (const r of records) {
    if (r.exerciseId !== exerciseId) continue;
    const d = localDay(r.startedAt);
    byDay.set(d, [...(byDay.get(d) ?? []), r]);
  }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, rs]) => {
    const sets = rs.flatMap((r) => r.sets);
    const m = sets.find((s) => s.mainMetric)?.mainMetric ?? null;
    // A per-side pair (peakFppaLeftDeg / peakFppaRightDeg) trends as the worse side of each rep.
    const pair = m && /(Left|Right)/.test(m) ? [m.replace('Right', 'Left'), m.replace('Left', 'Right')] as const : null;
    const mainMetric = pair ? m!.replace(/(Left|Right)/, '') : m;
    const repValue = (metrics: Record<string, number>): number | undefined => {
      if (!pair) return m ? metrics[m] : undefined;
      const vs = [metrics[pair[0]], metrics[pair[1]]].filter((v): v is number => Number.isFinite(v));
      return vs.length ? Math.max(...vs) : undefined;
    };
    const vals = sets.flatMap((s) => s.reps.map((rep) => repValue(rep.metrics))).filter((v): v is number => Number.isFinite(v));
    const holds = sets.flatMap((s) => s.holds.map((h) => h.elapsedMs));
    const dropOf = (side: 'left' | 'right') => {
      const v = sets.flatMap((s) => s.holds.filter((h) => h.side === side).map((h) => h.metrics.meanDropDeg)).filter((x): x is number => Number.isFinite(x));
      return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
    };
    const dl = dropOf('left'), dr = dropOf('right');
    return {
      day, sessions: rs.length, reps: sets.reduce((a, s) => a + s.repCount, 0), mainMetric, pairedSides: pair !== null,
      meanMainMetric: vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null,
      bestHoldMs: holds.length ? Math.max(...holds) : null,
      meanDropDeg: dl === null && dr === null ? null : { left: dl, right: dr },
    };
  });
}
