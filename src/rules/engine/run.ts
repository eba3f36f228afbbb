// Running an exercise definition over frames: a fold of the pure `step`. Used by fixture tests, benchmarks and
// the UI (via `createRunner`, which keeps the state between frames). Config input is parsed by the definition's
// zod schema, so callers pass partial overrides and get the documented defaults for the rest.
import type { z } from 'zod';
import type { PoseFrame } from '../../core/pose-frame';
import type { ExerciseDefinition, Finding, FindingSide } from './types';

export interface FrameFindings { timestampMs: number; findings: Finding[] }

export interface RunResult<S> {
  /** All findings, in frame order. */
  findings: Finding[];
  /** Findings grouped per input frame (same length and order as the input). */
  perFrame: FrameFindings[];
  /** State after the last frame. */
  state: S;
  /** The parsed, complete config that was used. */
  config: unknown;
}

/** Parse a partial config (undefined = all defaults) with the definition's schema. Throws a ZodError on bad input. */
export function resolveConfig<C extends z.ZodType, S>(def: ExerciseDefinition<C, S>, overrides?: unknown): z.infer<C> {
  return def.configSchema.parse(overrides ?? {});
}

export function runExercise<C extends z.ZodType, S>(
  def: ExerciseDefinition<C, S>,
  frames: readonly PoseFrame[],
  config?: unknown,
): RunResult<S> {
  const cfg = resolveConfig(def, config);
  let state = def.initialState(cfg);
  const findings: Finding[] = [];
  const perFrame: FrameFindings[] = [];
  for (const frame of frames) {
    const r = def.step(state, frame, cfg);
    state = r.state;
    perFrame.push({ timestampMs: frame.timestampMs, findings: r.findings });
    for (const f of r.findings) findings.push(f);
  }
  return { findings, perFrame, state, config: cfg };
}

/** Stateful wrapper for live use: `push(frame)` returns that frame's findings. Frames must be time-ordered. */
export interface Runner<S> {
  push(frame: PoseFrame): Finding[];
  reset(): void;
  readonly state: S;
}

export function createRunner<C extends z.ZodType, S>(def: ExerciseDefinition<C, S>, config?: unknown): Runner<S> {
  const cfg = resolveConfig(def, config);
  let state = def.initialState(cfg);
  let lastMs = -Infinity;
  return {
    push(frame) {
      if (frame.timestampMs < lastMs) throw new Error(`frames must be time-ordered: ${frame.timestampMs} ms after ${lastMs} ms`);
      lastMs = frame.timestampMs;
      const r = def.step(state, frame, cfg);
      state = r.state;
      return r.findings;
    },
    reset() { state = def.initialState(cfg); lastMs = -Infinity; },
    get state() { return state; },
  };
}

// ------------------------------------------------------------------ summaries (for tests, fixtures, reports)

export interface CueInterval { code: string; side: FindingSide; startMs: number; endMs: number; frames: number }

/**
 * Intervals of consecutive frames on which `pick` yields a key (code + side); one interval per run of a key. Frames
 * the checker could not judge (a visibility finding) within `bridgeMs` of an interval's last frame do not end it:
 * the app keeps showing a cue over such a short dropout (coach/live-set.ts), so the user sees one interval.
 */
export function findingRuns(
  perFrame: readonly { timestampMs: number; findings: readonly Finding[] }[],
  pick: (f: Finding) => { code: string; side: FindingSide } | null,
  bridgeMs = 0,
): CueInterval[] {
  const open = new Map<string, CueInterval>();
  const done: CueInterval[] = [];
  for (const fr of perFrame) {
    if (bridgeMs > 0 && fr.findings.some((f) => f.kind === 'visibility')) {
      for (const [key, iv] of open) if (fr.timestampMs - iv.endMs > bridgeMs) { done.push(iv); open.delete(key); }
      continue;
    }
    const seen = new Set<string>();
    for (const f of fr.findings) {
      const k = pick(f);
      if (!k) continue;
      const key = `${k.code}|${k.side}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const iv = open.get(key);
      if (iv) { iv.endMs = fr.timestampMs; iv.frames++; } else open.set(key, { ...k, startMs: fr.timestampMs, endMs: fr.timestampMs, frames: 1 });
    }
    for (const [key, iv] of open) if (!seen.has(key)) { done.push(iv); open.delete(key); }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.startMs - b.startMs || a.code.localeCompare(b.code));
}

/**
 * Cue intervals: a cue (code+side) present on consecutive frames forms one interval from its first to its last
 * frame's timestamp.
 */
export const cueIntervals = (perFrame: readonly FrameFindings[]): CueInterval[] =>
  findingRuns(perFrame, (f) => (f.kind === 'cue' ? { code: f.code, side: f.side } : null));

export interface RunSummary {
  reps: { total: number; left: number; right: number; both: number };
  repFindings: Extract<Finding, { kind: 'rep' }>[];
  holdEnds: Extract<Finding, { kind: 'hold-end' }>[];
  cues: CueInterval[];
  /** Frames carrying each visibility code. */
  visibilityFrames: { NO_PERSON: number; NOT_VISIBLE: number; WRONG_VIEW: number };
  frames: number;
}

export function summarize(perFrame: readonly FrameFindings[]): RunSummary {
  const s: RunSummary = {
    reps: { total: 0, left: 0, right: 0, both: 0 }, repFindings: [], holdEnds: [], cues: cueIntervals(perFrame),
    visibilityFrames: { NO_PERSON: 0, NOT_VISIBLE: 0, WRONG_VIEW: 0 }, frames: perFrame.length,
  };
  for (const fr of perFrame) {
    for (const f of fr.findings) {
      if (f.kind === 'rep') { s.reps.total++; s.reps[f.side]++; s.repFindings.push(f); }
      else if (f.kind === 'hold-end') s.holdEnds.push(f);
      else if (f.kind === 'visibility') s.visibilityFrames[f.code]++;
    }
  }
  return s;
}
