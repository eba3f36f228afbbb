// One coaching session as a pure reducer: `stepSession(state, input, spec) -> {state, events, findings}`.
// A session is an exercise, a plan of sets (each with a working side) and a start step (the live set-up gate, or
// none for a recording analysed from its first frame). Each frame runs the exercise's pure `step`, moves the start
// step on, folds the findings into the live set, and says what happened (events) so a UI can speak and re-render.
// The state is plain data; no DOM, no clock: times are the frames' timestamps.
import type { z } from 'zod';
import type { PoseFrame, Side } from '../core/pose-frame';
import { resolveConfig } from '../rules/engine/run';
import type { ExerciseDefinition, Finding } from '../rules/engine/types';
import { setOverrides } from '../rules/registry';
import { createLiveSet, DEFAULT_LIVE_SET_OPTIONS, foldFindings, keyOf, repCounts, type CueFinding, type LiveSet, type LiveSetOptions } from './live-set';
import { setupGate, type SetupGate, type StartStep } from './setup-gate';
import { summariseSet, type SetSummary, type SummariseOptions } from './set-summary';

export interface SessionPlan {
  /** Working side of each set, in order (null for unsided exercises). */
  sets: (Side | null)[];
  /** Reps per set; the set ends by itself when reached. Null = no rep target (hold, or end by hand). */
  reps: number | null;
  /** Hold target per set (ms); null = the rule's default. */
  holdMs: number | null;
  /** Holds in one set, for exercises whose rule repeats the hold (e.g. the wall clamshell); null or absent = 1. */
  holds?: number | null;
  /** Rule config overrides for every set (a programme step's variant, hold target...); the set's side and the
   * plan's hold target are applied over them. Absent = the rule's defaults. */
  config?: Record<string, unknown>;
}

/** What stays fixed for a whole session. */
export interface SessionSpec {
  exercise: ExerciseDefinition;
  plan: SessionPlan;
  summarise: SummariseOptions;
  /** How each set starts counting: `setupGate()` live, `startAtOnce` for a recording. */
  start: StartStep;
}

export type SessionInput =
  | { type: 'frame'; frame: PoseFrame }
  /** End the set in progress now (by hand); its summary is kept. */
  | { type: 'end-set' }
  /** Move on to the next set of the plan (after a set ended); it starts with the start step again. */
  | { type: 'next-set' };

export type CoachEvent =
  | { type: 'countdown'; seconds: number }
  | { type: 'go' }
  | { type: 'cue-on'; cue: CueFinding }
  | { type: 'rep'; count: number }
  /** `lastSet`: it was the plan's last set, so the session is finished. */
  | { type: 'set-complete'; summary: SetSummary; lastSet: boolean };

/** The exercise's rule while a set runs: its parsed config and its state (both plain data). */
export interface RuleRun {
  config: unknown;
  state: unknown;
  /** The frame the rule was restarted on when the countdown began, while it has counted or timed nothing since; it
   * then carries on at "go" (a start posture held during the countdown counts). Null otherwise. */
  cleanSinceMs: number | null;
}

export interface SessionState {
  setIndex: number;
  /** 'running' until the set ends (target reached, the rule says done, or ended by hand); 'ended' until the next. */
  set: 'running' | 'ended';
  gate: SetupGate;
  rule: RuleRun;
  live: LiveSet;
  /** Summaries of the sets ended so far, in order. */
  summaries: SetSummary[];
  /** Last frame's timestamp in this set (a smaller one means the video was rewound), null before the first. */
  lastFrameMs: number | null;
  /** Countdown second last announced, so each is said once. */
  countdownShown: number | null;
}

export interface SessionStep { state: SessionState; events: CoachEvent[]; findings: Finding[] }

/** Series are kept only when the summary asks for them (the single-leg plots); others would cost a copy per frame. */
const NO_SERIES = /(?!)/;

export function sessionSpec(exercise: ExerciseDefinition, plan: SessionPlan, summarise: SummariseOptions = {}, start: StartStep = setupGate()): SessionSpec {
  if (plan.sets.length === 0) throw new Error('a session needs at least one set');
  return { exercise, plan, summarise, start };
}

