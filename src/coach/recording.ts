// A recorded file as a session: its PoseFrames (analysed once, kept in memory) folded by the same session reducer as
// a live set, with no set-up gate and no countdown (`startAtOnce`), so the summaries are the live ones. One set per
// segment of the file (the user marks where each set starts, or accepts the proposed splits, set-splits.ts); the
// whole file is analysed, so no rep target ends a set early. Besides the summaries it keeps, per frame, what a live
// set would have shown (the cue and the joints it points at) for the replay, and the timeline's marks (timeline.ts).
// Pure: re-run in milliseconds whenever the segments change, without touching the model again.
import type { PoseFrame, Side } from '../core/pose-frame';
import type { ExerciseDefinition, Finding } from '../rules/engine/types';
import { createSession, sessionSpec, stepSession, type SessionState, type SessionSpec } from './coach-session';
import { currentCue, keyOf, openHolds, type CueFinding } from './live-set';
import type { SetSummary, SummariseOptions } from './set-summary';
import { startAtOnce } from './setup-gate';
import { frameIndexAt, marksFrom, type CueSpan, type HoldSpan, type TimelineMark } from './timeline';

export interface RecordingSegment {
  /** First frame time of this set, ms (the first segment starts at the file's start). */
  startMs: number;
  /** The set's working side (null: unsided, or the rule's own choice). */
  side: Side | null;
}

/** What the live screen showed on one frame: the cue over the video, its joints, and the set it belongs to. */
export interface FrameMoment {
  timestampMs: number;
  setIndex: number;
  cue: Pick<CueFinding, 'code' | 'side' | 'severity' | 'joints'> | null;
  /** Reps counted in this set up to and including this frame. */
  reps: number;
}

export interface RecordingResult {
  spec: SessionSpec;
  summaries: SetSummary[];
  /** One per frame, same order as the frames. */
  moments: FrameMoment[];
  marks: TimelineMark[];
}

export interface RecordingOptions {
  summarise?: SummariseOptions;
  /** Hold target per set (ms); null = the rule's default. */
  holdMs?: number | null;
}

/** The set index of time `t`: the last segment starting at or before it (segments sorted by start). */
export function segmentIndexAt(segments: readonly RecordingSegment[], t: number): number {
  let k = 0;
  for (let i = 1; i < segments.length; i++) if (segments[i]!.startMs <= t) k = i;
  return k;
}

export function analyseRecording(
  exercise: ExerciseDefinition,
  frames: readonly PoseFrame[],
  segments: readonly RecordingSegment[],
  options: RecordingOptions = {},
): RecordingResult {
  const segs = segments.length ? [...segments].sort((a, b) => a.startMs - b.startMs) : [{ startMs: 0, side: null }];
  // No rep target and any number of holds: a set of a file is the whole segment.
  // Nobody stops a file's set: a hold still timed when its part of the file ends ended with it.
  const spec = sessionSpec(exercise, { sets: segs.map((s) => s.side), reps: null, holdMs: options.holdMs ?? null, holds: Number.POSITIVE_INFINITY },
    { ...options.summarise, openHoldReason: 'ended' }, startAtOnce);
  let state: SessionState = createSession(spec);
  const moments: FrameMoment[] = [];
  const spans: CueSpan[] = [];
  const open = new Map<string, CueSpan>();
  const holds: HoldSpan[] = [];
  const endSet = () => {
    for (const h of openHolds(state.live)) {
      holds.push({ setIndex: state.setIndex, side: h.side, startMs: h.timestampMs - h.elapsedMs, endMs: h.timestampMs, reason: 'ended' });
    }
    state = stepSession(state, { type: 'end-set' }, spec).state;
  };
  const closeSpans = (keep: Set<string>) => {
    for (const [k, span] of open) if (!keep.has(k)) { spans.push(span); open.delete(k); }
  };
  const endAndMoveTo = (k: number) => {
    while (state.setIndex < k) {
      if (state.set === 'running') endSet();
      closeSpans(new Set());
      state = stepSession(state, { type: 'next-set' }, spec).state;
    }
  };
  for (const frame of frames) {
    endAndMoveTo(segmentIndexAt(segs, frame.timestampMs));
    const r = stepSession(state, { type: 'frame', frame }, spec);
    state = r.state;
    for (const f of r.findings) {
      if (f.kind === 'hold-end') holds.push({ setIndex: state.setIndex, side: f.side, startMs: f.timestampMs - f.elapsedMs, endMs: f.timestampMs, reason: f.reason });
    }
    const running = state.set === 'running' || r.events.some((e) => e.type === 'set-complete');
    const cues = running ? state.live.cues.filter((c) => c.severity !== 'info') : [];
    const keep = new Set<string>();
    for (const c of cues) {
      const k = keyOf(c.code, c.side);
      keep.add(k);
      const span = open.get(k);
      if (span) span.endMs = frame.timestampMs;
      else open.set(k, { setIndex: state.setIndex, code: c.code, side: c.side, severity: c.severity, startMs: frame.timestampMs, endMs: frame.timestampMs });
    }
    closeSpans(keep);
    const cue = running ? currentCue(state.live) : null;
    moments.push({
      timestampMs: frame.timestampMs, setIndex: state.setIndex,
      cue: cue ? { code: cue.code, side: cue.side, severity: cue.severity, joints: cue.joints } : null,
      reps: state.live.reps.length,
    });
  }
  closeSpans(new Set());
  endAndMoveTo(segs.length - 1);
  if (state.set === 'running') endSet();
  const summaries = state.summaries;
  return { spec, summaries, moments, marks: marksFrom(summaries, spans, holds, segs.map((s) => s.startMs)) };
}


/** The moment shown at media time `t` (the last frame at or before it; the first frame before the first). */
export function momentAt(moments: readonly FrameMoment[], t: number): FrameMoment | null {
  return moments[frameIndexAt(moments, t)] ?? null;
}
