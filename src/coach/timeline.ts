// The timeline under a reviewed video, as data: every rep, hold and fault interval as a mark, where each mark sits
// (percent of the file's length, and a lane so marks of one kind never hide another), and the navigation the review
// offers (previous / next rep, one frame back or on). Pure: the component only draws what this returns.
import type { FindingSide, Severity } from '../rules/engine/types';
import type { HoldResult, SetSummary } from './set-summary';

/** A warning or fault cue that stayed on from startMs to endMs (first and last frame it was shown). */
export interface CueSpan { setIndex: number; code: string; side: FindingSide; severity: Severity; startMs: number; endMs: number }

export type TimelineMark =
  | { kind: 'set'; setIndex: number; startMs: number; endMs: number }
  /** `index` is 1-based within its set; `faults` are the rep's own fault codes. */
  | { kind: 'rep'; setIndex: number; index: number; side: FindingSide; startMs: number; endMs: number; faults: string[] }
  | { kind: 'hold'; setIndex: number; side: FindingSide; startMs: number; endMs: number; reason: HoldResult['reason'] }
  | { kind: 'fault'; setIndex: number; code: string; side: FindingSide; severity: Severity; startMs: number; endMs: number };

/** A hold as the timeline shows it: from its first timed frame to its end. */
export interface HoldSpan { setIndex: number; side: FindingSide; startMs: number; endMs: number; reason: HoldResult['reason'] }

/** Marks from a recording's set summaries (reps), its cue spans and holds; sorted by start, sets first. */
export function marksFrom(
  summaries: readonly SetSummary[],
  spans: readonly CueSpan[],
  holds: readonly HoldSpan[],
  setStartsMs: readonly number[],
): TimelineMark[] {
  const marks: TimelineMark[] = [];
  setStartsMs.forEach((startMs, i) => {
    const endMs = setStartsMs[i + 1] ?? Math.max(startMs, ...summaries.map((s) => s.startedAtMs + s.durationMs));
    marks.push({ kind: 'set', setIndex: i, startMs, endMs });
  });
  summaries.forEach((s, setIndex) => {
    s.reps.forEach((r, i) => marks.push({
      kind: 'rep', setIndex, index: i + 1, side: r.side, startMs: r.timestampMs - r.durationMs, endMs: r.timestampMs, faults: [...r.faults],
    }));
  });
  for (const h of holds) marks.push({ kind: 'hold', ...h });
  for (const s of spans) marks.push({ kind: 'fault', ...s });
  const order = { set: 0, rep: 1, hold: 2, fault: 3 } as const;
  return marks.sort((a, b) => a.startMs - b.startMs || order[a.kind] - order[b.kind]);
}

export interface PlacedMark {
  mark: TimelineMark;
  /** Left edge and width, percent of the timeline. A mark is at least `minWidthPct` wide so a click can hit it. */
  leftPct: number;
  widthPct: number;
  /** 0 = reps and holds, 1.. = faults (one lane per fault code and side, in order of first appearance). */
  lane: number;
}

export interface TimelineLayout {
  marks: PlacedMark[];
  /** Set boundaries after the first, percent. */
  setStartsPct: number[];
  lanes: number;
  /** What each fault lane shows (lane 1 first). */
  faultLanes: { code: string; side: FindingSide }[];
}

/** Where time `t` sits on a timeline from `startMs` to `endMs`, percent (clamped). */
export const timelinePct = (t: number, startMs: number, endMs: number): number =>
  Math.min(100, Math.max(0, ((t - startMs) / Math.max(1, endMs - startMs)) * 100));

/** The time at `fraction` (0..1) of a timeline from `startMs` to `endMs`. */
export const timelineTime = (fraction: number, startMs: number, endMs: number): number =>
  startMs + Math.min(1, Math.max(0, fraction)) * (endMs - startMs);

/** Places marks on a timeline from `startMs` to `endMs` of the file. */
export function layoutTimeline(marks: readonly TimelineMark[], startMs: number, endMs: number, minWidthPct = 0.8): TimelineLayout {
  const pct = (t: number) => timelinePct(t, startMs, endMs);
  const faultLanes = new Map<string, number>();
  const laneKeys: { code: string; side: FindingSide }[] = [];
  const placed: PlacedMark[] = [];
  const setStartsPct: number[] = [];
  for (const m of marks) {
    if (m.kind === 'set') { if (m.setIndex > 0) setStartsPct.push(pct(m.startMs)); continue; }
    let lane = 0;
    if (m.kind === 'fault') {
      const key = `${m.code}|${m.side}`;
      if (!faultLanes.has(key)) { faultLanes.set(key, faultLanes.size + 1); laneKeys.push({ code: m.code, side: m.side }); }
      lane = faultLanes.get(key)!;
    }
    const left = pct(m.startMs);
    const width = Math.max(minWidthPct, pct(m.endMs) - left);
    placed.push({ mark: m, leftPct: Math.min(left, 100 - width), widthPct: width, lane });
  }
  return { marks: placed, setStartsPct, lanes: 1 + faultLanes.size, faultLanes: laneKeys };
}

type Timed = { timestampMs: number };

/** Where to seek to show frame `i`: halfway to the next frame, so the player lands on it whatever its rounding. */
export function seekTimeForFrame(frames: readonly Timed[], i: number): number {
  const f = frames[i];
  if (!f) return 0;
  const next = frames[i + 1];
  return next ? (f.timestampMs + next.timestampMs) / 2 : f.timestampMs;
}

/** Index of the last item whose timestampMs <= t (0 when t is before the first); -1 when empty. Binary search. */
export function frameIndexAt(items: readonly Timed[], t: number): number {
  if (items.length === 0) return -1;
  let lo = 0, hi = items.length - 1;
  if (t < items[0]!.timestampMs) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid]!.timestampMs <= t) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** The frame `step` frames from the one shown at `t` (clamped to the file), as an index; -1 when empty. */
export function stepFrameIndex(frames: readonly Timed[], t: number, step: number): number {
  if (frames.length === 0) return -1;
  return Math.min(frames.length - 1, Math.max(0, frameIndexAt(frames, t) + step));
}

/** A rep or a hold: what previous / next step through. */
export type WorkMark = Extract<TimelineMark, { kind: 'rep' | 'hold' }>;

/** Reps and holds in time order (all sets). */
const workMarks = (marks: readonly TimelineMark[]) => marks.filter((m): m is WorkMark => m.kind === 'rep' || m.kind === 'hold');

/** What previous / next step through in these marks: reps, holds, or both (a side plank with leg raises). */
export function workUnit(marks: readonly TimelineMark[]): 'rep' | 'hold' | 'rep or hold' {
  const reps = marks.some((m) => m.kind === 'rep'), holds = marks.some((m) => m.kind === 'hold');
  return reps && holds ? 'rep or hold' : holds ? 'hold' : 'rep';
}

/**
 * The next rep or hold after time `t` (its start is later than `t` by more than `toleranceMs`, so pressing "next"
 * while sitting on a start moves on), or null.
 */
export function nextRepOrHold(marks: readonly TimelineMark[], t: number, toleranceMs = 50): WorkMark | null {
  return workMarks(marks).find((m) => m.startMs > t + toleranceMs) ?? null;
}

/** The rep or hold before the one at `t` (its start is earlier than `t` by more than `toleranceMs`), or null. */
export function previousRepOrHold(marks: readonly TimelineMark[], t: number, toleranceMs = 50): WorkMark | null {
  const before = workMarks(marks).filter((m) => m.startMs < t - toleranceMs);
  return before[before.length - 1] ?? null;
}