/** The rule config overrides of a set (the plan's config, then its side and hold target): the one place a set's
 * config is built. */
export const setRuleOverrides = (spec: SessionSpec, setIndex: number): Record<string, unknown> =>
  ({ ...(spec.plan.config ?? {}), ...setOverrides(spec.exercise, spec.plan.sets[setIndex] ?? null, spec.plan.holdMs) });

function startRule(spec: SessionSpec, setIndex: number): RuleRun {
  const config = resolveConfig(spec.exercise as ExerciseDefinition<z.ZodType, unknown>, setRuleOverrides(spec, setIndex));
  return { config, state: spec.exercise.initialState(config), cleanSinceMs: null };
}
const restartRule = (spec: SessionSpec, rule: RuleRun, cleanSinceMs: number | null = null): RuleRun =>
  ({ config: rule.config, state: spec.exercise.initialState(rule.config), cleanSinceMs });

function startSet(spec: SessionSpec, setIndex: number, summaries: SetSummary[]): SessionState {
  return {
    setIndex, set: 'running', gate: spec.start.initial(), rule: startRule(spec, setIndex),
    live: createLiveSet(spec.exercise.id, spec.plan.sets[setIndex] ?? null), summaries, lastFrameMs: null, countdownShown: null,
  };
}

export const createSession = (spec: SessionSpec): SessionState => startSet(spec, 0, []);

// ------------------------------------------------------------------ reading the state

export const sideOf = (spec: SessionSpec, s: SessionState): Side | null => spec.plan.sets[s.setIndex] ?? null;

/** Reps that count toward this set's target (this side's, or all when unsided). */
export function repsThisSide(spec: SessionSpec, s: SessionState): number {
  const side = sideOf(spec, s);
  return side === null ? repCounts(s.live).total : s.live.reps.filter((r) => r.side === side || r.side === 'both').length;
}

/** The last set of the plan has ended. */
export const isFinished = (spec: SessionSpec, s: SessionState): boolean => s.set === 'ended' && s.setIndex >= spec.plan.sets.length - 1;

/** The set in progress has counted or timed something worth keeping. */
export const hasWork = (s: SessionState): boolean =>
  s.set === 'running' && s.live.startedAtMs !== null && (s.live.reps.length > 0 || Object.keys(s.live.holds).length > 0);

// ------------------------------------------------------------------ the reducer

export function stepSession(state: SessionState, input: SessionInput, spec: SessionSpec): SessionStep {
  switch (input.type) {
    case 'frame': return stepFrame(state, input.frame, spec);
    case 'end-set': return state.set === 'ended' ? { state, events: [], findings: [] } : endSet(state, spec, []);
    case 'next-set':
      if (state.set !== 'ended' || state.setIndex >= spec.plan.sets.length - 1) return { state, events: [], findings: [] };
      return { state: startSet(spec, state.setIndex + 1, state.summaries), events: [], findings: [] };
  }
}

