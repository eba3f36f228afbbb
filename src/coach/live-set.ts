// Pure session layer: folds the rule findings of each frame into the state of the set in progress.
// No DOM, no clock (times come from the frames), inputs never mutated. Components render this state;
// they do no aggregation of their own.
import type { Side } from '../core/pose-frame';
import type { Finding, FindingSide, Severity } from '../rules/engine/types';

export type CueFinding = Extract<Finding, { kind: 'cue' }>;
export type MeasureFinding = Extract<Finding, { kind: 'measure' }>;
export type RepFinding = Extract<Finding, { kind: 'rep' }>;
export type HoldFinding = Extract<Finding, { kind: 'hold' }>;
export type HoldEndFinding = Extract<Finding, { kind: 'hold-end' }>;
export type VisibilityFinding = Extract<Finding, { kind: 'visibility' }>;
export type PhaseFinding = Extract<Finding, { kind: 'phase' }>;

/** A measured quantity over time (one code and side), for plots. */
export interface Series {
  code: string;
  side: FindingSide;
  unit: MeasureFinding['unit'];
  tMs: number[];
  values: number[];
}

export interface LiveSetOptions {
  /** Longest series kept per measure; beyond it every other point is dropped (keeps a 30 fps set of minutes small). */
  maxSeriesPoints: number;
  /** Keep series only for measure codes matching this (null = keep all). Series cost a copy per frame. */
  keepSeries?: RegExp | null;
  /**
   * Frames the rule could not judge (a joint lost for a moment) within this long (ms) of the last judged frame keep
   * what is shown: the cues (with their onsets, so one fault is not counted twice) and the measures, and the
   * "not visible" message waits. Longer gaps show it and start cues afresh. Our default: the rules' own
   * dropoutHoldMs (rules/engine/config.ts), over which they keep their debounced fault states too.
   */
  dropoutHoldMs?: number;
}
export const DEFAULT_LIVE_SET_OPTIONS: LiveSetOptions = { maxSeriesPoints: 4000, keepSeries: null, dropoutHoldMs: 400 };

export interface LiveSet {
  exerciseId: string;
  side: Side | null;
  /** Timestamp of the first frame folded in (frame clock, ms). */
  startedAtMs: number | null;
  lastTimestampMs: number | null;
  phase: PhaseFinding['phase'] | null;
  /** Why this frame cannot be judged, or null (also during a short dropout, see LiveSetOptions.dropoutHoldMs). */
  visibility: VisibilityFinding | null;
  /** Last frame the rule could judge (no visibility finding). */
  lastJudgedMs: number | null;
  /** Cues active on the latest frame. */
  cues: CueFinding[];
  /** Onset time of each active cue, keyed by `code|side`. */
  cueOnsetMs: Record<string, number>;
  /** Latest value of each measure, keyed by `code|side`. */
  measures: Record<string, MeasureFinding>;
  series: Record<string, Series>;
  reps: RepFinding[];
  /** Latest hold status per side. */
  holds: Partial<Record<FindingSide, HoldFinding>>;
  holdEnds: HoldEndFinding[];
  /** Number of times each warning/fault cue came on (rising edges), keyed by `code|side`. */
  faultOnsets: Record<string, number>;
}

export const keyOf = (code: string, side: FindingSide): string => `${code}|${side}`;
export const splitKey = (key: string): { code: string; side: FindingSide } => {
  const i = key.lastIndexOf('|');
  return { code: key.slice(0, i), side: key.slice(i + 1) as FindingSide };
};

export function createLiveSet(exerciseId: string, side: Side | null): LiveSet {
  return {
    exerciseId, side, startedAtMs: null, lastTimestampMs: null, phase: null, visibility: null, lastJudgedMs: null,
    cues: [], cueOnsetMs: {}, measures: {}, series: {}, reps: [], holds: {}, holdEnds: [], faultOnsets: {},
  };
}

function appendPoint(s: Series, t: number, v: number, max: number): Series {
  let tMs = [...s.tMs, t];
  let values = [...s.values, v];
  if (tMs.length > max) {
    // Halve the resolution rather than forget the start of the set.
    tMs = tMs.filter((_, i) => i % 2 === 0);
    values = values.filter((_, i) => i % 2 === 0);
  }
  return { ...s, tMs, values };
}

