// Summary of one finished set, built from the live set state. Pure aggregation (the components only render it).
// Also the stored shape: a SetSummary is what the history keeps (see storage/session-record.ts).
import type { Side } from '../core/pose-frame';
import type { FindingSide } from '../rules/engine/types';
import { openHolds, type LiveSet, type Series, splitKey } from './live-set';

export interface RepSummary {
  index: number;
  side: FindingSide;
  timestampMs: number;
  durationMs: number;
  metrics: Record<string, number>;
  faults: string[];
}

export interface FaultCount { code: string; side: FindingSide; count: number }

export interface Asymmetry {
  /** What is compared, e.g. a rep metric key (`peakFppaDeg`), `reps` or `holdMs`. */
  metric: string;
  left: number;
  right: number;
  /** right - left, in the metric's unit. */
  diff: number;
  /** |diff| as a percentage of the larger magnitude (0 when both are 0). */
  pct: number;
}

export interface HoldResult {
  side: FindingSide;
  elapsedMs: number;
  targetMs: number | null;
  /** 'stopped': the user ended the set during the hold; 'ended': the recorded set (its part of a file) ended during it. */
  reason: 'target' | 'posture-lost' | 'foot-down' | 'stopped' | 'ended';
  metrics: Record<string, number>;
}

export interface SetSummary {
  exerciseId: string;
  side: Side | null;
  /** Frame-clock times of the first and last frame of the set. */
  startedAtMs: number;
  durationMs: number;
  repCount: number;
  reps: RepSummary[];
  /** The rep metric charted per rep, or null when reps carry no metric. */
  mainMetric: string | null;
  holds: HoldResult[];
  /** Warning/fault cues by how often they came on during the set, most frequent first. */
  faults: FaultCount[];
  /** Faults attached to reps, by count (a rep with a fault counts once per code). */
  repFaults: { code: string; count: number }[];
  asymmetry: Asymmetry[];
  /** Measured series kept for plots (only those asked for; e.g. pelvic obliquity in the single-leg test). */
  series: Series[];
}