/** Every frame through the session in order (a recording analysed at once, or a test). */
export function runSession(spec: SessionSpec, frames: Iterable<PoseFrame>, from: SessionState = createSession(spec)): { state: SessionState; events: CoachEvent[] } {
  let state = from;
  const events: CoachEvent[] = [];
  for (const frame of frames) {
    const r = stepFrame(state, frame, spec);
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

function endSet(s: SessionState, spec: SessionSpec, events: CoachEvent[]): SessionStep {
  const summary = summariseSet(s.live, spec.summarise);
  const lastSet = s.setIndex >= spec.plan.sets.length - 1;
  return { state: { ...s, set: 'ended', summaries: [...s.summaries, summary] }, events: [...events, { type: 'set-complete', summary, lastSet }], findings: [] };
}

/** Findings that mean the rule counted or timed something (a rep, a hold running or ended). */
const startsWork = (f: Finding): boolean => f.kind === 'rep' || f.kind === 'hold' || f.kind === 'hold-end';

function stepFrame(prev: SessionState, frame: PoseFrame, spec: SessionSpec): SessionStep {
  if (prev.set === 'ended') return { state: prev, events: [], findings: [] }; // ignored until the next set
  const t = frame.timestampMs;
  let rule = prev.rule;
  let gate = prev.gate;
  if (prev.lastFrameMs !== null && t < prev.lastFrameMs) {
    // Time went back (a video file rewound or looped): the rule starts afresh; before "go" so does the set-up.
    rule = { ...rule, state: spec.exercise.initialState(rule.config) };
    if (gate.status !== 'counting') gate = spec.start.initial();
  }
  const r = spec.exercise.step(rule.state, frame, rule.config);
  const findings = r.findings;
  rule = { ...rule, state: r.state };
  const before = gate.status;
  gate = spec.start.step(gate, findings, t);
  const events: CoachEvent[] = [];
  if (gate.status === 'countdown' && before !== 'countdown') {
    // The rule starts afresh with the countdown, so a rule that waits for a start posture (a hold's start wait) has
    // had it by "go" and the first rep or hold right after "go" counts.
    rule = restartRule(spec, rule, t);
  } else if (gate.status === 'countdown' && findings.some(startsWork)) {
    rule = { ...rule, cleanSinceMs: null };
  }
  const seconds = gate.status === 'countdown' ? Math.max(1, Math.ceil(gate.remainingMs / 1000)) : null;
  if (seconds !== null && seconds !== prev.countdownShown) events.push({ type: 'countdown', seconds });
  const base = { ...prev, rule, gate, lastFrameMs: t, countdownShown: seconds };
  if (gate.status !== 'counting') {
    // Show why we are waiting, but record nothing yet.
    const visibility = findings.find((f) => f.kind === 'visibility') as LiveSet['visibility'] ?? null;
    return { state: { ...base, live: { ...prev.live, visibility } }, events, findings };
  }
  let live = prev.live;
  if (before !== 'counting') {
    live = createLiveSet(spec.exercise.id, sideOf(spec, prev));
    events.push({ type: 'go' });
    if (rule.cleanSinceMs === null) {
      // A rep or a hold began during the countdown (or there was none): start the rule afresh at "go", so nothing
      // from the set-up counts and a hold is timed from "go".
      return { state: { ...base, live, rule: restartRule(spec, rule) }, events, findings: [] };
    }
  }
  const options: LiveSetOptions = { ...DEFAULT_LIVE_SET_OPTIONS, keepSeries: spec.summarise.keepSeries ?? NO_SERIES };
  const next = foldFindings(live, findings, t, options);
  for (const c of next.cues) {
    if (c.severity !== 'info' && live.cueOnsetMs[keyOf(c.code, c.side)] === undefined) events.push({ type: 'cue-on', cue: c });
  }
  const state: SessionState = { ...base, live: next };
  if (next.reps.length > live.reps.length) events.push({ type: 'rep', count: repsThisSide(spec, state) });
  if (isComplete(spec, state, findings)) return { ...endSet(state, spec, events), findings };
  return { state, events, findings };
}

function isComplete(spec: SessionSpec, s: SessionState, findings: readonly Finding[]): boolean {
  // The rule says it is done (e.g. all holds of a multi-hold exercise), or enough holds have ended.
  if (findings.some((f) => f.kind === 'phase' && f.phase === 'done')) return true;
  if (findings.some((f) => f.kind === 'hold-end') && s.live.holdEnds.length >= (spec.plan.holds ?? 1)) return true;
  return spec.plan.reps !== null && repsThisSide(spec, s) >= spec.plan.reps;
}

/** A number from the rule's default config whose key matches (e.g. the pelvic-drop flag in degrees), or null. */
export function ruleDefault(def: ExerciseDefinition, key: RegExp): number | null {
  const r = (def.configSchema as z.ZodType).safeParse({});
  if (!r.success || typeof r.data !== 'object' || r.data === null) return null;
  for (const [k, v] of Object.entries(r.data as Record<string, unknown>)) if (key.test(k) && typeof v === 'number') return v;
  return null;
}