/** Fold one frame's findings in. `timestampMs` is the frame's time (findings may be empty). */
export function foldFindings(
  prev: LiveSet,
  findings: readonly Finding[],
  timestampMs: number,
  options: LiveSetOptions = DEFAULT_LIVE_SET_OPTIONS,
): LiveSet {
  const vis = findings.find((f): f is VisibilityFinding => f.kind === 'visibility');
  const brief = vis !== undefined && prev.lastJudgedMs !== null
    && timestampMs - prev.lastJudgedMs <= (options.dropoutHoldMs ?? 0);
  const next: LiveSet = {
    ...prev,
    startedAtMs: prev.startedAtMs ?? timestampMs,
    lastTimestampMs: timestampMs,
    lastJudgedMs: vis ? prev.lastJudgedMs : timestampMs,
    visibility: null,
    cues: brief ? [...prev.cues] : [], // a copy: cues are pushed below and `prev` is never mutated
  };
  const cueOnsetMs: Record<string, number> = brief ? { ...prev.cueOnsetMs } : {};
  let faultOnsets = prev.faultOnsets;
  let measures = prev.measures;
  let series = prev.series;
  let holds = prev.holds;
  let reps = prev.reps;
  let holdEnds = prev.holdEnds;

  for (const f of findings) {
    switch (f.kind) {
      case 'cue': {
        const k = keyOf(f.code, f.side);
        if (k in cueOnsetMs) break; // duplicate on the same frame
        next.cues.push(f);
        const onset = prev.cueOnsetMs[k];
        cueOnsetMs[k] = onset ?? f.timestampMs;
        if (onset === undefined && f.severity !== 'info') {
          faultOnsets = { ...faultOnsets, [k]: (faultOnsets[k] ?? 0) + 1 };
        }
        break;
      }
      case 'measure': {
        if (!Number.isFinite(f.value)) break; // a NaN angle is "not measured", never plotted as 0
        const k = keyOf(f.code, f.side);
        measures = { ...measures, [k]: f };
        if (options.keepSeries && !options.keepSeries.test(f.code)) break;
        const s = series[k] ?? { code: f.code, side: f.side, unit: f.unit, tMs: [], values: [] };
        series = { ...series, [k]: appendPoint(s, f.timestampMs, f.value, options.maxSeriesPoints) };
        break;
      }
      case 'rep':
        reps = [...reps, f];
        break;
      case 'hold':
        holds = { ...holds, [f.side]: f };
        break;
      case 'hold-end':
        holdEnds = [...holdEnds, f];
        break;
      case 'visibility':
        if (!brief) next.visibility = f;
        break;
      case 'phase':
        next.phase = f.phase;
        break;
    }
  }
  // Stale measures are dropped while the body cannot be judged, so the UI never shows an old angle as live.
  if (next.visibility) measures = {};
  return { ...next, cueOnsetMs, faultOnsets, measures, series, holds, reps, holdEnds };
}

const SEVERITY_RANK: Record<Severity, number> = { fault: 3, warning: 2, info: 1 };

/** The one cue to show big: most severe first, then the one that has been on the longest (it is steadier). */
export function currentCue(set: LiveSet): CueFinding | null {
  let best: CueFinding | null = null;
  for (const c of set.cues) {
    if (!best) { best = c; continue; }
    const d = SEVERITY_RANK[c.severity] - SEVERITY_RANK[best.severity];
    const onsetC = set.cueOnsetMs[keyOf(c.code, c.side)] ?? c.timestampMs;
    const onsetB = set.cueOnsetMs[keyOf(best.code, best.side)] ?? best.timestampMs;
    if (d > 0 || (d === 0 && onsetC < onsetB)) best = c;
  }
  return best;
}

/** Latest hold status to show: the running one if any, else the one with the most time. */
export function currentHold(set: LiveSet): HoldFinding | null {
  const hs = Object.values(set.holds).filter((h): h is HoldFinding => !!h);
  if (hs.length === 0) return null;
  return hs.find((h) => h.running) ?? hs.reduce((a, b) => (b.elapsedMs > a.elapsedMs ? b : a));
}

/** Holds still timed: a side's latest status with time on it that is newer than any end of that side's hold. */
export function openHolds(set: LiveSet): HoldFinding[] {
  return Object.values(set.holds).filter((h): h is HoldFinding => !!h && h.elapsedMs > 0
    && !set.holdEnds.some((e) => e.side === h.side && e.timestampMs >= h.timestampMs));
}

/** Reps counted so far, per side (a 'both' rep counts for the set as a whole). */
export function repCounts(set: LiveSet): { total: number; left: number; right: number } {
  let left = 0, right = 0;
  for (const r of set.reps) {
    if (r.side === 'left') left++;
    else if (r.side === 'right') right++;
  }
  return { total: set.reps.length, left, right };
}