/** First key of `preferred` that some rep carries; else the first key ending in Deg; else any key. */
export function pickMainMetric(reps: readonly RepSummary[], preferred: readonly string[]): string | null {
  const keys = new Set(reps.flatMap((r) => Object.keys(r.metrics)));
  for (const p of preferred) if (keys.has(p)) return p;
  const all = [...keys];
  return all.find((k) => /Deg$/.test(k)) ?? all[0] ?? null;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function asymmetryOf(metric: string, left: number, right: number): Asymmetry {
  const m = Math.max(Math.abs(left), Math.abs(right));
  return { metric, left, right, diff: right - left, pct: m === 0 ? 0 : (Math.abs(right - left) / m) * 100 };
}

/** Left/right comparisons available in a set: reps per side, the main metric per side (from sided reps or from
 * paired `...Left...`/`...Right...` metric keys on 'both' reps), and hold time per side. */
export function setAsymmetry(reps: readonly RepSummary[], holds: readonly HoldResult[], mainMetric: string | null): Asymmetry[] {
  const out: Asymmetry[] = [];
  const left = reps.filter((r) => r.side === 'left');
  const right = reps.filter((r) => r.side === 'right');
  if (left.length > 0 && right.length > 0) {
    out.push(asymmetryOf('reps', left.length, right.length));
    if (mainMetric) {
      const l = left.map((r) => r.metrics[mainMetric]).filter((v): v is number => Number.isFinite(v));
      const rr = right.map((r) => r.metrics[mainMetric]).filter((v): v is number => Number.isFinite(v));
      if (l.length && rr.length) out.push(asymmetryOf(mainMetric, mean(l), mean(rr)));
    }
  }
  // Paired per-knee metrics on whole-body reps, e.g. peakFppaLeftDeg / peakFppaRightDeg.
  const keys = new Set(reps.flatMap((r) => Object.keys(r.metrics)));
  for (const k of keys) {
    const m = /^(.*)Left(.*)$/.exec(k);
    if (!m) continue;
    const rk = `${m[1]}Right${m[2]}`;
    if (!keys.has(rk)) continue;
    const l = reps.map((r) => r.metrics[k]).filter((v): v is number => Number.isFinite(v));
    const rr = reps.map((r) => r.metrics[rk]).filter((v): v is number => Number.isFinite(v));
    if (l.length && rr.length) out.push(asymmetryOf(`${m[1]}${m[2]}`, mean(l), mean(rr)));
  }
  const hl = holds.filter((h) => h.side === 'left');
  const hr = holds.filter((h) => h.side === 'right');
  if (hl.length && hr.length) {
    out.push(asymmetryOf('holdMs', Math.max(...hl.map((h) => h.elapsedMs)), Math.max(...hr.map((h) => h.elapsedMs))));
  }
  return out;
}

export interface SummariseOptions {
  /** Rep metric keys to chart, best first (from the exercise content). */
  preferredMetrics?: readonly string[];
  /** Keep series whose code matches (e.g. /PELVIC|TRUNK/ for the single-leg test). */
  keepSeries?: RegExp;
  /** Why a hold still timed when the set ends ended: 'stopped' (by the user, live; the default) or 'ended' (a file's set). */
  openHoldReason?: 'stopped' | 'ended';
}

export function summariseSet(set: LiveSet, options: SummariseOptions = {}): SetSummary {
  const reps: RepSummary[] = set.reps.map((r) => ({
    index: r.index, side: r.side, timestampMs: r.timestampMs, durationMs: r.durationMs,
    metrics: { ...r.metrics }, faults: [...r.faults],
  }));
  const holds: HoldResult[] = set.holdEnds.map((h) => ({
    side: h.side, elapsedMs: h.elapsedMs, targetMs: null, reason: h.reason, metrics: { ...h.metrics },
  }));
  for (const h of Object.values(set.holds)) for (const x of holds) if (h && x.side === h.side) x.targetMs = h.targetMs;
  // A hold stopped with the set (by the user, or the end of a file's set) has no hold-end: keep its latest time.
  for (const h of openHolds(set)) {
    holds.push({ side: h.side, elapsedMs: h.elapsedMs, targetMs: h.targetMs, reason: options.openHoldReason ?? 'stopped', metrics: {} });
  }
  const faults = Object.entries(set.faultOnsets)
    .map(([k, count]) => ({ ...splitKey(k), count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const rf = new Map<string, number>();
  for (const r of reps) for (const c of new Set(r.faults)) rf.set(c, (rf.get(c) ?? 0) + 1);
  const repFaults = [...rf].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count);
  const mainMetric = pickMainMetric(reps, options.preferredMetrics ?? []);
  const startedAtMs = set.startedAtMs ?? 0;
  const keep = options.keepSeries;
  return {
    exerciseId: set.exerciseId,
    side: set.side,
    startedAtMs,
    durationMs: (set.lastTimestampMs ?? startedAtMs) - startedAtMs,
    repCount: reps.length,
    reps,
    mainMetric,
    holds,
    faults,
    repFaults,
    asymmetry: setAsymmetry(reps, holds, mainMetric),
    series: keep ? Object.values(set.series).filter((s) => keep.test(s.code)) : [],
  };
}

export interface RepChart {
  /** The metric charted, without a side (`peakFppaDeg` for the pair peakFppaLeftDeg / peakFppaRightDeg). */
  metric: string;
  /** Rep numbers 1..n (in order of completion). */
  x: number[];
  series: { key: string; side: FindingSide; values: (number | null)[] }[];
}

/** Per-rep values to chart: per-side metric pairs (…Left…/…Right…) when the reps carry them, else the main metric
 * split by rep side (left/right reps of a lunge), else the main metric alone. */
export function repChart(s: SetSummary): RepChart | null {
  const m = s.mainMetric;
  if (!m || s.reps.length === 0) return null;
  const x = s.reps.map((_, i) => i + 1);
  const keys = new Set(s.reps.flatMap((r) => Object.keys(r.metrics)));
  const base = m.replace(/(Left|Right)/, '');
  const lk = base.replace(/(Deg|Ms|Ratio)?$/, (u) => `Left${u}`);
  const rk = base.replace(/(Deg|Ms|Ratio)?$/, (u) => `Right${u}`);
  const val = (k: string) => s.reps.map((r) => (Number.isFinite(r.metrics[k]) ? r.metrics[k]! : null));
  if (keys.has(lk) && keys.has(rk)) {
    return { metric: base, x, series: [{ key: lk, side: 'left', values: val(lk) }, { key: rk, side: 'right', values: val(rk) }] };
  }
  const sides = new Set(s.reps.map((r) => r.side));
  if (sides.has('left') && sides.has('right')) {
    return {
      metric: m,
      x,
      series: (['left', 'right'] as const).map((side) => ({
        key: m, side, values: s.reps.map((r) => (r.side === side && Number.isFinite(r.metrics[m]) ? r.metrics[m]! : null)),
      })),
    };
  }
  return { metric: m, x, series: [{ key: m, side: s.side ?? 'both', values: val(m) }] };
}

/** Left/right comparison across the sets of a session (a sided exercise done as a left set then a right set):
 * each set's reps and holds count for that set's side. Empty until both sides have a set. */
export function sessionAsymmetry(sets: readonly SetSummary[]): Asymmetry[] {
  const sides = new Set(sets.map((s) => s.side).filter((x) => x !== null));
  if (sides.size < 2) return [];
  const reps = sets.flatMap((s) => s.reps.map((r) => ({ ...r, side: s.side ?? r.side })));
  const holds = sets.flatMap((s) => s.holds.map((h) => ({ ...h, side: s.side ?? h.side })));
  const main = sets.find((s) => s.mainMetric)?.mainMetric ?? null;
  return setAsymmetry(reps, holds, main);
}
